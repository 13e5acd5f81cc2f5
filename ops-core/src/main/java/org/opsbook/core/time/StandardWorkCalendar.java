package org.opsbook.core.time;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.WorkCalendar;

/**
 * The default {@link WorkCalendar}: Monday to Friday are working days, except the host's statutory holidays;
 * weekend days the host lists as make-up working days (调休) are working days. Working hours default to
 * 09:00–18:00 in {@code Asia/Shanghai}. opsbook ships no official holiday data: the host loads it.
 *
 * <pre>{@code
 * WorkCalendar cal = StandardWorkCalendar.builder()
 *     .addHolidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))
 *     .addWorkdays(LocalDate.of(2026, 10, 10))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StandardWorkCalendar implements WorkCalendar {
  /** The default zone, China Standard Time (TIME-01). */
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static final StandardWorkCalendar WEEKDAYS = builder().build();

  private final ZoneId zone;
  private final ImmutableSortedSet<LocalDate> holidays;
  private final ImmutableSortedSet<LocalDate> workdays;
  private final LocalTime workdayStart;
  private final LocalTime workdayEnd;
  /** The last day the host said the holidays are known through; null when it did not say. */
  private final LocalDate through;

  private StandardWorkCalendar(Builder b) {
    this.zone = b.zone;
    this.holidays = ImmutableSortedSet.copyOf(b.holidays);
    this.workdays = ImmutableSortedSet.copyOf(b.workdays);
    this.workdayStart = b.workdayStart;
    this.workdayEnd = b.workdayEnd;
    this.through = b.through;
  }

  /** Returns the plain Monday-to-Friday calendar in {@code Asia/Shanghai}, 09:00–18:00. */
  public static StandardWorkCalendar weekdays() {
    return WEEKDAYS;
  }

  /** Returns a builder for a Monday-to-Friday calendar in {@code Asia/Shanghai}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this calendar's settings. */
  public Builder toBuilder() {
    Builder b = new Builder().zone(zone).workingHours(workdayStart, workdayEnd);
    b.holidays.addAll(holidays);
    b.workdays.addAll(workdays);
    b.through = through;
    return b;
  }

  /**
   * The last day the holidays are known through: as the host stated it ({@link Builder#knownThrough}, the calendar
   * file's {@code through} line), else the 31 December of the last year a holiday or make-up working day is listed in;
   * empty when none is listed (Monday to Friday by design).
   */
  @Override
  public Optional<LocalDate> knownThrough() {
    if (through != null) {
      return Optional.of(through);
    }
    LocalDate last = null;
    if (!holidays.isEmpty()) {
      last = holidays.last();
    }
    if (!workdays.isEmpty() && (last == null || workdays.last().isAfter(last))) {
      last = workdays.last();
    }
    return Optional.ofNullable(last).map(d -> LocalDate.of(d.getYear(), 12, 31));
  }

  /** The last day the host stated the holidays are known through, if it did; for the file format. */
  Optional<LocalDate> statedThrough() {
    return Optional.ofNullable(through);
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    if (workdays.contains(date)) {
      return true;
    }
    if (holidays.contains(date)) {
      return false;
    }
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  @Override
  public LocalTime workdayStart() {
    return workdayStart;
  }

  @Override
  public LocalTime workdayEnd() {
    return workdayEnd;
  }

  /** Returns the host's holidays, sorted. */
  public SortedSet<LocalDate> holidays() {
    return holidays;
  }

  /** Returns the host's make-up working days, sorted. */
  public SortedSet<LocalDate> workdays() {
    return workdays;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StandardWorkCalendar c && zone.equals(c.zone) && holidays.equals(c.holidays)
        && workdays.equals(c.workdays) && workdayStart.equals(c.workdayStart) && workdayEnd.equals(c.workdayEnd)
        && Objects.equals(through, c.through);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, holidays, workdays, workdayStart, workdayEnd, through);
  }

  @Override
  public String toString() {
    return "StandardWorkCalendar{zone=" + zone + ", hours=" + workdayStart + "-" + workdayEnd
        + ", holidays=" + holidays.size() + ", workdays=" + workdays.size()
        + knownThrough().map(d -> ", knownThrough=" + d).orElse("") + "}";
  }

  /** Builds {@link StandardWorkCalendar}s. Not thread-safe. */
  public static final class Builder {
    private ZoneId zone = SHANGHAI;
    private final SortedSet<LocalDate> holidays = new TreeSet<>();
    private final SortedSet<LocalDate> workdays = new TreeSet<>();
    private LocalTime workdayStart = LocalTime.of(9, 0);
    private LocalTime workdayEnd = LocalTime.of(18, 0);
    private LocalDate through;

    private Builder() {}

    /**
     * States the last day whose holidays and make-up working days the calendar holds ({@link #knownThrough()});
     * without it, the 31 December of the last year listed. State it when the last entries reach into a year whose
     * holidays are not all listed, as a New Year's holiday that runs into January.
     */
    public Builder knownThrough(LocalDate lastDay) {
      this.through = checkNotNull(lastDay, "lastDay");
      return this;
    }

    /** Sets the zone; {@code Asia/Shanghai} by default. */
    public Builder zone(ZoneId zone) {
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /** Adds statutory holidays: days off even when they fall on a weekday. */
    public Builder addHolidays(LocalDate... dates) {
      return addHolidays(java.util.Arrays.asList(dates));
    }

    /** Adds statutory holidays. */
    public Builder addHolidays(Collection<LocalDate> dates) {
      return addDays(dates, holidays, workdays, "holidays", "a make-up working day", "holiday");
    }

    /** Adds make-up working days (调休): working days even when they fall on a weekend. */
    public Builder addWorkdays(LocalDate... dates) {
      return addWorkdays(java.util.Arrays.asList(dates));
    }

    /** Adds make-up working days. */
    public Builder addWorkdays(Collection<LocalDate> dates) {
      return addDays(dates, workdays, holidays, "workdays", "a holiday", "workday");
    }

    /**
     * Adds {@code dates} to {@code into}; a date already in {@code other} is refused under {@code field}, as "… is
     * already {@code otherKind}", so that no day is both a holiday and a make-up working day.
     */
    private Builder addDays(Collection<LocalDate> dates, SortedSet<LocalDate> into, SortedSet<LocalDate> other,
        String field, String otherKind, String name) {
      for (LocalDate d : dates) {
        if (other.contains(d)) {
          throw new InvalidInputException(field, d + " is already " + otherKind);
        }
        into.add(checkNotNull(d, name));
      }
      return this;
    }

    /** Sets the working hours; {@code end} is 下班 (TIME-03). Defaults 09:00 and 18:00. */
    public Builder workingHours(LocalTime start, LocalTime end) {
      if (!checkNotNull(start, "start").isBefore(checkNotNull(end, "end"))) {
        throw new InvalidInputException("workdayEnd", "the working day ends after it starts: " + start + "-" + end);
      }
      this.workdayStart = start;
      this.workdayEnd = end;
      return this;
    }

    /** Returns the calendar. */
    public StandardWorkCalendar build() {
      return new StandardWorkCalendar(this);
    }
  }

  /**
   * Parses a calendar from the text a host keeps its holidays and make-up working days in (TIME-02), one entry per
   * line: {@code zone Asia/Shanghai}, {@code hours 09:00-18:00}, {@code through 2026-12-31} (the last day the holidays
   * are known through, {@link #knownThrough()}), {@code 2026-10-01..2026-10-07 holiday}, {@code 2026-10-10 workday},
   * {@code #} comments; days not listed follow Monday to Friday.
   *
   * @param text the calendar, e.g. the contents of a host's {@code calendar.txt}
   * @throws InvalidInputException naming the line of the first error ({@code line N})
   */
  public static StandardWorkCalendar parse(String text) {
    return WorkCalendarFormat.parse(text);
  }

  /**
   * Parses a calendar in the format of {@link #parse(String)} read from {@code reader}; the caller opens and closes
   * the file.
   *
   * @throws InvalidInputException naming the line of the first error ({@code line N})
   * @throws java.io.UncheckedIOException when the reader fails
   */
  public static StandardWorkCalendar parse(Reader reader) {
    return WorkCalendarFormat.parse(reader);
  }

  /** Writes this calendar in the format of {@link #parse(String)}, which reads it back to an equal calendar. */
  public String format() {
    return WorkCalendarFormat.format(this);
  }
}
