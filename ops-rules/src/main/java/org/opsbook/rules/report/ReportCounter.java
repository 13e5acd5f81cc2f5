package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.opsbook.rules.report.ReportFacts.FaultCategory;
import org.opsbook.rules.report.ReportRules.ReportWindow;

/**
 * Counts a fault signature's occurrences and complaints into {@link ReportFacts} (REPORT-COUNT-01): every occurrence
 * counts, even several on one day, in the ISO week and the calendar month that contain {@code asOf} (TIME-05).
 * Quote: 「一天内多次反复需计算为多次」. The catalog applies the rule to both passages. Stateless.
 */
final class ReportCounter {
  private ReportCounter() {}

  /**
   * Returns the report facts of one signature as of {@code asOf}.
   *
   * @param occurrences the signature's occurrences, any order, any period
   * @param category the signature's category
   * @param categoryStarts start times of every occurrence of {@code category}, across signatures (REPORT-MONTHLY-03)
   * @param asOf the moment whose week and month are counted
   * @param zone the zone weeks and months are read in
   */
  public static ReportFacts count(List<Occurrence> occurrences, FaultCategory category, List<Instant> categoryStarts,
      Instant asOf, ZoneId zone) {
    checkNotNull(category, "category");
    ReportWindow week = ReportWindow.isoWeekOf(asOf, zone);
    ReportWindow month = ReportWindow.calendarMonthOf(asOf, zone);
    int inWeek = 0;
    int complaintsInWeek = 0;
    int inMonth = 0;
    int complaintsInMonth = 0;
    for (Occurrence o : occurrences) {
      if (week.contains(o.startedAt())) {
        inWeek++;
        complaintsInWeek = Math.addExact(complaintsInWeek, o.complaints());
      }
      if (month.contains(o.startedAt())) {
        inMonth++;
        complaintsInMonth = Math.addExact(complaintsInMonth, o.complaints());
      }
    }
    int categoryInMonth = 0;
    for (Instant t : categoryStarts) {
      if (month.contains(t)) {
        categoryInMonth++;
      }
    }
    return ReportFacts.builder().occurrencesInWeek(inWeek).complaintsInWeek(complaintsInWeek)
        .occurrencesInMonth(inMonth).complaintsInMonth(complaintsInMonth).faultCategory(category)
        .categoryOccurrencesInMonth(categoryInMonth).build();
  }
}
