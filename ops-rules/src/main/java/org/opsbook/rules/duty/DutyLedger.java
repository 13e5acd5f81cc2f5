package org.opsbook.rules.duty;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;

/**
 * How every duty of one fault ended (§0.3: a duty names who owes what to whom by when, so it can be checked
 * afterwards): done on time, done late (by how much), missed (it fell due, was never discharged, and the repair, the
 * closing, a higher level or a later occurrence ended it), superseded (ended before it fell due), or still open.
 * Derived from the fault's history by {@link FaultTracker#ledger(Instant)}; every duty the engine ever listed for the
 * fault appears exactly once, and each occurrence of a recurring series (progress reports, centre progress,
 * follow-up SMS, daily ITC entries) that fell due without being done is an entry of its own.
 *
 * <p>Immutable.
 */
public final class DutyLedger {
  /** How a duty stands. */
  public enum Status {
    /** Discharged no later than its due time, or a timely (「及时」) duty discharged. */
    DONE_ON_TIME,
    /** Discharged after its due time; {@link Entry#lateBy()} says by how much. */
    DONE_LATE,
    /** Fell due, never discharged, then ended; {@link Entry#endedAt()} and {@link Entry#endedBy()} say when and how. */
    MISSED,
    /** Ended before it fell due (BND-08: ended exactly at the due time counts as in time, so superseded). */
    SUPERSEDED,
    /** Neither discharged nor ended yet; overdue when its due time has passed. */
    OPEN
  }

  /** What ended a duty that was never discharged. */
  public enum Ending {
    /** The fault was repaired: a repaired fault owes no further escalation. */
    REPAIR,
    /** The fault record was closed (SM-ESC-T11). */
    CLOSURE,
    /** The fault reached a higher level or the emergency regime, whose duty replaces this one. */
    HIGHER_LEVEL,
    /** A later occurrence of the same series was done: a later day's ITC entry, or the report that resumed the series. */
    LATER_OCCURRENCE,
    /** The condition that raised the duty no longer holds (a changed fact, progress made). */
    CONDITION_ENDED
  }

  /**
   * One duty and how it stands.
   *
   * @param duty the duty as the engine listed it last
   * @param repeat 0 for a duty the engine listed; {@code n} for the n-th interval of a recurring series that fell due
   *     after occurrence {@code duty.sequence()} while nothing was reported (its due time in {@code duty})
   * @param status how it stands
   * @param doneAt when it was discharged (DONE_ON_TIME, DONE_LATE)
   * @param endedAt when it ended undone (MISSED, SUPERSEDED)
   * @param endedBy what ended it (MISSED, SUPERSEDED)
   */
  public record Entry(Obligation duty, int repeat, Status status, Optional<Instant> doneAt,
      Optional<Instant> endedAt, Optional<Ending> endedBy) {
    /** Checks the fields. */
    public Entry {
      checkNotNull(duty, "duty");
      checkNotNull(status, "status");
      checkNotNull(doneAt, "doneAt");
      checkNotNull(endedAt, "endedAt");
      checkNotNull(endedBy, "endedBy");
    }

    /** Returns how late a DONE_LATE duty was done; empty otherwise. */
    public Optional<Duration> lateBy() {
      return status == Status.DONE_LATE ? Optional.of(Duration.between(duty.dueAt().orElseThrow(), doneAt.orElseThrow()))
          : Optional.empty();
    }

    /**
     * Returns when the duty belongs to a period: its due time; for a timely duty, when it was done or ended, else
     * when it arose.
     */
    public Instant reckonedAt() {
      return duty.dueAt().or(() -> doneAt).or(() -> endedAt).or(duty::triggeredAt).orElse(Instant.MIN);
    }
  }

  private final String faultId;
  private final Instant asOf;
  private final List<Entry> entries;

  DutyLedger(String faultId, Instant asOf, List<Entry> entries) {
    this.faultId = checkNotNull(faultId, "faultId");
    this.asOf = checkNotNull(asOf, "asOf");
    this.entries = List.copyOf(entries);
  }

  /** Returns the fault. */
  public String faultId() {
    return faultId;
  }

  /** Returns the time the ledger was drawn up. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns every entry, sorted by due time (timely last), rule ID, occurrence and interval. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns the entries with {@code status}, in the same order. */
  public List<Entry> with(Status status) {
    checkNotNull(status, "status");
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.status() == status) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the fault's compliance: on time, late, missed, superseded and open, in all, by rule and by role. */
  public ComplianceReport compliance() {
    return ComplianceReport.of(List.of(this));
  }

  @Override
  public String toString() {
    return "DutyLedger{" + faultId + " as of " + asOf + ", " + entries.size() + " duties}";
  }
}
