package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * Leases on the database's clock (issue 11): a host whose clock runs 45 s ahead neither takes work before the
 * database's clock says it is due nor takes over a live lease. Run on H2 and on PostgreSQL.
 */
abstract class DatabaseClockContract extends OneBackendPerClass {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration AHEAD = Duration.ofSeconds(45);

  private OpsJdbc ops;

  @BeforeEach
  void fresh() {
    backend().fresh();
    ops = OpsJdbc.create(backend().db().dataSource());
  }

  private Instant dbNow() throws SQLException {
    try (Connection c = backend().db().dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static ScheduledObligation due(String subject, Instant at) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-DEPT-02")).subjectId(subject)
        .actor(Role.ESC_DUTY).action("上报部门经理").target("DEPT_MANAGER").channel(Channel.PHONE).dueAt(at).build());
  }

  @Test
  void aHostAheadOfTheDatabaseNeitherFiresEarlyNorTakesOverALiveLease() throws SQLException {
    Instant now = dbNow();
    ops.obligations().schedule(due("F-later", now.plusSeconds(30)));
    ops.obligations().schedule(due("F-now", now.minusSeconds(1)));
    List<ClaimedObligation> mine = ops.obligations().claimDue(now, 10, "on-time", LEASE);
    assertThat(mine).extracting(c -> c.scheduled().key().subjectId()).containsExactly("F-now");
    assertThat(mine.get(0).leaseUntil()).isBetween(now.plus(LEASE).minusSeconds(5), now.plus(LEASE).plusSeconds(5));
    Instant ahead = dbNow().plus(AHEAD);
    assertThat(ops.obligations().claimDue(ahead, 10, "ahead", LEASE))
        .as("F-later is not due by the database's clock, and F-now's lease is live").isEmpty();
    assertThat(ops.obligations().heartbeat("on-time", ahead, LEASE)).isEqualTo(1);
    assertThat(ops.obligations().complete(mine.get(0), now)).isTrue();
  }

  @Test
  void aDispatcherAheadOfTheDatabaseNeitherSendsEarlyNorTakesOverALiveClaim() throws SQLException {
    Instant now = dbNow();
    ops.outbox().enqueue(OutboxMessage.builder().key("K-later").messageType("NOTIFICATION").text("t")
        .nextAttemptAt(now.plusSeconds(30)).createdAt(now).build());
    ops.outbox().enqueue(OutboxMessage.builder().key("K-now").messageType("NOTIFICATION").text("t")
        .nextAttemptAt(now.minusSeconds(1)).createdAt(now).build());
    List<OutboxMessage> mine = ops.outbox().claim(now, 10, "on-time", LEASE);
    assertThat(mine).extracting(OutboxMessage::key).containsExactly("K-now");
    Instant ahead = dbNow().plus(AHEAD);
    assertThat(ops.outbox().claim(ahead, 10, "ahead", LEASE)).isEmpty();
    assertThat(ops.outbox().markSending(mine.get(0), now, LEASE)).isTrue();
    assertThat(ops.outbox().inDoubt(ahead)).as("a live send is not in doubt to a host ahead").isEmpty();
    assertThat(ops.outbox().claimInDoubt(ahead, 10, "ahead", LEASE)).isEmpty();
  }
}
