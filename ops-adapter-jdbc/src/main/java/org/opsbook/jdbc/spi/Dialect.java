package org.opsbook.jdbc.spi;

import java.sql.SQLException;

/**
 * What differs between the databases opsbook runs on (SPI): where the migrations live, how an upsert or an
 * insert-if-absent is written ({@code ON CONFLICT} on PostgreSQL, {@code MERGE} on H2), whether a claim can lock and
 * return its rows in one statement, and which SQL states mean "retry the transaction". PostgreSQL and H2 are built
 * in ({@link org.opsbook.jdbc.OpsJdbc#postgresql()}, {@link org.opsbook.jdbc.OpsJdbc#h2()}); implement this for
 * another database and pass it to {@link org.opsbook.jdbc.OpsJdbc#create(javax.sql.DataSource, Dialect)}.
 */
public interface Dialect {
  /** The dialect's name, e.g. {@code postgresql}. */
  String name();

  /** The classpath folder of the dialect's Flyway migrations, e.g. {@code db/opsbook/postgresql}. */
  default String migrationLocation() {
    return "db/opsbook/" + name();
  }

  /**
   * Inserts an obligation or replaces the pending one with the same key, keeping a live lease: 14 parameters in the
   * order subject_id, rule_id, seq, actor, action, target, channel, duty_due_at, triggered_at, recurring, due_at,
   * attempts, last_error, run_at.
   */
  String upsertObligation();

  /**
   * Returns one statement that upserts {@code rows} obligations at once (the parameters of
   * {@link #upsertObligation()} repeated per row, keys distinct), or empty when the dialect upserts row by row in a
   * JDBC batch.
   */
  default java.util.Optional<String> upsertObligations(int rows) {
    return java.util.Optional.empty();
  }

  /**
   * Returns one statement that upserts any number of obligations from 14 array parameters, one per column in the
   * order of {@link #upsertObligation()} (bound by {@link java.sql.Connection#createArrayOf}: {@code text} arrays for
   * text, {@code int8} arrays of microseconds since the epoch for times, {@code int4} and {@code bool} arrays for the
   * rest; keys distinct), or empty when
   * the dialect has no such statement. A small statement whose plan is reused, where a multi-row {@code VALUES}
   * is parsed and planned anew for every chunk.
   */
  default java.util.Optional<String> upsertObligationArrays() {
    return java.util.Optional.empty();
  }

  /**
   * Returns the plain insert of {@link #upsertObligationArrays()} (same parameters, no conflict handling; it fails
   * with a unique violation when a key exists), or empty. Scheduling new keys, the common case, tries it first in a
   * transaction of its own, undone when a key exists: a plain insert skips the speculative insertion an upsert makes
   * per row.
   */
  default java.util.Optional<String> insertObligationArrays() {
    return java.util.Optional.empty();
  }

  /**
   * Returns one statement that completes claimed obligations: deletes each pending row still held by its claim (key,
   * owner, generation), records it fired in {@code ops_obligation_done} and returns the completed keys
   * ({@code subject_id, rule_id, seq}); or empty when the dialect completes them in JDBC batches. Parameters: five
   * arrays (bound by {@link java.sql.Connection#createArrayOf}: {@code text} subject IDs, {@code text} rule IDs,
   * {@code int4} sequences, {@code int8} generations, {@code text} owners), then the fired-at time. Being a single
   * statement it is atomic on its own and runs in auto-commit: one round trip, its commit included.
   */
  default java.util.Optional<String> completeObligationsArrays() {
    return java.util.Optional.empty();
  }

  /**
   * Inserts an outbox row unless its key exists: 15 parameters in the column order of {@code ops_outbox} (msg_key,
   * fault_id, message_type, channel, text, recipients, state, attempts, next_attempt_at, last_error, created_at,
   * sent_at, receipt, owner, lease_until).
   */
  String insertOutboxIfAbsent();

  /** Inserts a stream's audit head at sequence 0 unless it exists: parameters stream, genesis hash. */
  String insertAuditHeadIfAbsent();

  /**
   * Returns a single statement that leases due obligations under the next generation ({@code lease_gen + 1}) and
   * returns them with {@code lease_gen}, or empty when the dialect must select {@code FOR UPDATE SKIP LOCKED} and
   * update in two steps. Parameters: owner, lease_until, lease_until twice (run_at becomes the later of due_at and
   * lease_until), the run_at scan bound, the due-by time, the lease-lapse time, limit.
   */
  default java.util.Optional<String> claimObligationsReturning() {
    return java.util.Optional.empty();
  }

  /**
   * Returns a query that runs {@code update} and returns {@code columns} of the rows it changed, in one statement:
   * {@code UPDATE … RETURNING} on PostgreSQL, {@code SELECT … FROM FINAL TABLE (UPDATE …)} on H2.
   */
  String updateReturning(String update, String columns);

  /** Returns true when retrying the whole transaction may succeed: a serialization failure, deadlock or lock timeout. */
  boolean isRetryable(SQLException e);

  /** Returns true when the connection was lost: the outcome of a commit in flight is unknown. */
  default boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /** Returns true for a unique or primary-key violation. */
  default boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
