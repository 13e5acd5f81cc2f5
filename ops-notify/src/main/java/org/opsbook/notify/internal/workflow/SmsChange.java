package org.opsbook.notify.internal.workflow;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.SmsRecord;

/**
 * What one SM-SMS event brings beside the stored message: what its guards look at (see {@link SmsContext}), how it
 * changes the record, and what its audit entry and transition history keep. The change applies to the record as it
 * is stored when the event is decided.
 *
 * @param text the event's text: the draft, the text the reviewer saw, the text to send, or the rejection reason
 * @param briefing who was told before a notification (massSend)
 * @param segments the SMS segments of the text (draft, massSend)
 * @param maxSegments the host's limit
 * @param recipientCount the people the message would reach (massSend)
 * @param recoveryPlanned whether a recovery SMS is planned for the fault (supersede)
 * @param update the record after the event, from the record before it
 * @param details the evidence the event records
 */
record SmsChange(String text, Briefing briefing, int segments, int maxSegments, int recipientCount,
    boolean recoveryPlanned, UnaryOperator<SmsRecord> update, Map<String, String> details) {

  SmsChange {
    checkNotNull(briefing, "briefing");
    checkNotNull(update, "update");
    details = Map.copyOf(details);
  }

  /** A change whose guards look at its text alone. */
  static SmsChange of(String text, UnaryOperator<SmsRecord> update, Map<String, String> details) {
    return new SmsChange(text, Briefing.none(), 0, Integer.MAX_VALUE, 0, false, update, details);
  }

  /** What the guards look at when the change meets {@code record} at {@code now}. */
  SmsContext contextFor(SmsRecord record, Instant now) {
    return new SmsContext(record, text, now, briefing, segments, maxSegments, recipientCount, recoveryPlanned);
  }
}
