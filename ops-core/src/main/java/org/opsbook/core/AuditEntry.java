package org.opsbook.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * What happened, before it is sealed into the audit chain: a transition or a decision, by whom, when, under which
 * rules, with what evidence. The audit log turns an entry into an {@link AuditRecord} by giving it the next sequence
 * number of its stream and chaining its hash.
 *
 * <p>{@link #at()} is kept to the microsecond, the precision every supported database stores, so a record reads back
 * exactly as it was hashed.
 */
@Value.Immutable
public abstract class AuditEntry {
  /** The chain the entry belongs to, usually one workflow instance or fault: {@code dataop:DM-42}, {@code fault:F-7}. */
  public abstract String stream();

  /** When it happened. */
  public abstract Instant at();

  /** Who did it (an actor ID, or {@code system}). */
  public abstract String actorId();

  /** The event or decision, e.g. {@code passReview} or {@code classify}. */
  public abstract String action();

  /** The state before, for a transition. */
  public abstract Optional<String> fromState();

  /** The state after, for a transition. */
  public abstract Optional<String> toState();

  /** The rules that produced or allowed it. */
  @Value.NaturalOrder
  public abstract SortedSet<RuleId> ruleIds();

  /** The evidence recorded with it (refs, counts, approvers …), sorted by key. May hold personal data. */
  @Value.NaturalOrder
  public abstract Map<String, String> details();

  @Value.Check
  protected AuditEntry normalize() {
    if (stream().isBlank()) {
      throw new InvalidInputException("stream", "audit stream must not be blank");
    }
    if (at().getNano() % 1_000 != 0) {
      return ((ImmutableAuditEntry) this).withAt(at().truncatedTo(ChronoUnit.MICROS));
    }
    return this;
  }

  /** Keeps personal data out of logs: the actor's ID is masked and the evidence is named by its keys only. */
  @Override
  public String toString() {
    return "AuditEntry{stream=" + Masking.phonesIn(stream()) + ", at=" + at() + ", actorId=" + Masking.name(actorId())
        + ", action=" + action() + ", from=" + fromState().orElse("-") + ", to=" + toState().orElse("-")
        + ", ruleIds=" + ruleIds() + ", details=" + details().keySet() + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuditEntry} values. */
  public static final class Builder extends ImmutableAuditEntry.Builder {}
}
