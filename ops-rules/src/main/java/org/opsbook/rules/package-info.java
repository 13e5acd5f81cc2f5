/**
 * opsbook's rules (API): fault classification, the escalation ladder and recurring duties, report inclusion,
 * complaint-ticket and BUG-ticket workflows, and the data-operation and cutover approval workflows. Every decision
 * names the catalog rule IDs that produced it. The declared workflows answer with the core
 * {@link org.opsbook.core.internal.machine.Outcome} and persist through the core
 * {@code org.opsbook.core.internal.machine.WorkflowStore}. Pure: logic takes {@code now} and never reads a clock.
 */
@OpsStyle
package org.opsbook.rules;

import org.opsbook.core.internal.style.OpsStyle;
