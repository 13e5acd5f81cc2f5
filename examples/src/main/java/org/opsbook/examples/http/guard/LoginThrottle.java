package org.opsbook.examples.http.guard;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.PersonIds;

/**
 * Slows password guessing. Failed sign-ins are counted per source and ID, and per source alone, where a source is an
 * IPv4 address or an IPv6 /64 network (one host holds a whole /64):
 * <ul>
 *   <li>after {@code maxFailures} failures for one ID from one source within {@code pause}, that ID is refused from
 *       there until {@code pause} has passed (per source, so a guesser elsewhere cannot lock a person out);
 *   <li>after {@link #FAILURES_PER_SOURCE} failures from one source within {@code pause}, whatever the IDs, every ID
 *       is refused from there until {@code pause} has passed (one password tried against every ID).
 * </ul>
 * An ID counts in its canonical form ({@link PersonIds#canonical}), the form sign-in looks people up by, so every
 * spelling of one person's ID ({@code ＬＩ}, {@code Li}, {@code li}) is one count; an ID no person can have (too long,
 * invisible characters …) counts under one key per source and is not kept. A success clears the count of that source
 * and ID. Counts older than {@code pause} are forgotten. At most {@link #MAX_TRACKED} counts are held: while the table
 * is full, a source and ID without a count wait as if locked, rather than be let through uncounted. Thread-safe.
 */
public final class LoginThrottle {
  /** Failures from one source, whatever the IDs, after which the source waits. */
  static final int FAILURES_PER_SOURCE = 100;
  /** Above this many counts, stale ones are removed (at most once a second). */
  static final int PURGE_ABOVE = 10_000;
  /** The most counts held. */
  static final int MAX_TRACKED = 100_000;

  /** The ID key of every ID no person can have. */
  private static final String NOT_AN_ID = "\u0000not-an-id";
  /** The ID key of a source's count over all IDs. */
  private static final String ANY_ID = "\u0000any";

  private record Failures(int count, Instant since, Instant lockedUntil) {
    boolean staleAt(Instant now, Duration pause) {
      return !now.isBefore(lockedUntil != null ? lockedUntil : since.plus(pause));
    }

    boolean lockedAt(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now);
    }
  }

  private final ConcurrentHashMap<String, Failures> byKey = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);
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
    Instant now = clock.instant();
    String source = source(address);
    String[] keys = {key(source, ANY_ID), key(source, idKey(id))};
    Instant until = null;
    for (String key : keys) {
      Failures f = byKey.get(key);
      if (f == null && full(now)) {
        until = later(until, now.plus(pause));
      } else if (f != null && f.lockedAt(now)) {
        until = later(until, f.lockedUntil());
      }
    }
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /**
   * Begins a sign-in: returns how long the caller must wait when locked; otherwise counts the attempt as failed, at
   * once and atomically, until {@link #succeeded} clears it. A password check takes a quarter of a second, so attempts
   * counted only when their check fails would all pass the lock when sent at once: counted as they begin, a burst in
   * parallel is throttled as attempts one after another are, {@code maxFailures} per ID and source and pause.
   */
  public Optional<Duration> attempt(String address, String id) {
    Instant now = clock.instant();
    String source = source(address);
    Optional<Duration> locked = locked(address, id);
    if (locked.isPresent()) {
      return locked;
    }
    Instant until = null;
    String[] keys = {key(source, ANY_ID), key(source, idKey(id))};
    int[] limits = {FAILURES_PER_SOURCE, maxFailures};
    for (int i = 0; i < keys.length; i++) {
      Instant refused = count(keys[i], limits[i], now, true);
      until = refused == null ? until : later(until, refused);
    }
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /** Records a failed sign-in that did not begin with {@link #attempt}. */
  public void failed(String address, String id) {
    Instant now = clock.instant();
    String source = source(address);
    count(key(source, ANY_ID), FAILURES_PER_SOURCE, now, false);
    count(key(source, idKey(id)), maxFailures, now, false);
  }

  /**
   * Clears the count of this source and ID after a successful sign-in, and takes the attempt {@link #attempt} counted
   * off the source's count over all IDs (whose earlier failures stay).
   */
  public void succeeded(String address, String id) {
    String source = source(address);
    byKey.remove(key(source, idKey(id)));
    byKey.computeIfPresent(key(source, ANY_ID), (k, f) -> f.count() <= 1 ? null
        : new Failures(f.count() - 1, f.since(), f.lockedUntil()));
  }

  /** Returns the number of counts held. */
  int tracked() {
    return byKey.size();
  }

  /**
   * Counts one failure under {@code key}, atomically per key; a count older than the pause starts again. While the key
   * is locked, an {@link #attempt} ({@code refuseWhileLocked}) is not counted and gets the lock's end back, so of
   * attempts made at once at most the limit are counted; a failure reported after its check is counted and keeps the
   * lock. A new key while the table is full is not counted, and an attempt on it waits a pause.
   *
   * @return until when the attempt is refused; null when it was counted
   */
  private Instant count(String key, int limit, Instant now, boolean refuseWhileLocked) {
    if (!byKey.containsKey(key) && full(now)) {
      return refuseWhileLocked ? now.plus(pause) : null;
    }
    Instant[] refused = {null};
    byKey.compute(key, (k, old) -> {
      if (old == null || old.staleAt(now, pause)) {
        return new Failures(1, now, limit <= 1 ? now.plus(pause) : null);
      }
      if (old.lockedAt(now) && refuseWhileLocked) {
        refused[0] = old.lockedUntil();
        return old;
      }
      int count = old.count() + 1;
      Instant until = old.lockedAt(now) ? old.lockedUntil() : count >= limit ? now.plus(pause) : null;
      return new Failures(count, old.since(), until);
    });
    return refused[0];
  }

  /** Returns whether the table is full, after removing stale counts if it is large and was not purged this second. */
  private boolean full(Instant now) {
    if (byKey.size() > PURGE_ABOVE) {
      Instant last = lastPurge.get();
      if (!now.isBefore(last.plusSeconds(1)) && lastPurge.compareAndSet(last, now)) {
        byKey.values().removeIf(f -> f.staleAt(now, pause));
      }
    }
    return byKey.size() >= MAX_TRACKED;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static String key(String source, String idKey) {
    return source + "\u0000" + idKey;
  }

  /** The canonical ID, or {@link #NOT_AN_ID} for an ID no person can have (without folding a long one first). */
  private static String idKey(String id) {
    if (id == null || id.length() > 4 * PersonIds.MAX_LENGTH) {
      return NOT_AN_ID;
    }
    try {
      return PersonIds.canonical("id", id);
    } catch (InvalidInputException e) {
      return NOT_AN_ID;
    }
  }

  /** An IPv4 address as it is; an IPv6 address as its /64 network; anything else as given. */
  static String source(String address) {
    if (address == null) {
      return "";
    }
    String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
        : address;
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (a.indexOf(':') < 0 || !InetAddresses.isInetAddress(a)) {
      return address;
    }
    InetAddress ip = InetAddresses.forString(a);
    if (ip instanceof Inet6Address) {
      byte[] network = new byte[8];
      System.arraycopy(ip.getAddress(), 0, network, 0, 8);
      return HexFormat.of().formatHex(network) + "::/64";
    }
    return ip.getHostAddress();
  }
}
