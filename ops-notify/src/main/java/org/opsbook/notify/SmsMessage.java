package org.opsbook.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One message as stored: its key, SM-SMS state, version and recorded data.
 *
 * @param key the message key, also the workflow instance ID
 * @param state the SM-SMS state
 * @param version the number of transitions applied
 * @param record what the instance recorded
 * @param updatedAt when the last transition happened
 */
public record SmsMessage(SmsKey key, SmsState state, long version, SmsRecord record, Instant updatedAt) {
  /** Validates the parts. */
  public SmsMessage {
    checkNotNull(key, "key");
    checkNotNull(state, "state");
    checkNotNull(record, "record");
    checkNotNull(updatedAt, "updatedAt");
  }

  /**
   * Returns true when the message is due and still not released at {@code now}. Deadlines are inclusive (TIME-08):
   * a message released exactly at its due time is on time.
   */
  public boolean isOverdue(Instant now) {
    return !state.isTerminal() && record.dueAt().map(now::isAfter).orElse(false);
  }

  /** Returns whether the message was released by its due time (TIME-08), once it was released and had one. */
  public Optional<Boolean> releasedOnTime() {
    if (record.sentAt().isEmpty() || record.dueAt().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(!record.sentAt().get().isAfter(record.dueAt().get()));
  }
}
