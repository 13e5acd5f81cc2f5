package org.opsbook.core.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalTime;
import org.opsbook.core.InvalidInputException;

/**
 * A half-open window of clock time within a day, {@code [start, end)} (TIME-09), such as the peak window
 * 09:00–12:00 of DATAOP-EXT-04.
 *
 * @param start the first instant inside the window
 * @param end the first instant after it
 */
public record TimeWindow(LocalTime start, LocalTime end) {
  /** Validates {@code start < end}. */
  public TimeWindow {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    if (!start.isBefore(end)) {
      throw new InvalidInputException("end", "a time window ends after it starts: " + start + "-" + end);
    }
  }

  /** Returns the window {@code [start, end)}. */
  public static TimeWindow of(LocalTime start, LocalTime end) {
    return new TimeWindow(start, end);
  }

  /** Returns true when {@code t} lies in {@code [start, end)}. */
  public boolean contains(LocalTime t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
