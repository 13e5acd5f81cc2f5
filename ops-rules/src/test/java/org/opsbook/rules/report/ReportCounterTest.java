package org.opsbook.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.report.ReportTimes.SHANGHAI;
import static org.opsbook.rules.report.ReportTimes.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;
import org.opsbook.rules.report.ReportFacts.FaultCategory;
import org.opsbook.rules.report.ReportRules.ReportWindow;

/** REPORT-COUNT-01 and the reporting windows of TIME-05. */
class ReportCounterTest {
  @Test
  @DisplayName("REPORT-COUNT-01 three relapses on one day count three times (一天内多次反复需计算为多次)")
  void count01() {
    List<Occurrence> occurrences = List.of(new Occurrence(at("2026-11-25T09:00:00+08:00"), 5),
        new Occurrence(at("2026-11-25T11:00:00+08:00"), 7), new Occurrence(at("2026-11-25T16:30:00+08:00"), 0));
    ReportFacts f = ReportCounter.count(occurrences, FaultCategory.OTHER, List.of(),
        at("2026-11-26T10:00:00+08:00"), SHANGHAI);
    assertThat(f.occurrencesInWeek()).isEqualTo(3);
    assertThat(f.occurrencesInMonth()).isEqualTo(3);
    assertThat(f.complaintsInWeek()).isEqualTo(12);
    assertThat(ReportRules.standard().evaluate(f).firingRules()).extracting(RuleId::value)
        .containsExactly("REPORT-WEEKLY-01", "REPORT-WEEKLY-02");
  }

  @Test
  @DisplayName("REPORT-COUNT-01 occurrences belong to the ISO week and calendar month their start falls in (TIME-05)")
  void windows() {
    Instant asOf = at("2026-12-01T10:00:00+08:00");
    List<Occurrence> occurrences = List.of(
        new Occurrence(at("2026-11-29T23:59:59+08:00"), 100),
        new Occurrence(at("2026-11-30T00:00:00+08:00"), 10),
        new Occurrence(at("2026-12-01T00:00:00+08:00"), 1),
        new Occurrence(at("2026-12-06T23:59:59+08:00"), 2),
        new Occurrence(at("2026-12-07T00:00:00+08:00"), 50));
    ReportFacts f = ReportCounter.count(occurrences, FaultCategory.SYSTEM_LOGIN_FAILURE,
        List.of(at("2026-11-30T12:00:00+08:00"), at("2026-12-02T12:00:00+08:00"), at("2026-12-31T23:00:00+08:00")),
        asOf, SHANGHAI);
    assertThat(f.occurrencesInWeek()).as("Mon 30 Nov .. Sun 6 Dec").isEqualTo(3);
    assertThat(f.complaintsInWeek()).isEqualTo(13);
    assertThat(f.occurrencesInMonth()).as("December").isEqualTo(3);
    assertThat(f.complaintsInMonth()).isEqualTo(53);
    assertThat(f.categoryOccurrencesInMonth()).isEqualTo(2);
    assertThat(f.faultCategory()).isEqualTo(FaultCategory.SYSTEM_LOGIN_FAILURE);
  }

  @Test
  void windowBoundsAreHalfOpenAndZoned() {
    ReportWindow week = ReportWindow.isoWeekOf(at("2026-11-29T20:00:00+00:00"), SHANGHAI);
    assertThat(week.start()).isEqualTo(at("2026-11-30T00:00:00+08:00"));
    assertThat(week.end()).isEqualTo(at("2026-12-07T00:00:00+08:00"));
    assertThat(week.contains(week.start())).isTrue();
    assertThat(week.contains(week.end())).isFalse();
    ReportWindow feb = ReportWindow.calendarMonthOf(at("2028-02-15T00:00:00+08:00"), SHANGHAI);
    assertThat(feb.end()).isEqualTo(at("2028-03-01T00:00:00+08:00"));
  }
}
