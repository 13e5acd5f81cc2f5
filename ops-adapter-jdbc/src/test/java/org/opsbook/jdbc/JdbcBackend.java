package org.opsbook.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.spi.contract.StorageFixture;

/**
 * One migrated test database for a contract test class; {@link #fresh()} empties it for the next test. Tampering
 * goes around the append-only trigger the way the table owner or a superuser can: by disabling it for one statement.
 */
final class JdbcBackend implements AutoCloseable {
  private static final String[] TABLES = {"ops_audit", "ops_audit_head", "ops_fault_event", "ops_fault",
      "ops_obligation", "ops_obligation_done", "ops_workflow_transition", "ops_workflow", "ops_outbox"};

  private final TestDatabases.Db db;
  private final OpsJdbc ops;

  private JdbcBackend(TestDatabases.Db db) {
    this.db = db;
    this.ops = OpsJdbc.create(db.dataSource()).withCallerClock();
    ops.migrate();
  }

  /** A fresh H2 in-memory database. */
  static JdbcBackend h2(String name) {
    return new JdbcBackend(TestDatabases.h2(name));
  }

  /** A fresh schema on the PostgreSQL this run targets. */
  static JdbcBackend postgres(String name) {
    return new JdbcBackend(TestDatabases.postgres(name, 8));
  }

  /** Returns the facade. */
  OpsJdbc ops() {
    return ops;
  }

  /** Returns the database. */
  TestDatabases.Db db() {
    return db;
  }

  /** Empties every table and returns a fixture over the database. */
  StorageFixture fresh() {
    asOwner(s -> {
      if (db.postgres()) {
        s.execute("TRUNCATE " + String.join(", ", TABLES));
      } else {
        for (String t : TABLES) {
          s.execute("DELETE FROM " + t);
        }
      }
      s.execute("UPDATE ops_audit_global SET gseq = 0, seal = ''");
      s.execute("UPDATE ops_outbox_sweep SET swept_up_to = NULL");
    });
    return new Fixture();
  }

  /** A statement run as the table owner, with the audit triggers off on PostgreSQL. */
  @FunctionalInterface
  interface OwnerWork {
    /** Runs the statements. */
    void run(Statement s) throws SQLException;
  }

  /** Runs {@code work} in one transaction with the audit log's triggers disabled, as a superuser could. */
  void asOwner(OwnerWork work) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        triggers(s, false);
        work.run(s);
        triggers(s, true);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String[][] H2_TRIGGERS = {{"ops_audit_append_only", "ops_audit"},
      {"ops_audit_head_forward", "ops_audit_head"}, {"ops_audit_global_forward", "ops_audit_global"}};

  /**
   * Disables or re-enables the audit tables' triggers as their owner can: {@code ALTER TABLE … DISABLE TRIGGER} on
   * PostgreSQL, dropping and re-creating them on H2.
   */
  void triggers(Statement s, boolean on) throws SQLException {
    if (db.postgres()) {
      for (String t : new String[] {"ops_audit", "ops_audit_head", "ops_audit_global"}) {
        s.execute("ALTER TABLE " + t + (on ? " ENABLE" : " DISABLE") + " TRIGGER USER");
      }
      return;
    }
    for (String[] t : H2_TRIGGERS) {
      s.execute(on ? "CREATE TRIGGER " + t[0] + " BEFORE UPDATE, DELETE ON " + t[1]
          + " FOR EACH ROW CALL 'org.opsbook.jdbc.internal.H2AuditTrigger'" : "DROP TRIGGER IF EXISTS " + t[0]);
    }
  }

  @Override
  public void close() {
    db.close();
  }

  private final class Fixture implements StorageFixture {
    @Override
    public AuditLog audit() {
      return ops.auditLog();
    }

    @Override
    public FaultRepository faults() {
      return ops.faults();
    }

    @Override
    public ObligationRepository obligations() {
      return ops.obligations();
    }

    @Override
    public WorkflowRepository workflows() {
      return ops.workflows();
    }

    @Override
    public MessageOutbox outbox() {
      return ops.outbox();
    }

    @Override
    public void changeAuditAction(String stream, long sequence, String action) {
      asOwner(s -> s.executeUpdate("UPDATE ops_audit SET action = '" + action + "' WHERE stream = '" + stream
          + "' AND seq = " + sequence));
    }

    @Override
    public void deleteAuditRecord(String stream, long sequence) {
      asOwner(s -> s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + stream + "' AND seq = " + sequence));
    }

    @Override
    public void swapAuditRecords(String stream, long a, long b) {
      String where = " WHERE stream = '" + stream + "' AND seq = ";
      asOwner(s -> {
        s.executeUpdate("UPDATE ops_audit SET seq = 999999999" + where + a);
        s.executeUpdate("UPDATE ops_audit SET seq = " + a + where + b);
        s.executeUpdate("UPDATE ops_audit SET seq = " + b + where + "999999999");
      });
    }
  }
}
