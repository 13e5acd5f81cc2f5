package org.opsbook.core.internal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.testing.CallCounter;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.core.time.MutableClock;

class ObligationSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  private final InMemoryObligationRepository repo = new InMemoryObligationRepository();
  private final MutableClock clock = MutableClock.at(T0);
  private final List<ObligationKey> fired = new ArrayList<>();

  private static ScheduledObligation due(String subject, Instant at) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-ROOM-01")).subjectId(subject)
        .actor(Role.ESC_DUTY).action("上报室经理").target("ROOM_MANAGER").channel(Channel.PHONE).dueAt(at).build());
  }

  private ObligationScheduler.Builder engine(ObligationHandler handler) {
    return ObligationScheduler.builder(repo, handler).owner("n1").clock(clock).batchSize(10)
        .lease(Duration.ofSeconds(30));
  }

  @Test
  @org.junit.jupiter.api.DisplayName("fencing: an engine paused past its lease never fires what another engine took")
  void aPausedEngineNeverFiresWhatAnotherTook() {
    repo.schedule(due("F-1", T0));
    repo.schedule(due("F-2", T0));
    List<String> calls = new ArrayList<>();
    ObligationScheduler other = ObligationScheduler.builder(repo, (k, o) -> calls.add("other " + k.subjectId()))
        .owner("n2").clock(clock).lease(Duration.ofSeconds(30)).build();
    ObligationScheduler paused = engine((k, o) -> {
      calls.add("paused " + k.subjectId());
      if (k.subjectId().equals("F-1")) {
        // the whole process stops for longer than the lease; meanwhile the other engine takes F-2 over
        clock.advance(Duration.ofSeconds(31));
        assertThat(other.pollOnce(clock.instant()).fired()).isEqualTo(2);
      }
    }).build();
    PollResult r = paused.pollOnce(T0);
    // F-1 is the documented repeat (stalled inside the handler past the lease); F-2 is never fired by the paused one
    assertThat(calls).containsExactly("paused F-1", "other F-1", "other F-2");
    assertThat(r.fired()).isZero();
    assertThat(r.leaseLost()).as("F-1's completion refused; F-2 renewed before firing, found taken, skipped")
        .isEqualTo(2);
  }

  @Test
  @org.junit.jupiter.api.DisplayName("fencing: a clock set back during a batch does not skip the renewal before firing")
  void aClockSetBackNeverFiresWhatAnotherTook() {
    repo.schedule(due("F-1", T0));
    repo.schedule(due("F-2", T0));
    List<String> calls = new ArrayList<>();
    ObligationScheduler other = ObligationScheduler.builder(repo, (k, o) -> calls.add("other " + k.subjectId()))
        .owner("n2").clock(clock).lease(Duration.ofSeconds(30)).build();
    java.util.concurrent.atomic.AtomicReference<Instant> hostTime =
        new java.util.concurrent.atomic.AtomicReference<>(T0);
    java.time.Clock settable = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return hostTime.get();
      }
    };
    ObligationScheduler stepped = ObligationScheduler.builder(repo, (k, o) -> {
      calls.add("stepped " + k.subjectId());
      if (k.subjectId().equals("F-1")) {
        // the other engine takes F-2 over once the lease lapsed; meanwhile this host's clock is set back ten minutes
        calls.add("other fired " + other.pollOnce(T0.plusSeconds(31)).fired());
        hostTime.set(T0.minus(Duration.ofMinutes(10)));
      }
    }).owner("n1").clock(settable).lease(Duration.ofSeconds(30)).build();
    PollResult r = stepped.pollOnce(T0);
    // F-1 is the documented repeat (a stall inside the handler past the lease); F-2 is never fired twice
    assertThat(calls).containsExactly("stepped F-1", "other F-1", "other F-2", "other fired 2");
    assertThat(r.fired()).isZero();
    assertThat(r.leaseLost()).as("F-1's completion refused; F-2 renewed before firing, found taken, skipped")
        .isEqualTo(2);
  }

  @Test
  void aHandlerThatThrowsAnErrorHasItsFiringRetriedAndTheLoopGoesOn() throws Exception {
    java.time.Clock real = java.time.Clock.systemUTC();
    Set<String> done = ConcurrentHashMap.newKeySet();
    List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    ObligationScheduler e = ObligationScheduler.builder(repo, (k, o) -> {
      if (k.subjectId().equals("F-ERR")) {
        throw new NoClassDefFoundError("org/example/SmsPlatform");
      }
      done.add(k.subjectId());
    }).owner("n1").clock(real).maxPollInterval(Duration.ofMillis(100)).errorListener(reported::add).build();
    repo.schedule(due("F-ERR", real.instant()));
    repo.schedule(due("F-A", real.instant()));
    e.start(Executors.defaultThreadFactory());
    try {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!done.contains("F-A") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      repo.schedule(due("F-B", real.instant()));
      while (!done.contains("F-B") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(done).as("the loop survived the Error").contains("F-A", "F-B");
      assertThat(e.isRunning()).isTrue();
    } finally {
      e.close();
    }
    ScheduledObligation failed = repo.find(due("F-ERR", T0).key()).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).hasValueSatisfying(m -> assertThat(m).contains("NoClassDefFoundError"));
    assertThat(reported).as("a handler's failure is the handler's, retried; not a storage failure").isEmpty();
  }

  @Test
  void aPollLoopFailureThatIsAnErrorReachesTheListenerAndTheLoopGoesOn() throws Exception {
    AtomicInteger claims = new AtomicInteger();
    ObligationRepository breaking = (ObligationRepository) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ObligationRepository.class}, (proxy, method, args) -> {
          if (method.getName().equals("claimDue") && claims.incrementAndGet() == 1) {
            throw new ExceptionInInitializerError("driver failed to load");
          }
          try {
            return method.invoke(repo, args);
          } catch (java.lang.reflect.InvocationTargetException x) {
            throw x.getCause();
          }
        });
    List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.time.Clock real = java.time.Clock.systemUTC();
    ObligationScheduler e = ObligationScheduler.builder(breaking, (k, o) -> fired.add(k)).owner("n1").clock(real)
        .maxPollInterval(Duration.ofMillis(50)).errorListener(reported::add).build();
    repo.schedule(due("F-1", real.instant()));
    e.start(Executors.defaultThreadFactory());
    try {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (repo.find(due("F-1", T0).key()).isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      e.close();
    }
    assertThat(reported).singleElement().isInstanceOf(ExceptionInInitializerError.class);
    assertThat(repo.hasFired(due("F-1", T0).key())).as("the next poll fired it").isTrue();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("a restarted engine of the same name never keeps its predecessor's claim alive;"
      + " what a slow batch has not started lapses to an idle engine")
  void theHeartbeatRenewsOnlyTheClaimsInHand() throws Exception {
    java.time.Clock real = java.time.Clock.systemUTC();
    Instant now = real.instant();
    repo.schedule(due("F-X", now.minusSeconds(1)));
    // the process host-1 claimed F-X and died without a word
    assertThat(repo.claimDue(now, 1, "host-1", Duration.ofMillis(800))).hasSize(1);
    for (int i = 0; i < 8; i++) {
      repo.schedule(due("F-" + i, now));
    }
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    ObligationHandler slow = (k, o) -> {
      if (!k.subjectId().equals("F-X")) {
        Thread.sleep(400);
      }
      order.add(k.subjectId());
    };
    // host-1 restarts under the same name and works through a slow batch; host-2 idles beside it
    ObligationScheduler restarted = ObligationScheduler.builder(repo, slow).owner("host-1").clock(real)
        .lease(Duration.ofMillis(800)).maxPollInterval(Duration.ofMillis(50)).build();
    ObligationScheduler idle = ObligationScheduler.builder(repo, slow).owner("host-2").clock(real)
        .lease(Duration.ofMillis(800)).maxPollInterval(Duration.ofMillis(50)).build();
    restarted.start(Executors.defaultThreadFactory());
    Thread.sleep(100);
    idle.start(Executors.defaultThreadFactory());
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (order.size() < 9 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      restarted.close();
      idle.close();
    }
    assertThat(order).hasSize(9);
    assertThat(order.indexOf("F-X")).as("F-X fired while the slow batch was still being worked through: %s", order)
        .isLessThan(8);
  }

  @Test
  void aHandlerThatAsksToFireAgainLeavesItsKeyWaitingForTheNextIntervalNotFired() {
    repo.schedule(due("F-1", T0));
    ObligationScheduler e = engine(new ObligationHandler() {
      @Override
      public void fire(ObligationKey key, ScheduledObligation o) {
        fired.add(key);
      }

      @Override
      public java.util.Optional<ScheduledObligation> fireAndRepeat(ObligationKey key, ScheduledObligation o) {
        fire(key, o);
        return java.util.Optional.of(due("F-1", o.dueAt().plus(Duration.ofMinutes(30))));
      }
    }).build();
    assertThat(e.pollOnce(T0).fired()).isOne();
    assertThat(repo.hasFired(due("F-1", T0).key())).isFalse();
    assertThat(repo.find(due("F-1", T0).key())).contains(due("F-1", T0.plus(Duration.ofMinutes(30))));
    assertThat(e.pollOnce(T0.plus(Duration.ofMinutes(29))).claimed()).isZero();
    assertThat(e.pollOnce(T0.plus(Duration.ofMinutes(30))).fired()).isOne();
    assertThat(fired).hasSize(2);
  }

  @Test
  void aClaimRenewedBeforeItsFiringIsLetGoOnceRecordedAndTheHeartbeatRenewsNothingAfter() throws Exception {
    CallCounter<ObligationRepository> counting = CallCounter.wrap(ObligationRepository.class, repo);
    repo.schedule(due("F-1", T0));
    repo.schedule(due("F-2", T0));
    // F-1's reminder takes longer than the heartbeat interval, so F-2's claim is renewed before its firing
    ObligationScheduler e = ObligationScheduler.builder(counting.port(), (k, o) -> {
      if (k.subjectId().equals("F-1")) {
        clock.advance(Duration.ofSeconds(20));
      }
    }).owner("n1").clock(clock).lease(Duration.ofSeconds(30)).heartbeatInterval(Duration.ofMillis(50))
        .maxPollInterval(Duration.ofMillis(50)).build();
    assertThat(e.pollOnce(T0).fired()).isEqualTo(2);
    int renewedBefore = counting.of("renew");
    assertThat(renewedBefore).as("F-2 renewed before its firing").isOne();
    e.start(Executors.defaultThreadFactory());
    Thread.sleep(500);
    e.stop(Duration.ofSeconds(5));
    assertThat(counting.of("renew")).as("nothing left in hand to renew").isEqualTo(renewedBefore);
  }

  @Test
  void twoEnginesBuiltWithoutAnOwnerGetDifferentOwnerNames() {
    String a = ObligationScheduler.builder(repo, (k, o) -> { }).build().owner();
    String b = ObligationScheduler.builder(repo, (k, o) -> { }).build().owner();
    assertThat(a).startsWith("opsbook-" + ProcessHandle.current().pid() + "-").isNotEqualTo(b);
  }

  @Test
  void theDefaultErrorListenerLogsAStorageFailureMasked() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      ObligationScheduler.logError(new IllegalStateException("database down while calling 13800138000"));
    } finally {
      System.setErr(old);
    }
    String logged = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(logged).contains("storage failure").contains("database down").doesNotContain("13800138000");
  }

  @Test
  void pollOnceFiresWhatIsDueInDueOrderAndRemembersIt() {
    repo.schedule(due("F-2", T0.plusSeconds(20)));
    repo.schedule(due("F-1", T0.plusSeconds(10)));
    repo.schedule(due("F-3", T0.plusSeconds(30)));
    ObligationScheduler e = engine((k, o) -> fired.add(k)).build();
    assertThat(e.pollOnce(T0.plusSeconds(5))).isEqualTo(PollResult.EMPTY);
    PollResult r = e.pollOnce(T0.plusSeconds(20));
    assertThat(r).isEqualTo(new PollResult(2, 2, 0, 0));
    assertThat(fired).extracting(ObligationKey::subjectId).containsExactly("F-1", "F-2");
    assertThat(repo.hasFired(fired.get(0))).isTrue();
    assertThat(e.pollOnce(T0.plusSeconds(25))).isEqualTo(PollResult.EMPTY);
    e.pollOnce(T0.plusSeconds(30));
    assertThat(fired).extracting(ObligationKey::subjectId).containsExactly("F-1", "F-2", "F-3");
  }

  @Test
  void theHandlerReceivesTheObligationKeyAsIdempotencyKey() {
    ScheduledObligation o = due("F-1", T0);
    repo.schedule(o);
    List<ScheduledObligation> seen = new ArrayList<>();
    engine((k, s) -> {
      assertThat(k).isEqualTo(s.key());
      seen.add(s);
    }).build().pollOnce(T0);
    assertThat(seen).containsExactly(o);
  }

  @Test
  void aFailedFiringIsRetriedAfterTheBackOffWithItsAttemptCounted() {
    repo.schedule(due("F-1", T0));
    AtomicInteger calls = new AtomicInteger();
    ObligationScheduler e = engine((k, o) -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("gateway down");
      }
      fired.add(k);
    }).retryBackoff(n -> Duration.ofSeconds(60L * n)).build();
    assertThat(e.pollOnce(T0)).isEqualTo(new PollResult(1, 0, 1, 0));
    ScheduledObligation stored = repo.find(due("F-1", T0).key()).orElseThrow();
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.lastError()).hasValueSatisfying(s -> assertThat(s).contains("gateway down"));
    assertThat(stored.dueAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(e.pollOnce(T0.plusSeconds(59))).isEqualTo(PollResult.EMPTY);
    assertThat(e.pollOnce(T0.plusSeconds(60))).isEqualTo(new PollResult(1, 1, 0, 0));
    assertThat(fired).hasSize(1);
  }

  @Test
  void aBatchWhoseLeaseWasTakenOverIsCountedAsLostNotFired() {
    repo.schedule(due("F-1", T0));
    ObligationScheduler slow = engine((k, o) -> {
      // while this instance fires, its lease lapses and another instance claims the obligation
      repo.claimDue(T0.plusSeconds(31), 10, "n2", Duration.ofSeconds(30));
    }).build();
    assertThat(slow.pollOnce(T0)).isEqualTo(new PollResult(1, 0, 0, 1));
    assertThat(repo.hasFired(due("F-1", T0).key())).isFalse();
  }

  @Test
  void aFullBatchIsFollowedByAnotherPollAtOnceAndTheRestIsLeftForLater() {
    for (int i = 0; i < 25; i++) {
      repo.schedule(due("F-" + i, T0));
    }
    ObligationScheduler e = engine((k, o) -> fired.add(k)).build();
    assertThat(e.pollOnce(T0).claimed()).isEqualTo(10);
    assertThat(e.pollOnce(T0).claimed()).isEqualTo(10);
    assertThat(e.pollOnce(T0).claimed()).isEqualTo(5);
    assertThat(fired).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void idleSleepFollowsTheNextDueTimeWithinTheBounds() {
    ObligationScheduler e = engine((k, o) -> fired.add(k)).minPollInterval(Duration.ofMillis(50))
        .maxPollInterval(Duration.ofMillis(500)).build();
    assertThat(e.idleSleep(T0, false)).as("nothing pending").isEqualTo(Duration.ofMillis(500));
    repo.schedule(due("F-1", T0.plusMillis(200)));
    assertThat(e.idleSleep(T0, false)).isEqualTo(Duration.ofMillis(200));
    assertThat(e.idleSleep(T0.plusMillis(190), false)).as("min bound").isEqualTo(Duration.ofMillis(50));
    assertThat(e.idleSleep(T0.minusSeconds(10), false)).as("max bound").isEqualTo(Duration.ofMillis(500));
    assertThat(e.idleSleep(T0, true)).as("after work").isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void theDefaultBackOffDoublesFromTenSecondsUpToTenMinutes() {
    assertThat(ObligationScheduler.defaultBackoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(ObligationScheduler.defaultBackoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(ObligationScheduler.defaultBackoff(6)).isEqualTo(Duration.ofSeconds(320));
    assertThat(ObligationScheduler.defaultBackoff(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(ObligationScheduler.defaultBackoff(40)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> engine((k, o) -> { }).batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine((k, o) -> { }).lease(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine((k, o) -> { }).heartbeatInterval(Duration.ofSeconds(30)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine((k, o) -> { }).minPollInterval(Duration.ofSeconds(2))
        .maxPollInterval(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIdleEngineDoesNotHammerTheStoreAndStopsCleanly() throws Exception {
    CallCounter<ObligationRepository> counting = CallCounter.wrap(ObligationRepository.class, repo);
    ObligationScheduler e = ObligationScheduler.builder(counting.port(), (k, o) -> fired.add(k)).owner("n1")
        .maxPollInterval(Duration.ofMillis(200)).build();
    long started = System.nanoTime();
    e.start(Executors.defaultThreadFactory());
    Thread.sleep(1_000);
    // on a loaded machine the polling thread may not have run twice yet: give it up to ten seconds more
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (counting.of("claimDue") < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(e.stop(Duration.ofSeconds(5))).isTrue();
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(e.isRunning()).isFalse();
    // it keeps polling while idle, but about one claim per max poll interval (200 ms), never a busy loop: an idle
    // sleep is never shorter than the interval, so the count is bounded by the time that really passed
    assertThat(counting.of("claimDue")).isGreaterThanOrEqualTo(2)
        .isLessThanOrEqualTo((int) (elapsedMillis / 200) + 2);
    assertThat(counting.of("renew")).as("no claim in hand, no heartbeat").isZero();
  }

  @Test
  void aRunningEngineFiresWorkScheduledWhileItRunsWithinTheMaxPollInterval() throws Exception {
    Map<ObligationKey, Instant> firedAt = new ConcurrentHashMap<>();
    java.time.Clock real = java.time.Clock.systemUTC();
    ObligationScheduler e = ObligationScheduler.builder(repo, (k, o) -> firedAt.put(k, real.instant()))
        .owner("n1").clock(real).maxPollInterval(Duration.ofMillis(300)).build();
    e.start(Executors.defaultThreadFactory());
    try {
      Thread.sleep(100);
      Instant due = real.instant().plusMillis(200);
      for (int i = 0; i < 50; i++) {
        repo.schedule(due("F-" + i, due));
      }
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (firedAt.size() < 50 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(firedAt).hasSize(50);
      Duration worst = firedAt.values().stream().map(t -> Duration.between(due, t)).max(Duration::compareTo)
          .orElseThrow();
      assertThat(worst).isLessThan(Duration.ofSeconds(1));
    } finally {
      e.close();
    }
  }

  @Test
  void wakeUpCutsAnIdleSleepShort() throws Exception {
    CallCounter<ObligationRepository> counting = CallCounter.wrap(ObligationRepository.class, repo);
    ObligationScheduler e = ObligationScheduler.builder(counting.port(), (k, o) -> fired.add(k)).owner("n1")
        .maxPollInterval(Duration.ofSeconds(30)).build();
    e.start(Executors.defaultThreadFactory());
    try {
      Thread.sleep(200);
      int before = counting.of("claimDue");
      e.wakeUp();
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (counting.of("claimDue") == before && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(counting.of("claimDue")).isGreaterThan(before);
      assertThatThrownBy(() -> e.start(Executors.defaultThreadFactory())).isInstanceOf(IllegalStateException.class);
    } finally {
      e.close();
    }
    assertThat(Set.copyOf(fired)).isEmpty();
  }

  @Test
  void theBuilderRefusesALeaseHeartbeatOrLongestPollThatIsNotLongerThanZero() {
    assertThatThrownBy(() -> ObligationScheduler.builder(repo, (k, o) -> { }).lease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lease must be > 0: PT0S");
    assertThatThrownBy(() -> ObligationScheduler.builder(repo, (k, o) -> { }).heartbeatInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("heartbeatInterval must be > 0: PT-1S");
    assertThatThrownBy(() -> ObligationScheduler.builder(repo, (k, o) -> { }).maxPollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPollInterval must be > 0: PT0S");
  }
}
