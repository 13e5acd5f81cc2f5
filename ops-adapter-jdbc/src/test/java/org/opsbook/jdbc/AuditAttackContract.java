package org.opsbook.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.spi.AuditLog;

/**
 * Every attack of issue 11 on the audit trail, made with the application's own database credentials (it owns the
 * tables, so it can disable the triggers) by someone who knows the algorithm but not the host's audit key: each is
 * detected and located. Run on H2 and on PostgreSQL.
 */
abstract class AuditAttackContract extends OneBackendPerClass {
  /** The host's secret (in production from a key store, never from the database). */
  static final byte[] HOST_KEY = "host audit key for the attack tests, 32+ bytes long".getBytes(UTF_8);
  private static final String S = "dataop:DM-1";
  private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

  private AuditLog log;

  @BeforeEach
  void freshLog() {
    backend().fresh();
    log = backend().ops().withAuditKey(HOST_KEY).auditLog();
  }

  private static AuditEntry entry(String stream, int i) {
    return AuditEntry.builder().stream(stream).at(T0.plusSeconds(i)).actorId("li").action("step" + i)
        .fromState("A").toState("B").putDetail("n", Integer.toString(i)).build();
  }

  private List<AuditRecord> appendTen(String stream) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      out.add(log.append(entry(stream, i)));
    }
    return out;
  }

  private List<AuditEntry> entries(List<AuditRecord> records) {
    return new ArrayList<>(records.stream().map(AuditRecord::entry).toList());
  }

  private static void brokenAt(AuditVerification v, long seq) {
    assertThat(v.intact()).as("detected: %s", v).isFalse();
    assertThat(v.firstBrokenSequence()).as("located: %s", v.problem()).contains(seq);
  }

  @Test
  void anUntouchedLogVerifiesUnderTheHostKeyAndNotUnderAnother() {
    appendTen(S);
    assertThat(log.verify(S).intact()).isTrue();
    assertThat(log.verifyAll()).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    AuditLog demo = backend().ops().auditLog();
    brokenAt(demo.verify(S), 1);
  }

  @Test
  @DisplayName("attack 1: rewrite record 5 and recompute 5..10 with the triggers disabled")
  void rewriteAndRecompute() {
    attackKeepingPrefix(4, forged -> {
      AuditEntry e5 = forged.get(4);
      forged.set(4, AuditEntry.builder().stream(S).at(e5.at()).actorId("mallory").action(e5.action())
          .fromState(e5.fromState()).toState(e5.toState()).putAllDetails(e5.details()).build());
    });
  }

  /**
   * Appends ten records, edits their entries as the attacker would, rewrites all after the first {@code keep} and
   * recomputes them: verification finds the chain broken at the first rewritten record.
   */
  private void attackKeepingPrefix(int keep, Consumer<List<AuditEntry>> edit) {
    List<AuditEntry> forged = entries(appendTen(S));
    edit.accept(forged);
    rewriteKeepingPrefix(forged, keep);
    brokenAt(log.verify(S), keep + 1);
  }

  /** Re-appends the genuine first {@code keep} records, then the attacker's forged rest. */
  private void rewriteKeepingPrefix(List<AuditEntry> forged, int keep) {
    // the attacker keeps records 1..keep as they were (they verify) and recomputes the rest from there
    AuditChain attacker = AuditChain.demo();
    backend().asOwner(s -> {
      Connection c = s.getConnection();
      String prev;
      try (ResultSet rs = s.executeQuery("SELECT hash, gseq FROM ops_audit WHERE stream = '" + S + "' AND seq = "
          + keep)) {
        rs.next();
        prev = rs.getString(1);
      }
      s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + S + "' AND seq > " + keep);
      long seq = keep;
      for (AuditEntry e : forged.subList(keep, forged.size())) {
        seq++;
        AuditRecord r = attacker.seal(e, seq, seq, prev);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops_audit (stream, seq, gseq, at, actor_id,"
            + " action, from_state, to_state, rule_ids, details, prev_hash, hash) VALUES (?,?,?,?,?,?,'A','B','[]',?,?,?)")) {
          ps.setString(1, S);
          ps.setLong(2, seq);
          ps.setLong(3, seq);
          ps.setObject(4, e.at().atOffset(java.time.ZoneOffset.UTC));
          ps.setString(5, e.actorId());
          ps.setString(6, e.action());
          ps.setString(7, "{\"n\":\"" + e.details().get("n") + "\"}");
          ps.setString(8, prev);
          ps.setString(9, r.hash());
          ps.executeUpdate();
        }
        prev = r.hash();
      }
      s.executeUpdate("UPDATE ops_audit_head SET seq = " + seq + ", hash = '" + prev + "', seal = '"
          + attacker.sealHead(S, seq, prev, seq) + "', gseq = " + seq + " WHERE stream = '" + S + "'");
    });
  }

  @Test
  @DisplayName("attack 2: delete record 4, renumber 5..10 and recompute")
  void deleteRenumberAndRecompute() {
    attackKeepingPrefix(3, entries -> entries.remove(3));
  }

  @Test
  @DisplayName("attack 3: insert a forged record mid-chain and recompute after it")
  void forgedInsertMidChain() {
    attackKeepingPrefix(4, entries -> entries.add(4, AuditEntry.builder().stream(S).at(T0.plusSeconds(4))
        .actorId("mallory").action("approve").putDetail("n", "4b").build()));
  }

  @Test
  @DisplayName("attack 4: swap records 3 and 4 and recompute")
  void swapAndRecompute() {
    attackKeepingPrefix(2, entries -> java.util.Collections.swap(entries, 2, 3));
  }

  @Test
  @DisplayName("attack 5: cut the last 3 records and reset the head (and the global sequence) to a saved state")
  void cutTailAndResetHead() {
    for (int i = 1; i <= 7; i++) {
      log.append(entry(S, i));
    }
    Object[] savedHead = row("SELECT seq, hash, gseq, seal FROM ops_audit_head WHERE stream = '" + S + "'", 4);
    Object[] savedGlobal = row("SELECT gseq, seal FROM ops_audit_global WHERE id = 1", 2);
    for (int i = 8; i <= 10; i++) {
      log.append(entry(S, i));
    }
    String exported = log.checkpoint(T0.plusSeconds(3600)).export();
    backend().asOwner(s -> {
      s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + S + "' AND seq > 7");
      s.executeUpdate("UPDATE ops_audit_head SET seq = " + savedHead[0] + ", hash = '" + savedHead[1] + "', gseq = "
          + savedHead[2] + ", seal = '" + savedHead[3] + "' WHERE stream = '" + S + "'");
      s.executeUpdate("UPDATE ops_audit_global SET gseq = " + savedGlobal[0] + ", seal = '" + savedGlobal[1] + "'");
    });
    // a perfect replay of an earlier state is consistent in itself; the exported checkpoint is the anchor
    List<AuditVerification> against = log.verifyAgainst(AuditCheckpoint.parse(exported));
    brokenAt(against.get(0), 8);
    assertThat(against.get(0).stream()).isEqualTo(S);
  }

  @Test
  @DisplayName("attack 5b: a cut tail with its head reset is found by the global sequence when anything followed")
  void cutTailFoundByTheGlobalSequence() {
    for (int i = 1; i <= 7; i++) {
      log.append(entry(S, i));
    }
    Object[] savedHead = row("SELECT seq, hash, gseq, seal FROM ops_audit_head WHERE stream = '" + S + "'", 4);
    for (int i = 8; i <= 10; i++) {
      log.append(entry(S, i));
    }
    log.append(entry("other", 1));
    backend().asOwner(s -> {
      s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + S + "' AND seq > 7");
      s.executeUpdate("UPDATE ops_audit_head SET seq = " + savedHead[0] + ", hash = '" + savedHead[1] + "', gseq = "
          + savedHead[2] + ", seal = '" + savedHead[3] + "' WHERE stream = '" + S + "'");
    });
    List<AuditVerification> all = log.verifyAll();
    assertThat(all.get(0).stream()).isEqualTo("(global)");
    brokenAt(all.get(0), 8);
  }

  private Object[] row(String sql, int columns) {
    Object[][] out = new Object[1][];
    backend().asOwner(s -> {
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        Object[] r = new Object[columns];
        for (int i = 0; i < columns; i++) {
          r[i] = rs.getObject(i + 1);
        }
        out[0] = r;
      }
    });
    return out[0];
  }

  @Test
  @DisplayName("attack 6: delete a whole stream with its head (gone from the registry and the SOX export too)")
  void deleteAWholeStreamWithItsHead() {
    appendTen(S);
    appendTen("ticket:T-1");
    String exported = log.checkpoint(T0.plusSeconds(3600)).export();
    backend().asOwner(s -> {
      s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + S + "'");
      s.executeUpdate("DELETE FROM ops_audit_head WHERE stream = '" + S + "'");
    });
    assertThat(log.streams()).containsExactly("ticket:T-1");
    List<AuditVerification> all = log.verifyAll();
    assertThat(all.get(0).stream()).isEqualTo("(global)");
    brokenAt(all.get(0), 1);
    List<AuditVerification> against = log.verifyAgainst(AuditCheckpoint.parse(exported));
    assertThat(against.get(0).stream()).isEqualTo(S);
    brokenAt(against.get(0), 1);
    assertThat(against.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("gone"));
  }

  /** A full checkpoint, then three deltas, with appends to {@code S} and "ticket:T-1" in between. */
  private List<AuditCheckpoint> fullThenThreeDeltas() {
    appendTen(S);
    appendTen("ticket:T-1");
    List<AuditCheckpoint> chain = new ArrayList<>();
    chain.add(log.checkpoint(T0.plusSeconds(3600)));
    log.append(entry(S, 11));
    chain.add(log.checkpointAfter(chain.get(0), T0.plusSeconds(7200)));
    log.append(entry("ticket:T-1", 11));
    chain.add(log.checkpointAfter(chain.get(1), T0.plusSeconds(10800)));
    log.append(entry(S, 12));
    chain.add(log.checkpointAfter(chain.get(2), T0.plusSeconds(14400)));
    // exported and read back, as a host keeps them
    return new ArrayList<>(chain.stream().map(cp -> AuditCheckpoint.parse(cp.export())).toList());
  }

  @Test
  @DisplayName("attack 9: the incremental checkpoints seal only the streams that moved, and the chain verifies")
  void deltasSealOnlyTheMovedStreamsAndTheChainVerifies() {
    List<AuditCheckpoint> chain = fullThenThreeDeltas();
    assertThat(chain.get(0).isDelta()).isFalse();
    assertThat(chain.get(0).heads()).containsOnlyKeys(S, "ticket:T-1");
    assertThat(chain.get(1).heads()).containsOnlyKeys(S);
    assertThat(chain.get(1).heads().get(S).sequence()).isEqualTo(11);
    assertThat(chain.get(2).heads()).containsOnlyKeys("ticket:T-1");
    assertThat(chain.get(3).heads()).containsOnlyKeys(S);
    assertThat(chain.get(3).after()).contains(chain.get(2).seal());
    assertThat(log.verifyAgainst(chain)).hasSize(2).allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    AuditCheckpoint quiet = log.checkpointAfter(chain.get(3), T0.plusSeconds(18000));
    assertThat(quiet.heads()).as("nothing appended since").isEmpty();
  }

  @Test
  @DisplayName("attack 9a: a delta dropped from the exported chain is reported at its place")
  void aDroppedDeltaIsReported() {
    List<AuditCheckpoint> chain = fullThenThreeDeltas();
    chain.remove(2);
    List<AuditVerification> found = log.verifyAgainst(chain);
    assertThat(found.get(0).stream()).isEqualTo("(checkpoint)");
    brokenAt(found.get(0), 3);
    assertThat(found.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("missing"));
    List<AuditCheckpoint> noFull = fullThenThreeDeltas().subList(1, 4);
    brokenAt(log.verifyAgainst(noFull).get(0), 1);
  }

  @Test
  @DisplayName("attack 9b: a forged delta (a head moved back, or sealed without the host key) is reported")
  void aForgedDeltaIsReported() {
    List<AuditCheckpoint> chain = fullThenThreeDeltas();
    AuditCheckpoint d = chain.get(1);
    // the attacker lowers the sealed head in the delta to hide records 10 and 11
    chain.set(1, AuditCheckpoint.parse(d.export().replace("stream 11 ", "stream 9 ")));
    assertThat(chain.get(1).heads().get(S).sequence()).isEqualTo(9);
    List<AuditVerification> found = log.verifyAgainst(chain);
    assertThat(found.get(0).stream()).isEqualTo("(checkpoint)");
    brokenAt(found.get(0), 2);

    // or seals a whole delta of its own under a key of its choosing, chained to the right seal
    List<AuditCheckpoint> chain2 = fullThenThreeDeltas();
    AuditCheckpoint forged = AuditChain.demo().checkpointAfter(chain2.get(1), chain2.get(2).at(),
        chain2.get(2).globalSequence(), java.util.Map.of());
    chain2.set(2, forged);
    List<AuditVerification> found2 = log.verifyAgainst(chain2);
    assertThat(found2.get(0).stream()).isEqualTo("(checkpoint)");
    brokenAt(found2.get(0), 3);
  }

  @Test
  @DisplayName("attack 9c: a stream cut back between two deltas, its head reset, is named (appended to again or not)")
  void aStreamCutBackBetweenTwoDeltasIsNamed() {
    for (int i = 1; i <= 7; i++) {
      log.append(entry(S, i));
    }
    Object[] savedHead = row("SELECT seq, hash, gseq, seal FROM ops_audit_head WHERE stream = '" + S + "'", 4);
    appendTen("ticket:T-1");
    List<AuditCheckpoint> chain = new ArrayList<>();
    chain.add(log.checkpoint(T0.plusSeconds(3600)));
    for (int i = 8; i <= 10; i++) {
      log.append(entry(S, i));
    }
    chain.add(log.checkpointAfter(chain.get(0), T0.plusSeconds(7200)));
    assertThat(chain.get(1).heads().get(S).sequence()).isEqualTo(10);
    backend().asOwner(s -> {
      s.executeUpdate("DELETE FROM ops_audit WHERE stream = '" + S + "' AND seq > 7");
      s.executeUpdate("UPDATE ops_audit_head SET seq = " + savedHead[0] + ", hash = '" + savedHead[1] + "', gseq = "
          + savedHead[2] + ", seal = '" + savedHead[3] + "' WHERE stream = '" + S + "'");
    });
    // not appended to since: the next delta does not name S, the chain's last head for it (10) is gone
    List<AuditCheckpoint> quiet = new ArrayList<>(chain);
    quiet.add(log.checkpointAfter(chain.get(1), T0.plusSeconds(10800)));
    assertThat(quiet.get(2).heads()).doesNotContainKey(S);
    List<AuditVerification> found = log.verifyAgainst(quiet);
    assertThat(found.get(0).stream()).isEqualTo(S);
    brokenAt(found.get(0), 8);

    // appended to again: S's new head (8) is below the 10 the delta before sealed
    log.append(entry(S, 8));
    chain.add(log.checkpointAfter(chain.get(1), T0.plusSeconds(10800)));
    assertThat(chain.get(2).heads().get(S).sequence()).isEqualTo(8);
    List<AuditVerification> again = log.verifyAgainst(chain);
    assertThat(again.get(0).stream()).isEqualTo(S);
    brokenAt(again.get(0), 9);
    assertThat(again.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("cut back"));
    assertThat(again).filteredOn(v -> v.stream().equals("ticket:T-1")).allSatisfy(v -> assertThat(v.intact()).isTrue());
  }

  @Test
  @DisplayName("attack 7: a plain INSERT (triggers on) appends a forged record, with and without moving the head")
  void plainInsertForgery() {
    List<AuditRecord> rs = appendTen(S);
    AuditRecord last = rs.get(9);
    AuditChain attacker = AuditChain.demo();
    AuditEntry forged = entry(S, 11);
    AuditRecord f = attacker.seal(forged, 11, 11, last.hash());
    insertRaw(S, 11, 11, forged.action(), last.hash(), f.hash());
    brokenAt(log.verify(S), 11);
    plain(s -> s.executeUpdate("UPDATE ops_audit_head SET seq = 11, hash = '" + f.hash() + "', gseq = 11, seal = '"
        + attacker.sealHead(S, 11, f.hash(), 11) + "' WHERE stream = '" + S + "'"));
    brokenAt(log.verify(S), 11);
  }

  @Test
  @DisplayName("attack 8: a junk row after the head neither freezes the stream nor goes unnoticed")
  void junkRowAfterTheHead() {
    appendTen(S);
    insertRaw(S, 11, 999, "junk", "junk", "junk");
    AuditRecord next = log.append(entry(S, 11));
    assertThat(next.sequence()).as("appends go on").isEqualTo(11);
    assertThat(log.append(entry(S, 12)).sequence()).isEqualTo(12);
    brokenAt(log.verify(S), 11);
  }

  @Test
  void theAuditTablesAreAppendOnlyWithTheTriggersOn() {
    appendTen(S);
    assertThatThrownBy(() -> plain(s -> s.executeUpdate("UPDATE ops_audit SET action = 'x' WHERE seq = 5")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> plain(s -> s.executeUpdate("DELETE FROM ops_audit WHERE seq = 10")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> plain(s -> s.executeUpdate("UPDATE ops_audit_head SET seq = 7")))
        .hasMessageContaining("forward");
    assertThatThrownBy(() -> plain(s -> s.executeUpdate("DELETE FROM ops_audit_head")))
        .hasMessageContaining("forward");
    assertThatThrownBy(() -> plain(s -> s.executeUpdate("UPDATE ops_audit_global SET gseq = 3")))
        .hasMessageContaining("forward");
    assertThat(log.verify(S).intact()).isTrue();
  }

  private void insertRaw(String stream, long seq, long gseq, String action, String prev, String hash) {
    plain(s -> s.executeUpdate("INSERT INTO ops_audit (stream, seq, gseq, at, actor_id, action, rule_ids, details,"
        + " prev_hash, hash) VALUES ('" + stream + "', " + seq + ", " + gseq + ", TIMESTAMP WITH TIME ZONE"
        + " '2026-11-25 01:00:11+00', 'li', '" + action + "', '[]', '{}', '" + prev + "', '" + hash + "')"));
  }

  /** Runs a statement with the application's credentials and the triggers on. */
  private void plain(JdbcBackend.OwnerWork work) {
    try (Connection c = backend().db().dataSource().getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      work.run(s);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
