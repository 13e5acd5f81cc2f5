package org.opsbook.jdbc.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.jdbc.spi.Dialect;

/**
 * Durable obligations in {@code ops_obligation}, claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease.
 * Only pending rows stay in that table: firing or cancelling moves the key to {@code ops_obligation_done} in the same
 * transaction, so the claim index holds only live work and the claim query does not slow down as history grows. The
 * claim index is on {@code run_at}, the time a row becomes claimable (its due time, or the end of its lease), so one
 * range scan finds due, unleased and lapsed work alike.
 *
 * <p>Exactly once: {@code complete} deletes the row only while the caller still owns it, and a schedule of a key that
 * fired meanwhile is undone in the same transaction (the done row is checked after the upsert, whose row lock orders
 * it after any completing transaction).
 */
public final class JdbcObligationRepository implements ObligationRepository {
  private static final String KEY = "subject_id = ? AND rule_id = ? AND seq = ?";
  /** Rows per multi-row upsert: 14 parameters each, well under the 32767 a statement may bind. */
  private static final int UPSERT_CHUNK = 500;
  /** Rows per array upsert: bounds the size of one statement's arrays. */
  private static final int ARRAY_CHUNK = 5_000;

  private final JdbcRunner runner;
  private final LeaseClock clock;

  /**
   * Creates the repository.
   *
   * @param trustCallerClock measure leases by the callers' {@code now} (a simulation under a fake clock) instead of
   *     the database's clock
   */
  public JdbcObligationRepository(JdbcRunner runner, boolean trustCallerClock) {
    this.runner = runner;
    this.clock = new LeaseClock(trustCallerClock);
  }

  private static Object[] key(ObligationKey k) {
    return new Object[] {k.subjectId(), k.ruleId().value(), k.sequence()};
  }

  private static Object[] concat(Object[] a, Object... b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public boolean schedule(ScheduledObligation obligation) {
    return scheduleAll(List.of(obligation)) == 1;
  }

  @Override
  public int scheduleAll(Collection<ScheduledObligation> obligations) {
    if (obligations.isEmpty()) {
      return 0;
    }
    List<ScheduledObligation> all = List.copyOf(obligations);
    List<ScheduledObligation> rows = lastPerKey(all);
    String key = all.get(0).key().toString();
    Optional<String> insert = runner.dialect().insertObligationArrays();
    if (rows.size() > 1 && rows.size() <= ARRAY_CHUNK && insert.isPresent()) {
      // new keys, the common case: insert and undo fired keys in one round trip
      Integer pending = insertInOneRoundTrip(insert.get(), rows, all);
      if (pending != null) {
        return pending;
      }
    } else if (rows.size() > 1 && insert.isPresent()) {
      // new keys, the common case: a plain insert (no speculative insertion per row); when some key exists (or is
      // being inserted by another transaction, whose commit it waited for) the transaction is undone and the upsert
      // below handles both
      Integer pending = runner.inTransaction("schedule obligations", key, c -> {
        try {
          for (int from = 0; from < rows.size(); from += ARRAY_CHUNK) {
            upsertArrays(c, insert.get(), rows.subList(from, Math.min(rows.size(), from + ARRAY_CHUNK)));
          }
        } catch (SQLException e) {
          if (!runner.dialect().isUniqueViolation(e)) {
            throw e;
          }
          c.rollback();
          return null;
        }
        return undoDone(c, all);
      });
      if (pending != null) {
        return pending;
      }
    }
    return runner.inTransaction("schedule obligations", key, c -> {
      upsert(c, rows);
      return undoDone(c, all);
    });
  }

  /**
   * After the insert or upsert (whose row locks order it after any completing transaction): undoes the keys that
   * already fired or were cancelled, and returns how many of {@code all} are now pending.
   */
  private int undoDone(Connection c, List<ScheduledObligation> all) throws SQLException {
    Set<ObligationKey> done = doneAmong(c, all);
    for (ObligationKey k : done) {
      Sql.update(c, "DELETE FROM ops_obligation WHERE " + KEY, key(k));
    }
    int pending = 0;
    for (ScheduledObligation o : all) {
      if (!done.contains(o.key())) {
        pending++;
      }
    }
    return pending;
  }

  /** The last schedule of each key, in first-seen order: the last wins, as if the calls were made one by one. */
  private static List<ScheduledObligation> lastPerKey(List<ScheduledObligation> all) {
    Map<ObligationKey, ScheduledObligation> byKey = new LinkedHashMap<>();
    for (ScheduledObligation o : all) {
      byKey.remove(o.key());
      byKey.put(o.key(), o);
    }
    return List.copyOf(byKey.values());
  }

  /** Upserts in chunks of multi-row statements where the dialect has them, else in one JDBC batch. */
  private void upsert(Connection c, List<ScheduledObligation> rows) throws SQLException {
    Optional<String> arrays = runner.dialect().upsertObligationArrays();
    if (rows.size() > 1 && arrays.isPresent()) {
      for (int from = 0; from < rows.size(); from += ARRAY_CHUNK) {
        upsertArrays(c, arrays.get(), rows.subList(from, Math.min(rows.size(), from + ARRAY_CHUNK)));
      }
      return;
    }
    if (rows.size() > 1 && runner.dialect().upsertObligations(2).isPresent()) {
      for (int from = 0; from < rows.size(); from += UPSERT_CHUNK) {
        List<ScheduledObligation> chunk = rows.subList(from, Math.min(rows.size(), from + UPSERT_CHUNK));
        List<Object> params = new ArrayList<>(chunk.size() * 14);
        for (ScheduledObligation o : chunk) {
          params.addAll(List.of(ObligationColumns.upsertParameters(o)));
        }
        Sql.update(c, runner.dialect().upsertObligations(chunk.size()).orElseThrow(), params.toArray());
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(runner.dialect().upsertObligation())) {
      for (ScheduledObligation o : rows) {
        Sql.bind(ps, ObligationColumns.upsertParameters(o));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Inserts or upserts {@code rows} in one statement over one array per column (see
   * {@link Dialect#upsertObligationArrays}), filled straight from the values.
   */
  private static void upsertArrays(Connection c, String sql, List<ScheduledObligation> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindColumns(c, ps, columns(rows));
      ps.executeUpdate();
    }
  }

  /** Binds the 14 column arrays of {@link #columns} to parameters 1 to 14, and returns them as bound. */
  private static java.sql.Array[] bindColumns(Connection c, PreparedStatement ps, Object[][] columns)
      throws SQLException {
    java.sql.Array[] arrays = new java.sql.Array[columns.length];
    for (int col = 0; col < columns.length; col++) {
      arrays[col] = c.createArrayOf(ObligationColumns.UPSERT_ARRAY_TYPES[col], columns[col]);
      ps.setArray(col + 1, arrays[col]);
    }
    return arrays;
  }

  /**
   * The value of each column of {@link Dialect#upsertObligationArrays}, in the order of
   * {@link Dialect#upsertObligation()} (run_at starts as the due time), as an array element: times in microseconds.
   */
  private static final List<Function<ScheduledObligation, Object>> ARRAY_COLUMNS = List.of(
      s -> s.obligation().subjectId(), s -> s.obligation().ruleId().value(), s -> s.obligation().sequence(),
      s -> s.obligation().actor().name(), s -> s.obligation().action(), s -> s.obligation().target(),
      s -> s.obligation().channel().name(),
      s -> s.obligation().dueAt().map(JdbcObligationRepository::micros).orElse(null),
      s -> s.obligation().triggeredAt().map(JdbcObligationRepository::micros).orElse(null),
      s -> s.obligation().recurring(), s -> micros(s.dueAt()), ScheduledObligation::attempts,
      s -> s.lastError().orElse(null), s -> micros(s.dueAt()));

  /** One array per column of {@link Dialect#upsertObligationArrays}, filled straight from the values. */
  private static Object[][] columns(List<ScheduledObligation> rows) {
    Object[][] columns = new Object[ARRAY_COLUMNS.size()][];
    for (int col = 0; col < columns.length; col++) {
      Class<?> element = switch (ObligationColumns.UPSERT_ARRAY_TYPES[col]) {
        case "int4" -> Integer.class;
        case "int8" -> Long.class;
        case "bool" -> Boolean.class;
        default -> String.class;
      };
      Object[] values = (Object[]) java.lang.reflect.Array.newInstance(element, rows.size());
      Function<ScheduledObligation, Object> value = ARRAY_COLUMNS.get(col);
      for (int i = 0; i < values.length; i++) {
        values[i] = value.apply(rows.get(i));
      }
      columns[col] = values;
    }
    return columns;
  }

  /**
   * Inserts new keys and undoes those that already fired or were cancelled, in one round trip: the insert and then
   * a DELETE of the inserted keys found in the done table, two statements of one implicit transaction committed
   * together (auto-commit, one sync). The DELETE is a statement of its own, so it sees every completion committed
   * while the insert waited on a row (the ordering {@link #undoDone} relies on).
   *
   * @return how many of {@code all} are now pending, or null when a key exists (nothing was kept)
   */
  private Integer insertInOneRoundTrip(String insert, List<ScheduledObligation> rows, List<ScheduledObligation> all) {
    Object[][] columns = columns(rows);
    String sql = insert + "; DELETE FROM ops_obligation o USING unnest(CAST(? AS varchar[]), CAST(? AS varchar[]),"
        + " CAST(? AS int[])) AS k (subject_id, rule_id, seq), ops_obligation_done d"
        + " WHERE o.subject_id = k.subject_id AND o.rule_id = k.rule_id AND o.seq = k.seq"
        + " AND d.subject_id = k.subject_id AND d.rule_id = k.rule_id AND d.seq = k.seq"
        + " RETURNING o.subject_id, o.rule_id, o.seq";
    Set<ObligationKey> undone = runner.inOneStatement("schedule obligations", all.get(0).key().toString(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        java.sql.Array[] bound = bindColumns(c, ps, columns);
        // the DELETE's keys are the insert's first three arrays: encoded once (pgjdbc's binary array encoding was
        // the largest client-side cost of scheduling in a JFR profile), bound twice
        for (int col = 0; col < 3; col++) {
          ps.setArray(columns.length + col + 1, bound[col]);
        }
        Set<ObligationKey> out = new HashSet<>();
        ps.execute();
        // the insert's count, then the keys the DELETE undid
        while (true) {
          if (ps.getMoreResults()) {
            try (ResultSet rs = ps.getResultSet()) {
              while (rs.next()) {
                out.add(keyOf(rs));
              }
            }
          } else if (ps.getUpdateCount() == -1) {
            return out;
          }
        }
      } catch (SQLException e) {
        if (runner.dialect().isUniqueViolation(e)) {
          return null;
        }
        throw e;
      }
    });
    if (undone == null) {
      return null;
    }
    int pending = 0;
    for (ScheduledObligation o : all) {
      if (!undone.contains(o.key())) {
        pending++;
      }
    }
    return pending;
  }

  /** Microseconds since the epoch, truncated as {@link Sql#utc} truncates. */
  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  /** Returns the keys among {@code obligations} that are in the done table. */
  private Set<ObligationKey> doneAmong(Connection c, List<ScheduledObligation> obligations)
      throws SQLException {
    Set<ObligationKey> wanted = new HashSet<>();
    Set<String> subjects = new LinkedHashSet<>();
    for (ScheduledObligation o : obligations) {
      wanted.add(o.key());
      subjects.add(o.key().subjectId());
    }
    Set<ObligationKey> done = new HashSet<>();
    if (runner.dialect().upsertObligationArrays().isPresent()) {
      // a dialect that binds arrays: one small statement for all the subjects, its plan reused
      try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, rule_id, seq FROM ops_obligation_done"
          + " WHERE subject_id = ANY (CAST(? AS varchar[]))")) {
        ps.setArray(1, c.createArrayOf("text", subjects.toArray(new String[0])));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ObligationKey k = keyOf(rs);
            if (wanted.contains(k)) {
              done.add(k);
            }
          }
        }
      }
      return done;
    }
    List<String> all = List.copyOf(subjects);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      for (ObligationKey k : Sql.query(c, "SELECT subject_id, rule_id, seq FROM ops_obligation_done"
          + " WHERE subject_id IN (" + marks + ")", JdbcObligationRepository::keyOf, chunk.toArray())) {
        if (wanted.contains(k)) {
          done.add(k);
        }
      }
    }
    return done;
  }

  @Override
  public boolean cancel(ObligationKey key) {
    return runner.inTransaction("cancel obligation", key.toString(), c -> cancel(c, key));
  }

  /** Moves a pending key to the done table as cancelled. */
  private static boolean cancel(Connection c, ObligationKey key) throws SQLException {
    if (Sql.update(c, "DELETE FROM ops_obligation WHERE " + KEY, key(key)) == 0) {
      return false;
    }
    Sql.update(c, "INSERT INTO ops_obligation_done (subject_id, rule_id, seq, outcome, done_at, owner)"
        + " VALUES (?,?,?,'CANCELLED',?,?)", concat(key(key), Sql.NULL_TIME, Sql.NULL_TEXT));
    return true;
  }

  @Override
  public int cancelSubject(String subjectId) {
    return runner.inTransaction("cancel subject obligations", subjectId, c -> {
      List<ObligationKey> keys = Sql.query(c, "SELECT subject_id, rule_id, seq FROM ops_obligation"
          + " WHERE subject_id = ? FOR UPDATE", JdbcObligationRepository::keyOf, subjectId);
      int n = 0;
      for (ObligationKey k : keys) {
        if (cancel(c, k)) {
          n++;
        }
      }
      return n;
    });
  }

  private static ObligationKey keyOf(ResultSet rs) throws SQLException {
    return new ObligationKey(rs.getString("subject_id"), org.opsbook.core.RuleId.of(rs.getString("rule_id")),
        rs.getInt("seq"));
  }

  @Override
  public List<ClaimedObligation> claimDue(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    Optional<String> oneStatement = runner.dialect().claimObligationsReturning();
    List<ClaimedObligation> claimed = oneStatement.isPresent()
        // one statement that leases and returns the rows, atomic on its own: auto-committed, its commit in its round
        // trip; the database's time is read just before it, as a transaction's timestamp would be read at its start
        ? runner.inOneStatement("claim due obligations", owner, c -> {
          LeaseClock.Times t = clock.at(c, now);
          Instant until = t.leaseNow().plus(lease);
          return Sql.query(c, oneStatement.get(), rs -> new ClaimedObligation(ObligationColumns.read(rs), owner,
              until, rs.getLong("lease_gen")), owner, until, until, until, t.scanBound(), t.dueBy(), t.leaseNow(),
              limit);
        })
        : runner.inTransaction("claim due obligations", owner, c -> claimInTwoSteps(c, now, limit, owner, lease));
    List<ClaimedObligation> ordered = new ArrayList<>(claimed);
    ordered.sort(Comparator.comparing((ClaimedObligation o) -> o.scheduled().dueAt())
        .thenComparing(o -> o.scheduled().key().toString()));
    return ordered;
  }

  /** Selects due rows {@code FOR UPDATE SKIP LOCKED}, then leases them, in the transaction of {@code c}. */
  private List<ClaimedObligation> claimInTwoSteps(Connection c, Instant now, int limit, String owner, Duration lease)
      throws SQLException {
    LeaseClock.Times t = clock.at(c, now);
    Instant until = t.leaseNow().plus(lease);
    List<Long> ids = new ArrayList<>();
    List<ClaimedObligation> rows = Sql.query(c, "SELECT id, " + ObligationColumns.SELECT + " FROM ops_obligation"
        + " WHERE run_at <= ? AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
        + " ORDER BY run_at LIMIT ? FOR UPDATE SKIP LOCKED", rs -> {
          ids.add(rs.getLong("id"));
          return new ClaimedObligation(ObligationColumns.read(rs), owner, until, rs.getLong("lease_gen") + 1);
        }, t.scanBound(), t.dueBy(), t.leaseNow(), limit);
    if (!ids.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE ops_obligation SET owner = ?, lease_until = ?,"
          + " run_at = CASE WHEN due_at > ? THEN due_at ELSE ? END, lease_gen = lease_gen + 1 WHERE id = ?")) {
        for (Long id : ids) {
          Sql.bind(ps, owner, until, until, until, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return rows;
  }

  @Override
  public int heartbeat(String owner, Instant now, Duration lease) {
    // a row rescheduled while leased keeps its later due time: it is claimable at whichever comes last
    return runner.inTransaction("heartbeat obligations", owner, c -> {
      LeaseClock.Times t = clock.at(c, now);
      Instant until = t.leaseNow().plus(lease);
      return Sql.update(c, "UPDATE ops_obligation SET lease_until = ?, run_at = CASE WHEN due_at > ? THEN due_at"
          + " ELSE ? END WHERE owner = ? AND lease_until > ?", until, until, until, owner, t.leaseNow());
    });
  }

  @Override
  public Optional<ClaimedObligation> renew(ClaimedObligation claim, Instant now, Duration lease) {
    ObligationKey k = claim.scheduled().key();
    return runner.inTransaction("renew obligation lease", k.toString(), c -> {
      LeaseClock.Times t = clock.at(c, now);
      Instant until = t.leaseNow().plus(lease);
      int n = Sql.update(c, "UPDATE ops_obligation SET lease_until = ?, run_at = CASE WHEN due_at > ? THEN due_at"
          + " ELSE ? END WHERE " + KEY + " AND owner = ? AND lease_gen = ? AND lease_until > ?",
          concat(new Object[] {until, until, until}, concat(key(k), claim.owner(), claim.generation(),
              t.leaseNow())));
      return n == 1 ? Optional.of(new ClaimedObligation(claim.scheduled(), claim.owner(), until, claim.generation()))
          : Optional.<ClaimedObligation>empty();
    });
  }

  @Override
  public boolean complete(ClaimedObligation claim, Instant firedAt) {
    return runner.inTransaction("complete obligation", claim.scheduled().key().toString(),
        c -> finish(c, claim, firedAt));
  }

  private static final String DELETE_CLAIMED = "DELETE FROM ops_obligation WHERE " + KEY
      + " AND owner = ? AND lease_gen = ?";
  private static final String INSERT_FIRED = "INSERT INTO ops_obligation_done (subject_id, rule_id, seq, outcome,"
      + " done_at, owner) VALUES (?,?,?,'FIRED',?,?)";

  /** Moves a claimed key to the done table as fired, if the claim is still current. */
  private static boolean finish(Connection c, ClaimedObligation claim, Instant at) throws SQLException {
    ObligationKey key = claim.scheduled().key();
    if (Sql.update(c, DELETE_CLAIMED, concat(key(key), claim.owner(), claim.generation())) == 0) {
      return false;
    }
    Sql.update(c, INSERT_FIRED, concat(key(key), at, claim.owner()));
    return true;
  }

  @Override
  public Set<ObligationKey> completeAll(Collection<ClaimedObligation> claims, Instant firedAt) {
    if (claims.isEmpty()) {
      return Set.of();
    }
    List<ClaimedObligation> all = List.copyOf(claims);
    if (all.size() == 1) {
      return complete(all.get(0), firedAt) ? Set.of(all.get(0).scheduled().key()) : Set.of();
    }
    Optional<String> oneStatement = runner.dialect().completeObligationsArrays();
    if (oneStatement.isPresent()) {
      return completeInOneStatement(oneStatement.get(), all, firedAt);
    }
    // two batches, not two statements per claim: a group costs two round trips and one commit, whatever its size
    return runner.inTransaction("complete obligations", all.get(0).owner() + ":" + all.size(), c -> {
      List<ClaimedObligation> current = new ArrayList<>(all.size());
      try (PreparedStatement ps = c.prepareStatement(DELETE_CLAIMED)) {
        for (ClaimedObligation claim : all) {
          Sql.bind(ps, concat(key(claim.scheduled().key()), claim.owner(), claim.generation()));
          ps.addBatch();
        }
        int[] deleted = ps.executeBatch();
        for (int i = 0; i < deleted.length; i++) {
          // SUCCESS_NO_INFO (-2) is never returned for a DELETE by PostgreSQL or H2; count it as not deleted
          if (deleted[i] > 0) {
            current.add(all.get(i));
          }
        }
      }
      Set<ObligationKey> done = new LinkedHashSet<>();
      if (current.isEmpty()) {
        return done;
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT_FIRED)) {
        for (ClaimedObligation claim : current) {
          Sql.bind(ps, concat(key(claim.scheduled().key()), firedAt, claim.owner()));
          ps.addBatch();
          done.add(claim.scheduled().key());
        }
        ps.executeBatch();
      }
      return done;
    });
  }

  /** Completes {@code all} in one auto-committed statement: one round trip for the whole group. */
  private Set<ObligationKey> completeInOneStatement(String sql, List<ClaimedObligation> all, Instant firedAt) {
    int n = all.size();
    String[] subjects = new String[n];
    String[] rules = new String[n];
    Integer[] seqs = new Integer[n];
    Long[] generations = new Long[n];
    String[] owners = new String[n];
    for (int i = 0; i < n; i++) {
      ClaimedObligation claim = all.get(i);
      ObligationKey k = claim.scheduled().key();
      subjects[i] = k.subjectId();
      rules[i] = k.ruleId().value();
      seqs[i] = k.sequence();
      generations[i] = claim.generation();
      owners[i] = claim.owner();
    }
    Set<ObligationKey> completed = new HashSet<>(runner.inOneStatement("complete obligations",
        all.get(0).owner() + ":" + n, c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", subjects));
            ps.setArray(2, c.createArrayOf("text", rules));
            ps.setArray(3, c.createArrayOf("int4", seqs));
            ps.setArray(4, c.createArrayOf("int8", generations));
            ps.setArray(5, c.createArrayOf("text", owners));
            ps.setObject(6, Sql.utc(firedAt));
            List<ObligationKey> keys = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(keyOf(rs));
              }
            }
            return keys;
          }
        }));
    // in the order of the claims, as the batch path returns them
    Set<ObligationKey> done = new LinkedHashSet<>();
    for (ClaimedObligation claim : all) {
      if (completed.contains(claim.scheduled().key())) {
        done.add(claim.scheduled().key());
      }
    }
    return done;
  }

  @Override
  public boolean fail(ClaimedObligation claim, String error, Instant retryAt) {
    ObligationKey k = claim.scheduled().key();
    return runner.inTransaction("fail obligation", k.toString(), c -> Sql.update(c,
        "UPDATE ops_obligation SET attempts = attempts + 1, last_error = ?, due_at = ?, run_at = ?, owner = NULL,"
            + " lease_until = NULL WHERE " + KEY + " AND owner = ? AND lease_gen = ?",
        concat(new Object[] {error, retryAt, retryAt}, concat(key(k), claim.owner(), claim.generation()))) == 1);
  }

  @Override
  public boolean repeat(ClaimedObligation claim, ScheduledObligation next) {
    ObligationRepository.checkRepeat(claim, next);
    ObligationKey k = next.key();
    Obligation o = next.obligation();
    return runner.inTransaction("repeat obligation", k.toString(), c -> Sql.update(c,
        "UPDATE ops_obligation SET actor = ?, action = ?, target = ?, channel = ?, duty_due_at = ?, triggered_at = ?,"
            + " recurring = ?, due_at = ?, run_at = ?, attempts = 0, last_error = NULL, owner = NULL,"
            + " lease_until = NULL WHERE " + KEY + " AND owner = ? AND lease_gen = ?",
        concat(new Object[] {o.actor(), o.action(), o.target(), o.channel(), Sql.time(o.dueAt()),
            Sql.time(o.triggeredAt()), o.recurring(), next.dueAt(), next.dueAt()},
            concat(key(k), claim.owner(), claim.generation()))) == 1);
  }

  @Override
  public Optional<ScheduledObligation> find(ObligationKey key) {
    return runner.read("find obligation", key.toString(), c -> Sql.queryOne(c,
        "SELECT " + ObligationColumns.SELECT + " FROM ops_obligation WHERE " + KEY, ObligationColumns::read,
        key(key)));
  }

  @Override
  public boolean hasFired(ObligationKey key) {
    return runner.read("read fired obligation", key.toString(), c -> Sql.queryOne(c,
        "SELECT 1 FROM ops_obligation_done WHERE " + KEY + " AND outcome = 'FIRED'", rs -> true, key(key)))
        .isPresent();
  }

  @Override
  public List<ScheduledObligation> pending(String subjectId) {
    List<ScheduledObligation> out = new ArrayList<>(runner.read("list pending obligations", subjectId,
        c -> Sql.query(c, "SELECT " + ObligationColumns.SELECT + " FROM ops_obligation WHERE subject_id = ?",
            ObligationColumns::read, subjectId)));
    out.sort(Comparator.comparing(ScheduledObligation::dueAt).thenComparing(o -> o.key().toString()));
    return out;
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return runner.read("read next due obligation", "*", c -> Sql.queryOne(c,
        "SELECT run_at FROM ops_obligation ORDER BY run_at LIMIT 1", rs -> Sql.instant(rs, "run_at")));
  }
}
