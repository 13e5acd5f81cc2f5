/**
 * BUG handling's implementation (internal): the duties a BUG creates ({@link org.opsbook.rules.internal.bug.BugDuties}),
 * BUG-06's impact threshold, the codec and the service that keep BUGs in a
 * {@link org.opsbook.core.spi.WorkflowRepository}. Not API: hosts reach BUGs through the engine's {@code bugs()};
 * library modules may use it, hosts and examples may not.
 */
@OpsStyle
package org.opsbook.rules.internal.bug;

import org.opsbook.core.internal.style.OpsStyle;
