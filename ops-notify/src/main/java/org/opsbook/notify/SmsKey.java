package org.opsbook.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.InvalidInputException;

/**
 * The idempotency key of one message: the fault, the message type and the sequence number
 * ({@code F-1/FOLLOW_UP/3}). It names the SM-SMS workflow instance, the outbox row and the gateway send, so a retry
 * of any step finds the work already done.
 *
 * @param faultId the fault
 * @param type the message type
 * @param sequence from 1; only follow-ups go beyond 1
 */
public record SmsKey(String faultId, MessageType type, int sequence) {
  /** Validates the parts. */
  public SmsKey {
    checkNotNull(faultId, "faultId");
    checkNotNull(type, "type");
    if (faultId.isBlank()) {
      throw new InvalidInputException("faultId", "a message needs the fault it is about");
    }
    if (sequence < 1) {
      throw new InvalidInputException("sequence", "sequence must be >= 1: " + sequence);
    }
  }

  /** Returns the key of a fault's message. */
  public static SmsKey of(String faultId, MessageType type, int sequence) {
    return new SmsKey(faultId, type, sequence);
  }

  /**
   * Parses {@code faultId/MESSAGE_TYPE/sequence}; the fault ID may itself contain slashes.
   *
   * @throws InvalidInputException naming {@code key} when the text is not such a key
   */
  public static SmsKey parse(String text) {
    int last = text.lastIndexOf('/');
    int mid = last < 0 ? -1 : text.lastIndexOf('/', last - 1);
    if (mid <= 0) {
      throw new InvalidInputException("key", "not a message key faultId/TYPE/n: " + text);
    }
    MessageType type = null;
    for (MessageType t : MessageType.values()) {
      if (t.name().equals(text.substring(mid + 1, last))) {
        type = t;
      }
    }
    if (type == null) {
      throw new InvalidInputException("key", "unknown message type in key: " + text);
    }
    try {
      return new SmsKey(text.substring(0, mid), type, Integer.parseInt(text.substring(last + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("key", "not a message key faultId/TYPE/n: " + text);
    }
  }

  /** Returns {@code faultId/MESSAGE_TYPE/sequence}. */
  @Override
  public String toString() {
    return faultId + "/" + type.name() + "/" + sequence;
  }
}
