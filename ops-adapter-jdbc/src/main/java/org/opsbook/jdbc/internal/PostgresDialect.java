package org.opsbook.jdbc.internal;

import java.sql.SQLException;
import java.util.Optional;
import org.opsbook.jdbc.spi.Dialect;

/** PostgreSQL: {@code ON CONFLICT} upserts (a safe concurrent upsert, unlike {@code MERGE}) and one-statement claims. */
public final class PostgresDialect implements Dialect {
  /** The one instance. */
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String upsertObligation() {
    return "INSERT INTO ops_obligation " + COLUMNS + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (subject_id, rule_id, seq) DO UPDATE SET actor = EXCLUDED.actor, action = EXCLUDED.action,"
        + " target = EXCLUDED.target, channel = EXCLUDED.channel, duty_due_at = EXCLUDED.duty_due_at,"
        + " triggered_at = EXCLUDED.triggered_at, recurring = EXCLUDED.recurring, due_at = EXCLUDED.due_at,"
        + " attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,"
        + " run_at = CASE WHEN ops_obligation.lease_until IS NOT NULL AND ops_obligation.lease_until > EXCLUDED.due_at"
        + " THEN ops_obligation.lease_until ELSE EXCLUDED.due_at END";
  }

  @Override
  public Optional<String> upsertObligations(int rows) {
    // one multi-row statement: a single round trip and a single plan for a whole chunk of new timers
    String single = upsertObligation();
    String tuple = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    String values = String.join(",", java.util.Collections.nCopies(rows, tuple));
    return Optional.of(single.replace("VALUES " + tuple, "VALUES " + values));
  }

  private static final String COLUMNS = "(subject_id, rule_id, seq, actor, action, target, channel, duty_due_at,"
      + " triggered_at, recurring, due_at, attempts, last_error, run_at)";
  /**
   * The rows of the array upserts: one array per column, times as microseconds since the epoch (exact, and neither
   * formatted by the driver nor parsed by the server).
   */
  private static final String UNNEST = "SELECT u.s, u.r, u.q, u.a, u.ac, u.t, u.ch, " + micros("u.dd") + ", "
      + micros("u.ta") + ", u.rec, " + micros("u.due") + ", u.att, u.err, " + micros("u.run")
      + " FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS varchar[]),"
      + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS varchar[]), CAST(? AS bigint[]), CAST(? AS bigint[]),"
      + " CAST(? AS boolean[]), CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS bigint[]))"
      + " AS u (s, r, q, a, ac, t, ch, dd, ta, rec, due, att, err, run)";

  private static String micros(String column) {
    return "TIMESTAMPTZ 'epoch' + " + column + " * INTERVAL '1 microsecond'";
  }

  @Override
  public Optional<String> upsertObligationArrays() {
    return Optional.of(upsertObligation().replace("VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", UNNEST));
  }

  @Override
  public Optional<String> insertObligationArrays() {
    return Optional.of("INSERT INTO ops_obligation " + COLUMNS + " " + UNNEST);
  }

  @Override
  public Optional<String> completeObligationsArrays() {
    return Optional.of("WITH gone AS (DELETE FROM ops_obligation o USING unnest(CAST(? AS varchar[]),"
        + " CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS bigint[]), CAST(? AS varchar[]))"
        + " AS c (subject_id, rule_id, seq, lease_gen, owner) WHERE o.subject_id = c.subject_id"
        + " AND o.rule_id = c.rule_id AND o.seq = c.seq AND o.owner = c.owner AND o.lease_gen = c.lease_gen"
        + " RETURNING o.subject_id, o.rule_id, o.seq, o.owner)"
        + " INSERT INTO ops_obligation_done (subject_id, rule_id, seq, outcome, done_at, owner)"
        + " SELECT subject_id, rule_id, seq, 'FIRED', ?, owner FROM gone RETURNING subject_id, rule_id, seq");
  }

  @Override
  public String insertOutboxIfAbsent() {
    return "INSERT INTO ops_outbox (msg_key, fault_id, message_type, channel, text, recipients, state, attempts,"
        + " next_attempt_at, last_error, created_at, sent_at, receipt, owner, lease_until)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (msg_key) DO NOTHING";
  }

  @Override
  public String insertAuditHeadIfAbsent() {
    return "INSERT INTO ops_audit_head (stream, seq, hash) VALUES (?, 0, ?) ON CONFLICT (stream) DO NOTHING";
  }

  @Override
  public Optional<String> claimObligationsReturning() {
    return Optional.of("UPDATE ops_obligation SET owner = ?, lease_until = ?,"
        + " run_at = CASE WHEN due_at > ? THEN due_at ELSE ? END, lease_gen = lease_gen + 1"
        + " WHERE id IN (SELECT id FROM ops_obligation WHERE run_at <= ? AND due_at <= ?"
        + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY run_at LIMIT ?"
        + " FOR UPDATE SKIP LOCKED) RETURNING " + ObligationColumns.SELECT);
  }

  @Override
  public String updateReturning(String update, String columns) {
    return update + " RETURNING " + columns;
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    // connection exceptions, and the server ending the session (admin shutdown, crash shutdown, cannot connect now)
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  @Override
  public boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    // serialization_failure, deadlock_detected, lock_not_available
    return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
  }
}
