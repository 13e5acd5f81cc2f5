/**
 * opsbook's notifications (API): the values a host passes to and reads from the engine's {@code Messages} for one
 * SM-SMS message (rules-catalog §9): {@link org.opsbook.notify.SmsKey}, {@link org.opsbook.notify.MessageType},
 * {@link org.opsbook.notify.MessageContent} (what the drafter writes), {@link org.opsbook.notify.HandlingParty},
 * {@link org.opsbook.notify.Briefing} (NOTIFY-REVIEW-03), and the stored message
 * {@link org.opsbook.notify.SmsMessage} with its {@link org.opsbook.notify.SmsState} and
 * {@link org.opsbook.notify.SmsRecord}.
 *
 * <p>Everything else is implementation in {@code org.opsbook.notify.internal}: the templates NOTIFY-TPL-01..05 as
 * data with their placeholder checks (NOTIFY-TPL-00), the renderer and the fault-time format 「Y年M月D日h时m分」 in
 * {@code Asia/Shanghai}, SMS length in UCS-2 segments, the recipient rules A/B/C/D (NOTIFY-RCPT-01..08), the CMCP
 * collaboration ticket (NOTIFY-TPL-06), and in {@code org.opsbook.notify.internal.workflow} the SM-SMS workflow and
 * the outbox dispatcher. Catalog §15 numbers stay in {@link org.opsbook.core.OpsParameters}. Everything here is
 * immutable, thread-safe, does no I/O and never reads the clock.
 */
@OpsStyle
package org.opsbook.notify;

import org.opsbook.core.internal.style.OpsStyle;
