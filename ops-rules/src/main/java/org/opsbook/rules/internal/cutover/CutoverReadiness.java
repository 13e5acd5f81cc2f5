package org.opsbook.rules.internal.cutover;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.opsbook.core.RuleId;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.ReportContent;

/**
 * The lead-time and readiness answer for a cutover (catalog §3 {@code CutoverValidation}): the application
 * deadline and whether it was met (CUTOVER-23), what the report and the application still lack (CUTOVER-12,
 * CUTOVER-24), whether the public announcement is required (CUTOVER-07), and the violated rules.
 *
 * @param applicationDeadline 24:00 of the working day {@code cutoverLeadWorkingDays} before the cutover's date
 * @param leadTimeOk the application was submitted by the deadline
 * @param missingReportContents what the report lacks, in catalog order
 * @param missingApplicationContents what the application lacks, in catalog order
 * @param announcementRequired customers are affected, so 行政服务中心 must publish an announcement
 * @param violations the violated rules, sorted
 */
public record CutoverReadiness(Instant applicationDeadline, boolean leadTimeOk,
    List<ReportContent> missingReportContents, List<ApplicationContent> missingApplicationContents,
    boolean announcementRequired, SortedSet<RuleId> violations) {
  /** Copies the collections. */
  public CutoverReadiness {
    missingReportContents = ImmutableList.copyOf(missingReportContents);
    missingApplicationContents = ImmutableList.copyOf(missingApplicationContents);
    violations = ImmutableSortedSet.copyOf(violations);
  }
}
