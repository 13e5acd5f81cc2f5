package org.opsbook.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.jdbc.internal.Sql;
import org.opsbook.jdbc.internal.StoredJson;

/**
 * Re-anchoring a log whose first records were written before the anchored-audit migration (V3), as a deployment that
 * upgrades finds it: the schema at V2, records chained with plain SHA-256 (computed here as the log computed them
 * then), the migrations to V3 and later, records appended since under the host key; then
 * {@link OpsJdbc#reanchorAudit()}. Run on H2 and on PostgreSQL.
 */
abstract class AuditReanchorContract {
  private static final byte[] KEY = "host audit key for the re-anchoring tests, 32+ bytes".getBytes(UTF_8);
  private static final byte[] OTHER_KEY = "another host's audit key, also 32 bytes or more".getBytes(UTF_8);
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final String A = "workflow:DM-1";
  private static final String B = "workflow:DM-2";
  private static final String C = "fault:F-9";

  private TestDatabases.Db db;

  /** A fresh, empty database of the dialect under test. */
  protected abstract TestDatabases.Db freshDatabase();

  @BeforeEach
  void schemaAtV2() {
    db = freshDatabase();
    Flyway.configure(getClass().getClassLoader()).dataSource(db.dataSource())
        .locations("classpath:" + OpsJdbc.create(db.dataSource()).dialect().migrationLocation())
        .table(OpsJdbc.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").target("2").load().migrate();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private static AuditEntry entry(String stream, int i) {
    return AuditEntry.builder().stream(stream).at(T0.plusSeconds(60L * i + stream.length())).actorId("li")
        .action("step" + i).fromState("A").toState("B")
        .putDetail("n", Integer.toString(i)).putDetail("by", "zhangsan").build();
  }

  /** SHA-256 over the previous hash, the sequence and the entry, length-prefixed: the chain as written before V3. */
  private static String sha256Chain(AuditEntry e, long seq, String previous) {
    StringBuilder sb = new StringBuilder();
    List<String> fields = new ArrayList<>(List.of(previous, Long.toString(seq), e.stream(), e.at().toString(),
        e.actorId(), e.action(), e.fromState().orElse(""), e.toState().orElse(""),
        Integer.toString(e.ruleIds().size())));
    e.ruleIds().forEach(id -> fields.add(id.value()));
    fields.add(Integer.toString(e.details().size()));
    for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet()) {
      fields.add(d.getKey());
      fields.add(d.getValue());
    }
    fields.forEach(f -> sb.append(f.length()).append(':').append(f).append(';'));
    return Hashing.sha256().hashString(sb.toString(), UTF_8).toString();
  }

  /**
   * Writes {@code count} records of {@code stream} as the log did before V3 and its head at {@code headSeq}; the record
   * at {@code changedSeq} (0 for none) is stored with another action than the one its hash covers.
   */
  private List<AuditEntry> writeBeforeV3(String stream, int count, long headSeq, int changedSeq) throws SQLException {
    List<AuditEntry> out = new ArrayList<>();
    String previous = "0".repeat(64);
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ops_audit (stream, seq, at, actor_id, action, from_state, to_state, rule_ids, details,"
            + " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      String headHash = previous;
      for (int i = 1; i <= count; i++) {
        AuditEntry e = entry(stream, i);
        String hash = sha256Chain(e, i, previous);
        Sql.bind(ps, stream, (long) i, e.at(), e.actorId(), i == changedSeq ? "step" + i + " (changed)" : e.action(),
            "A", "B", StoredJson.ruleIds(e.ruleIds()), StoredJson.details(e.details()), previous, hash);
        ps.executeUpdate();
        out.add(e);
        previous = hash;
        if (i == headSeq) {
          headHash = hash;
        }
      }
      Sql.update(c, "INSERT INTO ops_audit_head (stream, seq, hash) VALUES (?, ?, ?)", stream, headSeq, headHash);
    }
    return out;
  }

  private OpsJdbc upgrade() {
    OpsJdbc.migrate(db.dataSource());
    return OpsJdbc.create(db.dataSource()).withAuditKey(KEY);
  }

  private List<String> storedSeals() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      out.addAll(Sql.query(c, "SELECT stream || '/' || seq || '/' || gseq || '/' || hash FROM ops_audit"
          + " ORDER BY stream, seq", rs -> rs.getString(1)));
      out.addAll(Sql.query(c, "SELECT stream || '/' || seq || '/' || hash || '/' || seal FROM ops_audit_head"
          + " ORDER BY stream", rs -> rs.getString(1)));
    }
    return out;
  }

  /** Whether the global counter is sealed under the host key as anchored: no record from before V3 is accepted. */
  private boolean sealedAsAnchored() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      return Sql.queryOne(c, "SELECT gseq, seal FROM ops_audit_global WHERE id = 1",
          rs -> AuditChain.withKey(KEY).sealsAnchoredGlobal(rs.getLong(1), rs.getString(2))).orElseThrow();
    }
  }

  private static void refusedAt(List<AuditVerification> result, String stream, long seq) {
    assertThat(result).isNotEmpty();
    AuditVerification first = result.get(0);
    assertThat(first.intact()).as("refused: %s", result).isFalse();
    assertThat(first.stream()).isEqualTo(stream);
    assertThat(first.firstBrokenSequence()).as("located: %s", first.problem()).contains(seq);
  }

  @Test
  void aLogWrittenBeforeV3IsReanchoredUnderTheHostKeyAndThenVerifies() throws SQLException {
    List<AuditEntry> a = writeBeforeV3(A, 5, 5, 0);
    List<AuditEntry> b = writeBeforeV3(B, 3, 3, 0);
    OpsJdbc ops = upgrade();
    AuditLog log = ops.auditLog();
    // appends after the upgrade chain on from the old heads, sealed under the key
    a.add(log.append(entry(A, 6)).entry());
    a.add(log.append(entry(A, 7)).entry());
    List<AuditEntry> c = new ArrayList<>(List.of(log.append(entry(C, 1)).entry(), log.append(entry(C, 2)).entry()));
    assertThat(log.verifyAll().get(0).intact()).as("before: the SHA-256 records do not verify under the key")
        .isFalse();
    assertThat(sealedAsAnchored()).as("records from before V3 are left: not anchored yet").isFalse();

    List<AuditVerification> result = ops.reanchorAudit();

    assertThat(result).extracting(AuditVerification::stream).containsExactlyInAnyOrder(A, B, C);
    assertThat(result).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(result).filteredOn(v -> v.stream().equals(A)).singleElement()
        .extracting(AuditVerification::recordCount).isEqualTo(7L);
    assertThat(log.verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("after: %s", v).isTrue());
    assertThat(log.read(A)).extracting(AuditRecord::entry).containsExactlyElementsOf(a);
    assertThat(log.read(B)).extracting(AuditRecord::entry).containsExactlyElementsOf(b);
    assertThat(log.read(C)).extracting(AuditRecord::entry).containsExactlyElementsOf(c);
    List<Long> globals = new ArrayList<>();
    for (String s : List.of(A, B, C)) {
      log.read(s).forEach(r -> globals.add(r.globalSequence()));
    }
    assertThat(globals).as("one global sequence over all records").containsExactlyInAnyOrder(
        1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(log.read(A).get(5).globalSequence()).as("the records before V3 come first").isGreaterThan(8);
    // the demo key (anyone's) does not verify it: the seals are the host's
    assertThat(OpsJdbc.create(db.dataSource()).auditLog().verify(A).intact()).isFalse();
    // appends go on, checkpoints verify, and the append-only triggers are back
    AuditLog.AuditCheckpoint full = log.checkpoint(T0.plusSeconds(1800));
    log.append(entry(B, 4));
    assertThat(log.verifyAgainst(log.checkpoint(T0.plusSeconds(3600))))
        .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    // the incremental checkpoint after a re-anchoring: only B moved, and the chain verifies; dropping the full
    // checkpoint it follows is reported
    AuditLog.AuditCheckpoint delta = log.checkpointAfter(full, T0.plusSeconds(3600));
    assertThat(delta.heads()).containsOnlyKeys(B);
    assertThat(log.verifyAgainst(List.of(full, delta))).hasSize(3)
        .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(log.verifyAgainst(List.of(delta)).get(0).stream()).isEqualTo("(checkpoint)");
    assertThatThrownBy(() -> {
      try (Connection conn = db.dataSource().getConnection(); Statement st = conn.createStatement()) {
        st.executeUpdate("UPDATE ops_audit SET action = 'x' WHERE stream = '" + A + "' AND seq = 1");
      }
    }).isInstanceOf(SQLException.class);
    assertThat(ops.reanchorAudit()).as("nothing left to re-anchor").isEmpty();
    assertThat(sealedAsAnchored()).as("anchored once re-anchored").isTrue();
    // from now on a stream written as before V3 (plain INSERTs, the triggers on) is a forgery nothing seals
    writeBeforeV3("fault:F-forged", 2, 2, 0);
    List<String> sealed = storedSeals();
    refusedAt(ops.reanchorAudit(), "fault:F-forged", 1);
    refusedAt(OpsJdbc.create(db.dataSource()).withAuditKey(OTHER_KEY).rekeyAudit(KEY), "fault:F-forged", 1);
    assertThat(storedSeals()).as("refused: nothing re-sealed").isEqualTo(sealed);
  }

  @Test
  void aStreamWithoutSealsInsertedIntoANewLogIsNeverSealedByAReanchoringOrAChangeOfKey() throws SQLException {
    OpsJdbc ops = upgrade();
    for (int i = 1; i <= 3; i++) {
      ops.auditLog().append(entry(A, i));
    }
    assertThat(sealedAsAnchored()).as("a new log is anchored from its first append").isTrue();
    // what anyone who can write the tables can do with the triggers on: a stream as the log wrote it before V3,
    // computed without any key (a data change approved, run and reviewed by one person, say)
    writeBeforeV3(B, 4, 4, 0);
    assertThat(ops.auditLog().verifyAll()).as("verification flags it").anyMatch(v -> !v.intact());
    List<String> before = storedSeals();

    refusedAt(ops.reanchorAudit(), B, 1);
    refusedAt(OpsJdbc.create(db.dataSource()).withAuditKey(OTHER_KEY).rekeyAudit(KEY), B, 1);
    refusedAt(ops.rekeyAuditFromDemoKey(), A, 1);

    assertThat(storedSeals()).as("refused: nothing re-sealed").isEqualTo(before);
    assertThat(ops.auditLog().verify(B).intact()).isFalse();
    ops.auditLog().append(entry(A, 4));
    assertThat(sealedAsAnchored()).as("appends keep it anchored").isTrue();
    assertThat(ops.auditLog().verify(A).intact()).isTrue();
  }

  @Test
  void aLogSealedUnderTheDemoKeyIsResealedUnderTheHostKeyAndThenVerifies() throws SQLException {
    List<AuditEntry> b = writeBeforeV3(B, 2, 2, 0);
    OpsJdbc.migrate(db.dataSource());
    OpsJdbc demo = OpsJdbc.create(db.dataSource());
    OpsJdbc host = demo.withAuditKey(KEY);
    assertThat(host.auditSeal()).as("nothing sealed yet").isEqualTo(OpsJdbc.AuditSeal.NONE);
    List<AuditEntry> a = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      a.add(demo.auditLog().append(entry(A, i)).entry());
    }
    b.add(demo.auditLog().append(entry(B, 3)).entry());
    assertThat(host.auditSeal()).isEqualTo(OpsJdbc.AuditSeal.DEMO_KEY);
    assertThat(demo.auditSeal()).isEqualTo(OpsJdbc.AuditSeal.THIS_KEY);
    assertThat(demo.withAuditKey(OTHER_KEY).rekeyAudit(KEY)).as("not sealed under KEY: refused")
        .first().extracting(AuditVerification::intact).isEqualTo(false);

    List<AuditVerification> result = host.rekeyAuditFromDemoKey();

    assertThat(result).extracting(AuditVerification::stream).containsExactlyInAnyOrder(A, B);
    assertThat(result).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(host.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("after: %s", v).isTrue());
    assertThat(host.auditLog().read(A)).extracting(AuditRecord::entry).containsExactlyElementsOf(a);
    assertThat(host.auditLog().read(B)).extracting(AuditRecord::entry).containsExactlyElementsOf(b);
    assertThat(demo.auditLog().verify(A).firstBrokenSequence()).as("the demo key no longer verifies it").contains(1L);
    assertThat(host.auditSeal()).isEqualTo(OpsJdbc.AuditSeal.THIS_KEY);
    host.auditLog().append(entry(A, 5));
    assertThat(host.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThatThrownBy(() -> {
      try (Connection conn = db.dataSource().getConnection(); Statement st = conn.createStatement()) {
        st.executeUpdate("UPDATE ops_audit SET action = 'x' WHERE stream = '" + A + "' AND seq = 1");
      }
    }).as("the append-only triggers are back").isInstanceOf(SQLException.class);
  }

  @Test
  void aRekeyFromAKeyTheLogWasNotSealedUnderIsRefusedAndChangesNothing() throws SQLException {
    OpsJdbc.migrate(db.dataSource());
    OpsJdbc host = OpsJdbc.create(db.dataSource()).withAuditKey(KEY);
    host.auditLog().append(entry(A, 1));
    host.auditLog().append(entry(A, 2));
    List<String> before = storedSeals();
    OpsJdbc next = OpsJdbc.create(db.dataSource()).withAuditKey(OTHER_KEY);
    assertThat(next.auditSeal()).isEqualTo(OpsJdbc.AuditSeal.OTHER_KEY);

    refusedAt(next.rekeyAudit(OTHER_KEY), A, 1);
    refusedAt(next.rekeyAuditFromDemoKey(), A, 1);

    assertThat(storedSeals()).as("refused: nothing re-sealed").isEqualTo(before);
    assertThat(host.auditLog().verify(A).intact()).isTrue();
    assertThat(next.rekeyAudit(KEY)).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(next.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(host.auditSeal()).as("the old key no longer verifies it").isEqualTo(OpsJdbc.AuditSeal.OTHER_KEY);
  }

  @Test
  void aHostStillOnTheOldKeyAfterARekeyIsRefusedAndAppendsNothing() throws SQLException {
    OpsJdbc.migrate(db.dataSource());
    OpsJdbc stale = OpsJdbc.create(db.dataSource()).withAuditKey(KEY);
    stale.auditLog().append(entry(A, 1));
    OpsJdbc rekeyed = OpsJdbc.create(db.dataSource()).withAuditKey(OTHER_KEY);
    assertThat(rekeyed.rekeyAudit(KEY)).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    List<String> before = storedSeals();

    assertThatThrownBy(() -> stale.auditLog().append(entry(A, 2))).isInstanceOfSatisfying(
        org.opsbook.core.StorageException.class, e -> {
          assertThat(e.isTransient()).as("not retried").isFalse();
          assertThat(e).hasStackTraceContaining("does not verify under the audit key of this host");
        });
    assertThatThrownBy(() -> OpsJdbc.create(db.dataSource()).auditLog().append(entry(B, 1)))
        .as("nor through the published demo key").isInstanceOf(org.opsbook.core.StorageException.class);

    assertThat(storedSeals()).as("nothing appended").isEqualTo(before);
    rekeyed.auditLog().append(entry(A, 2));
    assertThat(rekeyed.auditLog().verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
  }

  @Test
  void aRecordChangedBeforeTheUpgradeIsLocatedAndNothingIsResealed() throws SQLException {
    writeBeforeV3(A, 5, 5, 3);
    writeBeforeV3(B, 2, 2, 0);
    OpsJdbc ops = upgrade();
    List<String> before = storedSeals();

    List<AuditVerification> result = ops.reanchorAudit();

    refusedAt(result, A, 3);
    assertThat(result).filteredOn(v -> v.stream().equals(B)).singleElement()
        .extracting(AuditVerification::intact).isEqualTo(true);
    assertThat(storedSeals()).as("refused: nothing re-sealed").isEqualTo(before);
  }

  @Test
  void aTailCutBeforeTheUpgradeIsLocated() throws SQLException {
    // the head still names record 6: records 5 and 6 were deleted
    writeBeforeV3(A, 4, 4, 0);
    try (Connection c = db.dataSource().getConnection()) {
      Sql.update(c, "UPDATE ops_audit_head SET seq = 6 WHERE stream = ?", A);
    }
    OpsJdbc ops = upgrade();

    refusedAt(ops.reanchorAudit(), A, 5);
  }

  @Test
  void recordsSealedSinceUnderAnotherKeyAreRefused() throws SQLException {
    writeBeforeV3(A, 3, 3, 0);
    OpsJdbc.migrate(db.dataSource());
    OpsJdbc.create(db.dataSource()).withAuditKey(OTHER_KEY).auditLog().append(entry(A, 4));
    OpsJdbc ops = OpsJdbc.create(db.dataSource()).withAuditKey(KEY);
    List<String> before = storedSeals();

    refusedAt(ops.reanchorAudit(), A, 4);
    assertThat(storedSeals()).isEqualTo(before);
  }
}
