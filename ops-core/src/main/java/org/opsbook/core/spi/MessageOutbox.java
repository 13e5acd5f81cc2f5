package org.opsbook.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;

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

  /**
   * Extends every live lease of {@code owner} on a claimed message not yet being sent ({@link OutboxState#PENDING}) to
   * {@code now + lease}; returns how many. A message being sent keeps the lease {@link #markSending} gave it, so one
   * whose outcome its dispatcher never recorded (the write failed, the process died) falls in doubt when that lease
   * lapses, however busy the dispatcher stays.
   */
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

  /**
   * Ends the lease of a message being sent whose outcome nobody knows (the gateway failed otherwise than by saying it
   * did not accept the message): it is in doubt from {@code now} on, listed by {@link #inDoubt}, and no
   * {@link #heartbeat} of its owner extends the lease again. Succeeds only for the claim's owner and generation and a
   * message being sent.
   *
   * <p>The default does nothing and returns false: such a message is then in doubt once its lease lapses, which a
   * busy owner's heartbeat puts off. The bundled stores implement it.
   *
   * @param sending the message as {@link #claim} or {@link #claimInDoubt} returned it, since marked as being sent
   * @return false when the claim was lost or the message is not being sent
   */
  default boolean leaveInDoubt(OutboxMessage sending, Instant now) {
    return false;
  }

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
   * As {@link #confirmSent(String, Instant, String)}, appending {@code audit} to {@code log} when it confirms: an
   * outbox that shares the log's storage does both in one transaction, so a confirmation is never stored without its
   * audit record, nor the record without the confirmation. The default confirms, then appends.
   */
  default boolean confirmSent(String key, Instant at, String note, AuditEntry audit, AuditLog log) {
    boolean done = confirmSent(key, at, note);
    if (done) {
      log.append(audit);
    }
    return done;
  }

  /**
   * Releases an in-doubt message for a resend (a person found it was not delivered): it becomes pending, due at
   * {@code at}.
   *
   * @return false when the message is not in doubt at {@code at}
   */
  boolean releaseForResend(String key, Instant at, String note);

  /**
   * As {@link #releaseForResend(String, Instant, String)}, appending {@code audit} to {@code log} when it releases: an
   * outbox that shares the log's storage does both in one transaction. The default releases, then appends.
   */
  default boolean releaseForResend(String key, Instant at, String note, AuditEntry audit, AuditLog log) {
    boolean done = releaseForResend(key, at, note);
    if (done) {
      log.append(audit);
    }
    return done;
  }

  /** Returns the message with this key. */
  Optional<OutboxMessage> find(String key);

  /** Returns the messages about a fault, oldest first; all messages when {@code faultId} is empty. */
  List<OutboxMessage> list(Optional<String> faultId);

  /**
   * Returns the sweep mark: every message released (and committed) before it is known to be in the outbox, because a
   * dispatcher's sweep for released messages missing from it read them and put back those missing. Empty until a
   * sweep has completed; shared by every dispatcher of this outbox and kept across restarts.
   */
  Optional<Instant> sweepMark();

  /**
   * Advances the sweep mark to {@code mark} unless it is already at or after it: the mark never moves back, also
   * when several dispatchers advance it at once. Called only after a sweep's re-enqueues are committed.
   */
  void advanceSweepMark(Instant mark);

  /**
   * An approved message in the outbox, keyed by its idempotency key (fault, message type, sequence). Enqueueing the
   * same key twice keeps the first; the gateway receives the key, so a retry after a crash never sends twice. Its
   * {@code toString()} masks recipients and phone numbers in the text.
   */
  @Value.Immutable
  public abstract class OutboxMessage {
    /** The idempotency key, e.g. {@code F-1/NOTIFICATION/1}. */
    public abstract String key();

    /** The fault the message is about, if any. */
    public abstract Optional<String> faultId();

    /** The message type, e.g. {@code NOTIFICATION}, {@code FOLLOW_UP}, {@code RECOVERY}. */
    public abstract String messageType();

    /** SMS or NOTICE. */
    @Value.Default
    public Channel channel() {
      return Channel.SMS;
    }

    /** The approved text, sent byte for byte. */
    public abstract String text();

    /** Who receives it, each person once. */
    public abstract List<Person> recipients();

    /** Pending, sending or sent. */
    @Value.Default
    public OutboxState state() {
      return OutboxState.PENDING;
    }

    /** Failed send attempts so far. */
    @Value.Default
    public int attempts() {
      return 0;
    }

    /** When the next attempt may run. */
    public abstract Instant nextAttemptAt();

    /** The last failure, if any. */
    public abstract Optional<String> lastError();

    /** When the message entered the outbox. */
    public abstract Instant createdAt();

    /** When the gateway accepted it. */
    public abstract Optional<Instant> sentAt();

    /** The gateway's receipt. */
    public abstract Optional<String> receipt();

    /** The dispatcher holding the message's lease, when it is claimed or being sent. */
    public abstract Optional<String> owner();

    /** The generation of the message's latest claim (0 before the first); each claim takes the next. */
    @Value.Default
    public long leaseGeneration() {
      return 0;
    }

    /** When the current lease lapses (on the store's clock), if claimed. */
    public abstract Optional<Instant> leaseUntil();

    /** Returns a copy in {@code state}. */
    public abstract OutboxMessage withState(OutboxState state);

    /** Returns a copy sent at {@code sentAt}. */
    public abstract OutboxMessage withSentAt(Instant sentAt);

    /** Returns a copy with the gateway's receipt. */
    public abstract OutboxMessage withReceipt(String receipt);

    /** Returns a copy with {@code attempts} failed attempts. */
    public abstract OutboxMessage withAttempts(int attempts);

    /** Returns a copy whose next attempt runs at {@code nextAttemptAt}. */
    public abstract OutboxMessage withNextAttemptAt(Instant nextAttemptAt);

    /** Returns a copy with the last error set or cleared. */
    public abstract OutboxMessage withLastError(Optional<String> lastError);

    /** Returns a copy held by {@code owner}, or by no one. */
    public abstract OutboxMessage withOwner(Optional<String> owner);

    /** Returns a copy under lease generation {@code generation}. */
    public abstract OutboxMessage withLeaseGeneration(long generation);

    /** Returns a copy whose lease lapses at {@code leaseUntil}, or that is not leased. */
    public abstract OutboxMessage withLeaseUntil(Optional<? extends Instant> leaseUntil);

    @Value.Check
    protected void check() {
      if (key().isBlank()) {
        throw new InvalidInputException("key", "an outbox message needs an idempotency key");
      }
      if (attempts() < 0) {
        throw new InvalidInputException("attempts", "attempts must be >= 0: " + attempts());
      }
      if (state() == OutboxState.SENT && sentAt().isEmpty()) {
        throw new InvalidInputException("sentAt", "a sent message records when it was sent");
      }
    }

    @Override
    public String toString() {
      return "OutboxMessage{key=" + key() + ", type=" + messageType() + ", state=" + state()
          + ", attempts=" + attempts() + ", generation=" + leaseGeneration() + ", recipients=" + recipients().size()
          + ", text=" + Masking.phonesIn(text()) + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link OutboxMessage} values. */
    public static final class Builder extends ImmutableOutboxMessage.Builder {}
  }

  /** Where a message stands in the outbox. */
  public enum OutboxState {
    /** Waiting to be sent, or to be retried after a failure. */
    PENDING,
    /**
     * Handed to the gateway: committed before the gateway is called, so no other dispatcher takes it. While its lease
     * is live the send is in flight; once the lease lapsed without an outcome the send is <em>in doubt</em> (the
     * dispatcher may have crashed before or after the gateway accepted it).
     */
    SENDING,
    /** Accepted by the gateway, or confirmed sent by a person after it was in doubt; final. */
    SENT
  }
}
