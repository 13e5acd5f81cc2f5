/**
 * The fault services (internal): {@link org.opsbook.rules.internal.fault.ObligationEngine} folds a fault's history
 * into a {@link org.opsbook.rules.duty.FaultTracker} and assesses one snapshot of facts (the decision API's
 * {@code obligations}); {@link org.opsbook.rules.internal.fault.FaultDutyService} stores the history with one audit
 * stream per fault and keeps the duty timers. Not API: hosts reach them through the engine's {@code Faults}.
 */
@OpsStyle
package org.opsbook.rules.internal.fault;

import org.opsbook.core.internal.style.OpsStyle;
