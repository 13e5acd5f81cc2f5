package org.opsbook.examples.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/**
 * The working-day calendar of {@code --calendar FILE} (TIME-02): the decision API's calendar object
 * ({@code {"holidays": ["2026-10-01"], "workdays": ["2026-10-10"]}}, see docs/decision-api.md), or the line format of
 * the line format of {@code StandardWorkCalendar.parse} ({@code 2026-10-01 holiday}). Either extends the Monday-to-Friday default in
 * Asia/Shanghai. Errors name the field or the line.
 */
public final class CalendarFile {
  private static final Set<String> FIELDS = Set.of("holidays", "workdays");

  private CalendarFile() {}

  /** Reads a calendar file in either format. */
  public static StandardWorkCalendar read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses a calendar in either format: JSON when it starts with {@code {}. */
  public static StandardWorkCalendar parse(String text) {
    if (!text.stripLeading().startsWith("{")) {
      return StandardWorkCalendar.parse(text);
    }
    JsonFields f = JsonFields.of(OpsJson.parse(text), "", FIELDS);
    StandardWorkCalendar.Builder b = StandardWorkCalendar.builder();
    List<String> holidays = f.strings("holidays");
    for (int i = 0; i < holidays.size(); i++) {
      b.addHolidays(date(holidays.get(i), JsonFields.element("holidays", i)));
    }
    List<String> workdays = f.strings("workdays");
    for (int i = 0; i < workdays.size(); i++) {
      b.addWorkdays(date(workdays.get(i), JsonFields.element("workdays", i)));
    }
    return b.build();
  }

  private static LocalDate date(String text, String path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(path, "expected an ISO date (2026-10-01), found \"" + text + "\"");
    }
  }
}
