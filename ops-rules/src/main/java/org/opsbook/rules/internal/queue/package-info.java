/**
 * The handling order of a work queue (internal): {@link org.opsbook.rules.internal.queue.WorkQueue} orders faults as
 * their trackers see them (FAULT-GEN-02, ESC-HANDLE-06, ESC-REQ-01). Not API; library modules may use it.
 */
@OpsStyle
package org.opsbook.rules.internal.queue;

import org.opsbook.core.internal.style.OpsStyle;
