/**
 * Back-end data operations (API): the data-modification and data-extraction approval workflows of manual §2.4
 * (rules-catalog §12, state machines SM-DATAOP-MOD and SM-DATAOP-EXT), batch classification (DATAOP-DEF-02), the
 * level-1 sensitive-data controls (DATAOP-SENS-*) and the peak-hour ban on large extractions (DATAOP-EXT-04). The
 * modification rules govern BOSS, IBOSS, CALLCENTER and channel systems, and OTHER systems while the host keeps
 * {@code dataOpApplyToOtherSystems} on (DATAOP-DEF-05, {@link org.opsbook.rules.internal.dataop.DataOpWorkflow#governs}).
 *
 * <p>{@link org.opsbook.rules.internal.dataop.DataOpWorkflow#apply} is pure: a ticket, an event, who fires it, what it
 * records and when, in; the new ticket with its one audit entry, or a refusal listing every failed guard's rule ID,
 * out. Separation of duties, approval forms and ordering are enforced there, not merely warned about; its audit
 * entry is started by the declared machine ({@code org.opsbook.core.internal.machine.StateMachine#auditOf}).
 * {@code org.opsbook.core.internal.machine.WorkflowStore} persists tickets through
 * {@link org.opsbook.core.spi.WorkflowRepository} with the codec of the {@code .json} sub-package.
 */
@OpsStyle
package org.opsbook.rules.dataop;

import org.opsbook.core.internal.style.OpsStyle;
