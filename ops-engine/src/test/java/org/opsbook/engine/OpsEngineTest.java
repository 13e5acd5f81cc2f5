package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.testing.ListDirectory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.notify.SmsState;

/** The engine on H2 with a simulated clock: duties reach the reminder, SMS are sent once and recorded, loops stop. */
class OpsEngineTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final RecordingMessageGateway gateway = new RecordingMessageGateway(clock);
  private final List<Obligation> reminded = new CopyOnWriteArrayList<>();

  private OpsEngine.Builder engine(DataSource ds) {
    return OpsEngine.builder().dataSource(ds).directory(EngineFixture.people()).gateway(gateway)
        .reminder((duty, owing) -> reminded.add(duty)).clock(clock);
  }

  @Test
  void ESC_ROOM_01_aDutyFallingDueReachesTheReminderOnceWithThePeopleWhoOweIt() {
    List<String> owing = new CopyOnWriteArrayList<>();
    try (OpsEngine ops = engine(EngineFixture.freshH2()).reminder((duty, people) -> {
      reminded.add(duty);
      people.forEach(p -> owing.add(duty.ruleId() + ":" + p.id()));
    }).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");

      OpsEngine.DueWork first = ops.runDueWork();
      OpsEngine.DueWork again = ops.runDueWork();

      assertThat(first.dutiesReminded()).isPositive().isEqualTo(reminded.size());
      assertThat(again.dutiesReminded()).isZero();
      assertThat(reminded).allSatisfy(o -> assertThat(o.dueAt().orElseThrow()).isBeforeOrEqualTo(T0));
      assertThat(reminded).extracting(o -> o.ruleId().toString()).contains("ESC-ROOM-01");

      Instant next = ops.nextDueAt().orElseThrow();
      assertThat(next).isAfter(T0);
      clock.set(next);
      int before = reminded.size();
      assertThat(ops.runDueWork().dutiesReminded()).isPositive().isEqualTo(reminded.size() - before);
      assertThat(ops.runDueWork().dutiesReminded()).isZero();
      assertThat(reminded).extracting(Obligation::key).doesNotHaveDuplicates();
      assertThat(owing).contains("ESC-ROOM-01:zhangsan");
    }
  }

  @Test
  void aReminderThatThrowsIsRetriedAfterTheBackOffAndDeliveredOnce() {
    Set<ObligationKey> failedOnce = ConcurrentHashMap.newKeySet();
    try (OpsEngine ops = engine(EngineFixture.freshH2()).reminder((duty, people) -> {
      if (failedOnce.add(duty.key())) {
        throw new IllegalStateException("the pager is down");
      }
      reminded.add(duty);
    }).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");

      assertThat(ops.runDueWork().dutiesReminded()).isZero();
      assertThat(failedOnce).isNotEmpty();
      assertThat(ops.runDueWork().dutiesReminded()).as("retried before its back-off").isZero();

      clock.set(T0.plusSeconds(10));
      OpsEngine.DueWork retried = ops.runDueWork();
      assertThat(retried.dutiesReminded()).isEqualTo(failedOnce.size()).isEqualTo(reminded.size());
      assertThat(reminded).extracting(Obligation::key).containsExactlyInAnyOrderElementsOf(failedOnce);
      assertThat(ops.runDueWork().dutiesReminded()).isZero();
    }
  }

  @Test
  void NOTIFY_TRIG_05_aReleasedNotificationIsSentOnceAndDischargesItsDuty() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).build()) {
      SmsKey key = releasedNotification(ops);

      OpsEngine.DueWork first = ops.runDueWork();
      OpsEngine.DueWork again = ops.runDueWork();

      assertThat(first.messagesSent()).isEqualTo(1);
      assertThat(again.messagesSent()).isZero();
      assertThat(gateway.delivered()).hasSize(1);
      assertThat(gateway.attempts()).as("the gateway asked once").isOne();
      assertThat(gateway.delivered().get(0).idempotencyKey()).isEqualTo(key.toString());
      assertThat(ops.messages().recipients(key)).as("whom the message reached, as the gateway was given them")
          .containsExactlyElementsOf(gateway.delivered().get(0).recipients());
      assertThatThrownBy(() -> ops.messages().recipients(SmsKey.parse("F-9/NOTIFICATION/1")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
      assertThat(ops.faults().duties("F-1")).extracting(o -> o.ruleId().toString())
          .doesNotContain("NOTIFY-TRIG-05");
      assertThat(ops.faults().load("F-1").completions().keySet())
          .anySatisfy(k -> assertThat(k.ruleId().toString()).isEqualTo("NOTIFY-TRIG-05"));
    }
  }

  @Test
  void NOTIFY_REVIEW_01_theReviewerIsResolvedFromTheDirectory() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      SmsKey key = ops.messages().plan(notifyDuty(ops)).key();
      String text = ops.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow().record().text()
          .orElseThrow();
      ops.messages().submit(key, "zhangsan").orThrow();

      Result<?> byAuthor = ops.messages().approve(key, "zhangsan", text);

      assertThat(byAuthor.accepted()).isFalse();
      assertThat(byAuthor.violatedRules()).extracting(Object::toString).contains("NOTIFY-REVIEW-01");
      assertThatThrownBy(byAuthor::orThrow).isInstanceOf(RefusedException.class).hasMessageContaining(
          "NOTIFY-REVIEW-01");
      assertThatThrownBy(() -> ops.messages().approve(key, "nobody", text))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("nobody");
      assertThat(ops.messages().find(key).orElseThrow().state()).isEqualTo(SmsState.IN_REVIEW);
    }
  }

  @Test
  void NOTIFY_REVIEW_01_anAuthorListedUnderASecondIdAfterTheBuildCannotApproveTheirOwnDraft() {
    List<Person> listed = new CopyOnWriteArrayList<>(EngineFixture.people().people());
    Directory host = new ListDirectory(listed);
    try (OpsEngine ops = engine(EngineFixture.freshH2()).directory(host).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      SmsKey key = ops.messages().plan(notifyDuty(ops)).key();
      String text = ops.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow().record().text()
          .orElseThrow();
      ops.messages().submit(key, "zhangsan").orThrow();
      // the host's directory sync now lists the author's second post (team leader) under a second ID, same number
      Person author = host.find("zhangsan").orElseThrow();
      listed.add(Person.builder().id("zhangsan-tl").name(author.name()).phone(author.phone().orElseThrow())
          .addRoles(Role.FAULT_TEAM_LEADER).build());

      assertThatThrownBy(() -> ops.messages().approve(key, "zhangsan-tl", text))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("personId"))
          .hasMessageContaining("one person, one ID");
      assertThatThrownBy(() -> ops.messages().reject(key, "zhangsan", "改一下"))
          .as("the author's first ID does not act either").isInstanceOf(InvalidInputException.class);
      assertThat(ops.messages().find(key).orElseThrow().state()).isEqualTo(SmsState.IN_REVIEW);

      listed.removeIf(p -> p.id().equals("zhangsan-tl"));
      assertThat(ops.messages().approve(key, "lisi", text).accepted()).as("the team leader, another person")
          .isTrue();
    }
  }

  @Test
  void closeStopsTheLoopThreadsAfterTheyDeliveredAndRecordedTheSms() throws Exception {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ThreadFactory recording = r -> {
      Thread t = new Thread(r, "engine-test-" + threads.size());
      t.setDaemon(true);
      threads.add(t);
      return t;
    };
    OpsEngine ops = engine(EngineFixture.freshH2()).threads(recording).outboxInterval(Duration.ofMillis(20)).build();
    try {
      releasedNotification(ops);
      ops.start();
      assertThat(ops.isRunning()).isTrue();
      assertThatThrownBy(ops::runDueWork).isInstanceOf(IllegalStateException.class);
      awaitUntil(() -> ops.faults().load("F-1").raised().stream().noneMatch(o -> o.ruleId().toString()
          .equals("NOTIFY-TRIG-05") && ops.faults().duties("F-1").contains(o)));
      awaitUntil(() -> !gateway.delivered().isEmpty());
    } finally {
      ops.close();
    }
    // an executor counts as terminated just before its last worker thread returns: give each a moment to end
    for (Thread t : threads) {
      t.join(1_000);
    }
    assertThat(threads).hasSizeGreaterThanOrEqualTo(3).noneMatch(Thread::isAlive);
    assertThat(ops.isRunning()).isFalse();
    assertThat(gateway.delivered()).hasSize(1);
    assertThat(gateway.attempts()).as("the gateway asked once").isOne();
    assertThat(ops.faults().duties("F-1")).extracting(o -> o.ruleId().toString()).doesNotContain("NOTIFY-TRIG-05");
  }

  @Test
  void theHostsExecutorRunsTheOutboxAndCloseCancelsTheEnginesRoundButLeavesTheExecutorToTheHost() throws Exception {
    ScheduledThreadPoolExecutor host = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "host-outbox");
      t.setDaemon(true);
      return t;
    });
    List<String> sendingThreads = new CopyOnWriteArrayList<>();
    MessageGateway watched = m -> {
      sendingThreads.add(Thread.currentThread().getName());
      return gateway.send(m);
    };
    OpsEngine ops = OpsEngine.builder().dataSource(EngineFixture.freshH2()).directory(EngineFixture.people())
        .gateway(watched).reminder((duty, owing) -> reminded.add(duty)).clock(clock).executor(host)
        .outboxInterval(Duration.ofMillis(20)).build();
    try {
      releasedNotification(ops);
      ops.start();
      awaitUntil(() -> !gateway.delivered().isEmpty());
      ops.close();
      assertThat(sendingThreads).containsExactly("host-outbox");
      assertThat(ops.isRunning()).isFalse();
      assertThat(host.isShutdown()).as("the engine shut down the host's executor").isFalse();
      assertThat(host.getQueue()).as("the engine's round still scheduled after close")
          .allMatch(task -> ((Future<?>) task).isCancelled());
      assertThat(host.submit(() -> "still the host's").get(5, TimeUnit.SECONDS)).isEqualTo("still the host's");
    } finally {
      ops.close();
      host.shutdownNow();
    }
  }

  @Test
  void anEngineOnAPoolOfItsOwnClosesThePoolWithItselfAndRefusesAPoolOfNoConnectionNamingPoolSize() throws Exception {
    String url = "jdbc:h2:mem:engine_pool_" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=0";
    assertThatThrownBy(() -> OpsEngine.builder().database(url, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poolSize");
    OpsEngine ops = OpsEngine.builder().database(url, 2).directory(EngineFixture.people()).gateway(gateway)
        .reminder((duty, owing) -> reminded.add(duty)).clock(clock).build();
    try {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThat(tables(url)).as("the engine migrated its database").isPositive();
    } finally {
      ops.close();
    }
    // an in-memory H2 database of DB_CLOSE_DELAY=0 ends with its last connection: the pool closed them all
    assertThat(tables(url)).as("tables left after close: the pool is still open").isZero();
  }

  private static int tables(String url) throws Exception {
    return EngineFixture.tables(OpsJdbc.h2DataSource(url)).size();
  }

  @Test
  void aStorageErrorOfTheLoopsReachesTheListener() throws Exception {
    DataSource ds = EngineFixture.freshH2();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<String> loops = new CopyOnWriteArrayList<>();
    try (OpsEngine ops = engine(ds).outboxInterval(Duration.ofMillis(20)).storageErrors((loop, e) -> {
      loops.add(loop);
      errors.add(e);
    }).build()) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE ops_outbox");
        s.execute("DROP TABLE ops_obligation_done");
        s.execute("DROP TABLE ops_obligation");
      }
      ops.start();
      awaitUntil(() -> loops.contains("outbox") && loops.contains("duties"));
    }
    assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(StorageException.class));
  }

  @Test
  void theDefaultListenerLogsTheErrorWithPhoneNumbersMasked() {
    StorageException e = new StorageException("claim", "13812345678", true,
        new IllegalStateException("row of 13812345678"));
    String logged = org.opsbook.engine.internal.DefaultsAccess.masked(e);
    assertThat(logged).contains("StorageException", "IllegalStateException").doesNotContain("13812345678");
  }

  @Test
  void ESC_ROOM_01_missedAtTheRepairStaysInTheLedgerAndTheWeeksCompliance() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      ops.faults().open("F-2", EngineFixture.l1("F-2"), "zhangsan");
      ops.faults().record("F-2", FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
      clock.set(T0.plus(Duration.ofHours(3)));
      ops.faults().record("F-1", FaultEventType.REPAIRED, "zhangsan");
      ops.faults().record("F-1", FaultEventType.CLOSED, "zhangsan");

      org.opsbook.rules.duty.DutyLedger ledger = ops.faults().ledger("F-1");
      assertThat(ledger.with(org.opsbook.rules.duty.DutyLedger.Status.MISSED))
          .extracting(e -> e.duty().ruleId().toString()).contains("ESC-ROOM-01");
      org.opsbook.rules.duty.ComplianceReport week = ops.faults().compliance(T0.minus(Duration.ofDays(1)),
          T0.plus(Duration.ofDays(6)));
      assertThat(week.faults()).isEqualTo(2);
      assertThat(week.byRule().get(org.opsbook.core.RuleId.of("ESC-ROOM-01")).missed()).isEqualTo(1);
      assertThat(week.byRule().get(org.opsbook.core.RuleId.of("ESC-ROOM-01")).onTime()).isEqualTo(1);
      assertThat(ops.faults().compliance(T0.minus(Duration.ofDays(8)), T0.minus(Duration.ofDays(7))).faults())
          .isZero();
    }
  }

  @Test
  void aFaultEventNamesAPersonOfTheDirectory() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThatThrownBy(() -> ops.faults().record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, " "))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("personId");
      assertThatThrownBy(() -> ops.faults().told("F-1", Role.DUTY_68284, "sunba", "zhangsan"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("NOTIFY-REVIEW-03");
    }
  }

  @Test
  @DisplayName("NOTIFY-REVIEW-03 a briefing about no fault is refused naming faultId, and leaves no audit stream")
  void aBriefingIsAboutAnOpenFault() {
    DataSource db = EngineFixture.freshH2();
    try (OpsEngine ops = engine(db).build()) {
      for (String fault : List.of("F-404", "F-1\n2026-12-07 INFO forged")) {
        InvalidInputException e = catchThrowableOfType(() -> ops.faults().told(fault, Role.FAULT_TEAM_LEADER, "lisi",
            "zhangsan"), InvalidInputException.class);
        assertThat(e.field()).isEqualTo("faultId");
        assertThat(e.getMessage()).doesNotContain(fault);
      }
      assertThat(OpsJdbc.create(db).auditLog().streams()).isEmpty();
    }
  }

  @Test
  void aMessageInHandIsLiveUntilReleasedAndEveryMessageIsPaged_SM_SMS() {
    try (OpsEngine ops = engine(EngineFixture.freshH2()).build()) {
      ops.faults().open("F-2", EngineFixture.l1("F-2"), "zhangsan");
      SmsKey planned = ops.messages().plan(ops.faults().duties("F-2").stream()
          .filter(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05")).findFirst().orElseThrow()).key();
      clock.set(T0.plusSeconds(60));
      SmsKey released = releasedNotification(ops);

      assertThat(ops.messages().list()).extracting(SmsMessage::key).containsExactly(released, planned);
      assertThat(ops.messages().live()).extracting(SmsMessage::key).containsExactly(planned);
      assertThat(ops.messages().page(1, Optional.empty())).extracting(SmsMessage::key).containsExactly(released);
      assertThat(ops.messages().page(1, Optional.of(released))).extracting(SmsMessage::key).containsExactly(planned);
      assertThat(ops.messages().page(5, Optional.of(planned))).isEmpty();
      assertThatThrownBy(() -> ops.messages().page(0, Optional.empty())).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("size"));
      assertThatThrownBy(() -> ops.messages().page(5, Optional.of(SmsKey.parse("F-9/NOTIFICATION/1"))))
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("after"));
    }
  }

  /** Opens F-1 and takes its notification SMS through draft, review, briefing and release; returns its key. */
  private SmsKey releasedNotification(OpsEngine ops) {
    SmsKey key = EngineFixture.releasedNotification(ops, "F-1");
    assertThat(gateway.delivered()).isEmpty();
    return key;
  }

  private static Obligation notifyDuty(OpsEngine ops) {
    return EngineFixture.notifyDuty(ops, "F-1");
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }
}
