package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.spi.contract.StorageFixture;

/** On PostgreSQL the audit log is append-only in the database itself, not only in the adapter. */
class PostgresAuditTriggerTest {
  private static final JdbcBackend DB = JdbcBackend.postgres("trigger");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  private static void run(String sql) throws SQLException {
    try (Connection c = DB.db().dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private StorageFixture threeRecords() {
    StorageFixture f = DB.fresh();
    for (int i = 0; i < 3; i++) {
      f.audit().append(AuditEntry.builder().stream("dataop:DM-1").at(Instant.parse("2026-11-25T02:00:00Z"))
          .actorId("a").action("e" + i).build());
    }
    return f;
  }

  @Test
  void updatesAndDeletesOfTheAuditLogAreRejected() {
    StorageFixture f = threeRecords();
    assertThatThrownBy(() -> run("UPDATE ops_audit SET action = 'forged' WHERE seq = 2"))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> run("DELETE FROM ops_audit WHERE seq = 3"))
        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> run("TRUNCATE ops_audit")).isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(f.audit().read("dataop:DM-1")).hasSize(3);
    assertThat(f.audit().verify("dataop:DM-1").intact()).isTrue();
  }

  @Test
  void theStreamHeadOnlyMovesForward() {
    StorageFixture f = threeRecords();
    assertThatThrownBy(() -> run("UPDATE ops_audit_head SET seq = 2")).isInstanceOf(SQLException.class)
        .hasMessageContaining("forward");
    assertThatThrownBy(() -> run("DELETE FROM ops_audit_head")).isInstanceOf(SQLException.class);
    assertThat(f.audit().verify("dataop:DM-1").recordCount()).isEqualTo(3);
  }

  @Test
  void aSuperuserWhoDeletesTheLastRecordIsStillCaughtByVerify() {
    StorageFixture f = threeRecords();
    f.deleteAuditRecord("dataop:DM-1", 3);
    assertThat(f.audit().verify("dataop:DM-1").firstBrokenSequence()).contains(3L);
  }

  @Test
  void aRecordWhoseStoredFormNoLongerDecodesIsNamed() {
    StorageFixture f = threeRecords();
    DB.asOwner(s -> s.executeUpdate("UPDATE ops_audit SET details = 'not json' WHERE seq = 2"));
    assertThat(f.audit().verify("dataop:DM-1").firstBrokenSequence()).contains(2L);
  }
}
