/**
 * Declared workflows (API): the one outcome a host reads of every workflow family (SM-BUG, SM-TICKET,
 * SM-DATAOP-MOD/-EXT, SM-CUTOVER, SM-SMS). A workflow ({@code org.opsbook.core.internal.machine.Workflow}, internal) creates an instance and
 * applies an event, always as {@code apply(instance, event, actor, data, at)}, and answers with one
 * {@link org.opsbook.core.machine.Outcome}: the new instance with its one audit entry, or a refusal listing every
 * violation with the instance unchanged ({@link org.opsbook.core.machine.Outcome#orThrow()} turns it into a
 * {@link org.opsbook.core.machine.Outcome.RefusedException}). The store ({@code org.opsbook.core.internal.machine.WorkflowStore}, internal) is the one
 * path that persists outcomes through the {@link org.opsbook.core.spi.WorkflowRepository} port (instance, transition
 * and audit entry in one atomic write, with a codec for the text).
 *
 * <p>Every family runs on one kernel ({@code org.opsbook.core.internal.machine.Kernel}, not API): a family supplies
 * its declared table (transitions, roles, guards, and on each transition the data it records and requires), its
 * effects and its own checks; the kernel checks the data, decides, refuses with every violation and writes the audit
 * entry and evidence.
 *
 * <p><b>Steps in time order</b> ({@code org.opsbook.core.internal.machine.TimeOrder}). A dated step is evidence (a SOX export shows who approved what and when), so the
 * kernel and the store refuse, each naming its rule:
 * <ul>
 *   <li>OPS-TIME-01: a step dated before the instance's previous step (it would rewrite the history it joins);
 *   <li>OPS-TIME-02: a step, or a time its data states (an approval's {@code …At}, a business confirmation), before
 *       the instance's creation or submission (what the manual orders after submission cannot have happened before
 *       it);
 *   <li>OPS-TIME-03: a step dated more than a stated skew (default 5 minutes) past the store's clock, or a creation
 *       more than the skew before it (hosts' clocks differ by seconds, not days; a ticket opened in 1970 is no
 *       clock's error).
 * </ul>
 */
@OpsStyle
package org.opsbook.core.machine;

import org.opsbook.core.internal.style.OpsStyle;
