package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.time.StandardWorkCalendar;

/**
 * The {@code calendar} object of the decision API: {@code {"holidays": ["2026-10-01"], "workdays": ["2026-10-10"]}}
 * (TIME-02). The days extend the weekday default of {@link StandardWorkCalendar} in {@code Asia/Shanghai}; an absent
 * calendar is the plain weekday calendar. A malformed date, or a date listed both ways, is invalid input naming
 * its path ({@code calendar.workdays[0]}).
 */
public final class WorkCalendarJson {
  /** The fields a calendar object may have. */
  public static final Set<String> FIELDS = Set.of("holidays", "workdays");

  private WorkCalendarJson() {}

  /** Reads the optional calendar object {@code field} of {@code parent}; absent is the weekday calendar. */
  public static StandardWorkCalendar read(JsonFields parent, String field) {
    return parent.optionalObject(field, FIELDS).map(WorkCalendarJson::read)
        .orElse(StandardWorkCalendar.weekdays());
  }

  /** Reads a calendar object. */
  public static StandardWorkCalendar read(JsonNode node, String path) {
    return read(JsonFields.of(node, path, FIELDS));
  }

  private static StandardWorkCalendar read(JsonFields f) {
    StandardWorkCalendar.Builder b = StandardWorkCalendar.builder();
    List<String> holidays = f.strings("holidays");
    for (int i = 0; i < holidays.size(); i++) {
      String path = JsonFields.element(f.path("holidays"), i);
      LocalDate d = date(holidays.get(i), path);
      try {
        b.addHolidays(d);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(path, e.reason());
      }
    }
    List<String> workdays = f.strings("workdays");
    for (int i = 0; i < workdays.size(); i++) {
      String path = JsonFields.element(f.path("workdays"), i);
      LocalDate d = date(workdays.get(i), path);
      try {
        b.addWorkdays(d);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(path, e.reason());
      }
    }
    return b.build();
  }

  /** Writes the holidays and make-up working days of {@code calendar}. */
  public static ObjectNode write(StandardWorkCalendar calendar) {
    ObjectNode o = OpsJson.object();
    ArrayNode holidays = o.putArray("holidays");
    calendar.holidays().forEach(d -> holidays.add(d.toString()));
    ArrayNode workdays = o.putArray("workdays");
    calendar.workdays().forEach(d -> workdays.add(d.toString()));
    return o;
  }

  private static LocalDate date(String text, String path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(path, "not a date YYYY-MM-DD: " + text, null, e);
    }
  }
}
