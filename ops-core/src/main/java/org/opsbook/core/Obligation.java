package org.opsbook.core;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A duty the manual creates (rules-catalog §0.3): who ({@link #actor()}) must do what ({@link #action()}) towards whom
 * ({@link #target()}), through which channel, by when ({@link #dueAt()}), and which rule demands it.
 *
 * <p>An immediate duty (「立即」「马上」「第一时间」) is due at the moment that triggered it. A timely duty (「及时」) has
 * no due time: {@link #dueAt()} is empty and {@link #isTimely()} is true. A recurring duty is one occurrence of a
 * series; {@link #sequence()} numbers the occurrences from 1.
 */
@Value.Immutable
public abstract class Obligation {
  /** The rule that demands the duty. */
  public abstract RuleId ruleId();

  /** The fault, ticket, BUG, data operation or cutover the duty is about. */
  public abstract String subjectId();

  /** The role that owes the duty. */
  public abstract Role actor();

  /** What must be done, in a few words. */
  public abstract String action();

  /** To whom: a role code ({@code ROOM_MANAGER}), a recipient-class list ({@code A,B,C}) or a unit (支持维护室). */
  public abstract String target();

  /** How the duty is discharged. */
  public abstract Channel channel();

  /** When the duty is due; empty for a timely (「及时」) duty. */
  public abstract Optional<Instant> dueAt();

  /** When the fact or event that created the duty happened, if known; never after {@link #dueAt()}. */
  public abstract Optional<Instant> triggeredAt();

  /** True when the rule repeats (a progress report every 30 minutes, a daily update …). */
  @Value.Default
  public boolean recurring() {
    return false;
  }

  /** The occurrence number of a recurring duty, from 1; always 1 for a one-off duty. */
  @Value.Default
  public int sequence() {
    return 1;
  }

  /** Returns true for a duty with no deadline (「及时」, TIME-07). */
  public boolean isTimely() {
    return dueAt().isEmpty();
  }

  /** Returns true when the duty is due at or before {@code now}. */
  public boolean isDueAt(Instant now) {
    return dueAt().map(d -> !d.isAfter(now)).orElse(false);
  }

  /** Returns the key that identifies this occurrence: (subject, rule, sequence). */
  public ObligationKey key() {
    return new ObligationKey(subjectId(), ruleId(), sequence());
  }

  @Value.Check
  protected void check() {
    if (sequence() < 1) {
      throw new InvalidInputException("sequence", "sequence must be >= 1: " + sequence());
    }
    if (!recurring() && sequence() != 1) {
      throw new InvalidInputException("sequence", "a one-off duty has sequence 1: " + sequence());
    }
    if (dueAt().isPresent() && triggeredAt().isPresent() && dueAt().get().isBefore(triggeredAt().get())) {
      throw new InvalidInputException("dueAt", "a duty cannot fall due before its trigger: "
          + dueAt().get() + " < " + triggeredAt().get(), ruleId());
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Obligation} values; strict: each field is set once. */
  public static final class Builder extends ImmutableObligation.Builder {}
}
