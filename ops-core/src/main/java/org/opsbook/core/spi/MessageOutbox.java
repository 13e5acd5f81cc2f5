package org.opsbook.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox between approval and the gateway: nothing approved is lost (a failure leaves the message pending with
 * its error, retried with back-off) and nothing is sent twice (one row per idempotency key; the gateway receives
 * the key). Thread-safe; several instances may drain one outbox.
 */
public interface MessageOutbox {
  /**
   * Stores a pending message, once: when the key exists the stored message is returned unchanged.
   *
   * @return the message as stored
   */
  OutboxMessage enqueue(OutboxMessage message);

  /**
   * Claims up to {@code limit} pending messages whose next attempt is due at {@code now} and that no live lease
   * holds, oldest first, leasing them to {@code owner} until {@code now + lease}.
   */
  List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease);

  /** Records that the gateway accepted the message; idempotent. */
  void markSent(String key, Instant sentAt, String receipt);

  /** Records a failed attempt: the message stays pending, with the error, until {@code retryAt}. */
  void markFailed(String key, String owner, String error, Instant retryAt);

  /** Returns the message with this key. */
  Optional<OutboxMessage> find(String key);

  /** Returns the messages about a fault, oldest first; all messages when {@code faultId} is empty. */
  List<OutboxMessage> list(Optional<String> faultId);
}
