package org.opsbook.core.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The working-day calendar (TIME-02): which days are working days in the host's zone (weekdays by default, minus
 * statutory holidays, plus make-up working days, 调休), and the working hours of a day. Used by FAULT-GEN-08,
 * ESC-REQ-12, CUTOVER-23, the DATAOP-EXT-04 peak windows and the 下班 deadline of NOTIFY-TRIG-07 (TIME-03).
 *
 * <p>Implementations are immutable and thread-safe. {@link org.opsbook.core.time.StandardWorkCalendar} is the default.
 */
public interface WorkCalendar {
  /** The zone clock times are read in; {@code Asia/Shanghai} by default (TIME-01). */
  ZoneId zone();

  /** Returns true when {@code date} is a working day. */
  boolean isWorkingDay(LocalDate date);

  /** When a working day starts; 09:00 by default. */
  LocalTime workdayStart();

  /** 下班: when a working day ends (TIME-03); 18:00 by default. */
  LocalTime workdayEnd();

  /**
   * The last day whose statutory holidays and make-up working days (调休) the calendar holds. After it, days follow
   * the Monday-to-Friday default alone, so a statutory holiday there counts as a working day and a deadline counted
   * across it comes too early (TIME-02). Empty when the calendar does not say, as a calendar that is Monday to Friday
   * by design. A host watches it to load next year's holidays in time: the engine warns at its start when it is less
   * than 60 days ahead, and the server shows it in {@code /health} and {@code opsbook_calendar_days_known}.
   */
  default Optional<LocalDate> knownThrough() {
    return Optional.empty();
  }

  /** Returns the date of {@code t} in the calendar's zone. */
  default LocalDate dateOf(Instant t) {
    return t.atZone(zone()).toLocalDate();
  }

  /** Returns {@code time} on {@code date} in the calendar's zone as an instant. */
  default Instant at(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, zone()).toInstant();
  }

  /** Returns the first working day strictly after {@code date}. */
  default LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    for (int i = 0; i < 3660 && !isWorkingDay(d); i++) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Returns the last working day strictly before {@code date}. */
  default LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    for (int i = 0; i < 3660 && !isWorkingDay(d); i++) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * Counts {@code n} working days forward from {@code date}: the n-th working day strictly after it
   * ({@code n == 0} returns {@code date}).
   */
  default LocalDate plusWorkingDays(LocalDate date, int n) {
    return n < 0 ? minusWorkingDays(date, -n) : repeat(date, n, this::nextWorkingDay);
  }

  /**
   * Counts {@code n} working days back from {@code date}: the n-th working day strictly before it. Cutover on a
   * Thursday minus 3 working days is the Monday before (CUTOVER-23).
   */
  default LocalDate minusWorkingDays(LocalDate date, int n) {
    return n < 0 ? plusWorkingDays(date, -n) : repeat(date, n, this::previousWorkingDay);
  }

  /** Applies {@code step} {@code n} times from {@code date}. */
  private static LocalDate repeat(LocalDate date, int n, UnaryOperator<LocalDate> step) {
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = step.apply(d);
    }
    return d;
  }

  /**
   * {@code addWorkingDays(t, n)} of TIME-06: when {@code t} falls on a working day, the same clock time on the n-th
   * next working day; otherwise 24:00 (the next midnight) of the n-th working day after {@code t}. This implements
   * 「一个工作日内完成」 for {@code n == 1}.
   */
  default Instant addWorkingDays(Instant t, int n) {
    ZonedDateTime z = t.atZone(zone());
    LocalDate date = z.toLocalDate();
    if (isWorkingDay(date)) {
      return ZonedDateTime.of(plusWorkingDays(date, n), z.toLocalTime(), zone()).toInstant();
    }
    LocalDate end = plusWorkingDays(date, n);
    return end.plusDays(1).atStartOfDay(zone()).toInstant();
  }
}
