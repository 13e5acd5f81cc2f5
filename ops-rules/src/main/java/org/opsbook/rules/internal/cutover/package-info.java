/**
 * Internal: the SM-CUTOVER workflow of manual §2.5 (rules-catalog §13) on the core kernel, and the lead-time and
 * readiness check ({@link org.opsbook.rules.internal.cutover.CutoverRules#check}): CUTOVER-23 on the working-day
 * calendar, the required report and application contents (CUTOVER-12, CUTOVER-24), the public announcement when
 * customers are affected (CUTOVER-07) and two-person operation of important steps (CUTOVER-18).
 * {@link org.opsbook.rules.internal.cutover.CutoverWorkflow#apply} is pure and returns the new cutover with one
 * audit entry (stream {@code cutover:<id>}) or a refusal listing every failed guard's rule ID; the core
 * {@code WorkflowStore} persists cutovers through the {@link org.opsbook.core.spi.WorkflowRepository}. Hosts reach
 * it through the engine's {@code cutovers()}.
 */
@OpsStyle
package org.opsbook.rules.internal.cutover;

import org.opsbook.core.internal.style.OpsStyle;
