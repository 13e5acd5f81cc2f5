package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.ReportThresholdPolicy;
import org.opsbook.core.RuleId;
import org.opsbook.rules.report.ReportRule.Passage;

/**
 * Decides weekly and monthly report inclusion (REPORT-WEEKLY-01/02, REPORT-MONTHLY-01/02/03) and combines the two
 * passages of the manual as {@link OpsParameters#reportThresholdPolicy()} says (REPORT-POLICY-01): under
 * {@code UNION}, the default, any rule of either passage includes the fault. Bounds: 「超过N次(含N次)」 is
 * {@code >= N} (BND-03), 「超过N单」 is {@code > N} (BND-02).
 *
 * <pre>{@code
 * ReportInclusion in = ReportRules.standard().evaluate(ReportFacts.builder().occurrencesInWeek(2).build());
 * // in.weekly() == true, in.firingRules() == [REPORT-WEEKLY-01]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReportRules {
  private static final ReportRules STANDARD = new ReportRules(OpsParameters.defaults());

  private final ImmutableList<ReportRule> rules;
  private final ReportThresholdPolicy policy;

  /** Creates the rules with thresholds and policy from {@code p}. */
  public ReportRules(OpsParameters p) {
    checkNotNull(p, "parameters");
    this.policy = p.reportThresholdPolicy();
    int w1o = p.weekly1Occurrences();
    int w1c = p.weekly1Complaints();
    int m1o = p.monthly1Occurrences();
    int m1c = p.monthly1Complaints();
    int w2o = p.weekly2Occurrences();
    int w2c = p.weekly2Complaints();
    int m2o = p.monthly2Occurrences();
    int m2c = p.monthly2Complaints();
    int m3o = p.monthly3Occurrences();
    // ESC-ROOM-10 (§2.2.3.2 ¶2 1)(10)) states the same thresholds in the room manager's list: its consequence is
    // inclusion in the reports, so it is these two rules and owes no phone call (CONFLICT-03).
    this.rules = ImmutableList.of(
        new ReportRule(RuleId.of("REPORT-WEEKLY-01"), Passage.SECTION_2_1_10,
            "频发性故障,每周累计发生超过 2 次(含 2 次)或累计投诉量超过 20 单的故障需在周报中体现",
            "occurrencesInWeek >= " + w1o + " OR complaintsInWeek > " + w1c,
            f -> f.occurrencesInWeek() >= w1o || f.complaintsInWeek() > w1c, true, false),
        new ReportRule(RuleId.of("REPORT-MONTHLY-01"), Passage.SECTION_2_1_10,
            "每月累计发生超过 4 次(含 4 次)或累计投诉量超过 70 单的故障需在月报中体现",
            "occurrencesInMonth >= " + m1o + " OR complaintsInMonth > " + m1c,
            f -> f.occurrencesInMonth() >= m1o || f.complaintsInMonth() > m1c, false, true),
        new ReportRule(RuleId.of("REPORT-WEEKLY-02"), Passage.SECTION_4,
            "周累计发生超过3次(含3次,一天内多次反复需计算为多次)或累计投诉量超过300单的故障需在周报中体现",
            "occurrencesInWeek >= " + w2o + " OR complaintsInWeek > " + w2c,
            f -> f.occurrencesInWeek() >= w2o || f.complaintsInWeek() > w2c, true, false),
        new ReportRule(RuleId.of("REPORT-MONTHLY-02"), Passage.SECTION_4,
            "月累计发生超过3次(含3次,一天内多次反复需计算为多次)且累计投诉量超过500单的故障需在周报及月报中体现",
            "occurrencesInMonth >= " + m2o + " AND complaintsInMonth > " + m2c,
            f -> f.occurrencesInMonth() >= m2o && f.complaintsInMonth() > m2c, true, true),
        new ReportRule(RuleId.of("REPORT-MONTHLY-03"), Passage.SECTION_4,
            "月累计发生超过3次(含3次,一天内多次反复需计算为多次)系统无法登陆、客户无法登陆自助渠道、客户无法查询清单、"
                + "客户无法办理服务功能、客户无法查询话费或账户余额、客户充值未到账的故障需在月报中体现",
            "faultCategory IN listed categories AND categoryOccurrencesInMonth >= " + m3o,
            f -> f.faultCategory().isListedForMonthlyReport() && f.effectiveCategoryOccurrencesInMonth() >= m3o,
            false, true));
  }

  /** Returns the rules for the catalog defaults and the UNION policy. */
  public static ReportRules standard() {
    return STANDARD;
  }

  /** Returns every rule of both passages, in catalog order. */
  List<ReportRule> rules() {
    return rules;
  }

  /** Returns the policy the rules combine under. */
  public ReportThresholdPolicy policy() {
    return policy;
  }

  /** Returns true when {@code policy} lets the rules of {@code passage} count (REPORT-POLICY-01). */
  static boolean active(ReportThresholdPolicy policy, Passage passage) {
    return switch (policy) {
      case UNION -> true;
      case SECTION_2_1_10_ONLY -> passage == Passage.SECTION_2_1_10;
      case SECTION_4_ONLY -> passage == Passage.SECTION_4;
    };
  }

  /**
   * Decides inclusion: a report includes the fault when any active rule for it fires.
   *
   * @return the inclusion, naming every active rule that fired
   */
  public ReportInclusion evaluate(ReportFacts facts) {
    checkNotNull(facts, "facts");
    ReportInclusion.Builder b = ReportInclusion.builder().policy(policy);
    boolean weekly = false;
    boolean monthly = false;
    for (ReportRule r : rules) {
      if (active(policy, r.passage()) && r.fires(facts)) {
        b.addFiringRules(r.id());
        weekly |= r.weekly();
        monthly |= r.monthly();
      }
    }
    return b.weekly(weekly).monthly(monthly).build();
  }

  /**
   * A reporting window, half-open {@code [start, end)}: the ISO week, Monday 00:00 to the next Monday 00:00, or the
   * calendar month (TIME-05, OQ-23), in the host's zone. An occurrence belongs to the window its start time falls in.
   *
   * @param start the first instant inside
   * @param end the first instant after
   */
  public record ReportWindow(Instant start, Instant end) {
    /** Validates the bounds. */
    public ReportWindow {
      checkNotNull(start, "start");
      checkNotNull(end, "end");
      checkArgument(start.isBefore(end), "a window starts before it ends: %s .. %s", start, end);
    }

    /** Returns the ISO week that contains {@code t} in {@code zone}. */
    public static ReportWindow isoWeekOf(Instant t, ZoneId zone) {
      LocalDate monday = t.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new ReportWindow(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    /** Returns the calendar month that contains {@code t} in {@code zone}. */
    public static ReportWindow calendarMonthOf(Instant t, ZoneId zone) {
      LocalDate first = t.atZone(zone).toLocalDate().withDayOfMonth(1);
      return new ReportWindow(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
    }

    /** Returns true when {@code t} is inside the window. */
    public boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }
}
