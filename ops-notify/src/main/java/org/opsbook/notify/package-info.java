/**
 * opsbook's notifications (API): the manual's SMS templates verbatim, recipient classes A/B/C/D, the review chain
 * before sending, SMS segmentation, and an exactly-once outbox.
 */
@OpsStyle
package org.opsbook.notify;

import org.opsbook.core.OpsStyle;
