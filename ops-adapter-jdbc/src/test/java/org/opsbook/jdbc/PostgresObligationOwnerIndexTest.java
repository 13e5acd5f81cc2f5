package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * The obligation heartbeat's owner index on PostgreSQL (migration V7) holds the leased rows only, so scheduling a
 * timer does not write to it, and the heartbeat still finds its leases through it.
 */
class PostgresObligationOwnerIndexTest {
  private static final Duration LEASE = Duration.ofMinutes(5);

  @AutoClose
  private final TestDatabases.Db db = TestDatabases.postgres("owneridx", 2);
  private final ObligationRepository obligations = db.migrated().obligations();

  private static ScheduledObligation timer(int i, Instant due) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-ROOM-01")).subjectId("F-" + i)
        .actor(Role.ESC_DUTY).action("escalate").target("ROOM_MANAGER").channel(Channel.PHONE).dueAt(due).build());
  }

  private void scheduleFiftyAndLeaseFive() {
    Instant due = Instant.now().minusSeconds(60);
    List<ScheduledObligation> timers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      timers.add(timer(i, due));
    }
    assertThat(obligations.scheduleAll(timers)).isEqualTo(50);
    assertThat(obligations.claimDue(Instant.now(), 5, "node-a", LEASE)).hasSize(5);
  }

  @Test
  void unleasedTimersHaveNoEntryInTheOwnerIndex() throws SQLException {
    scheduleFiftyAndLeaseFive();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      // ANALYZE reads all 50 rows (fewer than its sample) and sets the index's tuple count from its predicate
      s.execute("ANALYZE ops_obligation");
    }
    assertThat(db.count("SELECT reltuples FROM pg_class WHERE oid = 'ops_obligation'::regclass")).isEqualTo(50);
    assertThat(db.count("SELECT reltuples FROM pg_class WHERE oid = 'ops_obligation_owner_idx'::regclass"))
        .as("entries of the owner index: the leased rows only").isEqualTo(5);
  }

  @Test
  void theHeartbeatStillReadsItsLeasesThroughTheOwnerIndex() throws SQLException {
    scheduleFiftyAndLeaseFive();
    assertThat(obligations.heartbeat("node-a", Instant.now(), LEASE)).isEqualTo(5);
    assertThat(obligations.heartbeat("node-b", Instant.now(), LEASE)).isZero();
    // the generic plan of the heartbeat's statement (as a reused server-side prepared statement runs it):
    // "owner = $1" must imply the index's predicate for the planner to use it at all
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("SET enable_seqscan = off");
      s.execute("PREPARE hb (varchar, timestamptz, timestamptz) AS UPDATE ops_obligation SET lease_until = $2"
          + " WHERE owner = $1 AND lease_until > $3");
      try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE hb('node-a', now(), now())")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      s.execute("DEALLOCATE hb");
      s.execute("RESET enable_seqscan");
      s.execute("RESET plan_cache_mode");
    }
    assertThat(plan.toString()).contains("ops_obligation_owner_idx").doesNotContain("Seq Scan");
  }
}
