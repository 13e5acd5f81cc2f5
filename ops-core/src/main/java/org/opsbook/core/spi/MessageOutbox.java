package org.opsbook.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox between approval and the gateway: nothing approved is lost (a failure leaves the message pending with
 * its error, retried with back-off) and nothing is sent twice without a person or a deduplicating gateway knowing.
 * Thread-safe; several instances may drain one outbox.
 *
 * <p>A send runs in three committed steps: {@link #claim} leases due messages under a new generation;
 * {@link #markSending} moves one to {@link OutboxState#SENDING} (only for the current owner and generation) right
 * before the gateway is called; {@link #markSent} or {@link #markFailed} records the outcome (again fenced). A
 * dispatcher that stalled or lost its lease cannot send a message another has taken: its {@code markSending} fails.
 * A message left in {@code SENDING} after its lease lapsed is <em>in doubt</em> ({@link #inDoubt}): it is resent with
 * the same key only to a gateway that deduplicates ({@link #claimInDoubt}), otherwise a person confirms it sent
 * ({@link #confirmSent}) or releases it for a resend ({@link #releaseForResend}). Over a shared database, lease times
 * are the database's: a caller's {@code now} later than the database's clock is bounded by it.
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
   * holds, oldest first, leasing them to {@code owner} until {@code now + lease} under a new generation (carried by
   * each returned message: {@link OutboxMessage#owner()}, {@link OutboxMessage#leaseGeneration()}).
   */
  List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease);

  /** Extends every live lease of {@code owner} (claimed or sending) to {@code now + lease}; returns how many. */
  int heartbeat(String owner, Instant now, Duration lease);

  /**
   * Marks a claimed message as being sent, renewing its lease to {@code now + lease}, and commits that before the
   * caller calls the gateway. Succeeds only for the claim's owner and generation and a message still pending.
   *
   * @param claimed the message as {@link #claim} or {@link #claimInDoubt} returned it
   * @return false when the claim was lost: the caller must not send
   */
  boolean markSending(OutboxMessage claimed, Instant now, Duration lease);

  /**
   * Records that the gateway accepted the message. Succeeds only for the claim's owner and generation.
   *
   * @return false when the claim was lost (the outcome is then in doubt, or another dispatcher owns the message)
   */
  boolean markSent(OutboxMessage claimed, Instant sentAt, String receipt);

  /**
   * Records a failed attempt: the message goes back to pending, with the error, until {@code retryAt}. Succeeds only
   * for the claim's owner and generation.
   *
   * @return false when the claim was lost
   */
  boolean markFailed(OutboxMessage claimed, String error, Instant retryAt);

  /** Returns the messages whose send is in doubt at {@code now}: sending, with a lapsed lease; oldest first. */
  List<OutboxMessage> inDoubt(Instant now);

  /**
   * Claims up to {@code limit} in-doubt messages under a new generation, to resend them with the same key to a
   * gateway that deduplicates. They stay {@link OutboxState#SENDING}.
   */
  List<OutboxMessage> claimInDoubt(Instant now, int limit, String owner, Duration lease);

  /**
   * Records that a person confirmed an in-doubt message as sent.
   *
   * @param note who confirmed it and how, stored as the receipt
   * @return false when the message is not in doubt at {@code at}
   */
  boolean confirmSent(String key, Instant at, String note);

  /**
   * Releases an in-doubt message for a resend (a person found it was not delivered): it becomes pending, due at
   * {@code at}.
   *
   * @return false when the message is not in doubt at {@code at}
   */
  boolean releaseForResend(String key, Instant at, String note);

  /** Returns the message with this key. */
  Optional<OutboxMessage> find(String key);

  /** Returns the messages about a fault, oldest first; all messages when {@code faultId} is empty. */
  List<OutboxMessage> list(Optional<String> faultId);
}
