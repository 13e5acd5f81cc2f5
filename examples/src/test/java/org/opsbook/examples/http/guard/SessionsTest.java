package org.opsbook.examples.http.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.http.guard.Sessions.Session;

/** The server's sessions: how many one person holds, and which end first. */
class SessionsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-07T02:00:00Z"));
  private final Sessions sessions = new Sessions(clock, Duration.ofHours(1), Duration.ofHours(12));

  @Test
  void aPersonHoldsAtMostSoManySessionsAndTheLeastRecentlyUsedEndsFirst() {
    // before: every sign-in, and every request of a client that keeps no cookie behind the trusted proxy, started a
    // session that lived an hour, and each start read them all: a polling script held thousands
    Session browser = sessions.start("lisi");
    Session other = sessions.start("zhangsan");
    List<Session> script = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      clock.advance(Duration.ofSeconds(1));
      script.add(sessions.start("lisi"));
      if (i % 10 == 0) {
        assertThat(sessions.find(browser.token())).as("the page in use, after %s", i).isPresent();
      }
    }
    long live = script.stream().filter(s -> sessions.find(s.token()).isPresent()).count();
    assertThat(live + 1).isEqualTo(Sessions.PER_PERSON);
    assertThat(sessions.find(script.get(script.size() - 1).token())).as("the newest").isPresent();
    assertThat(sessions.find(script.get(0).token())).as("the least recently used").isEmpty();
    assertThat(sessions.find(other.token())).as("another person's").isPresent();
  }
}
