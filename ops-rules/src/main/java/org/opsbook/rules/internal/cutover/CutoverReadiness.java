package org.opsbook.rules.internal.cutover;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SortedSet;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.internal.catalog.RuleCatalog;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.ReportContent;

/**
 * The lead-time and readiness answer for a cutover (catalog §3 {@code CutoverValidation}): the application
 * deadline and whether it was met (CUTOVER-23), what the report and the application still lack (CUTOVER-12,
 * CUTOVER-24), whether the public announcement is required (CUTOVER-07), and the violated rules.
 *
 * @param applicationDeadline 24:00 of the working day {@code cutoverLeadWorkingDays} before the cutover's date
 * @param leadWorkingDays how many working days ahead the application is due ({@code cutoverLeadWorkingDays})
 * @param leadTimeOk the application was submitted by the deadline
 * @param missingReportContents what the report lacks, in catalog order
 * @param missingApplicationContents what the application lacks, in catalog order
 * @param announcementRequired customers are affected, so 行政服务中心 must publish an announcement
 * @param violations the violated rules, sorted
 */
public record CutoverReadiness(Instant applicationDeadline, int leadWorkingDays, boolean leadTimeOk,
    List<ReportContent> missingReportContents, List<ApplicationContent> missingApplicationContents,
    boolean announcementRequired, SortedSet<RuleId> violations) {
  /** Copies the collections. */
  public CutoverReadiness {
    missingReportContents = ImmutableList.copyOf(missingReportContents);
    missingApplicationContents = ImmutableList.copyOf(missingApplicationContents);
    violations = ImmutableSortedSet.copyOf(violations);
  }

  /**
   * Returns each violated rule with the field it is about and what is wrong: what the report (CUTOVER-12) and the
   * application (CUTOVER-24) lack, when the application was complete against its deadline (CUTOVER-23), times in
   * {@code zone}; any other rule with its summary from the rule reference.
   *
   * @param facts the facts this answer was computed from
   */
  public List<Violation> explained(Cutover facts, ZoneId zone) {
    return violations.stream().map(rule -> switch (rule.value()) {
      case "CUTOVER-12" -> Violation.of(rule, "reportContents",
          "the report for the supervisor's approval lacks " + missingReportContents);
      case "CUTOVER-24" -> Violation.of(rule, "applicationContents",
          "the application lacks " + missingApplicationContents);
      case "CUTOVER-23" -> Violation.of(rule, "applicationSubmittedAt",
          facts.applicationSubmittedAt().map(at -> "the application is complete at " + format(at, zone)
              + ", after its deadline " + format(applicationDeadline, zone) + " (" + leadWorkingDays
              + " working days ahead)")
              .orElse("no applicationSubmittedAt: the application is not complete"));
      default -> Violation.of(rule, RuleCatalog.standard().find(rule).map(e -> e.title()).orElse(rule.value()));
    }).toList();
  }

  private static String format(Instant at, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
  }
}
