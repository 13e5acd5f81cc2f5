/**
 * Declared state machines (API): a transition table of (state, event) → state, the roles that may fire each
 * transition, and guards that each name a rule. Deciding an event returns the new state, or a refusal listing every
 * failed guard; it never changes anything by itself. A {@link org.opsbook.core.machine.Workflow} turns decisions on
 * immutable instances into {@link org.opsbook.core.machine.Outcome}s with one audit entry each (the machine starts it
 * with {@link org.opsbook.core.machine.StateMachine#auditOf}); the {@link org.opsbook.core.machine.WorkflowStore} is
 * the one path that persists them through the {@link org.opsbook.core.spi.WorkflowRepository} port, instance,
 * transition and audit entry in one atomic write, with a {@link org.opsbook.core.machine.WorkflowCodec} for the text.
 * Used by the data-operation, cutover, BUG, complaint-ticket and SMS-review workflows.
 */
@OpsStyle
package org.opsbook.core.machine;

import org.opsbook.core.OpsStyle;
