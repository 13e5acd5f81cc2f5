/**
 * The obligations engine and the fault's one history (API): who must tell whom, by which channel and by when, for
 * one fault over time (rules-catalog §5, §7–§9.1, §0.3), and the fault's lifecycle (SM-ESC, §7.3). A
 * {@link org.opsbook.rules.duty.FaultTracker} folds the fault's {@link org.opsbook.core.FaultEvent}s — reports,
 * facts and the lifecycle's steps alike — into its facts, current and peak level, the duties they create and its
 * lifecycle, in time linear in the history; an {@code ObligationEngine} (internal) holds the parameters
 * and the working-day calendar; {@code FaultDutyService} (internal) stores the history with one audit
 * stream per fault, checks the lifecycle's steps by SM-ESC's guards and schedules timed duties through the core
 * ports. A rule that asks for two actions
 * (ESC-HANDLE-02, ESC-HANDLE-08) raises them under the catalog's dotted sub-step IDs (§0.1), e.g.
 * {@code ESC-HANDLE-02.1}. {@link org.opsbook.rules.duty.FaultTracker#escalationTrendIndicators()} reads the same
 * conditions as signs of an escalation trend for TICKET-11. Pure: nothing here reads a clock.
 */
@OpsStyle
package org.opsbook.rules.duty;

import org.opsbook.core.internal.style.OpsStyle;
