package org.opsbook.rules.duty;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.rules.duty.DutyLedger.Entry;
import org.opsbook.rules.duty.DutyLedger.Status;

/**
 * How the duties of one fault, or of the faults of a period, were discharged: on time, late, missed, superseded and
 * still open, in all, by rule and by the role that owed them. A duty belongs to a period when it fell due in it
 * ({@link Entry#reckonedAt()}). Immutable.
 */
public final class ComplianceReport {
  /**
   * The counts of one group of duties.
   *
   * @param onTime done by the due time
   * @param late done after it
   * @param missed fell due and ended undone
   * @param superseded ended before falling due
   * @param open neither done nor ended
   * @param lateness the total lateness of the late ones
   */
  public record Tally(int onTime, int late, int missed, int superseded, int open, Duration lateness) {
    /** No duty. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, Duration.ZERO);

    /** Returns the number of duties: on time + late + missed + superseded + open. */
    public int total() {
      return onTime + late + missed + superseded + open;
    }

    Tally plus(Entry e) {
      Duration more = lateness.plus(e.lateBy().orElse(Duration.ZERO));
      return switch (e.status()) {
        case DONE_ON_TIME -> new Tally(onTime + 1, late, missed, superseded, open, more);
        case DONE_LATE -> new Tally(onTime, late + 1, missed, superseded, open, more);
        case MISSED -> new Tally(onTime, late, missed + 1, superseded, open, more);
        case SUPERSEDED -> new Tally(onTime, late, missed, superseded + 1, open, more);
        case OPEN -> new Tally(onTime, late, missed, superseded, open + 1, more);
      };
    }
  }

  private final Optional<Instant> from;
  private final Optional<Instant> to;
  private final int faults;
  private final Tally total;
  private final SortedMap<RuleId, Tally> byRule;
  private final Map<Role, Tally> byRole;

  private ComplianceReport(Optional<Instant> from, Optional<Instant> to, int faults, Tally total,
      SortedMap<RuleId, Tally> byRule, Map<Role, Tally> byRole) {
    this.from = from;
    this.to = to;
    this.faults = faults;
    this.total = total;
    this.byRule = Collections.unmodifiableSortedMap(byRule);
    this.byRole = Collections.unmodifiableMap(byRole);
  }

  /** Returns the compliance over every duty of the ledgers. */
  public static ComplianceReport of(Collection<DutyLedger> ledgers) {
    return build(ledgers, null, null);
  }

  /**
   * Returns the compliance over the duties of the ledgers that fell due in {@code [from, to)}.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from}
   */
  public static ComplianceReport of(Collection<DutyLedger> ledgers, Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(to.isAfter(from), "to must be after from: %s, %s", from, to);
    return build(ledgers, from, to);
  }

  private static ComplianceReport build(Collection<DutyLedger> ledgers, Instant from, Instant to) {
    checkNotNull(ledgers, "ledgers");
    Tally total = Tally.ZERO;
    SortedMap<RuleId, Tally> byRule = new TreeMap<>();
    Map<Role, Tally> byRole = new EnumMap<>(Role.class);
    int faults = 0;
    for (DutyLedger l : ledgers) {
      boolean counted = false;
      for (Entry e : l.entries()) {
        Instant t = e.reckonedAt();
        if (from != null && (t.isBefore(from) || !t.isBefore(to))) {
          continue;
        }
        counted = true;
        total = total.plus(e);
        byRule.put(e.duty().ruleId(), byRule.getOrDefault(e.duty().ruleId(), Tally.ZERO).plus(e));
        byRole.put(e.duty().actor(), byRole.getOrDefault(e.duty().actor(), Tally.ZERO).plus(e));
      }
      faults += counted ? 1 : 0;
    }
    return new ComplianceReport(Optional.ofNullable(from), Optional.ofNullable(to), faults, total, byRule, byRole);
  }

  /** Returns the start of the period; empty for a report over whole ledgers. */
  public Optional<Instant> from() {
    return from;
  }

  /** Returns the end of the period (exclusive); empty for a report over whole ledgers. */
  public Optional<Instant> to() {
    return to;
  }

  /** Returns how many faults had a duty counted. */
  public int faults() {
    return faults;
  }

  /** Returns the counts over all duties. */
  public Tally total() {
    return total;
  }

  /** Returns the counts by rule, in rule-ID order. */
  public SortedMap<RuleId, Tally> byRule() {
    return byRule;
  }

  /** Returns the counts by the role that owed the duties, in role order. */
  public Map<Role, Tally> byRole() {
    return byRole;
  }

  /** Returns the counts of one status over all duties. */
  public int count(Status status) {
    return switch (checkNotNull(status, "status")) {
      case DONE_ON_TIME -> total.onTime();
      case DONE_LATE -> total.late();
      case MISSED -> total.missed();
      case SUPERSEDED -> total.superseded();
      case OPEN -> total.open();
    };
  }

  @Override
  public String toString() {
    return "ComplianceReport{" + faults + " faults, " + total + "}";
  }
}
