package org.opsbook.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;

class WorkCalendarFormatTest {
  @DisplayName("TIME-02 reads holidays make up days ranges zone hours and comments")
  @Test
  void time02ReadsHolidaysMakeUpDaysRangesZoneHoursAndComments() {
    StandardWorkCalendar c = WorkCalendarFormat.parse("""
        # an illustrative calendar
        zone Asia/Shanghai
        hours 08:30-17:30   # 下班 at 17:30

        2099-10-01..2099-10-03 holiday
        2099-10-05 holiday
        2099-10-10 workday
        """);
    assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(c.workdayStart()).isEqualTo(LocalTime.of(8, 30));
    assertThat(c.workdayEnd()).isEqualTo(LocalTime.of(17, 30));
    assertThat(c.holidays()).containsExactly(LocalDate.of(2099, 10, 1), LocalDate.of(2099, 10, 2),
        LocalDate.of(2099, 10, 3), LocalDate.of(2099, 10, 5));
    assertThat(c.workdays()).containsExactly(LocalDate.of(2099, 10, 10));
    assertThat(c.isWorkingDay(LocalDate.of(2099, 10, 10))).isTrue();
    assertThat(c.isWorkingDay(LocalDate.of(2099, 10, 1))).isFalse();
  }

  @Test
  void anEmptyTextIsTheWeekdayCalendar() {
    assertThat(WorkCalendarFormat.parse("# nothing\n\n")).isEqualTo(StandardWorkCalendar.weekdays());
  }

  @Test
  void errorsNameTheLine() {
    assertLineError("2099-10-01 holiday\n2099-13-01 holiday\n", "line 2", "not a date");
    assertLineError("2099-10-01 vacation\n", "line 1", "unknown kind");
    assertLineError("\n\nzone Mars/Olympus\n", "line 3", "unknown zone");
    assertLineError("hours 18:00-09:00\n", "line 1", "ends after it starts");
    assertLineError("hours 9-18\n", "line 1", "not a time");
    assertLineError("zone UTC\nzone UTC\n", "line 2", "twice");
    assertLineError("2099-10-01 holiday\n2099-10-01 workday\n", "line 2", "already a holiday");
    assertLineError("2099-10-05..2099-10-01 holiday\n", "line 1", "forward");
    assertLineError("2099-01-01..2100-06-01 holiday\n", "line 1", "at most 366");
    assertLineError("2099-10-01\n", "line 1", "expected");
    assertLineError("2099-10-01 holiday extra\n", "line 1", "expected");
  }

  private static void assertLineError(String text, String field, String reason) {
    assertThatThrownBy(() -> WorkCalendarFormat.parse(text)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          assertThat(((InvalidInputException) e).field()).isEqualTo(field);
          assertThat(((InvalidInputException) e).reason()).contains(reason);
        });
  }

  @Test
  void aFailingReaderIsAnUncheckedIoError() {
    Reader broken = new Reader() {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> WorkCalendarFormat.parse(broken)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void formatThenParseRoundTrips() {
    qt().forAll(lists().of(integers().between(0, 3000)).ofSizeBetween(0, 40), integers().between(0, 3))
        .checkAssert((offsets, hoursIdx) -> {
          StandardWorkCalendar.Builder b = StandardWorkCalendar.builder()
              .workingHours(LocalTime.of(8 + hoursIdx, 0), LocalTime.of(17 + hoursIdx, 30));
          for (int o : offsets) {
            LocalDate d = LocalDate.of(2030, 1, 1).plusDays(o);
            if (d.getDayOfWeek().getValue() >= 6) {
              b.addWorkdays(d);
            } else {
              b.addHolidays(d);
            }
          }
          StandardWorkCalendar c = b.build();
          assertThat(WorkCalendarFormat.parse(WorkCalendarFormat.format(c))).isEqualTo(c);
          assertThat(WorkCalendarFormat.parse(new StringReader(WorkCalendarFormat.format(c)))).isEqualTo(c);
          assertThat(StandardWorkCalendar.parse(new StringReader(c.format()))).as("through the public API").isEqualTo(c);
        });
  }

  @Test
  void addingAndSubtractingWorkingDaysRoundTripsOnAParsedCalendar() {
    StandardWorkCalendar c = WorkCalendarFormat.parse("""
        2099-10-01..2099-10-07 holiday
        2099-09-27 workday
        2099-10-10 workday
        """);
    qt().forAll(integers().between(0, 400), integers().between(0, 30)).checkAssert((offset, n) -> {
      LocalDate start = c.plusWorkingDays(LocalDate.of(2099, 6, 1), 1 + offset);
      LocalDate there = c.plusWorkingDays(start, n);
      assertThat(c.isWorkingDay(there)).isTrue();
      assertThat(c.minusWorkingDays(there, n)).isEqualTo(start);
    });
  }
}
