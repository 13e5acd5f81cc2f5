package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * The reliability harness (issue 11): three competing host JVMs ({@link ReliabilityWorker}) on one PostgreSQL, one
 * with a slow gateway (800 ms a send, batches of 10), one whose clock runs 45 s ahead, all with a gateway and a duty
 * handler that do not deduplicate and count every call; meanwhile workers are killed with SIGKILL and restarted, and
 * paused with SIGSTOP past their lease and resumed, and the database itself is stopped (fast and immediate shutdown,
 * alternately), kept down and restarted under them. The fast run (in {@code mvn verify}) makes a few kills, one pause
 * and two database restarts; the full run ({@code -Dopsbook.reliability.full=true}) makes 110 kills, 12 pauses and 6
 * restarts. Figures go to {@code target/reliability/last-run.txt}.
 *
 * <p>Asserted: no obligation and no message lost; no message handed to the gateway twice; every message sent once or
 * listed in doubt (a crash between marking it sending and recording the outcome) with at most one call; no duty fired
 * before it was due by the database's clock; every message in doubt listed by {@code MessageOutbox.inDoubt}; after each
 * restart the workers that lived through the outage work again without being restarted, and the outages reached their
 * storage-error listeners. Repeated duty firings (a crash between the handler and the completion)
 * are counted and reported, not forbidden: ObligationScheduler documents them.
 */
class PostgresReliabilityHarnessTest {
  private static final boolean FULL = Boolean.getBoolean("opsbook.reliability.full");
  private static final int KILLS = FULL ? 110 : 4;
  private static final int PAUSES = FULL ? 12 : 1;
  /** Database stops (alternately fast and immediate shutdown) and restarts under the workers. */
  private static final int RESTARTS = FULL ? 6 : 2;
  /** How long the database stays down each time. */
  private static final long OUTAGE_MS = 3_000;
  private static final int DUTIES = FULL ? 3_000 : 150;
  private static final int MESSAGES = FULL ? 800 : 40;
  private static final Duration SPREAD = Duration.ofSeconds(FULL ? 420 : 30);
  private static final long LEASE_MS = 3_000;

  private RestartablePostgres server;
  private TestDatabases.Db db;
  private final Map<String, Worker> workers = new LinkedHashMap<>();
  private final List<Path> logs = new ArrayList<>();
  private final Random random = new Random(11);
  private int spawned;

  /** A running worker and how it was configured. */
  private record Worker(Process process, String owner, String slot, long skewSeconds, long gatewayMillis) {}

  /** One stop and restart of the database: how, when it came back, and how long until the survivors worked again. */
  private record Outage(RestartablePostgres.Shutdown mode, Instant restartedAt, long recoveredMillis) {}

  @BeforeEach
  void createSchema() throws Exception {
    // a server of its own: the harness stops and restarts it, which the shared test server must not see
    server = RestartablePostgres.create();
    db = TestDatabases.postgresOn(server.baseUrl(), "reliability", 4);
    OpsJdbc.create(db.dataSource()).migrate();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE calls (kind VARCHAR(10) NOT NULL, item_key VARCHAR(300) NOT NULL,"
          + " owner VARCHAR(100) NOT NULL, at_db TIMESTAMPTZ NOT NULL)");
      s.execute("CREATE TABLE due (item_key VARCHAR(300) PRIMARY KEY, due_at TIMESTAMPTZ NOT NULL)");
    }
  }

  @AfterEach
  void cleanUp() {
    for (Worker w : workers.values()) {
      w.process().destroyForcibly();
    }
    db.close();
    try {
      server.close();
    } catch (IOException e) {
      // a temporary directory left behind does no harm
    }
  }

  private Worker spawn(String slot, long skewSeconds, long gatewayMillis) throws Exception {
    String owner = slot + "-" + (++spawned);
    Path log = Files.createTempFile("opsbook-worker-", ".log");
    logs.add(log);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        ReliabilityWorker.class.getName(), db.url(), owner, Long.toString(skewSeconds), Long.toString(gatewayMillis),
        Long.toString(LEASE_MS)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(log, StandardCharsets.UTF_8).contains("started " + owner)) {
      assertThat(p.isAlive()).as("worker %s started", owner).isTrue();
      assertThat(System.nanoTime()).as("worker %s started in time", owner).isLessThan(deadline);
      Thread.sleep(50);
    }
    Worker w = new Worker(p, owner, slot, skewSeconds, gatewayMillis);
    workers.put(slot, w);
    return w;
  }

  private Instant dbNow() throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
      rs.next();
      return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
    }
  }

  private void seed(Instant start) throws SQLException {
    OpsJdbc ops = OpsJdbc.create(db.dataSource());
    List<ScheduledObligation> all = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO due (item_key, due_at) VALUES (?, ?)")) {
      for (int i = 0; i < DUTIES; i++) {
        Instant due = start.plusMillis(SPREAD.toMillis() * i / DUTIES);
        ScheduledObligation o = ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-DEPT-02"))
            .subjectId("F-" + i).actor(Role.ESC_DUTY).action("上报部门经理").target("DEPT_MANAGER")
            .channel(Channel.PHONE).dueAt(due).build());
        all.add(o);
        ps.setString(1, o.key().toString());
        ps.setObject(2, due.atOffset(java.time.ZoneOffset.UTC));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    ops.obligations().scheduleAll(all);
    for (int i = 0; i < MESSAGES; i++) {
      Instant at = start.plusMillis(SPREAD.toMillis() * i / MESSAGES);
      ops.outbox().enqueue(OutboxMessage.builder().key("F-" + i + "/NOTIFICATION/1").faultId("F-" + i)
          .messageType("NOTIFICATION").text("故障通知 " + i).nextAttemptAt(at).createdAt(at).build());
    }
  }

  private void signal(Process p, String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
  }

  /**
   * Stops the database in {@code mode}, keeps it down for {@link #OUTAGE_MS}, starts it again and waits until a worker
   * that lived through the outage (no host restart) has called the duty handler and, while messages were waiting, the
   * gateway again: each loop recovered by itself.
   */
  private Outage stopAndRestart(RestartablePostgres.Shutdown mode) throws Exception {
    List<String> survivors = workers.values().stream().map(Worker::owner).toList();
    server.stop(mode);
    Thread.sleep(OUTAGE_MS);
    server.start();
    Instant restartedAt = dbNow();
    long since = System.nanoTime();
    boolean dutiesLeft = db.count("SELECT count(*) FROM ops_obligation") > 0;
    boolean messagesLeft = db.count("SELECT count(*) FROM ops_outbox WHERE state = 'PENDING'") > 0;
    String owners = "'" + String.join("', '", survivors) + "'";
    long deadline = since + TimeUnit.SECONDS.toNanos(90);
    while ((dutiesLeft && !calledSince("duty", owners, restartedAt))
        || (messagesLeft && !calledSince("sms", owners, restartedAt))) {
      assertThat(System.nanoTime()).as("workers %s recovered after a %s shutdown", survivors, mode)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
    return new Outage(mode, restartedAt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
  }

  private boolean calledSince(String kind, String owners, Instant since) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM calls WHERE kind = ? AND owner IN (" + owners + ") AND at_db >= ?")) {
      ps.setString(1, kind);
      ps.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  @Test
  void competingKilledPausedSlowAndSkewedWorkersOnARestartingDatabaseLoseNothingAndNeverSendTwice() throws Exception {
    long began = System.nanoTime();
    spawn("plain", 0, 0);
    spawn("slow", 0, 800);
    spawn("skewed", 45, 0);
    Instant start = dbNow().plusSeconds(2);
    seed(start);
    int kills = 0;
    int pauses = 0;
    List<Outage> outages = new ArrayList<>();
    int events = KILLS + PAUSES + RESTARTS;
    long step = SPREAD.toMillis() / events;
    for (int event = 0; event < events; event++) {
      Thread.sleep(Math.max(200, step / 2 + random.nextInt((int) Math.max(1, step))));
      if (outages.size() < RESTARTS && event == (outages.size() + 1) * (events * 2 / 3) / (RESTARTS + 1)) {
        outages.add(stopAndRestart(outages.size() % 2 == 0 ? RestartablePostgres.Shutdown.FAST
            : RestartablePostgres.Shutdown.IMMEDIATE));
        continue;
      }
      List<String> slots = new ArrayList<>(workers.keySet());
      Worker w = workers.get(slots.get(random.nextInt(slots.size())));
      int left = events - event - (RESTARTS - outages.size());
      boolean pause = pauses < PAUSES && (kills >= KILLS || random.nextInt(Math.max(1, left)) < PAUSES - pauses);
      if (pause) {
        signal(w.process(), "STOP");
        Thread.sleep(LEASE_MS * 2);
        signal(w.process(), "CONT");
        pauses++;
      } else {
        w.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        spawn(w.slot(), w.skewSeconds(), w.gatewayMillis());
        kills++;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FULL ? 600 : 120);
    while (System.nanoTime() < deadline && (db.count("SELECT count(*) FROM ops_obligation") > 0
        || db.count("SELECT count(*) FROM ops_outbox WHERE state = 'PENDING' OR (state = 'SENDING'"
            + " AND lease_until > CURRENT_TIMESTAMP)") > 0)) {
      Thread.sleep(250);
    }
    long firedOnce = db.count("SELECT count(*) FROM ops_obligation_done WHERE outcome = 'FIRED'");
    long dutyCalls = db.count("SELECT count(*) FROM calls WHERE kind = 'duty'");
    long dutyKeys = db.count("SELECT count(DISTINCT item_key) FROM calls WHERE kind = 'duty'");
    long early = db.count("SELECT count(*) FROM calls c JOIN due d ON c.item_key = d.item_key"
        + " WHERE c.kind = 'duty' AND c.at_db < d.due_at");
    long smsCalls = db.count("SELECT count(*) FROM calls WHERE kind = 'sms'");
    long smsKeys = db.count("SELECT count(DISTINCT item_key) FROM calls WHERE kind = 'sms'");
    long sent = db.count("SELECT count(*) FROM ops_outbox WHERE state = 'SENT'");
    long inDoubt = db.count("SELECT count(*) FROM ops_outbox WHERE state = 'SENDING'");
    long inDoubtCalled = db.count("SELECT count(*) FROM ops_outbox o WHERE state = 'SENDING'"
        + " AND EXISTS (SELECT 1 FROM calls c WHERE c.kind = 'sms' AND c.item_key = o.msg_key)");
    long sentWithoutOneCall = db.count("SELECT count(*) FROM ops_outbox o WHERE state = 'SENT' AND (SELECT count(*)"
        + " FROM calls c WHERE c.kind = 'sms' AND c.item_key = o.msg_key) <> 1");
    List<OutboxMessage> listed = OpsJdbc.create(db.dataSource()).outbox().inDoubt(dbNow());
    long storageErrors = 0;
    for (Path log : logs) {
      storageErrors += Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith("storage-error ")).count();
    }
    long fastStops = outages.stream().filter(o -> o.mode() == RestartablePostgres.Shutdown.FAST).count();
    long slowestRecovery = outages.stream().mapToLong(Outage::recoveredMillis).max().orElse(0);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
    String report = String.join("\n",
        "run: " + (FULL ? "full" : "fast") + ", " + seconds + " s, 3 competing JVMs (plain, slow gateway 800 ms,"
            + " clock +45 s), lease " + LEASE_MS + " ms",
        "kill -9: " + kills + ", SIGSTOP/SIGCONT pauses of " + 2 * LEASE_MS + " ms: " + pauses,
        "database stopped and restarted: " + outages.size() + " (" + fastStops + " fast, "
            + (outages.size() - fastStops) + " immediate shutdowns, down " + OUTAGE_MS + " ms each), storage errors"
            + " reported to the listeners " + storageErrors + ", slowest recovery of a surviving worker "
            + slowestRecovery + " ms after the restart",
        "duties: " + DUTIES + " scheduled, " + firedOnce + " completed, lost " + (DUTIES - firedOnce)
            + ", handler calls " + dutyCalls + " for " + dutyKeys + " keys (repeats " + (dutyCalls - dutyKeys)
            + "), fired before due by the database clock " + early,
        "messages: " + MESSAGES + " enqueued, " + sent + " sent, " + inDoubt + " in doubt (" + inDoubtCalled
            + " of them reached the gateway), lost " + (MESSAGES - sent - inDoubt) + ", gateway calls " + smsCalls
            + " for " + smsKeys + " keys (duplicates " + (smsCalls - smsKeys) + "), sent without exactly one call "
            + sentWithoutOneCall + ", in doubt listed for a person " + listed.size(), "");
    Path out = Path.of("target", "reliability", "last-run.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(kills).isEqualTo(KILLS);
    assertThat(firedOnce).as("no duty lost").isEqualTo(DUTIES);
    assertThat(dutyKeys).isEqualTo(DUTIES);
    assertThat(early).as("no duty fired before it was due by the database's clock").isZero();
    assertThat(sent + inDoubt).as("no message lost").isEqualTo(MESSAGES);
    assertThat(smsCalls - smsKeys).as("no message handed to the non-deduplicating gateway twice").isZero();
    assertThat(sentWithoutOneCall).as("every sent message reached the gateway exactly once").isZero();
    assertThat(listed).as("every message in doubt is listed for a person").hasSize((int) inDoubt);
    assertThat(inDoubt).as("a message is in doubt only when its dispatcher died, stalled or lost the database"
        + " mid-send (at most one a dispatcher per outage)").isLessThanOrEqualTo((long) kills + pauses + 3L * RESTARTS);
    assertThat(outages).as("the database was stopped and restarted").hasSize(RESTARTS);
    assertThat(storageErrors).as("the outages reached the storage-error listeners").isGreaterThanOrEqualTo(RESTARTS);
  }
}
