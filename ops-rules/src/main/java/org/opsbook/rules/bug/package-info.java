/**
 * BUG-ticket handling (API), BUG-* and SM-BUG: the BUG workflow as a declared state machine whose guards name their
 * rules, the impact threshold of BUG-06, the duties a BUG creates (weekly follow-up BUG-02/08, room-manager report
 * BUG-06, …), the rows of the weekly BUG summary, and a service that keeps BUGs in the host's
 * {@link org.opsbook.core.spi.WorkflowRepository} with an audit entry per accepted transition. The service stores
 * through the core {@code org.opsbook.core.internal.machine.WorkflowStore}, the path every declared workflow shares:
 * {@code BugWorkflow} (internal) is SM-BUG on the workflow kernel, and
 * {@code BugCodec} (internal) its codec.
 */
@OpsStyle
package org.opsbook.rules.bug;

import org.opsbook.core.internal.style.OpsStyle;
