package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.opsbook.core.AuditChain;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.AuditVerification;
import org.opsbook.core.OpsException;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/**
 * The audit log in {@code ops_audit}: each append locks its stream's head row ({@code ops_audit_head}), seals the
 * entries after the head with {@link AuditChain}, inserts them and moves the head, in the caller's transaction. Streams
 * are locked in name order so two writers never deadlock. On PostgreSQL a trigger rejects UPDATE, DELETE and TRUNCATE
 * of the log and any backward move of a head; {@link #verify} names the first record that was changed, deleted or
 * reordered anyway (by a superuser).
 */
public final class JdbcAuditLog implements AuditLog {
  private static final String COLUMNS =
      "stream, seq, at, actor_id, action, from_state, to_state, rule_ids, details, prev_hash, hash";

  private final JdbcRunner runner;

  /** Creates the log over the runner's data source. */
  public JdbcAuditLog(JdbcRunner runner) {
    this.runner = runner;
  }

  @Override
  public AuditRecord append(AuditEntry entry) {
    return appendAll(List.of(entry)).get(0);
  }

  @Override
  public List<AuditRecord> appendAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    return runner.inTransaction("append audit", entries.get(0).stream(), c -> appendAll(c, entries));
  }

  /** The head of a stream as locked for an append. */
  private static final class Head {
    long seq;
    String hash;

    Head(long seq, String hash) {
      this.seq = seq;
      this.hash = hash;
    }
  }

  /**
   * Seals and stores {@code entries} in the transaction of {@code c}; for repositories that seal audit with their own
   * writes.
   */
  public List<AuditRecord> appendAll(Connection c, List<AuditEntry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return List.of();
    }
    Map<String, Head> heads = new HashMap<>();
    for (String stream : new TreeSet<>(entries.stream().map(AuditEntry::stream).toList())) {
      heads.put(stream, lockHead(c, stream));
    }
    List<AuditRecord> out = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      Head h = heads.get(e.stream());
      AuditRecord r = AuditChain.seal(PersonalData.forStorage(e), h.seq + 1, h.hash);
      h.seq = r.sequence();
      h.hash = r.hash();
      out.add(r);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ops_audit (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      List<Object[]> rows = new ArrayList<>(out.size());
      for (AuditRecord r : out) {
        AuditEntry e = r.entry();
        rows.add(new Object[] {e.stream(), r.sequence(), e.at(), e.actorId(), e.action(), Sql.text(e.fromState()),
            Sql.text(e.toState()), StoredJson.ruleIds(e.ruleIds()), StoredJson.details(e.details()),
            r.previousHash(), r.hash()});
      }
      execute(ps, rows);
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE ops_audit_head SET seq = ?, hash = ? WHERE stream = ?")) {
      List<Object[]> rows = new ArrayList<>(heads.size());
      for (Map.Entry<String, Head> h : heads.entrySet()) {
        rows.add(new Object[] {h.getValue().seq, h.getValue().hash, h.getKey()});
      }
      execute(ps, rows);
    }
    return out;
  }

  /** Runs one row as a plain update (one round trip, no batch overhead) and several as a batch. */
  private static void execute(PreparedStatement ps, List<Object[]> rows) throws SQLException {
    if (rows.size() == 1) {
      Sql.bind(ps, rows.get(0));
      ps.executeUpdate();
      return;
    }
    for (Object[] row : rows) {
      Sql.bind(ps, row);
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private Head lockHead(Connection c, String stream) throws SQLException {
    String sql = "SELECT seq, hash FROM ops_audit_head WHERE stream = ? FOR UPDATE";
    Optional<Head> head = Sql.queryOne(c, sql, rs -> new Head(rs.getLong(1), rs.getString(2)), stream);
    if (head.isPresent()) {
      return head.get();
    }
    try {
      if (Sql.update(c, runner.dialect().insertAuditHeadIfAbsent(), stream, AuditChain.GENESIS) == 1) {
        // the new head row is ours (locked by the insert) until commit: no need to read it back
        return new Head(0, AuditChain.GENESIS);
      }
    } catch (SQLException e) {
      // H2's MERGE may lose a race with another first append; the row exists now, which is all we need
      if (!runner.dialect().isUniqueViolation(e)) {
        throw e;
      }
    }
    return Sql.queryOne(c, sql, rs -> new Head(rs.getLong(1), rs.getString(2)), stream)
        .orElseThrow(() -> new SQLException("audit head of " + stream + " vanished"));
  }

  @Override
  public List<AuditRecord> read(String stream) {
    return runner.read("read audit", stream, c -> Sql.query(c,
        "SELECT " + COLUMNS + " FROM ops_audit WHERE stream = ? ORDER BY seq", JdbcAuditLog::record, stream));
  }

  @Override
  public List<AuditRecord> readPeriod(Instant from, Instant to) {
    List<AuditRecord> out = new ArrayList<>(runner.read("read audit period", from + "/" + to, c -> Sql.query(c,
        "SELECT " + COLUMNS + " FROM ops_audit WHERE at >= ? AND at < ?", JdbcAuditLog::record, from, to)));
    // sorted here, not in SQL, so the order is Java's string order whatever the database collation
    out.sort(Comparator.comparing(AuditRecord::stream).thenComparingLong(AuditRecord::sequence));
    return out;
  }

  @Override
  public List<String> streams() {
    List<String> out = new ArrayList<>(runner.read("list audit streams", "*", c -> Sql.query(c,
        "SELECT stream FROM ops_audit_head", rs -> rs.getString(1))));
    out.sort(Comparator.naturalOrder());
    return out;
  }

  @Override
  public AuditVerification verify(String stream) {
    return runner.read("verify audit", stream, c -> {
      long sealed = Sql.queryOne(c, "SELECT seq FROM ops_audit_head WHERE stream = ?", rs -> rs.getLong(1), stream)
          .orElse(0L);
      List<AuditRecord> records = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM ops_audit WHERE stream = ? ORDER BY seq")) {
        Sql.bind(ps, stream);
        try (ResultSet rs = ps.executeQuery()) {
          long expected = 1;
          while (rs.next()) {
            try {
              records.add(record(rs));
            } catch (OpsException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
              // a row whose stored form no longer decodes was changed outside the log
              long seq = rs.getLong("seq");
              return AuditVerification.broken(stream, Math.min(seq, expected),
                  "record does not decode (changed): " + e.getMessage());
            }
            expected++;
          }
        }
      }
      return AuditChain.verify(stream, records, sealed);
    });
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    AuditEntry e = AuditEntry.builder().stream(rs.getString("stream")).at(Sql.instant(rs, "at"))
        .actorId(rs.getString("actor_id")).action(rs.getString("action"))
        .fromState(Sql.optText(rs, "from_state")).toState(Sql.optText(rs, "to_state"))
        .addAllRuleIds(StoredJson.readRuleIds(rs.getString("rule_ids")))
        .putAllDetails(StoredJson.readDetails(rs.getString("details"))).build();
    return AuditRecord.builder().entry(e).sequence(rs.getLong("seq")).previousHash(rs.getString("prev_hash"))
        .hash(rs.getString("hash")).build();
  }
}
