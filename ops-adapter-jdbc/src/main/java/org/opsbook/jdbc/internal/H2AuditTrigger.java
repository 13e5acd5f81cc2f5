package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2's append-only guard of the audit tables, as PostgreSQL's triggers do it: records are never updated or deleted;
 * a stream's head and the global sequence only move forward. Installed by the H2 migrations; H2 instantiates it.
 */
public final class H2AuditTrigger implements Trigger {
  private String table = "";

  /** Created by H2. */
  public H2AuditTrigger() {}

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    this.table = tableName.toLowerCase(Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (newRow != null && reanchoring(conn)) {
      // AuditReanchor re-seals records written before V3, in one transaction of the host holding the key
      return;
    }
    String op = newRow == null ? "DELETE" : "UPDATE";
    switch (table) {
      case "ops_audit_head" -> {
        // stream, seq, hash, gseq, seal
        if (newRow == null || !oldRow[0].equals(newRow[0]) || ((Number) newRow[1]).longValue()
            <= ((Number) oldRow[1]).longValue()) {
          throw refused("opsbook audit head only moves forward: " + op + " on ops_audit_head refused");
        }
      }
      case "ops_audit_global" -> {
        // id, gseq, seal
        if (newRow == null || ((Number) newRow[1]).longValue() <= ((Number) oldRow[1]).longValue()) {
          throw refused("opsbook audit sequence only moves forward: " + op + " on ops_audit_global refused");
        }
      }
      default -> throw refused("opsbook audit log is append-only: " + op + " on " + table + " refused");
    }
  }

  private static boolean reanchoring(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT " + AuditReanchor.H2_BYPASS)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static SQLException refused(String message) {
    return new SQLException(message, "42501");
  }
}
