/**
 * Internal: the notification workflow SM-SMS, one instance per message, from plan to draft, review, approval and
 * release ({@link org.opsbook.notify.internal.workflow.SmsWorkflow}), the dispatcher that delivers released messages
 * through the outbox exactly once ({@link org.opsbook.notify.internal.workflow.SmsDispatcher}), the record's text
 * format and the dispatcher's drain report. Hosts reach all of it through the engine's {@code Messages}.
 *
 * <p><b>Timing comes from the fault tracker.</b> When a notification, follow-up or recovery SMS is owed (NOTIFY-TRIG-01..08,
 * including the daily follow-up before 下班 of NOTIFY-TRIG-07 and TIME-03) is decided by the fault tracker of the rules
 * module, which emits {@link org.opsbook.core.Obligation}s with those rule IDs. This package does not compute due
 * times: {@link org.opsbook.notify.internal.workflow.SmsWorkflow#plan(org.opsbook.core.Obligation,
 * org.opsbook.core.FaultFacts, java.time.Instant)} turns such an obligation into a planned message of the right type
 * and sequence and keeps its due time. Planning a recovery SMS supersedes every follow-up of the fault that was not
 * yet sent.
 *
 * <p>Storage is the core {@link org.opsbook.core.spi.WorkflowRepository} (machine {@code SM-SMS}, instance ID =
 * the message key {@code faultId/MESSAGE_TYPE/sequence}, data written by
 * the installed {@code SmsRecordFormat}, the JSON of ops-json by default), reached through the core
 * {@code org.opsbook.core.internal.machine.WorkflowStore} like every declared workflow: planning creates the instance, and
 * every transition is written with its history record and sealed into the audit stream {@code sms:<key>} in the
 * same step. Released messages go through the core {@link org.opsbook.core.spi.MessageOutbox} to the
 * {@link org.opsbook.core.spi.MessageGateway}.
 */
@OpsStyle
package org.opsbook.notify.internal.workflow;

import org.opsbook.core.internal.style.OpsStyle;
