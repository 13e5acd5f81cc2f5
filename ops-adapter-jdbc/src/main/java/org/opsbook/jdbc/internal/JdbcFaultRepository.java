package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.internal.storage.StorageArguments;

/**
 * Faults in {@code ops_fault} (summary and version) and {@code ops_fault_event} (history; facts as core JSON). An
 * append inserts the summary (first events) or moves it from the expected version, inserts the events and seals the
 * audit, in one transaction.
 */
public final class JdbcFaultRepository implements FaultRepository {
  private static final String SUMMARY = "fault_id, version, current_level, peak_level, is_open, repaired_at,"
      + " next_due_at, subject_name, updated_at";

  private final JdbcRunner runner;
  private final JdbcAuditLog audit;

  /** Creates the repository; audit entries are sealed into {@code audit} in the same transaction. */
  public JdbcFaultRepository(JdbcRunner runner, JdbcAuditLog audit) {
    this.runner = runner;
    this.audit = audit;
  }

  @Override
  public void append(String faultId, long expectedVersion, List<FaultEvent> events, FaultSummary summary,
      List<AuditEntry> auditEntries) {
    StorageArguments.checkFaultAppend(faultId, expectedVersion, events, summary);
    runner.inTransaction("append fault events", faultId, c -> {
      if (expectedVersion == 0) {
        insertSummary(c, faultId, summary);
      } else {
        int n = Sql.update(c, "UPDATE ops_fault SET version = ?, current_level = ?, peak_level = ?, is_open = ?,"
            + " repaired_at = ?, next_due_at = ?, subject_name = ?, updated_at = ? WHERE fault_id = ? AND version = ?",
            summary.version(), summary.currentLevel(), summary.peakLevel(), summary.open(),
            Sql.time(summary.repairedAt()), Sql.time(summary.nextDueAt()), Sql.text(summary.subjectName()),
            summary.updatedAt(), faultId, expectedVersion);
        if (n == 0) {
          throw new ConcurrentUpdateException(faultId, expectedVersion, storedVersion(c, faultId));
        }
      }
      insertEvents(c, events);
      audit.appendAll(c, auditEntries);
      return null;
    });
  }

  private void insertSummary(Connection c, String faultId, FaultSummary s) throws SQLException {
    try {
      Sql.update(c, "INSERT INTO ops_fault (" + SUMMARY + ") VALUES (?,?,?,?,?,?,?,?,?)", faultId, s.version(),
          s.currentLevel(), s.peakLevel(), s.open(), Sql.time(s.repairedAt()), Sql.time(s.nextDueAt()),
          Sql.text(s.subjectName()), s.updatedAt());
    } catch (SQLException e) {
      if (runner.dialect().isUniqueViolation(e)) {
        throw new ConcurrentUpdateException(faultId, 0, -1);
      }
      throw e;
    }
  }

  private static long storedVersion(Connection c, String faultId) throws SQLException {
    return Sql.queryOne(c, "SELECT version FROM ops_fault WHERE fault_id = ?", rs -> rs.getLong(1), faultId)
        .orElse(0L);
  }

  private static void insertEvents(Connection c, List<FaultEvent> events) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops_fault_event (fault_id, seq, type, at, actor_id,"
        + " facts, rule_id, duty_seq, note, step_data) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      for (FaultEvent e : events) {
        Sql.bind(ps, e.faultId(), e.sequence(), e.type(), e.at(), Sql.text(e.actorId()),
            Sql.text(e.facts().map(StoredJson::facts)), Sql.text(e.ruleId().map(RuleId::value)),
            e.dutySequence().isPresent() ? (Object) e.dutySequence().getAsInt() : Sql.NULL_INT,
            Sql.text(e.note()), Sql.text(e.stepData()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public List<FaultEvent> events(String faultId) {
    return runner.read("read fault events", faultId, c -> Sql.query(c,
        "SELECT fault_id, seq, type, at, actor_id, facts, rule_id, duty_seq, note, step_data FROM ops_fault_event"
            + " WHERE fault_id = ? ORDER BY seq", JdbcFaultRepository::event, faultId));
  }

  private static FaultEvent event(ResultSet rs) throws SQLException {
    FaultEvent.Builder b = FaultEvent.builder().faultId(rs.getString("fault_id")).sequence(rs.getLong("seq"))
        .type(FaultEventType.valueOf(rs.getString("type"))).at(Sql.instant(rs, "at"))
        .actorId(Sql.optText(rs, "actor_id")).facts(Sql.optText(rs, "facts").map(StoredJson::readFacts))
        .ruleId(Sql.optText(rs, "rule_id").map(RuleId::of)).note(Sql.optText(rs, "note"))
        .stepData(Sql.optText(rs, "step_data"));
    int duty = rs.getInt("duty_seq");
    if (!rs.wasNull()) {
      b.dutySequence(duty);
    }
    return b.build();
  }

  @Override
  public Optional<FaultSummary> summary(String faultId) {
    return runner.read("read fault summary", faultId, c -> Sql.queryOne(c,
        "SELECT " + SUMMARY + " FROM ops_fault WHERE fault_id = ?", JdbcFaultRepository::summary, faultId));
  }

  @Override
  public List<FaultSummary> openFaults() {
    return runner.read("list open faults", "*", c -> Sql.query(c,
        "SELECT " + SUMMARY + " FROM ops_fault WHERE is_open ORDER BY updated_at DESC, fault_id",
        JdbcFaultRepository::summary));
  }

  @Override
  public List<FaultSummary> faultsActiveSince(Instant since) {
    return runner.read("list faults active since", since.toString(), c -> Sql.query(c,
        // two index scans (ops_fault_open_idx, ops_fault_updated_idx) rather than an OR that scans every fault
        "SELECT " + SUMMARY + " FROM ops_fault WHERE is_open UNION SELECT " + SUMMARY + " FROM ops_fault"
            + " WHERE updated_at >= ? ORDER BY updated_at DESC, fault_id", JdbcFaultRepository::summary, since));
  }

  private static FaultSummary summary(ResultSet rs) throws SQLException {
    return FaultSummary.builder().faultId(rs.getString("fault_id")).version(rs.getLong("version"))
        .currentLevel(Level.valueOf(rs.getString("current_level"))).peakLevel(Level.valueOf(rs.getString("peak_level")))
        .open(rs.getBoolean("is_open")).repairedAt(Sql.optInstant(rs, "repaired_at"))
        .nextDueAt(Sql.optInstant(rs, "next_due_at")).subjectName(Sql.optText(rs, "subject_name"))
        .updatedAt(Sql.instant(rs, "updated_at")).build();
  }
}
