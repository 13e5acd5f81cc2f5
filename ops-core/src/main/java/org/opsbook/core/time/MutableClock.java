package org.opsbook.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A {@link Clock} that stands still until told to move: for simulations (replaying a day in seconds) and tests.
 * Thread-safe. Time only moves forward.
 */
public final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  private MutableClock(Instant now, ZoneId zone) {
    this.now = checkNotNull(now, "now");
    this.zone = checkNotNull(zone, "zone");
  }

  /** Returns a clock standing at {@code start} in {@code zone}. */
  public static MutableClock at(Instant start, ZoneId zone) {
    return new MutableClock(start, zone);
  }

  /** Returns a clock standing at {@code start} in {@code Asia/Shanghai}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(start, StandardWorkCalendar.SHANGHAI);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock forward by {@code step}. */
  public synchronized void advance(Duration step) {
    checkArgument(!step.isNegative(), "a clock only moves forward: %s", step);
    now = now.plus(step);
  }

  /** Moves the clock to {@code t}, which must not be in its past. */
  public synchronized void set(Instant t) {
    checkArgument(!t.isBefore(now), "a clock only moves forward: %s is before %s", t, now);
    now = t;
  }
}
