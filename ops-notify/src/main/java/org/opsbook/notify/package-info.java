/**
 * opsbook's notifications (API): the manual's messages and who receives them (rules-catalog §9). Rendering,
 * recipient rules, the collaboration ticket and the settings are in {@code org.opsbook.notify.internal}.
 *
 * <ul>
 *   <li>{@link org.opsbook.notify.TemplateSet}: NOTIFY-TPL-01..05 verbatim as data, compiled into
 *       {@link org.opsbook.notify.Template}s whose placeholders are checked at load and at render time
 *       (NOTIFY-TPL-00); hosts register their own wordings under new IDs (OQ-04).
 *   <li>the renderer: picks the template for a message type and fault nature (§9.5)
 *       and fills it from a {@link org.opsbook.notify.MessageContent}, the fault time written 「Y年M月D日h时m分」 in
 *       {@code Asia/Shanghai} ({@link org.opsbook.notify.FaultTimeFormat}).
 *   <li>{@link org.opsbook.notify.SmsLength}: characters and UCS-2 segments of a text.
 *   <li>{@code org.opsbook.notify.internal.RecipientRules}: recipient classes A/B/C/D (NOTIFY-RCPT-01..08), resolved to
 *       people through the {@link org.opsbook.core.spi.Directory}, each person once.
 *   <li>{@code org.opsbook.notify.internal.CollabTicket}: the CMCP collaboration ticket (NOTIFY-TPL-06) with its field guards.
 *   <li>{@link org.opsbook.notify.SmsKey}, {@link org.opsbook.notify.SmsState}:
 *       the data of one SM-SMS message; the workflow itself is in {@code org.opsbook.notify.workflow}.
 * </ul>
 *
 * <p>Settings that only notifications need (fault-time padding, the SMS segment limit, business wordings, outbox
 * timing) are internal; catalog §15 numbers stay in
 * {@link org.opsbook.core.OpsParameters}. Everything here is immutable or stateless, thread-safe, does no I/O and
 * never reads the clock.
 */
@OpsStyle
package org.opsbook.notify;

import org.opsbook.core.internal.style.OpsStyle;
