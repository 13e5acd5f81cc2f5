package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.time.StandardWorkCalendar;

class WorkCalendarJsonTest {
  private static StandardWorkCalendar read(String json) {
    return Documents.calendar(JsonFields.of(OpsJson.parse(json.replace('\'', '"')), "", Set.of("calendar")),
        "calendar");
  }

  @DisplayName("TIME-02 absent calendar is the weekday calendar")
  @Test
  void time02AbsentCalendarIsTheWeekdayCalendar() {
    assertThat(read("{}")).isEqualTo(StandardWorkCalendar.weekdays());
  }

  @DisplayName("TIME-02 holidays and workdays extend the weekdays")
  @Test
  void time02HolidaysAndWorkdaysExtendTheWeekdays() {
    StandardWorkCalendar c = read("{'calendar': {'holidays': ['2026-10-01'], 'workdays': ['2026-10-10']}}");
    assertThat(c.holidays()).containsExactly(LocalDate.of(2026, 10, 1));
    assertThat(c.workdays()).containsExactly(LocalDate.of(2026, 10, 10));
    assertThat(OpsJson.write(Documents.calendar(c)))
        .isEqualTo("{\"holidays\":[\"2026-10-01\"],\"workdays\":[\"2026-10-10\"]}");
  }

  @Test
  void badDatesAndConflictsNameTheirPath() {
    assertThatThrownBy(() -> read("{'calendar': {'workdays': ['2026-10-10', '10/11']}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("calendar.workdays[1]");
    assertThatThrownBy(() -> read("{'calendar': {'holidays': ['2026-10-10'], 'workdays': ['2026-10-10']}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("calendar.workdays[0]");
    assertThatThrownBy(() -> read("{'calendar': {'zone': 'UTC'}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("calendar.zone");
  }
}
