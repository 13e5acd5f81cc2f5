/**
 * Internal: how notifications are made (not API): the renderer that picks and fills a template
 * ({@link org.opsbook.notify.internal.MessageRenderer}), recipient classes A/B/C/D resolved to people
 * ({@link org.opsbook.notify.internal.RecipientRules}, NOTIFY-RCPT-01..08), the CMCP collaboration ticket
 * ({@link org.opsbook.notify.internal.CollabTicket}, NOTIFY-TPL-06), the data of one SM-SMS message
 * ({@link org.opsbook.notify.SmsRecord}) and the notification settings
 * ({@link org.opsbook.notify.internal.NotifyConfig}). Hosts reach them through the engine facade.
 */
@OpsStyle
package org.opsbook.notify.internal;

import org.opsbook.core.internal.style.OpsStyle;
import org.opsbook.notify.SmsRecord;
