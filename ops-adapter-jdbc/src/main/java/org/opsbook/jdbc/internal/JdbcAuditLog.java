package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.OpsException;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/**
 * The audit log in {@code ops_audit}: each append locks its stream's head row ({@code ops_audit_head}, the registry
 * of streams) and then the global sequence ({@code ops_audit_global}), seals the entries after the head with the
 * host's {@link AuditChain} key, inserts them and moves the sealed head and global sequence, in the caller's
 * transaction. Streams are locked in name order, the global row last, so two writers never deadlock. Triggers (Java
 * triggers on H2) reject UPDATE and DELETE of the log and any backward move of a head or of the global sequence;
 * {@link #verify} names the first record that was changed, deleted, forged or reordered anyway (by the table owner
 * with the triggers disabled). No uniqueness on {@code (stream, seq)}: a junk row cannot block later appends.
 */
public final class JdbcAuditLog implements AuditLog {
  private static final String COLUMNS =
      "stream, seq, gseq, at, actor_id, action, from_state, to_state, rule_ids, details, prev_hash, hash";

  private final JdbcRunner runner;
  private final AuditChain chain;

  /** Creates the log over the runner's data source, sealing with {@code chain}'s key. */
  public JdbcAuditLog(JdbcRunner runner, AuditChain chain) {
    this.runner = runner;
    this.chain = chain;
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
    long global;

    Head(long seq, String hash) {
      this.seq = seq;
      this.hash = hash;
    }
  }

  /** Returns the data source the log is stored in. */
  DataSource dataSource() {
    return runner.dataSource();
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
    if (entries.size() == 1) {
      heads.put(entries.get(0).stream(), lockHead(c, entries.get(0).stream()));
    } else {
      for (String stream : new TreeSet<>(entries.stream().map(AuditEntry::stream).toList())) {
        heads.put(stream, lockHead(c, stream));
      }
    }
    long[] sealed = Sql.queryOne(c, "SELECT gseq, seal FROM ops_audit_global WHERE id = 1 FOR UPDATE",
        this::sealedGlobal).orElseThrow(() -> new SQLException("the audit log's global sequence row is missing"));
    long global = sealed[0];
    // once no record from before V3 is left (a new log, or one re-anchored), the counter is sealed as anchored, and
    // a record without a seal is a forgery that no re-anchoring or change of key will seal (AuditReanchor)
    boolean anchored = sealed[1] == 1 || !Sql.queryOne(c, "SELECT row_id FROM ops_audit WHERE gseq = 0 LIMIT 1",
        rs -> rs.getLong(1)).isPresent();
    List<AuditRecord> out = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      Head h = heads.get(e.stream());
      AuditRecord r = chain.seal(PersonalData.forStorage(e), h.seq + 1, ++global, h.hash);
      h.seq = r.sequence();
      h.hash = r.hash();
      h.global = r.globalSequence();
      out.add(r);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ops_audit (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      List<Object[]> rows = new ArrayList<>(out.size());
      for (AuditRecord r : out) {
        AuditEntry e = r.entry();
        rows.add(new Object[] {e.stream(), r.sequence(), r.globalSequence(), e.at(), e.actorId(), e.action(),
            Sql.text(e.fromState()), Sql.text(e.toState()), StoredJson.ruleIds(e.ruleIds()),
            StoredJson.details(e.details()), r.previousHash(), r.hash()});
      }
      execute(ps, rows);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ops_audit_head SET seq = ?, hash = ?, gseq = ?, seal = ? WHERE stream = ?")) {
      List<Object[]> rows = new ArrayList<>(heads.size());
      for (Map.Entry<String, Head> h : heads.entrySet()) {
        Head v = h.getValue();
        rows.add(new Object[] {v.seq, v.hash, v.global, chain.sealHead(h.getKey(), v.seq, v.hash, v.global),
            h.getKey()});
      }
      execute(ps, rows);
    }
    Sql.update(c, "UPDATE ops_audit_global SET gseq = ?, seal = ? WHERE id = 1", global,
        chain.sealGlobal(global, anchored));
    return out;
  }

  /**
   * Returns the global counter once its seal verifies under this log's key, and 1 when it is sealed as anchored (else
   * 0). A host still running on the old key after
   * the log was re-keyed, or a counter whose seal was changed, is refused here, in the transaction of the write it
   * audits, which then stores nothing: records sealed under another key would break every verification after them.
   */
  private long[] sealedGlobal(ResultSet rs) throws SQLException {
    long n = rs.getLong(1);
    String seal = rs.getString(2);
    if (!chain.sealsGlobal(n, seal)) {
      // SQLState 42501 (insufficient privilege): not retryable, so the refusal reaches the host at once
      // no quotes in the text: the redaction of database messages masks what stands between them
      throw new SQLException("the audit log does not verify under the audit key of this host (re-keyed since it"
          + " started, or its seal was changed); nothing was written", "42501");
    }
    return new long[] {n, chain.sealsAnchoredGlobal(n, seal) ? 1 : 0};
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
        "SELECT " + COLUMNS + " FROM ops_audit WHERE stream = ? ORDER BY seq, gseq", JdbcAuditLog::record, stream));
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

  private static Optional<AuditChain.Head> head(Connection c, String stream) throws SQLException {
    return Sql.queryOne(c, "SELECT stream, seq, hash, gseq, seal FROM ops_audit_head WHERE stream = ?",
        JdbcAuditLog::head, stream);
  }

  private static AuditChain.Head head(ResultSet rs) throws SQLException {
    return new AuditChain.Head(rs.getString("stream"), rs.getLong("seq"), rs.getString("hash"), rs.getLong("gseq"),
        rs.getString("seal"));
  }

  /** The stored rows of a stream, or the verification naming the first row that no longer decodes. */
  private static Map.Entry<List<AuditRecord>, Optional<AuditVerification>> rows(Connection c, String stream)
      throws SQLException {
    List<AuditRecord> records = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM ops_audit WHERE stream = ? ORDER BY seq, gseq")) {
      Sql.bind(ps, stream);
      try (ResultSet rs = ps.executeQuery()) {
        long expected = 1;
        while (rs.next()) {
          try {
            records.add(record(rs));
          } catch (OpsException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            // a row whose stored form no longer decodes was changed outside the log
            long seq = rs.getLong("seq");
            return new AbstractMap.SimpleEntry<>(records, Optional.of(AuditVerification.broken(stream,
                Math.max(1, Math.min(seq, expected)), "record does not decode (changed): " + e.getMessage())));
          }
          expected++;
        }
      }
    }
    return new AbstractMap.SimpleEntry<>(records, Optional.empty());
  }

  private AuditVerification verify(Connection c, String stream) throws SQLException {
    Map.Entry<List<AuditRecord>, Optional<AuditVerification>> rows = rows(c, stream);
    if (rows.getValue().isPresent()) {
      return rows.getValue().get();
    }
    return chain.verify(stream, rows.getKey(), head(c, stream));
  }

  @Override
  public AuditVerification verify(String stream) {
    return runner.read("verify audit", stream, c -> verify(c, stream));
  }

  @Override
  public List<AuditVerification> verifyAll() {
    return runner.read("verify audit log", "*", c -> {
      TreeSet<String> names = new TreeSet<>(Sql.query(c, "SELECT stream FROM ops_audit_head", rs -> rs.getString(1)));
      names.addAll(Sql.query(c, "SELECT DISTINCT stream FROM ops_audit", rs -> rs.getString(1)));
      List<AuditVerification> broken = new ArrayList<>();
      List<AuditVerification> intact = new ArrayList<>();
      for (String s : names) {
        AuditVerification v = verify(c, s);
        (v.intact() ? intact : broken).add(v);
      }
      globalGap(c).ifPresent(broken::add);
      broken.addAll(intact);
      return broken;
    });
  }

  /** Checks the global sequence: sealed, gap-free from 1 to its head, nothing beyond it. */
  private Optional<AuditVerification> globalGap(Connection c) throws SQLException {
    String g = "(global)";
    Optional<long[]> head = Sql.queryOne(c, "SELECT gseq, seal FROM ops_audit_global WHERE id = 1", rs -> {
      long n = rs.getLong(1);
      return new long[] {n, chain.sealsGlobal(n, rs.getString(2)) ? 1 : 0};
    });
    if (head.isEmpty()) {
      return Optional.of(AuditVerification.broken(g, 1, "the global sequence row is gone"));
    }
    long top = head.get()[0];
    if (head.get()[1] == 0) {
      return Optional.of(AuditVerification.broken(g, Math.max(1, top), "the global sequence does not match its seal"));
    }
    long expected = 1;
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT gseq FROM ops_audit ORDER BY gseq")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long n = rs.getLong(1);
          if (n > top) {
            return Optional.of(AuditVerification.broken(g, n, "global sequence " + n + " lies beyond the log's head ("
                + top + "): not appended by the log"));
          }
          if (n != expected) {
            return Optional.of(AuditVerification.broken(g, expected, "global sequence " + expected + " is missing (a"
                + " record deleted, a tail cut or a stream deleted with its head)"));
          }
          expected++;
        }
      }
    }
    if (expected <= top) {
      return Optional.of(AuditVerification.broken(g, expected, "global sequence " + expected + " to " + top
          + " are missing (the last records deleted)"));
    }
    return Optional.empty();
  }

  @Override
  public AuditCheckpoint checkpoint(Instant at) {
    return sealHeads("*", ALL_HEADS, (global, heads) -> chain.checkpoint(at, global, heads));
  }

  /**
   * Reads only the heads appended to since {@code previous} through the index on {@code ops_audit_head.gseq} (V8), so
   * the hourly checkpoint costs the streams that moved in the hour, not every stream of the year.
   */
  @Override
  public AuditCheckpoint checkpointAfter(AuditCheckpoint previous, Instant at) {
    return sealHeads("after " + previous.globalSequence(), CHANGED_HEADS,
        (global, changed) -> chain.checkpointAfter(previous, at, global, changed), previous.globalSequence());
  }

  private static final String ALL_HEADS = "SELECT stream, seq, hash, gseq, seal FROM ops_audit_head";
  /** The heads appended to after a global sequence: an index range scan of {@code ops_audit_head_gseq_idx}. */
  static final String CHANGED_HEADS = ALL_HEADS + " WHERE gseq > ?";

  /**
   * Reads the global sequence and the heads {@code headsSql} selects in one read-only transaction, and seals them
   * with {@code seal}: a full checkpoint or a delta.
   */
  private AuditCheckpoint sealHeads(String key, String headsSql,
      BiFunction<Long, Map<String, AuditChain.Head>, AuditCheckpoint> seal, Object... args) {
    return runner.read("checkpoint audit log", key, c -> {
      c.setAutoCommit(false);
      try {
        long global = Sql.queryOne(c, "SELECT gseq FROM ops_audit_global WHERE id = 1", rs -> rs.getLong(1))
            .orElse(0L);
        Map<String, AuditChain.Head> heads = new HashMap<>();
        for (AuditChain.Head h : Sql.query(c, headsSql, JdbcAuditLog::head, args)) {
          heads.put(h.stream(), h);
        }
        return seal.apply(global, heads);
      } finally {
        c.rollback();
      }
    });
  }

  @Override
  public List<AuditVerification> verifyAgainst(List<AuditCheckpoint> checkpoints) {
    return runner.read("verify audit against checkpoints", Integer.toString(checkpoints.size()),
        c -> chain.verifyChain(checkpoints, stored(c, checkpoints)::get));
  }

  @Override
  public List<AuditVerification> verifyAgainst(AuditCheckpoint checkpoint) {
    return runner.read("verify audit against checkpoint", checkpoint.at().toString(),
        c -> chain.verifyAgainst(checkpoint, stored(c, List.of(checkpoint))::get));
  }

  /** The stored rows and head of every stream the checkpoints name, each read once. */
  private static Map<String, Map.Entry<List<AuditRecord>, Optional<AuditChain.Head>>> stored(Connection c,
      List<AuditCheckpoint> checkpoints) throws SQLException {
    Map<String, Map.Entry<List<AuditRecord>, Optional<AuditChain.Head>>> read = new HashMap<>();
    for (AuditCheckpoint cp : checkpoints) {
      for (String s : cp.heads().keySet()) {
        if (!read.containsKey(s)) {
          read.put(s, new AbstractMap.SimpleEntry<>(rows(c, s).getKey(), head(c, s)));
        }
      }
    }
    return read;
  }

  static AuditRecord record(ResultSet rs) throws SQLException {
    AuditEntry e = AuditEntry.builder().stream(rs.getString("stream")).at(Sql.instant(rs, "at"))
        .actorId(rs.getString("actor_id")).action(rs.getString("action"))
        .fromState(Sql.optText(rs, "from_state")).toState(Sql.optText(rs, "to_state"))
        .addAllRuleIds(StoredJson.readRuleIds(rs.getString("rule_ids")))
        .putAllDetails(StoredJson.readDetails(rs.getString("details"))).build();
    return AuditRecord.builder().entry(e).sequence(rs.getLong("seq")).globalSequence(rs.getLong("gseq"))
        .previousHash(rs.getString("prev_hash"))
        .hash(rs.getString("hash")).build();
  }
}
