package org.opsbook.core.spi;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.RuleId;

/** One accepted transition of a workflow instance, as kept in its history. */
@Value.Immutable
public abstract class TransitionRecord {
  /** The instance. */
  public abstract String instanceId();

  /** Position in the instance's history, from 1; equals the instance version after it. */
  public abstract long sequence();

  /** The event name, e.g. {@code passReview}. */
  public abstract String event();

  /** The state before. */
  public abstract String fromState();

  /** The state after. */
  public abstract String toState();

  /** The declared transition's ID, e.g. {@code SM-DATAOP-MOD-T08}. */
  public abstract Optional<RuleId> transitionId();

  /** Who fired it. */
  public abstract Actor actor();

  /** When. */
  public abstract Instant at();

  /** What the event recorded, as JSON text ({@code {}} when nothing). */
  @Value.Default
  public String dataJson() {
    return "{}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TransitionRecord} values. */
  public static final class Builder extends ImmutableTransitionRecord.Builder {}
}
