package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.storage.StorageArguments;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;

/**
 * Workflow instances in {@code ops_workflow} and their history in {@code ops_workflow_transition}. A transition moves
 * the row from the expected version and state in one conditional UPDATE (no read first), appends the history row and
 * seals the audit in the same transaction; only when the UPDATE finds nothing does it read why.
 */
public final class JdbcWorkflowRepository implements WorkflowRepository {
  private static final String INSTANCE = "id, machine, state, version, data_json, created_at, updated_at";

  private final JdbcRunner runner;
  private final JdbcAuditLog audit;

  /** Creates the repository; audit entries are sealed into {@code audit} in the same transaction. */
  public JdbcWorkflowRepository(JdbcRunner runner, JdbcAuditLog audit) {
    this.runner = runner;
    this.audit = audit;
  }

  @Override
  public void create(WorkflowInstance instance, List<AuditEntry> auditEntries) {
    StorageArguments.checkWorkflowCreate(instance);
    runner.inTransaction("create workflow instance", instance.id(), c -> {
      try {
        Sql.update(c, "INSERT INTO ops_workflow (" + INSTANCE + ") VALUES (?,?,?,?,?,?,?)", instance.id(),
            instance.machine(), instance.state(), instance.version(), instance.dataJson(), instance.createdAt(),
            instance.updatedAt());
      } catch (SQLException e) {
        if (runner.dialect().isUniqueViolation(e)) {
          throw new ConcurrentUpdateException(instance.id(), 0, -1);
        }
        throw e;
      }
      audit.appendAll(c, auditEntries);
      return null;
    });
  }

  @Override
  public WorkflowInstance transition(String instanceId, long expectedVersion, TransitionRecord t, String newDataJson,
      List<AuditEntry> auditEntries) {
    StorageArguments.checkTransition(instanceId, expectedVersion, t);
    return runner.inTransaction("transition workflow instance", instanceId, c -> {
      long next = expectedVersion + 1;
      String move = "UPDATE ops_workflow SET state = ?, version = ?, data_json = ?, updated_at = ?"
          + " WHERE id = ? AND version = ? AND state = ?";
      Object[] args = {t.toState(), next, newDataJson, t.at(), instanceId, expectedVersion, t.fromState()};
      Optional<Object[]> moved = Sql.queryOne(c, runner.dialect().updateReturning(move, "machine, created_at"),
          rs -> new Object[] {rs.getString("machine"), Sql.instant(rs, "created_at")}, args);
      if (moved.isEmpty()) {
        explainRefusal(c, instanceId, expectedVersion, t);
      }
      Sql.update(c, "INSERT INTO ops_workflow_transition (instance_id, seq, event, from_state, to_state,"
          + " transition_id, actor, at, data_json) VALUES (?,?,?,?,?,?,?,?,?)", instanceId, t.sequence(), t.event(),
          t.fromState(), t.toState(), Sql.text(t.transitionId().map(RuleId::value)), StoredJson.actor(t.actor()),
          t.at(), t.dataJson());
      audit.appendAll(c, auditEntries);
      String machine = (String) moved.get()[0];
      Instant createdAt = (Instant) moved.get()[1];
      return WorkflowInstance.builder().id(instanceId).machine(machine).state(t.toState()).version(next)
          .dataJson(newDataJson).createdAt(createdAt).updatedAt(t.at()).build();
    });
  }

  /** Throws the reason a conditional transition update found no row. */
  private static void explainRefusal(Connection c, String instanceId, long expectedVersion, TransitionRecord t)
      throws SQLException {
    Optional<WorkflowInstance> stored = Sql.queryOne(c, "SELECT " + INSTANCE + " FROM ops_workflow WHERE id = ?",
        JdbcWorkflowRepository::instance, instanceId);
    if (stored.isEmpty()) {
      throw new ConcurrentUpdateException(instanceId, expectedVersion, -1);
    }
    if (stored.get().version() != expectedVersion) {
      throw new ConcurrentUpdateException(instanceId, expectedVersion, stored.get().version());
    }
    StorageArguments.checkTransitionFrom(t, stored.get().state());
    throw new ConcurrentUpdateException(instanceId, expectedVersion, stored.get().version());
  }

  @Override
  public Optional<WorkflowInstance> find(String instanceId) {
    return runner.read("find workflow instance", instanceId, c -> Sql.queryOne(c,
        "SELECT " + INSTANCE + " FROM ops_workflow WHERE id = ?", JdbcWorkflowRepository::instance, instanceId));
  }

  @Override
  public List<TransitionRecord> history(String instanceId) {
    return runner.read("read workflow history", instanceId, c -> Sql.query(c,
        "SELECT instance_id, seq, event, from_state, to_state, transition_id, actor, at, data_json"
            + " FROM ops_workflow_transition WHERE instance_id = ? ORDER BY seq", rs -> TransitionRecord.builder()
            .instanceId(rs.getString("instance_id")).sequence(rs.getLong("seq")).event(rs.getString("event"))
            .fromState(rs.getString("from_state")).toState(rs.getString("to_state"))
            .transitionId(Sql.optText(rs, "transition_id").map(RuleId::of))
            .actor(StoredJson.readActor(rs.getString("actor"))).at(Sql.instant(rs, "at"))
            .dataJson(rs.getString("data_json")).build(), instanceId));
  }

  @Override
  public List<WorkflowInstance> list(String machine) {
    return runner.read("list workflow instances", machine, c -> Sql.query(c,
        "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? ORDER BY updated_at DESC, id",
        JdbcWorkflowRepository::instance, machine));
  }

  /** A range scan of {@code ops_workflow_machine_idx}: only what changed since, whatever the history. */
  @Override
  public List<WorkflowInstance> listUpdatedSince(String machine, Instant since) {
    return runner.read("list workflow instances updated since", machine, c -> Sql.query(c,
        "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? AND updated_at >= ? ORDER BY updated_at DESC, id",
        JdbcWorkflowRepository::instance, machine, since));
  }

  /**
   * A keyset page: a backward range scan of {@code ops_workflow_machine_idx} from the position of {@code afterId},
   * stopped after {@code limit} rows, so a page costs its own rows whatever the history. The bound is written as
   * {@code updated_at <= ?} (the index's range) with the tie broken by ID in the filter.
   */
  @Override
  public List<WorkflowInstance> listPage(String machine, Optional<String> afterId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one instance, not " + limit);
    }
    if (afterId.isEmpty()) {
      return runner.read("list a page of workflow instances", machine, c -> Sql.query(c,
          "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? ORDER BY updated_at DESC, id LIMIT ?",
          JdbcWorkflowRepository::instance, machine, limit));
    }
    WorkflowInstance from = find(afterId.get()).orElseThrow(() -> new IllegalArgumentException(
        "no workflow instance " + afterId.get() + " to page after"));
    return runner.read("list a page of workflow instances", machine, c -> Sql.query(c,
        "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? AND updated_at <= ?"
            + " AND (updated_at < ? OR id > ?) ORDER BY updated_at DESC, id LIMIT ?",
        JdbcWorkflowRepository::instance, machine, from.updatedAt(), from.updatedAt(), from.id(), limit));
  }

  /** A scan of {@code ops_workflow_state_idx} (V6): the instances in those states only. */
  @Override
  public List<WorkflowInstance> listInStates(String machine, Set<String> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    boolean rowValues = !runner.dialect().name().equals("postgresql");
    List<Object> args = new ArrayList<>();
    states.stream().sorted().forEach(st -> {
      if (rowValues || args.isEmpty()) {
        args.add(machine);
      }
      args.add(st);
    });
    String where = inStatesWhere(rowValues, states.size());
    return runner.read("list workflow instances in states", machine, c -> Sql.query(c,
        "SELECT " + INSTANCE + " FROM ops_workflow WHERE " + where + " ORDER BY updated_at DESC, id",
        JdbcWorkflowRepository::instance, args.toArray()));
  }

  /**
   * The condition of {@link #listInStates} for {@code n} states. On PostgreSQL {@code machine = ? AND state IN (…)},
   * one index scan of {@code ops_workflow_state_idx} (V6). H2 seeks a composite index on its first column only for
   * {@code state IN (…)}, reading every instance of the machine; a row-value list {@code (machine, state) IN ((?, ?),
   * …)} is one seek per pair. The parameters: the machine then the states, or each (machine, state) pair.
   */
  public static String inStatesWhere(boolean rowValues, int n) {
    return rowValues
        ? "(machine, state) IN (" + String.join(", ", java.util.Collections.nCopies(n, "(?, ?)")) + ")"
        : "machine = ? AND state IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
  }

  /**
   * A prefix scan of {@code ops_workflow_prefix_idx} (V5): the instances under one ID prefix only. On PostgreSQL the
   * range is also given as bounds in byte order ({@code ~>=~}, {@code ~<~}, the operators of the index's
   * {@code varchar_pattern_ops}): a prepared statement's generic plan cannot derive them from a {@code LIKE} parameter
   * and would read every instance of the machine.
   */
  @Override
  public List<WorkflowInstance> listByIdPrefix(String machine, String idPrefix) {
    String pattern = idPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    Optional<String> above = successor(idPrefix);
    boolean bounded = above.isPresent() && runner.dialect().name().equals("postgresql");
    return runner.read("list workflow instances by prefix", idPrefix, c -> bounded
        ? Sql.query(c, "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? AND id ~>=~ ? AND id ~<~ ?"
            + " AND id LIKE ? ESCAPE '!'", JdbcWorkflowRepository::instance, machine, idPrefix, above.get(), pattern)
        : Sql.query(c, "SELECT " + INSTANCE + " FROM ops_workflow WHERE machine = ? AND id LIKE ? ESCAPE '!'",
            JdbcWorkflowRepository::instance, machine, pattern));
  }

  /**
   * The least string above every string that starts with {@code prefix} in code-point (and so UTF-8 byte) order:
   * the prefix with its last code point raised by one, or dropped when it is the largest; none for an empty prefix
   * or one of largest code points only.
   */
  static Optional<String> successor(String prefix) {
    int[] cps = prefix.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      int next = cps[i] + 1;
      if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
        next = Character.MAX_SURROGATE + 1;
      }
      if (next <= Character.MAX_CODE_POINT) {
        return Optional.of(new String(cps, 0, i) + new String(Character.toChars(next)));
      }
    }
    return Optional.empty();
  }

  private static WorkflowInstance instance(ResultSet rs) throws SQLException {
    return WorkflowInstance.builder().id(rs.getString("id")).machine(rs.getString("machine"))
        .state(rs.getString("state")).version(rs.getLong("version")).dataJson(rs.getString("data_json"))
        .createdAt(Sql.instant(rs, "created_at")).updatedAt(Sql.instant(rs, "updated_at")).build();
  }
}
