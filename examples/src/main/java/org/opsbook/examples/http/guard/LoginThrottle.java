package org.opsbook.examples.http.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one ID from one address, further attempts
 * from there are refused until {@code pause} has passed (a lock per address and ID, so a guesser elsewhere cannot
 * lock a person out). A success clears the count. Thread-safe.
 */
public final class LoginThrottle {
  private record Failures(int count, Instant lockedUntil) {}

  private final ConcurrentHashMap<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxFailures;
  private final Duration pause;

  /** Creates the throttle. */
  public LoginThrottle(Clock clock, int maxFailures, Duration pause) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.pause = pause;
  }

  /** Returns how long the caller must wait before trying again, if locked. */
  public Optional<Duration> locked(String address, String id) {
    Failures f = byKey.get(key(address, id));
    Instant now = clock.instant();
    return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)
        ? Optional.of(Duration.between(now, f.lockedUntil())) : Optional.empty();
  }

  /** Records a failed sign-in. */
  public void failed(String address, String id) {
    Instant now = clock.instant();
    if (byKey.size() > 100_000) {
      byKey.values().removeIf(f -> f.lockedUntil() != null && f.lockedUntil().isBefore(now));
    }
    byKey.merge(key(address, id), new Failures(1, null), (old, one) -> {
      boolean expired = old.lockedUntil() != null && !old.lockedUntil().isAfter(now);
      int count = expired ? 1 : old.count() + 1;
      return new Failures(count, count >= maxFailures ? now.plus(pause) : null);
    });
  }

  /** Clears the count after a successful sign-in. */
  public void succeeded(String address, String id) {
    byKey.remove(key(address, id));
  }

  private static String key(String address, String id) {
    return address + "\u0000" + (id == null ? "" : id.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
