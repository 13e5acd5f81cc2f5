package org.opsbook.core.spi;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;

/**
 * A timed duty waiting to fire: the obligation, its due time, and how often firing it has failed so far.
 */
@Value.Immutable
public abstract class ScheduledObligation {
  /** The duty. */
  public abstract Obligation obligation();

  /** When it fires: the duty's due time, or a retry time after a failed attempt. */
  public abstract Instant dueAt();

  /** Failed firing attempts so far. */
  @Value.Default
  public int attempts() {
    return 0;
  }

  /** Why the last attempt failed, if it did. */
  public abstract Optional<String> lastError();

  /** Returns the key of the duty. */
  public ObligationKey key() {
    return obligation().key();
  }

  @Value.Check
  protected void check() {
    if (attempts() < 0) {
      throw new InvalidInputException("attempts", "attempts must be >= 0: " + attempts());
    }
  }

  /** Returns the obligation scheduled at its own due time; it must have one. */
  public static ScheduledObligation of(Obligation obligation) {
    Instant due = obligation.dueAt().orElseThrow(() -> new InvalidInputException("dueAt",
        "a timely duty has no due time and cannot be scheduled: " + obligation.key(), obligation.ruleId()));
    return builder().obligation(obligation).dueAt(due).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ScheduledObligation} values. */
  public static final class Builder extends ImmutableScheduledObligation.Builder {}
}
