/**
 * The fault lifecycle (API), SM-ESC of rules-catalog §7.3 with the escalated-fault roles and intake rules
 * (ESC-HANDLE): the steps a host takes ({@link org.opsbook.rules.esc.EscEvent}), what they record
 * ({@link org.opsbook.rules.esc.EscEventData}) and the lifecycle a host reads ({@link org.opsbook.rules.esc.EscFault}
 * with its state, owner and handlers). The lifecycle is part of the fault's own history: a step is a
 * {@link org.opsbook.core.FaultEvent} folded by {@link org.opsbook.rules.duty.FaultTracker} with the fault's facts,
 * levels and duties, and stored by {@code FaultDutyService} (internal) with one audit stream per fault;
 * its guards (the AMS declaration ESC-HANDLE-08, ownership by A and by B only while A is away ESC-HANDLE-01/03, the
 * handover note ESC-HANDLE-04, the province report and AMS dispatch ESC-HANDLE-02, conclusive progress entries
 * FAULT-GEN-08/09 and ESC-REQ-12, the post-incident duties ESC-REQ-10/11 and REPORT-FMT-01, the monitor's
 * interventions ESC-HANDLE-05) each name their rule. Nothing here classifies on its own.
 */
@OpsStyle
package org.opsbook.rules.esc;

import org.opsbook.core.internal.style.OpsStyle;
