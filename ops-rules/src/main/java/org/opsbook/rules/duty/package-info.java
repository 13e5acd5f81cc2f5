/**
 * The obligations engine (API): who must tell whom, by which channel and by when, for one fault over time
 * (rules-catalog §5, §7–§9.1, §0.3). A {@link org.opsbook.rules.duty.FaultTracker} folds the fault's
 * {@link org.opsbook.core.FaultEvent}s into its facts, current and peak level and the duties they create; an
 * {@link org.opsbook.rules.duty.ObligationEngine} holds the parameters and the working-day calendar;
 * {@link org.opsbook.rules.duty.FaultDutyService} stores the history and schedules timed duties through the core
 * ports; {@link org.opsbook.rules.duty.Simulation} replays a scripted fault against a fake clock and returns the
 * {@link org.opsbook.rules.duty.Timeline} of duties as they fall due and are done. A rule that asks for two actions
 * (ESC-HANDLE-02, ESC-HANDLE-08) raises them under the catalog's dotted sub-step IDs (§0.1), e.g.
 * {@code ESC-HANDLE-02.1}. {@link org.opsbook.rules.duty.FaultTracker#escalationTrendIndicators()} reads the same
 * conditions as signs of an escalation trend for TICKET-11. Pure: nothing here reads a clock.
 */
@OpsStyle
package org.opsbook.rules.duty;

import org.opsbook.core.OpsStyle;
