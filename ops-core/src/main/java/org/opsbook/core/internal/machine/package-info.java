/**
 * The workflow kernel (internal: for the library's own modules, not for hosts). A {@link
 * org.opsbook.core.internal.machine.StateMachine} is a declared, immutable transition table of (state, event) →
 * state with the roles that may fire each transition, guards that each name a rule, and the data each records,
 * requires and stamps; deciding returns a {@link org.opsbook.core.internal.machine.Decision} and changes nothing.
 * The {@link org.opsbook.core.internal.machine.Kernel} runs a family on its table: data checks, the time-order rules
 * of {@link org.opsbook.core.internal.machine.TimeOrder} (OPS-TIME-01/02/03, below), the decision, the effect, one
 * audit entry with its evidence. Every family (SM-BUG, SM-TICKET, SM-DATAOP-MOD/-EXT, SM-CUTOVER, SM-SMS) applies an
 * event as {@code apply(instance, event, actor, data, at)} and answers with one
 * {@link org.opsbook.core.internal.machine.Outcome}: the new instance with its one audit entry, or a refusal listing
 * every violation with the instance unchanged. The {@link org.opsbook.core.internal.machine.WorkflowStore} is the one
 * path that persists outcomes through the {@link org.opsbook.core.spi.WorkflowRepository} port. Hosts reach all of
 * this through the engine, whose {@code Result} carries the outcome.
 *
 * <p><b>Steps in time order</b> ({@code org.opsbook.core.internal.machine.TimeOrder}). A dated step is evidence (a SOX export shows who approved what and when), so the
 * kernel and the store refuse, each naming its rule:
 * <ul>
 *   <li>OPS-TIME-01: a step dated before the instance's previous step (it would rewrite the history it joins); a
 *       store with a clock records a step up to the skew before it at its time instead (the host's clock is behind
 *       the clock of the host that took the previous step);
 *   <li>OPS-TIME-02: a step, or a time its data states (an approval's {@code …At}, a business confirmation), before
 *       the instance's creation or submission (what the manual orders after submission cannot have happened before
 *       it);
 *   <li>OPS-TIME-03: a step dated more than a stated skew (default 5 minutes) past the store's clock, or a creation
 *       more than the skew before it (hosts' clocks differ by seconds, not days; a ticket opened in 1970 is no
 *       clock's error).
 * </ul>
 */
@OpsStyle
package org.opsbook.core.internal.machine;

import org.opsbook.core.internal.style.OpsStyle;
