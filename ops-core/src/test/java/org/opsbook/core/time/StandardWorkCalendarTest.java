package org.opsbook.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.WorkCalendar;

class StandardWorkCalendarTest {
  private static final LocalDate THU = LocalDate.of(2026, 11, 26);

  @Test
  void weekdaysWorkWeekendsRest() {
    WorkCalendar c = StandardWorkCalendar.weekdays();
    assertThat(c.isWorkingDay(THU)).isTrue();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    assertThat(c.workdayEnd()).isEqualTo(LocalTime.of(18, 0));
  }

  @Test
  void time01And03ClockTimesAreChinaStandardTimeAndXiaBanIs1800() {
    WorkCalendar c = StandardWorkCalendar.weekdays();
    assertThat(c.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    // 18:00 on the calendar is 10:00 UTC (TIME-01: UTC+8), and it is 下班 (TIME-03)
    assertThat(c.at(THU, c.workdayEnd())).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(c.dateOf(Instant.parse("2026-11-26T16:30:00Z"))).isEqualTo(THU.plusDays(1));
  }

  @Test
  void holidaysRestAndMakeUpDaysWork() {
    WorkCalendar c = StandardWorkCalendar.builder().addHolidays(LocalDate.of(2026, 10, 1))
        .addWorkdays(LocalDate.of(2026, 10, 10)).build();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
  }

  @Test
  void cutover23ThursdayMinusThreeWorkingDaysIsMonday() {
    assertThat(StandardWorkCalendar.weekdays().minusWorkingDays(THU, 3)).isEqualTo(LocalDate.of(2026, 11, 23));
  }

  @Test
  void aNegativeCountOfWorkingDaysCountsTheOtherWay() {
    WorkCalendar c = StandardWorkCalendar.weekdays();
    assertThat(c.plusWorkingDays(THU, -3)).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(c.minusWorkingDays(THU, -2)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(c.plusWorkingDays(THU, 0)).isEqualTo(THU);
  }

  @Test
  void aDayIsNeverBothAHolidayAndAMakeUpWorkingDay() {
    LocalDate day = LocalDate.of(2026, 10, 10);
    assertThatThrownBy(() -> StandardWorkCalendar.builder().addWorkdays(day).addHolidays(day))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("holidays");
          assertThat(e.getMessage()).contains("2026-10-10 is already a make-up working day");
        });
    assertThatThrownBy(() -> StandardWorkCalendar.builder().addHolidays(day).addWorkdays(day))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("workdays");
          assertThat(e.getMessage()).contains("2026-10-10 is already a holiday");
        });
  }

  @Test
  void time06AddOneWorkingDay() {
    WorkCalendar c = StandardWorkCalendar.weekdays();
    Instant fridayTen = ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, c.zone()).toInstant();
    assertThat(c.addWorkingDays(fridayTen, 1))
        .isEqualTo(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, c.zone()).toInstant());
    Instant saturdayTen = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, c.zone()).toInstant();
    assertThat(c.addWorkingDays(saturdayTen, 1))
        .isEqualTo(ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, c.zone()).toInstant());
  }

  @Test
  void addingAndSubtractingWorkingDaysRoundTripsFromAWorkingDay() {
    WorkCalendar c = StandardWorkCalendar.builder().addHolidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))
        .addWorkdays(LocalDate.of(2026, 10, 10)).build();
    qt().forAll(integers().between(0, 800), integers().between(0, 40)).checkAssert((offset, n) -> {
      LocalDate start = c.plusWorkingDays(LocalDate.of(2025, 6, 1), 1 + offset);
      LocalDate there = c.plusWorkingDays(start, n);
      assertThat(c.isWorkingDay(there)).isTrue();
      assertThat(c.minusWorkingDays(there, n)).isEqualTo(start);
    });
  }

  @Test
  void aWorkingDayCountNeverLandsOnAWeekendWithoutMakeUpDays() {
    WorkCalendar c = StandardWorkCalendar.weekdays();
    qt().forAll(integers().between(0, 3000), integers().between(1, 30)).checkAssert((offset, n) -> {
      LocalDate d = c.minusWorkingDays(LocalDate.of(2024, 1, 1).plusDays(offset), n);
      assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    });
  }

  @Test
  void time02TheCalendarSaysHowFarItsHolidaysAreKnown() {
    assertThat(StandardWorkCalendar.weekdays().knownThrough()).as("Monday to Friday by design says nothing").isEmpty();
    StandardWorkCalendar listed = StandardWorkCalendar.builder()
        .addHolidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)).addWorkdays(LocalDate.of(2026, 9, 27))
        .build();
    assertThat(listed.knownThrough()).contains(LocalDate.of(2026, 12, 31));
    assertThat(listed.toString()).contains("knownThrough=2026-12-31");
    StandardWorkCalendar intoJanuary = listed.toBuilder().addHolidays(LocalDate.of(2027, 1, 1)).build();
    assertThat(intoJanuary.knownThrough()).as("derived: the last year listed").contains(LocalDate.of(2027, 12, 31));
    StandardWorkCalendar stated = intoJanuary.toBuilder().knownThrough(LocalDate.of(2026, 12, 31)).build();
    assertThat(stated.knownThrough()).as("stated: a New Year's holiday does not make the next year known")
        .contains(LocalDate.of(2026, 12, 31));
    assertThat(stated).isNotEqualTo(intoJanuary);
    assertThat(stated.toBuilder().build()).isEqualTo(stated);

    assertThat(StandardWorkCalendar.parse(stated.format())).isEqualTo(stated);
    assertThat(stated.format()).contains("through 2026-12-31\n");
    assertThat(StandardWorkCalendar.parse(listed.format())).isEqualTo(listed);
    assertThat(listed.format()).doesNotContain("through");
    assertThat(StandardWorkCalendar.parse("through 2027-06-30\n").knownThrough()).contains(LocalDate.of(2027, 6, 30));
    assertThatThrownBy(() -> StandardWorkCalendar.parse("through 2026-12-31\nthrough 2027-12-31\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("line 2"));
    assertThatThrownBy(() -> StandardWorkCalendar.parse("through 2026-13-01\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("line 1"));
    assertThat(new WorkCalendar() {
      @Override
      public java.time.ZoneId zone() {
        return StandardWorkCalendar.SHANGHAI;
      }

      @Override
      public boolean isWorkingDay(LocalDate date) {
        return true;
      }

      @Override
      public LocalTime workdayStart() {
        return LocalTime.NOON;
      }

      @Override
      public LocalTime workdayEnd() {
        return LocalTime.MAX;
      }
    }.knownThrough()).as("a host's own calendar says nothing unless it overrides it").isEmpty();
  }
}
