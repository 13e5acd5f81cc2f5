package org.opsbook.rules.dataop;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.OpsParameters.TimeWindow;
import org.opsbook.core.spi.WorkCalendar;

/**
 * The peak-hour ban on large or long extractions (DATAOP-EXT-04): 「上班高峰时间(9:00-12:00,14:00-18:00)禁止操作大批量数据提取
 * (涉及后台提取记录数超5万条)和执行时间超过15分钟的语句」.
 *
 * <p>An extraction is <em>large</em> above {@code extractionLargeRows} rows and <em>long</em> above
 * {@code extractionLongMinutes} minutes (both exclusive, BND-02). A large or long run is banned when
 * {@code [start, start + max(minutes, 1 min))} overlaps a peak window of a working day; windows are half-open
 * (TIME-09), so a run may end exactly at 09:00 or start exactly at 12:00. Only working days have peak hours.
 * Immutable and thread-safe.
 */
public final class ExtractionWindow {
  /** The rule. */
  public static final RuleId EXT_04 = RuleId.of("DATAOP-EXT-04");

  /** How far ahead {@link #earliestAllowedStart} searches before giving up. */
  private static final int SEARCH_DAYS = 400;

  private final WorkCalendar calendar;
  private final OpsParameters params;

  /**
   * Creates the rule over a calendar.
   *
   * @param calendar the working days and the zone peak hours are read in
   * @param params the peak windows and thresholds
   */
  public ExtractionWindow(WorkCalendar calendar, OpsParameters params) {
    this.calendar = checkNotNull(calendar, "calendar");
    this.params = checkNotNull(params, "params");
  }

  /**
   * Decides whether an extraction may start at {@code start}.
   *
   * @param rows the (estimated or actual) row count
   * @param minutes the (estimated or actual) execution minutes
   * @param start when it starts
   * @return allowed or not, and the earliest start at or after {@code start} that is allowed
   */
  public Decision decide(long rows, double minutes, Instant start) {
    checkArgument(rows >= 0, "rows must be >= 0: %s", rows);
    checkArgument(minutes >= 0, "minutes must be >= 0: %s", minutes);
    checkNotNull(start, "start");
    boolean large = rows > params.extractionLargeRows();
    boolean longRun = minutes > params.extractionLongMinutes();
    if (!large && !longRun) {
      return new Decision(true, large, false, Optional.of(start));
    }
    Duration d = runLength(minutes);
    boolean blocked = firstPeakOverlap(start, d).isPresent();
    return new Decision(!blocked, large, longRun, earliestAllowedStart(start, d));
  }

  /** Returns true when {@code [start, start + max(minutes, 1 min))} overlaps a peak window of a working day. */
  public boolean overlapsPeak(Instant start, double minutes) {
    return firstPeakOverlap(start, runLength(minutes)).isPresent();
  }

  /**
   * Returns the first {@code t >= start} at which a run of length {@code d} overlaps no peak window, or empty when
   * none exists within {@value #SEARCH_DAYS} days (a run longer than every off-peak gap).
   */
  Optional<Instant> earliestAllowedStart(Instant start, Duration d) {
    Instant limit = start.plus(Duration.ofDays(SEARCH_DAYS));
    Instant t = start;
    while (t.isBefore(limit)) {
      Optional<Instant> blockedUntil = firstPeakOverlap(t, d);
      if (blockedUntil.isEmpty()) {
        return Optional.of(t);
      }
      t = blockedUntil.get();
    }
    return Optional.empty();
  }

  /** Returns the end of the first peak window that {@code [start, start + d)} overlaps, if any. */
  private Optional<Instant> firstPeakOverlap(Instant start, Duration d) {
    Instant end = start.plus(d);
    LocalDate last = calendar.dateOf(end);
    List<TimeWindow> windows = params.extractionPeakWindows();
    for (LocalDate day = calendar.dateOf(start); !day.isAfter(last); day = day.plusDays(1)) {
      if (!calendar.isWorkingDay(day)) {
        continue;
      }
      for (TimeWindow w : windows) {
        Instant ws = calendar.at(day, w.start());
        Instant we = calendar.at(day, w.end());
        if (start.isBefore(we) && ws.isBefore(end)) {
          return Optional.of(we);
        }
      }
    }
    return Optional.empty();
  }

  private static Duration runLength(double minutes) {
    long millis = (long) Math.ceil(minutes * 60_000d);
    return Duration.ofMillis(Math.max(millis, 60_000L));
  }

  /**
   * The decision on one planned run.
   *
   * @param allowed true unless the run is large or long and overlaps peak hours
   * @param large more rows than {@code extractionLargeRows}
   * @param longRun more minutes than {@code extractionLongMinutes}
   * @param earliestAllowedStart the first allowed start at or after the planned one; the planned start itself when
   *     allowed; empty when none was found
   */
  public record Decision(boolean allowed, boolean large, boolean longRun, Optional<Instant> earliestAllowedStart) {
    /** Returns the violated rules: {@code [DATAOP-EXT-04]} when banned, else none. */
    public SortedSet<RuleId> violations() {
      return allowed ? ImmutableSortedSet.of() : ImmutableSortedSet.of(EXT_04);
    }
  }
}
