package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * Several host processes on one PostgreSQL: each runs {@link SecondInstanceMain} in its own JVM. Every obligation's
 * effect happens once; a process killed with SIGKILL mid-run leaves its claimed batch to the others after the lease.
 */
class PostgresTwoProcessTest {
  private TestDatabases.Db db;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void createSchema() throws SQLException {
    db = TestDatabases.postgres("procs", 2);
    OpsJdbc.create(db.dataSource()).migrate();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE effect (obligation_key VARCHAR(300) PRIMARY KEY, owner VARCHAR(100) NOT NULL)");
      s.execute("CREATE TABLE calls (obligation_key VARCHAR(300) NOT NULL, owner VARCHAR(100) NOT NULL)");
    }
  }

  @AfterEach
  void cleanUp() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    db.close();
  }

  private Process instance(String owner, int leaseSeconds, int runSeconds) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SecondInstanceMain.class.getName(), db.url(), owner, Integer.toString(leaseSeconds),
        Integer.toString(runSeconds)).redirectErrorStream(true).start();
    processes.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("started")) {
      // skip start-up logging until the engine runs
    }
    assertThat(line).as("the instance started").isEqualTo("started " + owner);
    return p;
  }

  private void schedule(int n) {
    OpsJdbc ops = OpsJdbc.create(db.dataSource());
    List<ScheduledObligation> all = new ArrayList<>();
    Instant due = Instant.now().minusSeconds(1);
    for (int i = 0; i < n; i++) {
      all.add(ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-DEPT-02")).subjectId("F-" + i)
          .actor(Role.ESC_DUTY).action("上报部门经理").target("DEPT_MANAGER").channel(Channel.PHONE).dueAt(due)
          .build()));
    }
    ops.obligations().scheduleAll(all);
  }

  private void awaitDone(long n, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (db.count("SELECT count(*) FROM ops_obligation_done") < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Test
  void twoProcessesShareTheWorkAndFireEachObligationOnce() throws Exception {
    instance("proc-a", 30, 120);
    instance("proc-b", 30, 120);
    schedule(2_000);
    awaitDone(2_000, 90);
    assertThat(db.count("SELECT count(*) FROM ops_obligation_done WHERE outcome = 'FIRED'")).isEqualTo(2_000);
    assertThat(db.count("SELECT count(*) FROM effect")).isEqualTo(2_000);
    assertThat(db.count("SELECT count(*) FROM calls")).as("no handler call was repeated").isEqualTo(2_000);
    assertThat(db.count("SELECT count(DISTINCT owner) FROM ops_obligation_done")).isEqualTo(2);
  }

  @Test
  void aProcessKilledMidRunLeavesItsWorkToTheOtherAfterTheLease() throws Exception {
    schedule(3_000);
    Process doomed = instance("doomed", 3, 120);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (db.count("SELECT count(*) FROM calls") < 200 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(doomed.isAlive()).isFalse();
    long doneByDoomed = db.count("SELECT count(*) FROM ops_obligation_done WHERE owner = 'doomed'");
    assertThat(doneByDoomed).as("killed before finishing").isLessThan(3_000);
    instance("survivor", 3, 120);
    awaitDone(3_000, 90);
    assertThat(db.count("SELECT count(*) FROM ops_obligation_done WHERE outcome = 'FIRED'")).isEqualTo(3_000);
    assertThat(db.count("SELECT count(*) FROM effect")).as("each effect once").isEqualTo(3_000);
    long repeats = db.count("SELECT count(*) - count(DISTINCT obligation_key) FROM calls");
    assertThat(repeats).as("only the killed process's unfinished batch may be fired again").isBetween(0L, 50L);
    assertThat(db.count("SELECT count(*) FROM ops_obligation")).isZero();
  }
}
