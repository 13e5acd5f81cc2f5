package org.opsbook.examples.http.guard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions, in memory: a random token in the cookie names the signed-in person and carries a CSRF
 * token of its own. A session ends when idle too long, after an absolute lifetime, or at sign-out; a restart ends all.
 * Thread-safe.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The most sessions one person holds: a person signs in on a few devices, while a client that keeps no cookie
   * behind the trusted proxy starts one a request.
   */
  public static final int PER_PERSON = 16;

  /** One signed-in person. */
  public record Session(String token, String personId, String csrfToken, Instant created, Instant lastSeen) {}

  private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;

  /** Creates the store; sessions idle longer than {@code idle} or older than {@code lifetime} end. */
  public Sessions(Clock clock, Duration idle, Duration lifetime) {
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  /**
   * Starts a session for {@code personId}, with fresh tokens (never a token the client proposed). A person holds at
   * most {@link #PER_PERSON} sessions: starting one more ends the one of theirs used least recently.
   */
  public Session start(String personId) {
    Instant now = clock.instant();
    byToken.values().removeIf(s -> expired(s, now));
    Session s = new Session(random(), personId, random(), now, now);
    List<Session> theirs = byToken.values().stream().filter(o -> o.personId().equals(personId))
        .sorted(Comparator.comparing(Session::lastSeen)).toList();
    for (int i = 0; i <= theirs.size() - PER_PERSON; i++) {
      byToken.remove(theirs.get(i).token(), theirs.get(i));
    }
    byToken.put(s.token(), s);
    return s;
  }

  /** Returns the live session of {@code token}, marking it seen. */
  public Optional<Session> find(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = byToken.get(token);
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      byToken.remove(token, s);
      return Optional.empty();
    }
    Session seen = new Session(s.token(), s.personId(), s.csrfToken(), s.created(), now);
    byToken.replace(token, s, seen);
    return Optional.of(seen);
  }

  /** Ends the session of {@code token}. */
  public void end(String token) {
    if (token != null) {
      byToken.remove(token);
    }
  }

  /** Returns true when {@code given} is the session's CSRF token (compared in constant time). */
  public static boolean csrfMatches(Session s, String given) {
    return given != null && MessageDigest.isEqual(s.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(idle).isBefore(now) || s.created().plus(lifetime).isBefore(now);
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
