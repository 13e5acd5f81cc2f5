package org.opsbook.jdbc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.Hashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.spi.AuditLog.AuditVerification;

/**
 * Re-anchors an audit log whose oldest records were written before the anchored-audit migration (V3): those records
 * carry a plain SHA-256 chain (no key, no global sequence: {@code gseq = 0}) that anyone can recompute. The host, which
 * holds the audit key the database does not, first verifies the whole log as it stands (the old SHA-256 chain of the
 * records before V3, the keyed seals of those after, each stream against its head, the global sequence) and refuses,
 * changing nothing, at the first record that does not check out. Otherwise it numbers every record in one global
 * sequence (the old records first, merged in time order, then the newer ones in their order) and seals every record,
 * head and the global counter under the key, in one transaction with the append-only triggers lifted for that
 * transaction alone (PostgreSQL: {@code ALTER TABLE … DISABLE TRIGGER}, which needs the tables' owner; H2: a session
 * variable the Java trigger honours). Run it once, while no host appends.
 */
public final class AuditReanchor {
  /** The H2 session variable under which {@link H2AuditTrigger} lets the re-anchoring rewrite seals. */
  static final String H2_BYPASS = "@opsbook_reanchor_audit";

  private static final String COLUMNS = "row_id, stream, seq, gseq, at, actor_id, action, from_state, to_state,"
      + " rule_ids, details, prev_hash, hash";

  private final JdbcRunner runner;
  /** The key the log's sealed records are verified under. */
  private final AuditChain from;
  /** The key every record is sealed under afterwards. */
  private final AuditChain chain;

  /** Creates the operation over the runner's data source, verifying and sealing with {@code chain}'s key. */
  public AuditReanchor(JdbcRunner runner, AuditChain chain) {
    this(runner, chain, chain);
  }

  /**
   * Creates the operation over the runner's data source, verifying the records sealed since V3 under {@code from}'s
   * key and sealing every record under {@code to}'s: a change of key, as from the published demo key to the host's.
   */
  public AuditReanchor(JdbcRunner runner, AuditChain from, AuditChain to) {
    this.runner = runner;
    this.from = from;
    this.chain = to;
  }

  /** One stored row: its identity and the record it decodes to. */
  private record Row(long rowId, AuditRecord record) {}

  /**
   * Verifies and re-seals the log.
   *
   * @return nothing when no record predates V3; otherwise one verification per stream: all intact when the log was
   *     re-sealed, or the broken ones first (naming the first bad record) when it was refused and left unchanged
   */
  public List<AuditVerification> run() {
    return runner.inTransaction("re-anchor audit log", "*", c -> run(c, false));
  }

  /**
   * Verifies the whole log under the old key (and the records before V3 by their SHA-256) and re-seals every record,
   * head and the global counter under the new one, keeping each record's global sequence (numbering the records
   * before V3 first, as {@link #run()} does).
   *
   * @return nothing when the log is empty; otherwise one verification per stream: all intact when the log was
   *     re-sealed, or the broken ones first (naming the first bad record) when it was refused and left unchanged
   */
  public List<AuditVerification> rekey() {
    return runner.inTransaction("re-key audit log", "*", c -> run(c, true));
  }

  private List<AuditVerification> run(Connection c, boolean everyRecord) throws SQLException {
    boolean postgres = "postgresql".equals(runner.dialect().name());
    Map<String, AuditChain.Head> heads = new TreeMap<>();
    for (AuditChain.Head h : Sql.query(c, "SELECT stream, seq, hash, gseq, seal FROM ops_audit_head ORDER BY stream"
        + " FOR UPDATE", rs -> new AuditChain.Head(rs.getString(1), rs.getLong(2), rs.getString(3).trim(),
            rs.getLong(4), rs.getString(5)))) {
      heads.put(h.stream(), h);
    }
    long[] global = Sql.queryOne(c, "SELECT gseq, seal FROM ops_audit_global WHERE id = 1 FOR UPDATE",
        rs -> new long[] {rs.getLong(1), from.sealsGlobal(rs.getLong(1), rs.getString(2)) ? 1 : 0,
            from.sealsAnchoredGlobal(rs.getLong(1), rs.getString(2)) ? 1 : 0})
        .orElseThrow(() -> new SQLException("the audit log's global sequence row is missing"));
    String toDo = everyRecord ? "SELECT count(*) FROM ops_audit" : "SELECT count(*) FROM ops_audit WHERE gseq = 0";
    if (Sql.queryOne(c, toDo, rs -> rs.getLong(1)).orElse(0L) == 0) {
      return List.of();
    }
    Map<String, List<Row>> streams = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ops_audit ORDER BY stream, seq,"
        + " row_id"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row row = new Row(rs.getLong("row_id"), JdbcAuditLog.record(rs));
        streams.computeIfAbsent(row.record().stream(), s -> new ArrayList<>()).add(row);
      }
    }
    List<AuditVerification> broken = new ArrayList<>();
    List<AuditVerification> intact = new ArrayList<>();
    for (Map.Entry<String, List<Row>> s : streams.entrySet()) {
      AuditVerification v = global[2] == 1 ? unsealedInAnchoredLog(s.getKey(), s.getValue())
          .orElseGet(() -> verify(s.getKey(), s.getValue(), Optional.ofNullable(heads.get(s.getKey()))))
          : verify(s.getKey(), s.getValue(), Optional.ofNullable(heads.get(s.getKey())));
      (v.intact() ? intact : broken).add(v);
    }
    verifyGlobal(streams, global).ifPresent(broken::add);
    if (!broken.isEmpty()) {
      broken.addAll(intact);
      return broken;
    }
    reseal(c, postgres, streams, global[0]);
    return intact;
  }

  /**
   * Verifies one stream as it stands: sequences 1, 2, 3 … without gaps or extra rows; the records written before V3
   * (global sequence 0) first, each linked to the previous hash and matching its SHA-256; the later ones sealed under
   * the key; the last record the one the head names.
   */
  private AuditVerification verify(String stream, List<Row> rows, Optional<AuditChain.Head> head) {
    String previous = AuditChain.GENESIS;
    long lastGlobal = 0;
    boolean anchored = false;
    long expected = 1;
    for (Row row : rows) {
      AuditRecord r = row.record();
      if (r.sequence() != expected) {
        return AuditVerification.broken(stream, Math.min(expected, r.sequence()), r.sequence() < expected
            ? "more than one row at sequence " + r.sequence() + " (forged or junk)"
            : "expected sequence " + expected + " but found " + r.sequence() + " (deleted or renumbered)");
      }
      if (!r.previousHash().equals(previous)) {
        return AuditVerification.broken(stream, r.sequence(), "previous hash does not match record "
            + (r.sequence() - 1) + " (a record was changed, deleted, inserted or reordered)");
      }
      if (r.globalSequence() == 0) {
        if (anchored) {
          return AuditVerification.broken(stream, r.sequence(), "an unsealed record after a sealed one (forged)");
        }
        if (!legacyHash(r.entry(), r.sequence(), r.previousHash()).equals(r.hash())) {
          return AuditVerification.broken(stream, r.sequence(), "SHA-256 does not match the contents of this record"
              + " written before V3 (changed)");
        }
      } else {
        anchored = true;
        if (r.globalSequence() <= lastGlobal
            || !from.hash(r.entry(), r.sequence(), r.globalSequence(), r.previousHash()).equals(r.hash())) {
          return AuditVerification.broken(stream, r.sequence(), "seal does not match contents under the audit key"
              + " (changed, forged, or sealed under another key)");
        }
        lastGlobal = r.globalSequence();
      }
      previous = r.hash();
      expected++;
    }
    long count = expected - 1;
    if (head.isEmpty()) {
      return AuditVerification.broken(stream, 1, "the stream has records but no head (head deleted)");
    }
    AuditChain.Head h = head.get();
    if (h.globalSequence() > 0
        && !from.sealHead(stream, h.sequence(), h.hash(), h.globalSequence()).equals(h.seal())) {
      return AuditVerification.broken(stream, Math.max(1, Math.min(h.sequence(), count + 1)),
          "the stream's head does not match its seal (head changed)");
    }
    if (count < h.sequence()) {
      return AuditVerification.broken(stream, count + 1, "record " + (count + 1) + " and after are missing"
          + " (deleted); the head names " + h.sequence());
    }
    if (count > h.sequence()) {
      return AuditVerification.broken(stream, h.sequence() + 1, "record " + (h.sequence() + 1) + " lies beyond the"
          + " head (" + h.sequence() + "): not appended by the log");
    }
    if (!previous.equals(h.hash())) {
      return AuditVerification.broken(stream, count, "the last record is not the one the head names");
    }
    return AuditVerification.ok(stream, count, Optional.of(previous));
  }

  /**
   * In a log whose global counter is sealed as anchored (no record from before V3 was left when it was sealed), a
   * record without a seal was inserted since by someone without the key: names the first, which nothing may seal.
   */
  private static Optional<AuditVerification> unsealedInAnchoredLog(String stream, List<Row> rows) {
    return rows.stream().filter(r -> r.record().globalSequence() == 0).findFirst()
        .map(r -> AuditVerification.broken(stream, r.record().sequence(), "a record without a seal (global sequence"
            + " 0) in a log anchored since: inserted without the key (forged), and not sealed now"));
  }

  /** The records written after V3 number 1 … the sealed global counter, each once. */
  private static Optional<AuditVerification> verifyGlobal(Map<String, List<Row>> streams, long[] global) {
    String g = "(global)";
    if (global[0] > 0 && global[1] == 0) {
      return Optional.of(AuditVerification.broken(g, global[0], "the global sequence does not match its seal"));
    }
    long[] seen = streams.values().stream().flatMap(List::stream).mapToLong(r -> r.record().globalSequence())
        .filter(n -> n > 0).sorted().toArray();
    for (int i = 0; i < seen.length; i++) {
      if (seen[i] != i + 1) {
        return Optional.of(AuditVerification.broken(g, i + 1, "global sequence " + (i + 1) + " is missing or"
            + " repeated"));
      }
    }
    if (seen.length != global[0]) {
      return Optional.of(AuditVerification.broken(g, seen.length + 1L, "the global counter (" + global[0]
          + ") does not match the records (" + seen.length + ")"));
    }
    return Optional.empty();
  }

  /** Numbers and seals every record, head and the global counter under the key. */
  private void reseal(Connection c, boolean postgres, Map<String, List<Row>> streams, long sealedBefore) throws SQLException {
    // the records before V3 first, merged across streams in time order (each stream's own order kept), then the
    // later ones in their global order
    Map<Long, Long> newGlobal = new HashMap<>();
    long next = 0;
    PriorityQueue<List<Row>> queue = new PriorityQueue<>(Comparator
        .comparing((List<Row> l) -> l.get(0).record().entry().at())
        .thenComparing(l -> l.get(0).record().stream()));
    for (List<Row> rows : streams.values()) {
      List<Row> old = new ArrayList<>(rows.stream().filter(r -> r.record().globalSequence() == 0).toList());
      if (!old.isEmpty()) {
        queue.add(old);
      }
    }
    while (!queue.isEmpty()) {
      List<Row> l = queue.poll();
      newGlobal.put(l.remove(0).rowId(), ++next);
      if (!l.isEmpty()) {
        queue.add(l);
      }
    }
    long oldCount = next;
    for (List<Row> rows : streams.values()) {
      for (Row r : rows) {
        if (r.record().globalSequence() > 0) {
          newGlobal.put(r.rowId(), oldCount + r.record().globalSequence());
        }
      }
    }
    liftTriggers(c, postgres, true);
    Map<String, AuditChain.Head> sealed = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ops_audit SET gseq = ?, prev_hash = ?, hash = ? WHERE row_id = ?")) {
      for (Map.Entry<String, List<Row>> s : streams.entrySet()) {
        String previous = AuditChain.GENESIS;
        long seq = 0;
        long g = 0;
        for (Row row : s.getValue()) {
          AuditRecord r = row.record();
          g = newGlobal.get(row.rowId());
          String hash = chain.hash(r.entry(), r.sequence(), g, previous);
          Sql.bind(ps, g, previous, hash, row.rowId());
          ps.addBatch();
          previous = hash;
          seq = r.sequence();
        }
        sealed.put(s.getKey(), new AuditChain.Head(s.getKey(), seq, previous, g,
            chain.sealHead(s.getKey(), seq, previous, g)));
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ops_audit_head SET hash = ?, gseq = ?, seal = ? WHERE stream = ?")) {
      for (AuditChain.Head h : sealed.values()) {
        Sql.bind(ps, h.hash(), h.globalSequence(), h.seal(), h.stream());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    long top = oldCount + sealedBefore;
    Sql.update(c, "UPDATE ops_audit_global SET gseq = ?, seal = ? WHERE id = 1", top, chain.sealGlobal(top, true));
    liftTriggers(c, postgres, false);
  }

  /** Lifts (or restores) the append-only triggers for this transaction. */
  private static void liftTriggers(Connection c, boolean postgres, boolean lift) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (postgres) {
        String how = lift ? "DISABLE" : "ENABLE";
        s.execute("ALTER TABLE ops_audit " + how + " TRIGGER ops_audit_no_update_delete");
        s.execute("ALTER TABLE ops_audit_head " + how + " TRIGGER ops_audit_head_forward");
        // a change of key re-seals the global counter at the same number, which the trigger refuses
        s.execute("ALTER TABLE ops_audit_global " + how + " TRIGGER ops_audit_global_forward");
      } else {
        s.execute("SET " + H2_BYPASS + " = " + (lift ? "TRUE" : "NULL"));
      }
    }
  }

  /** The plain SHA-256 of a record as the log sealed it before V3 (no key, no global sequence). */
  static String legacyHash(AuditEntry e, long sequence, String previousHash) {
    return Hashing.sha256().hashString(AuditChain.legacyCanonical(e, sequence, previousHash), UTF_8).toString();
  }
}
