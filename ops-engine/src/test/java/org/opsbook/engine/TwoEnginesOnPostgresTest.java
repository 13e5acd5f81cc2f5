package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.notificationsSent;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.jdbc.OpsJdbc;
import org.postgresql.ds.PGSimpleDataSource;
import java.time.Clock;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;

/**
 * Two engines, as two processes of a host, run their own threads over one real PostgreSQL (embedded, started by the
 * test) on the system clock; the host's work goes through either. Each SMS reaches the one gateway once, each sending
 * is recorded once in its fault's history, and each due duty reaches a reminder once.
 */
class TwoEnginesOnPostgresTest {
  private static final int FAULTS = 8;
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void NOTIFY_TRIG_05_twoEnginesOverOneDatabaseSendEachSmsOnceRecordItOnceAndRemindEachDutyOnce() throws Exception {
    String url = freshSchema();
    // the SMS platform behind a gateway that does not deduplicate, as most do not: every call counts
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    MessageGateway gateway = m -> {
      calls.computeIfAbsent(m.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
      return new SendReceipt("gw-" + m.idempotencyKey(), Instant.now(), false);
    };
    Map<ObligationKey, AtomicInteger> reminded = new ConcurrentHashMap<>();
    List<String> faults = new ArrayList<>();
    try (OpsEngine a = engine(url, "host-a", gateway, reminded);
        OpsEngine b = engine(url, "host-b", gateway, reminded)) {
      OpsJdbc db = OpsJdbc.create(connections(url));
      a.start();
      b.start();
      for (int i = 1; i <= FAULTS; i++) {
        String id = "F-" + i;
        EngineFixture.releasedNotification(i % 2 == 0 ? a : b, id);
        faults.add(id);
      }

      awaitUntil(() -> calls.size() >= FAULTS
          && faults.stream().allMatch(id -> notificationsSent(db.faults(), id).size() > 0)
          && faults.stream().allMatch(id -> reminded.keySet().stream().anyMatch(k -> k.subjectId().equals(id)
          && k.ruleId().toString().equals("ESC-ROOM-01"))));
      // both engines go on for many more rounds: a second sending, record or reminder would show now
      Thread.sleep(1_000);

      assertThat(calls).hasSize(FAULTS)
          .allSatisfy((key, times) -> assertThat(times.get()).as("gateway calls for %s", key).isOne());
      for (String id : faults) {
        assertThat(notificationsSent(db.faults(), id).size()).as("sendings recorded on %s", id).isEqualTo(1);
      }
      assertThat(reminded).allSatisfy((key, times) -> assertThat(times.get()).as("reminders of %s", key).isOne());
      assertThat(a.faults().duties("F-1")).extracting(o -> o.ruleId().toString()).doesNotContain("NOTIFY-TRIG-05");
      assertThat(db.withAuditKey(EngineFixture.auditKey()).auditLog().verifyAll())
          .as("both hosts sealed one log under the host's key").isNotEmpty()
          .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    }
  }

  @Test
  void OPS_TIME_01_twoHostsWhoseClocksAreSecondsApartTakeTurnsOnOneFaultAndOneBug() throws Exception {
    String url = freshSchema();
    MessageGateway gateway = m -> new SendReceipt("gw-" + m.idempotencyKey(), Instant.now(), false);
    try (OpsEngine ahead = engineOn(url).directory(people())
        .gateway(gateway).owner("host-a").build();
        OpsEngine behind = engineOn(url).directory(people())
            .gateway(gateway).owner("host-b").clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-3)))
            .build()) {
      ahead.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      ahead.bugs().raise("BUG-1", BugEventData.builder().description("充值成功但余额未增加")
          .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang").orThrow();
      for (int turn = 0; turn < 6; turn++) {
        OpsEngine host = turn % 2 == 0 ? behind : ahead;
        host.faults().record("F-1", FaultEventType.PROGRESS_REPORTED, "zhangsan");
        assertThat(host.faults().duties("F-1")).isNotEmpty();
      }
      behind.bugs().fire("BUG-1", BugEvent.SUBMIT_AMS, "li", BugEventData.builder().amsBugTicketNo("AMS-1").build())
          .orThrow();
      ahead.bugs().fire("BUG-1", BugEvent.PROVINCE_ASSIGNED, "li",
          BugEventData.builder().recheckAccepted(true).developer("dev").build()).orThrow();
      behind.bugs().fire("BUG-1", BugEvent.DEVELOPER_REPLIED, "li", BugEventData.builder().reply("fixed").build())
          .orThrow();

      OpsJdbc db = OpsJdbc.create(connections(url));
      List<Instant> times = db.faults().events("F-1").stream().map(FaultEvent::at).toList();
      assertThat(times).as("the fault's history, as stored to the microsecond").hasSize(7).isSorted();
      assertThat(behind.bugs().find("BUG-1").orElseThrow().state()).isEqualTo(BugState.FIX_DELIVERED);
    }
  }

  @Test
  void ofHostsThatDecidedOnOneVersionOfAFaultOneWrites() throws Exception {
    String url = freshSchema();
    MessageGateway gateway = m -> new SendReceipt("gw-" + m.idempotencyKey(), Instant.now(), false);
    try (OpsEngine a = engineOn(url).directory(people()).gateway(gateway)
        .owner("host-a").build();
        OpsEngine b = engineOn(url).directory(people()).gateway(gateway)
            .owner("host-b").build()) {
      a.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      long v = b.faults().load("F-1").version();
      int writers = 8;
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
      List<java.util.concurrent.Future<Boolean>> written = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < writers; i++) {
          OpsEngine host = i % 2 == 0 ? a : b;
          written.add(pool.submit(() -> {
            go.await();
            try {
              host.faults().record("F-1", v, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
              return true;
            } catch (org.opsbook.core.ConcurrentUpdateException e) {
              return false;
            }
          }));
        }
        go.countDown();
        int wins = 0;
        for (java.util.concurrent.Future<Boolean> f : written) {
          wins += f.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(wins).as("one report of the eight decided on version " + v).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      List<FaultEvent> history = OpsJdbc.create(connections(url)).faults().events("F-1");
      assertThat(history).hasSize((int) v + 1);
      assertThat(history.stream().filter(e -> e.type() == FaultEventType.REPORTED_TO_ROOM_MANAGER)).hasSize(1);
    }
  }

  /** The longest IDs and subject name the engine lets through fit PostgreSQL's columns, which count characters. */
  @Test
  void theLongestIdsAndSubjectNameAreStoredWhole() throws Exception {
    BoundedInputsTest.atTheBounds(connections(freshSchema()));
  }

  /** A gateway's receipt longer than any column width is kept whole on PostgreSQL too. */
  @Test
  void aLongGatewayIdIsKeptWhole() throws Exception {
    BoundedInputsTest.aLongGatewayId(connections(freshSchema()));
  }

  /** A builder over the schema at {@code url}, its audit log sealed under the hosts' shared key. */
  private static OpsEngine.Builder engineOn(String url) {
    return OpsEngine.builder().dataSource(connections(url)).auditKey(EngineFixture.auditKey());
  }

  private static Directory people() {
    return EngineFixture.people(EngineFixture.person("wang", Role.TICKET_REVIEWER),
        EngineFixture.person("li", Role.BUG_PROCESSOR));
  }

  private static OpsEngine engine(String url, String owner, MessageGateway gateway,
      Map<ObligationKey, AtomicInteger> reminded) {
    return engineOn(url).directory(EngineFixture.people()).gateway(gateway)
        .owner(owner).outboxInterval(Duration.ofMillis(20))
        .reminder((duty, owing) -> reminded.computeIfAbsent(duty.key(), k -> new AtomicInteger()).incrementAndGet())
        .build();
  }

  /** A data source that opens a connection of its own each time (this module's tests have no pool library). */
  private static DataSource connections(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  /** A fresh schema of the embedded server; returns its JDBC URL. */
  private static String freshSchema() throws Exception {
    String base = postgres.getJdbcUrl("postgres", "postgres");
    String schema = "two_engines_" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("reached within 20 s").isTrue();
  }
}
