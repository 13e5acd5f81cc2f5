package org.opsbook.core;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One entry of a fault's history: what happened, when, who reported it, and the new facts, completed rule or
 * lifecycle step data where the type carries one. Events of a fault are numbered from 1 without gaps; storage appends them atomically.
 */
@Value.Immutable
public abstract class FaultEvent {
  /** The fault. */
  public abstract String faultId();

  /** Position in the fault's history, from 1. */
  public abstract long sequence();

  /** What happened. */
  public abstract FaultEventType type();

  /** When it happened (not when it was recorded). */
  public abstract Instant at();

  /** Who reported it, if known. */
  public abstract Optional<String> actorId();

  /** The full new facts, for {@link FaultEventType#OPENED} and {@link FaultEventType#FACTS_CHANGED}. */
  public abstract Optional<FaultFacts> facts();

  /** The discharged rule, for {@link FaultEventType#DUTY_COMPLETED}. */
  public abstract Optional<RuleId> ruleId();

  /** The discharged occurrence of a recurring rule, for {@link FaultEventType#DUTY_COMPLETED}. */
  public abstract OptionalInt dutySequence();

  /** A free-text note (a new ETA, a progress conclusion …). */
  public abstract Optional<String> note();

  /**
   * What a step of the fault's lifecycle (SM-ESC) recorded, as the JSON object its workflow writes (the fields of
   * the catalog's "Must record" column, and the owner it left); empty for other events.
   */
  public abstract Optional<String> stepData();

  /**
   * Names the event without what a person wrote: the actor's ID masked, the note and the step's data by their length
   * (a note quotes customers' numbers and names), the facts by their presence.
   */
  @Override
  public String toString() {
    return "FaultEvent{faultId=" + Masking.phonesIn(faultId()) + ", sequence=" + sequence() + ", type=" + type()
        + ", at=" + at() + ", actorId=" + actorId().map(Masking::name).orElse("-")
        + ruleId().map(r -> ", ruleId=" + r.value()).orElse("")
        + (dutySequence().isPresent() ? ", dutySequence=" + dutySequence().getAsInt() : "")
        + note().map(n -> ", note=<" + n.length() + " chars>").orElse("")
        + stepData().map(d -> ", stepData=<" + d.length() + " chars>").orElse("")
        + (facts().isPresent() ? ", facts" : "") + "}";
  }

  @Value.Check
  protected void check() {
    if (sequence() < 1) {
      throw new InvalidInputException("sequence", "event sequence must be >= 1: " + sequence());
    }
    boolean needsFacts = type() == FaultEventType.OPENED || type() == FaultEventType.FACTS_CHANGED;
    if (needsFacts && facts().isEmpty()) {
      throw new InvalidInputException("facts", type() + " carries the new facts");
    }
    if (type() == FaultEventType.DUTY_COMPLETED && ruleId().isEmpty()) {
      throw new InvalidInputException("ruleId", "DUTY_COMPLETED names the rule it discharges");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FaultEvent} values; strict: each field is set once. */
  public static final class Builder extends ImmutableFaultEvent.Builder {}
}
