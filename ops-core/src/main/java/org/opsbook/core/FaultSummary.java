package org.opsbook.core;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What storage keeps beside a fault's history so hosts can list faults without replaying them: the version (number
 * of events), the current and peak level (FAULT-CLASS-DEF-07), whether it is still open, and its next due duty.
 */
@Value.Immutable
public abstract class FaultSummary {
  /**
   * The most characters of {@link #subjectName()} a summary keeps: storage lists it in a column of that width, and the
   * engine refuses longer facts, naming {@code facts.subjectName}, before it writes anything.
   */
  public static final int MAX_SUBJECT_NAME = 400;

  /** The fault. */
  public abstract String faultId();

  /** The number of events stored; the version for optimistic concurrency. */
  public abstract long version();

  /** The level now. */
  public abstract Level currentLevel();

  /** The highest level ever reached; duties follow it. */
  public abstract Level peakLevel();

  /** True until the fault is closed. */
  public abstract boolean open();

  /** When the fault was repaired, if it was. */
  public abstract Optional<Instant> repairedAt();

  /** The earliest due time among its pending duties, if any. */
  public abstract Optional<Instant> nextDueAt();

  /** The text for the template's subject (BOSS, CRM …), if known. */
  public abstract Optional<String> subjectName();

  /** When the last event happened. */
  public abstract Instant updatedAt();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FaultSummary} values; strict: each field is set once. */
  public static final class Builder extends ImmutableFaultSummary.Builder {}
}
