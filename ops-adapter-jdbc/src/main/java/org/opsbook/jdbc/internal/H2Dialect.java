package org.opsbook.jdbc.internal;

import java.sql.SQLException;
import org.opsbook.jdbc.spi.Dialect;

/** H2 2.x in PostgreSQL mode: {@code MERGE} upserts; claims select {@code FOR UPDATE SKIP LOCKED} then update. */
public final class H2Dialect implements Dialect {
  /** The one instance. */
  public static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String upsertObligation() {
    return "MERGE INTO ops_obligation o USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(60)),"
        + " CAST(? AS INTEGER), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR(20)),"
        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS BOOLEAN),"
        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS INTEGER), CAST(? AS VARCHAR),"
        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE)))"
        + " AS s (subject_id, rule_id, seq, actor, action, target, channel, duty_due_at, triggered_at, recurring,"
        + " due_at, attempts, last_error, run_at)"
        + " ON o.subject_id = s.subject_id AND o.rule_id = s.rule_id AND o.seq = s.seq"
        + " WHEN MATCHED THEN UPDATE SET actor = s.actor, action = s.action, target = s.target, channel = s.channel,"
        + " duty_due_at = s.duty_due_at, triggered_at = s.triggered_at, recurring = s.recurring, due_at = s.due_at,"
        + " attempts = s.attempts, last_error = s.last_error,"
        + " run_at = CASE WHEN o.lease_until IS NOT NULL AND o.lease_until > s.due_at THEN o.lease_until"
        + " ELSE s.due_at END"
        + " WHEN NOT MATCHED THEN INSERT (subject_id, rule_id, seq, actor, action, target, channel, duty_due_at,"
        + " triggered_at, recurring, due_at, attempts, last_error, run_at) VALUES (s.subject_id, s.rule_id, s.seq,"
        + " s.actor, s.action, s.target, s.channel, s.duty_due_at, s.triggered_at, s.recurring, s.due_at, s.attempts,"
        + " s.last_error, s.run_at)";
  }

  @Override
  public String insertOutboxIfAbsent() {
    return "MERGE INTO ops_outbox o USING (VALUES (CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(200)),"
        + " CAST(? AS VARCHAR(60)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
        + " CAST(? AS VARCHAR(10)), CAST(? AS INTEGER), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR),"
        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR(200)),"
        + " CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE)))"
        + " AS s (msg_key, fault_id, message_type, channel, text, recipients, state, attempts, next_attempt_at,"
        + " last_error, created_at, sent_at, receipt, owner, lease_until) ON o.msg_key = s.msg_key"
        + " WHEN NOT MATCHED THEN INSERT (msg_key, fault_id, message_type, channel, text, recipients, state, attempts,"
        + " next_attempt_at, last_error, created_at, sent_at, receipt, owner, lease_until) VALUES (s.msg_key,"
        + " s.fault_id, s.message_type, s.channel, s.text, s.recipients, s.state, s.attempts, s.next_attempt_at,"
        + " s.last_error, s.created_at, s.sent_at, s.receipt, s.owner, s.lease_until)";
  }

  @Override
  public String insertAuditHeadIfAbsent() {
    return "MERGE INTO ops_audit_head h USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS CHAR(64))))"
        + " AS s (stream, hash) ON h.stream = s.stream"
        + " WHEN NOT MATCHED THEN INSERT (stream, seq, hash) VALUES (s.stream, 0, s.hash)";
  }

  @Override
  public String updateReturning(String update, String columns) {
    return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    // object closed, connection broken, database closed, closed by the VM
    return state != null && (state.startsWith("08") || "90007".equals(state) || "90067".equals(state)
        || "90098".equals(state) || "90121".equals(state));
  }

  @Override
  public boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    // deadlock (40001), lock timeout (HYT00), concurrent update of a row (90131)
    return "40001".equals(state) || "HYT00".equals(state) || "90131".equals(state);
  }
}
