package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A reporting window, half-open {@code [start, end)}: the ISO week, Monday 00:00 to the next Monday 00:00, or the
 * calendar month (TIME-05, OQ-23), in the host's zone. An occurrence belongs to the window its start time falls in.
 *
 * @param start the first instant inside
 * @param end the first instant after
 */
public record ReportWindow(Instant start, Instant end) {
  /** Validates the bounds. */
  public ReportWindow {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(start.isBefore(end), "a window starts before it ends: %s .. %s", start, end);
  }

  /** Returns the ISO week that contains {@code t} in {@code zone}. */
  public static ReportWindow isoWeekOf(Instant t, ZoneId zone) {
    LocalDate monday = t.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new ReportWindow(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
  }

  /** Returns the calendar month that contains {@code t} in {@code zone}. */
  public static ReportWindow calendarMonthOf(Instant t, ZoneId zone) {
    LocalDate first = t.atZone(zone).toLocalDate().withDayOfMonth(1);
    return new ReportWindow(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
  }

  /** Returns true when {@code t} is inside the window. */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
