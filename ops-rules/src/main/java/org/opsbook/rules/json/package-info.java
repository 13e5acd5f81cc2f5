/**
 * The decision-API commands of the fault rules (API): {@code classify} (fault level), {@code obligations} (who must
 * be told what, by when, including the ESC-HANDLE sub-steps) and {@code report} (whether a fault goes into the
 * weekly and monthly reports), the documents they read and write, and {@link org.opsbook.rules.json.BugJson}, the JSON form of
 * SM-BUG's stored data and its {@link org.opsbook.rules.bug.BugCodec} for the core
 * {@link org.opsbook.core.machine.WorkflowStore}.
 */
@OpsStyle
package org.opsbook.rules.json;

import org.opsbook.core.OpsStyle;
