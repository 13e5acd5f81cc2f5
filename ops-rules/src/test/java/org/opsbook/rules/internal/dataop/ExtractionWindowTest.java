package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.dataop.ExtractionWindow;

class ExtractionWindowTest {
  private static final ExtractionWindow W = new ExtractionWindow(StandardWorkCalendar.weekdays(),
      OpsParameters.defaults());

  /** Wednesday 2026-11-25 at hh:mm in Shanghai. */
  private static Instant wed(int h, int m) {
    return ZonedDateTime.of(2026, 11, 25, h, m, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();
  }

  private static Instant at(int y, int mo, int d, int h, int m) {
    return ZonedDateTime.of(y, mo, d, h, m, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();
  }

  /** Asserts that {@code decide} allows n-1 and n, refuses n+1, and returns that refusal. */
  private static ExtractionWindow.Decision refusedOnlyAbove(IntFunction<ExtractionWindow.Decision> decide, int n) {
    assertThat(decide.apply(n - 1).allowed()).as("at " + (n - 1)).isTrue();
    assertThat(decide.apply(n).allowed()).as("at " + n).isTrue();
    ExtractionWindow.Decision above = decide.apply(n + 1);
    assertThat(above.allowed()).as("at " + (n + 1)).isFalse();
    return above;
  }

  @DisplayName("DATAOP-EXT-04 rows boundary 49999 50000 50001 in peak hours")
  @Test
  void dataopExt04RowsBoundary49999_50000_50001InPeakHours() {
    ExtractionWindow.Decision d = refusedOnlyAbove(n -> W.decide(n, 1, wed(10, 0)), 50_000);
    assertThat(d.large()).isTrue();
    assertThat(d.violations()).containsExactly(ExtractionWindow.EXT_04);
  }

  @DisplayName("DATAOP-EXT-04 minutes boundary 14 15 16 in peak hours")
  @Test
  void dataopExt04MinutesBoundary14_15_16InPeakHours() {
    ExtractionWindow.Decision d = refusedOnlyAbove(n -> W.decide(10, n, wed(10, 0)), 15);
    assertThat(d.longRun()).isTrue();
  }

  @DisplayName("DATAOP-EXT-04 allowed start is the planned start itself")
  @Test
  void dataopExt04AllowedStartIsThePlannedStartItself() {
    assertThat(W.decide(100, 5, wed(10, 0)).earliestAllowedStart()).contains(wed(10, 0));
    assertThat(W.decide(80_000, 5, wed(19, 0)).earliestAllowedStart()).contains(wed(19, 0));
  }

  @DisplayName("DATAOP-EXT-04 a run that overlaps peak hours is banned not only one that starts in them")
  @ParameterizedTest(name = "DATAOP-EXT-04 a 20-minute run from {0}:{1} is allowed: {2}")
  @CsvSource({"8, 50, false", "8, 40, true", "8, 41, false"})
  void dataopExt04ARunThatOverlapsPeakHoursIsBannedNotOnlyOneThatStartsInThem(int hour, int minute,
      boolean allowed) {
    assertThat(W.decide(10, 20, wed(hour, minute)).allowed()).isEqualTo(allowed);
  }

  @DisplayName("DATAOP-EXT-04 windows are half open (TIME-09: [09:00, 12:00) and [14:00, 18:00))")
  @ParameterizedTest(name = "DATAOP-EXT-04 a large run from {0}:{1} is allowed: {2}")
  @CsvSource({"8, 59, true", "9, 0, false", "11, 59, false", "12, 0, true", "17, 59, false", "18, 0, true"})
  void dataopExt04WindowsAreHalfOpen(int hour, int minute, boolean allowed) {
    assertThat(W.decide(80_000, 1, wed(hour, minute)).allowed()).isEqualTo(allowed);
  }

  @DisplayName("DATAOP-EXT-04 earliest start is noon for a job that fits the lunch gap")
  @Test
  void dataopExt04EarliestStartIsNoonForAJobThatFitsTheLunchGap() {
    ExtractionWindow.Decision d = W.decide(80_000, 5, wed(10, 0));
    assertThat(d.earliestAllowedStart()).contains(wed(12, 0));
    assertThat(W.decide(80_000, 120, wed(10, 0)).earliestAllowedStart()).contains(wed(12, 0));
  }

  @DisplayName("DATAOP-EXT-04 earliest start is six pm for a job longer than the lunch gap")
  @Test
  void dataopExt04EarliestStartIsSixPmForAJobLongerThanTheLunchGap() {
    assertThat(W.decide(80_000, 121, wed(10, 0)).earliestAllowedStart()).contains(wed(18, 0));
  }

  @DisplayName("DATAOP-EXT-04 earliest start for an over night job skips to the weekend")
  @Test
  void dataopExt04EarliestStartForAnOverNightJobSkipsToTheWeekend() {
    Instant friday = at(2026, 11, 27, 10, 0);
    assertThat(W.decide(80_000, 16 * 60, friday).earliestAllowedStart()).contains(at(2026, 11, 27, 18, 0));
    assertThat(W.decide(80_000, 15 * 60, wed(10, 0)).earliestAllowedStart()).contains(wed(18, 0));
    assertThat(W.decide(80_000, 15 * 60 + 1, wed(10, 0)).earliestAllowedStart())
        .contains(at(2026, 11, 27, 18, 0));
  }

  @DisplayName("DATAOP-EXT-04 no peak hours on weekends or holidays but on make up workdays")
  @Test
  void dataopExt04NoPeakHoursOnWeekendsOrHolidaysButOnMakeUpWorkdays() {
    assertThat(W.decide(80_000, 30, at(2026, 11, 28, 10, 0)).allowed()).isTrue();
    StandardWorkCalendar cal = StandardWorkCalendar.builder().addHolidays(LocalDate.of(2026, 11, 25))
        .addWorkdays(LocalDate.of(2026, 11, 28)).build();
    ExtractionWindow w = new ExtractionWindow(cal, OpsParameters.defaults());
    assertThat(w.decide(80_000, 30, wed(10, 0)).allowed()).isTrue();
    assertThat(w.decide(80_000, 30, at(2026, 11, 28, 10, 0)).allowed()).isFalse();
  }

  @DisplayName("DATAOP-EXT-04 a job longer than every gap has no allowed start")
  @Test
  void dataopExt04AJobLongerThanEveryGapHasNoAllowedStart() {
    StandardWorkCalendar everyDay = StandardWorkCalendar.builder().addWorkdays(allWeekendsOf2026()).build();
    ExtractionWindow w = new ExtractionWindow(everyDay, OpsParameters.defaults());
    assertThat(w.decide(80_000, 16 * 60, wed(10, 0)).earliestAllowedStart()).isEmpty();
  }

  private static java.util.List<LocalDate> allWeekendsOf2026() {
    java.util.List<LocalDate> out = new java.util.ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() >= 6) {
        out.add(d);
      }
    }
    return out;
  }

  @DisplayName("DATAOP-EXT-04 the earliest start is allowed and nothing earlier is")
  @Test
  void dataopExt04TheEarliestStartIsAllowedAndNothingEarlierIs() {
    qt().forAll(integers().between(0, 7 * 24 * 60 - 1), integers().between(1, 600)).checkAssert((offset, mins) -> {
      Instant start = wed(0, 0).plusSeconds(offset * 60L);
      Instant earliest = W.decide(80_000, mins, start).earliestAllowedStart().orElseThrow();
      assertThat(earliest).isAfterOrEqualTo(start);
      assertThat(W.decide(80_000, mins, earliest).allowed()).isTrue();
      for (Instant t = start; t.isBefore(earliest); t = t.plusSeconds(15 * 60)) {
        assertThat(W.overlapsPeak(t, mins)).as("%s", t).isTrue();
      }
    });
  }
}
