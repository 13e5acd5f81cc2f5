/**
 * Internal: the SM-DATAOP-MOD and SM-DATAOP-EXT workflows of manual §2.4 (rules-catalog §12) on the core kernel,
 * and batch classification (DATAOP-DEF-02, {@link org.opsbook.rules.internal.dataop.Batch}). The modification rules
 * govern BOSS, IBOSS, CALLCENTER and channel systems, and OTHER systems while the host keeps
 * {@code dataOpApplyToOtherSystems} on (DATAOP-DEF-05, {@link org.opsbook.rules.internal.dataop.DataOpWorkflow#governs}).
 * {@link org.opsbook.rules.internal.dataop.DataOpWorkflow#apply} is pure: a ticket, an event, who fires it, what it
 * records and when, in; the new ticket with its one audit entry, or a refusal listing every failed guard's rule ID,
 * out. Separation of duties, approval forms and ordering are enforced there, not merely warned about. The core
 * {@code WorkflowStore} persists tickets through the {@link org.opsbook.core.spi.WorkflowRepository}. Hosts reach
 * it through the engine's {@code modifications()} and {@code extractions()}.
 */
@OpsStyle
package org.opsbook.rules.internal.dataop;

import org.opsbook.core.internal.style.OpsStyle;
