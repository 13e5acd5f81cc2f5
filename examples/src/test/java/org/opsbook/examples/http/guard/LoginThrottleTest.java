package org.opsbook.examples.http.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsbook.core.time.MutableClock;

/**
 * The sign-in throttle against a guesser who varies what the throttle counts by: the spelling of the ID, the address
 * within their network, the number of IDs, the length of an ID. Each case names what a guesser could do before.
 */
class LoginThrottleTest {
  private static final Duration PAUSE = Duration.ofMinutes(1);

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-07T02:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock, 5, PAUSE);

  /** Spells {@code id} with each letter or digit in one of four forms: as given, upper case, full-width, both. */
  private static String spelled(String id, int seed) {
    StringBuilder out = new StringBuilder(seed % 2 == 0 ? "" : " ");
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      int form = Math.floorMod(seed >> (2 * (i % 15)), 4);
      char cased = form % 2 == 1 ? Character.toUpperCase(c) : c;
      out.append(form >= 2 ? (char) (cased - 0x21 + 0xFF01) : cased);
    }
    return out.toString();
  }

  @Test
  void everySpellingOfAnIdCountsAgainstThatId() {
    // before: the count was kept per spelling, so a guesser had five guesses for each of 4^n spellings of an ID that
    // sign-in reads as one person (full-width letters and case fold to the same canonical ID)
    qt().withExamples(200).forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 12),
            lists().of(integers().all()).ofSize(5))
        .checkAssert((id, seeds) -> {
          LoginThrottle throttle = new LoginThrottle(clock, 5, PAUSE);
          String address = "10.1.2.3";
          for (int seed : seeds) {
            throttle.failed(address, spelled(id, seed));
          }
          assertThat(throttle.locked(address, id)).as("%s after %s", id, seeds).isPresent();
          throttle.succeeded(address, spelled(id, seeds.get(0)));
          assertThat(throttle.locked(address, id)).isEmpty();
        });
  }

  @Test
  void oneIpv6NetworkIsOneSource() {
    // before: a guesser holding a /64 (as every IPv6 host does) had five guesses from each of 2^64 addresses
    for (int i = 1; i <= 5; i++) {
      throttle.failed("2001:db8:1:2::" + i, "lisi");
    }
    assertThat(throttle.locked("2001:db8:1:2:ffff::9", "lisi")).isPresent();
    assertThat(throttle.locked("[2001:0db8:0001:0002:0000:0000:0000:0042]", "lisi")).isPresent();
    assertThat(throttle.locked("2001:db8:1:3::1", "lisi")).as("the next network").isEmpty();
    for (int i = 1; i <= 5; i++) {
      throttle.failed("192.0.2." + i, "wangwu");
    }
    assertThat(throttle.locked("192.0.2.6", "wangwu")).as("an IPv4 address is a source of its own").isEmpty();
  }

  @Test
  void anIdThatNoPersonCanHaveIsNotKeptAndCountsForItsAddress() {
    // before: each failed ID was kept whole and for ever, so sign-ins with an empty password (no hash to check) and
    // a body-sized ID filled the server's memory
    String longId = "x".repeat(200_000);
    for (int i = 0; i < 1_000; i++) {
      throttle.failed("198.51.100.7", longId + i);
    }
    assertThat(throttle.tracked()).isLessThanOrEqualTo(2);
    assertThat(throttle.locked("198.51.100.7", "y".repeat(300))).isPresent();
    assertThat(throttle.locked("198.51.100.8", "y".repeat(300))).isEmpty();
  }

  @Test
  void oneSourceTryingManyIdsIsPausedForEveryId() {
    // before: a guesser trying one password against every ID never failed twice on one ID, so was never slowed
    for (int i = 0; i < LoginThrottle.FAILURES_PER_SOURCE; i++) {
      assertThat(throttle.locked("203.0.113.9", "person" + i)).isEmpty();
      throttle.failed("203.0.113.9", "person" + i);
    }
    assertThat(throttle.locked("203.0.113.9", "someone-else")).isPresent();
    assertThat(throttle.locked("203.0.113.10", "someone-else")).isEmpty();
    clock.advance(PAUSE.plusSeconds(1));
    assertThat(throttle.locked("203.0.113.9", "someone-else")).isEmpty();
  }

  @Test
  void countsEndAfterThePauseAndAreForgotten() {
    // before: a count below the limit was never forgotten, so the map only grew
    for (int i = 0; i < LoginThrottle.PURGE_ABOVE + 10; i++) {
      throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "person" + i);
    }
    assertThat(throttle.tracked()).isGreaterThan(LoginThrottle.PURGE_ABOVE);
    clock.advance(PAUSE.plusSeconds(1));
    throttle.failed("192.0.2.1", "lisi");
    assertThat(throttle.tracked()).isLessThanOrEqualTo(2);
    for (int i = 0; i < 4; i++) {
      throttle.failed("192.0.2.2", "lisi");
      clock.advance(PAUSE.dividedBy(4).plusSeconds(1));
    }
    throttle.failed("192.0.2.2", "lisi");
    assertThat(throttle.locked("192.0.2.2", "lisi")).as("failures spread wider than the pause do not add up")
        .isEmpty();
  }

  @Test
  void whenFullNewSourcesWaitRatherThanGoUncounted() {
    for (int i = 0; throttle.tracked() < LoginThrottle.MAX_TRACKED; i++) {
      throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "person");
    }
    assertThat(throttle.tracked()).isEqualTo(LoginThrottle.MAX_TRACKED);
    throttle.failed("192.0.2.1", "lisi");
    assertThat(throttle.tracked()).isEqualTo(LoginThrottle.MAX_TRACKED);
    assertThat(throttle.locked("192.0.2.1", "lisi")).as("a new source waits while the table is full").isPresent();
    assertThat(throttle.locked("10.0.0.0", "person")).as("a counted source is judged by its count").isEmpty();
    clock.advance(PAUSE.plusSeconds(1));
    assertThat(throttle.locked("192.0.2.1", "lisi")).as("the stale counts make room").isEmpty();
  }

  @Test
  void guessesSentAtOnceAreCountedAsTheyBeginNotWhenTheirCheckFails() throws Exception {
    int burst = 60;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
      for (int i = 0; i < burst; i++) {
        all.add(pool.submit(() -> {
          start.await();
          if (throttle.attempt("198.51.100.20", "wangwu").isEmpty()) {
            admitted.incrementAndGet(); // its password check would run now, and fail
          }
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(admitted.get()).as("of %s guesses at once, only as many as one-by-one would be", burst).isEqualTo(5);
    assertThat(throttle.attempt("198.51.100.20", "wangwu")).isPresent();
    assertThat(throttle.attempt("198.51.100.21", "wangwu")).as("another source").isEmpty();
  }

  @Test
  void aSuccessfulSignInClearsItsAttemptAndKeepsTheSourcesFailures() {
    for (int i = 0; i < 4; i++) {
      assertThat(throttle.attempt("192.0.2.30", "zhaoliu")).isEmpty();
    }
    assertThat(throttle.attempt("192.0.2.30", "zhaoliu")).as("the fifth attempt is let through").isEmpty();
    assertThat(throttle.attempt("192.0.2.30", "zhaoliu")).as("five in flight or failed").isPresent();
    throttle.succeeded("192.0.2.30", "zhaoliu");
    assertThat(throttle.attempt("192.0.2.30", "zhaoliu")).as("a success clears the ID's count").isEmpty();
    for (int i = 0; i < 200; i++) {
      throttle.attempt("192.0.2.31", "person" + i);
      throttle.succeeded("192.0.2.31", "person" + i);
    }
    assertThat(throttle.attempt("192.0.2.31", "anyone")).as("successes do not add up against the source").isEmpty();
  }
}
