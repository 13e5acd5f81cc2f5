package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;

/**
 * The outbox heartbeat's owner index on PostgreSQL (migration V8) holds the leased messages only, like the obligation
 * owner index of V7: enqueueing a message does not write to it, and the heartbeat still finds its leases.
 */
class PostgresOutboxOwnerIndexTest {
  private static final Duration LEASE = Duration.ofMinutes(5);

  @AutoClose
  private final TestDatabases.Db db = TestDatabases.postgres("outboxowneridx", 2);
  private final MessageOutbox outbox = db.migrated().outbox();

  @Test
  void unleasedMessagesHaveNoEntryInTheOwnerIndexAndTheHeartbeatFindsTheLeasedOnes() throws SQLException {
    Instant created = Instant.now().minusSeconds(60);
    for (int i = 0; i < 40; i++) {
      outbox.enqueue(OutboxMessage.builder().key("M-" + i).messageType("NOTICE").channel(Channel.NOTICE)
          .text("公告 " + i).nextAttemptAt(created).createdAt(created).build());
    }
    assertThat(outbox.claim(Instant.now(), 4, "node-a", LEASE)).hasSize(4);
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE ops_outbox");
    }
    assertThat(db.count("SELECT reltuples FROM pg_class WHERE oid = 'ops_outbox'::regclass")).isEqualTo(40);
    assertThat(db.count("SELECT reltuples FROM pg_class WHERE oid = 'ops_outbox_owner_idx'::regclass"))
        .as("entries of the owner index: the leased messages only").isEqualTo(4);
    assertThat(outbox.heartbeat("node-a", Instant.now(), LEASE)).isEqualTo(4);
    assertThat(outbox.heartbeat("node-b", Instant.now(), LEASE)).isZero();
  }
}
