/**
 * The workflow kernel (internal: for the library's own modules, not for hosts). A {@link
 * org.opsbook.core.internal.machine.StateMachine} is a declared, immutable transition table of (state, event) →
 * state with the roles that may fire each transition, guards that each name a rule, and the data each records,
 * requires and stamps; deciding returns a {@link org.opsbook.core.internal.machine.Decision} and changes nothing.
 * The {@link org.opsbook.core.internal.machine.Kernel} runs a family on its table: data checks, the time-order rules
 * of {@link org.opsbook.core.internal.machine.TimeOrder} (OPS-TIME-01/02/03, documented there and in
 * {@code org.opsbook.core.machine}), the decision, the effect, one audit entry with its evidence.
 */
@OpsStyle
package org.opsbook.core.internal.machine;

import org.opsbook.core.internal.style.OpsStyle;
