package org.opsbook.core.time;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.opsbook.core.InvalidInputException;

/**
 * The text format in which a host supplies its working-day calendar (TIME-02): statutory holidays and make-up
 * working days (调休), and optionally the zone and working hours. One entry per line:
 *
 * <pre>
 * # opsbook working-day calendar; '#' starts a comment
 * zone Asia/Shanghai              # optional, at most once; default Asia/Shanghai
 * hours 09:00-18:00               # optional, at most once; the end is 下班 (TIME-03)
 * through 2026-12-31              # optional, at most once: the last day the holidays below are known through;
 *                                 # default: 31 December of the last year listed
 * 2026-10-01 holiday              # a day off even on a weekday
 * 2026-10-01..2026-10-07 holiday  # an inclusive range, at most 366 days
 * 2026-10-10 workday              # a make-up working day, even on a weekend
 * </pre>
 *
 * <p>Days not listed follow the weekday default: Monday to Friday work. Keywords are lower case; blank lines and
 * comments are ignored; a date may be repeated with the same kind but never be both a holiday and a workday. Every
 * error is an {@link InvalidInputException} whose field is {@code line N} (from 1). The class reads a
 * {@link Reader} or a string and does no file I/O itself; the host opens the file. opsbook ships no official
 * holiday data. Thread-safe (stateless). Hosts call it through {@link StandardWorkCalendar#parse(Reader)},
 * {@link StandardWorkCalendar#parse(String)} and {@link StandardWorkCalendar#format()}.
 */
final class WorkCalendarFormat {
  private static final int MAX_RANGE_DAYS = 366;

  private WorkCalendarFormat() {}

  /**
   * Parses a calendar from text.
   *
   * @param text the calendar, e.g. the contents of a host's {@code calendar.txt}
   * @throws InvalidInputException naming the line of the first error
   */
  public static StandardWorkCalendar parse(String text) {
    return parse(new StringReader(checkNotNull(text, "text")));
  }

  /**
   * Parses a calendar read from {@code reader}; the caller closes the reader.
   *
   * @throws InvalidInputException naming the line of the first error
   * @throws UncheckedIOException when the reader fails
   */
  public static StandardWorkCalendar parse(Reader reader) {
    StandardWorkCalendar.Builder b = StandardWorkCalendar.builder();
    BufferedReader in = new BufferedReader(checkNotNull(reader, "reader"));
    boolean zoneSeen = false;
    boolean hoursSeen = false;
    boolean throughSeen = false;
    int lineNo = 0;
    try {
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        lineNo++;
        String line = stripComment(raw).strip();
        if (line.isEmpty()) {
          continue;
        }
        String where = "line " + lineNo;
        String[] words = line.split("\\s+");
        if (words.length != 2) {
          throw new InvalidInputException(where,
              "expected '<date> holiday', '<date> workday', 'zone <id>', 'hours HH:MM-HH:MM' or 'through <date>': "
                  + line);
        }
        try {
          switch (words[0]) {
            case "zone" -> {
              if (zoneSeen) {
                throw new InvalidInputException(where, "zone is given twice");
              }
              zoneSeen = true;
              b.zone(zone(words[1], where));
            }
            case "hours" -> {
              if (hoursSeen) {
                throw new InvalidInputException(where, "hours are given twice");
              }
              hoursSeen = true;
              hours(b, words[1], where);
            }
            case "through" -> {
              if (throughSeen) {
                throw new InvalidInputException(where, "through is given twice");
              }
              throughSeen = true;
              b.knownThrough(date(words[1], where));
            }
            default -> day(b, words[0], words[1], where);
          }
        } catch (InvalidInputException e) {
          throw e.field().equals(where) ? e : new InvalidInputException(where, e.reason(), null, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calendar after line " + lineNo, e);
    }
    return b.build();
  }

  /**
   * Writes {@code calendar} in this format: zone, hours, the stated {@code through}, then every holiday and workday,
   * one per line in date order. {@link #parse(String)} reads it back to an equal calendar.
   */
  public static String format(StandardWorkCalendar calendar) {
    StringBuilder sb = new StringBuilder(64 + 20 * (calendar.holidays().size() + calendar.workdays().size()));
    sb.append("zone ").append(calendar.zone().getId()).append('\n');
    sb.append("hours ").append(calendar.workdayStart()).append('-').append(calendar.workdayEnd()).append('\n');
    calendar.statedThrough().ifPresent(d -> sb.append("through ").append(d).append('\n'));
    for (LocalDate d : calendar.holidays()) {
      sb.append(d).append(" holiday\n");
    }
    for (LocalDate d : calendar.workdays()) {
      sb.append(d).append(" workday\n");
    }
    return sb.toString();
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static ZoneId zone(String id, String where) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidInputException(where, "unknown zone: " + id, null, e);
    }
  }

  private static void hours(StandardWorkCalendar.Builder b, String text, String where) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      throw new InvalidInputException(where, "hours are written HH:MM-HH:MM: " + text);
    }
    b.workingHours(time(text.substring(0, dash), where), time(text.substring(dash + 1), where));
  }

  private static LocalTime time(String text, String where) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(where, "not a time HH:MM: " + text, null, e);
    }
  }

  private static void day(StandardWorkCalendar.Builder b, String dates, String kind, String where) {
    int dots = dates.indexOf("..");
    LocalDate from = date(dots < 0 ? dates : dates.substring(0, dots), where);
    LocalDate to = dots < 0 ? from : date(dates.substring(dots + 2), where);
    if (to.isBefore(from)) {
      throw new InvalidInputException(where, "a range runs forward: " + dates);
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw new InvalidInputException(where, "a range spans at most " + MAX_RANGE_DAYS + " days: " + dates);
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      switch (kind) {
        case "holiday" -> b.addHolidays(d);
        case "workday" -> b.addWorkdays(d);
        default -> throw new InvalidInputException(where, "unknown kind '" + kind + "'; expected holiday or workday");
      }
    }
  }

  private static LocalDate date(String text, String where) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(where, "not a date YYYY-MM-DD: " + text, null, e);
    }
  }
}
