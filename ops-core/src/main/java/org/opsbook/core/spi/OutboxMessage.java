package org.opsbook.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;

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
