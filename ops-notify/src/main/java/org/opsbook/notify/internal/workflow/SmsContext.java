package org.opsbook.notify.internal.workflow;

import java.time.Instant;
import org.opsbook.core.Role;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.SmsRecord;

/**
 * What the SM-SMS guards look at: the instance's record and the event's data.
 *
 * @param record the instance's data before the event
 * @param text the event's text: the draft, the text the reviewer saw, the text to send, or the rejection reason
 * @param now when the event happens
 * @param briefing who was told before a notification (massSend)
 * @param segments the SMS segments of the text (draft, massSend)
 * @param maxSegments the host's limit
 * @param recipientCount the people the message would reach (massSend)
 * @param recoveryPlanned whether a recovery SMS is planned for the fault (supersede)
 */
record SmsContext(SmsRecord record, String text, Instant now, Briefing briefing, int segments, int maxSegments,
    int recipientCount, boolean recoveryPlanned) {

  boolean draftedByEarthVillage() {
    return record.authorRole().orElse(Role.ESC_DUTY) == Role.EARTH_VILLAGE;
  }
}
