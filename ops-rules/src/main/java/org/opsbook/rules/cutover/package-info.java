/**
 * Engineering cutovers (API): the change-management workflow of manual §2.5 (rules-catalog §13, state machine
 * SM-CUTOVER) and the application lead time on the working-day calendar (CUTOVER-23), with the required report and
 * application contents (CUTOVER-12, CUTOVER-24), the public announcement when customers are affected (CUTOVER-07)
 * and two-person operation of important steps (CUTOVER-18).
 *
 * <p>{@link org.opsbook.rules.internal.cutover.CutoverWorkflow#apply} is pure and returns the new cutover with one audit entry
 * (stream {@code cutover:<id>}) or a refusal listing every failed guard's rule ID;
 * {@code org.opsbook.core.internal.machine.WorkflowStore} persists cutovers through
 * {@link org.opsbook.core.spi.WorkflowRepository} with the codec of the {@code .json} sub-package.
 * {@link org.opsbook.rules.internal.cutover.CutoverRules#check} answers the lead-time and readiness question alone.
 */
@OpsStyle
package org.opsbook.rules.cutover;

import org.opsbook.core.internal.style.OpsStyle;
