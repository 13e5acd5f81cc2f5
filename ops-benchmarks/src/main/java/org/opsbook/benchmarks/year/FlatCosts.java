package org.opsbook.benchmarks.year;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opsbook.benchmarks.support.BenchPostgres;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.jdbc.audit.SoxExport;
import org.opsbook.core.Channel;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.notify.internal.workflow.DrainReport;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.notify.internal.workflow.SmsDispatcher;

/**
 * Flat costs as history grows: the same live work (five open faults with their notification SMS sent, three data
 * modifications closed, one cutover reviewed, all in the week of {@link #PROBE}) is written into an empty database and
 * into one holding a year of history ({@link YearOfHistory}), and the operations a running room repeats are timed on
 * both, alternating between the two so load on the machine falls on both alike: the scheduler's poll, the outbox's
 * drain, opening a fault and reading its duties, the reads of the dashboard and the stateful API, verifying one audit
 * stream, the SOX export of the month and the weekly report. The plans of the queries behind them are printed
 * beside the figures ({@code EXPLAIN ANALYZE} on PostgreSQL, {@code EXPLAIN ANALYZE} on H2).
 *
 * <pre>
 * java -cp ops-benchmarks/target/benchmarks.jar org.opsbook.benchmarks.year.FlatCosts --db both --scale 0.1 \
 *     --out ops-benchmarks/results/year-of-history.md
 * </pre>
 */
public final class FlatCosts {
  /** When the live work starts: the first Monday after the year. */
  static final Instant PROBE = Instant.parse("2026-12-07T01:00:00Z");
  static final Instant MONTH = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant NEXT_MONTH = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant WEEK = Instant.parse("2026-12-06T16:00:00Z");
  static final int PROBE_FAULTS = 5;

  private FlatCosts() {}

  /** The live work of the probe week, written through the engine. */
  static void probe(Room room) {
    for (int i = 1; i <= PROBE_FAULTS; i++) {
      room.fault("P-" + i);
      room.advance(Duration.ofMinutes(3));
    }
    for (int i = 1; i <= 3; i++) {
      room.modification("PDM-" + i);
    }
    room.cutover("PCO-1");
  }

  /** One side of the comparison: a database, its room and its dispatcher. */
  static final class Side implements AutoCloseable {
    final YearDatabase db;
    final Room room;
    final SmsDispatcher dispatcher;
    final String label;
    /** The first round of the first dispatcher ever: no sweep has completed, so it reads every SM-SMS message. */
    double firstEverDrainMs;
    /** The first round of a dispatcher started after that one: it reads what changed since the sweep mark. */
    double firstDrainMs;
    /** The last audit checkpoint taken: the full one after the probe, then each delta the hourly operation took. */
    AuditCheckpoint lastCheckpoint;
    int opened;
    int queued;
    YearOfHistory.Counts counts;

    Side(YearDatabase db, String label) {
      this.db = db;
      this.label = label;
      this.room = new Room(db.jdbc(), PROBE);
      probe(room);
      this.dispatcher = dispatcher("flat-costs");
      this.lastCheckpoint = room.engine.auditLog().checkpoint(room.clock.instant());
    }

    /** A new dispatcher over this side, as a process starting would build it. */
    SmsDispatcher dispatcher(String owner) {
      return SmsDispatcher.builder().outbox(db.jdbc().outbox()).workflows(db.jdbc().workflows())
          .gateway(room.gateway)
          .directory(room.engine.directory()).auditLog(db.jdbc().auditLog()).owner(owner).build();
    }

    @Override
    public void close() {
      room.close();
      db.close();
    }
  }

  /** An operation measured: its name, the queries behind it (names of {@link #queries}), what it runs. */
  record Op(String name, String queries, java.util.function.Function<Side, Callable<?>> run) {
    /**
     * Whether a room repeats it through the day: not the full lists and the full checkpoint, which read all history
     * by design and are kept off the daily path.
     */
    boolean daily() {
      return !name.contains("list (dashboard)") && !name.startsWith("audit checkpoint, full");
    }
  }

  /** With {@code -Dyear.dailyOnly=true}, only the operations a room repeats through the day are measured. */
  static final boolean DAILY_ONLY = Boolean.getBoolean("year.dailyOnly");

  static List<Op> operations() {
    Duration lease = Duration.ofMinutes(5);
    List<Op> ops = new ArrayList<>();
    ops.add(new Op("scheduler poll (claim due, heartbeat, next due)", "claim-duties, duty-heartbeat, next-due",
        s -> () -> {
          ObligationRepository o = s.db.jdbc().obligations();
          Instant now = s.room.clock.instant();
          o.claimDue(now, 50, "flat-costs", lease);
          o.heartbeat("flat-costs", now, lease);
          return o.nextDueAt();
        }));
    ops.add(new Op("outbox drain (SmsDispatcher.drainOnce, after the first)",
        "released-sms-since, claim-messages, in-doubt", s -> () -> s.dispatcher.drainOnce(
            s.room.clock.instant())));
    ops.add(new Op("outbox drain with one message due (refused: no SM-SMS of its key)",
        "released-sms-since, claim-messages, message-heartbeat, in-doubt", s -> () -> {
          String key = "X-" + (++s.queued) + "/NOTIFICATION/1";
          Instant now = s.room.clock.instant();
          s.db.jdbc().outbox().enqueue(OutboxMessage.builder().key(key).faultId("X").messageType("NOTIFICATION")
              .channel(Channel.SMS).text("x").nextAttemptAt(now).createdAt(now).build());
          DrainReport r = s.dispatcher.drainOnce(now);
          if (r.refused() != 1) {
            throw new IllegalStateException("expected one refused message: " + r);
          }
          return r;
        }));
    ops.add(new Op("engine round (runDueWork: outbox, timers, checkpoint)",
        "released-sms-since, claim-messages, claim-duties, next-due", s -> () -> s.room.engine.runDueWork()));
    ops.add(new Op("open a fault and read its duties", "fault-summary, fault-events, pending-duties, done-duties",
        s -> () -> {
          String id = "Q-" + (++s.opened);
          s.room.engine.faults().open(id, s.room.facts(id), "zhangsan");
          return s.room.engine.faults().duties(id);
        }));
    ops.add(new Op("open faults (dashboard)", "open-faults", s -> () -> s.room.engine.faults().openFaults()));
    ops.add(new Op("a fault's duties (API)", "fault-events, pending-duties",
        s -> () -> s.room.engine.faults().duties("P-1")));
    ops.add(new Op("messages of a fault (API)", "messages-of-fault",
        s -> () -> s.room.engine.messages().ofFault("P-1")));
    ops.add(new Op("data modifications list (dashboard)", "workflow-list",
        s -> () -> s.room.engine.modifications().list()));
    ops.add(new Op("cutovers list (dashboard)", "workflow-list", s -> () -> s.room.engine.cutovers().list()));
    ops.add(new Op("all messages list (dashboard)", "sms-list", s -> () -> s.room.engine.messages().list()));
    ops.add(new Op("messages in hand (dashboard, live())", "sms-live",
        s -> () -> s.room.engine.messages().live()));
    // pages the size of what the empty side holds, so both sides return the same number of rows
    ops.add(new Op("newest 5 messages (dashboard, page())", "sms-page",
        s -> () -> s.room.engine.messages().page(5, Optional.empty())));
    ops.add(new Op("a page of 2 data modifications after the newest (API, page(after))", "workflow-page-after",
        s -> () -> {
          String newest = s.room.engine.modifications().page(1, Optional.empty()).get(0).id();
          List<?> page = s.room.engine.modifications().page(2, Optional.of(newest));
          if (page.size() != 2) {
            throw new IllegalStateException("expected a page of 2, not " + page.size());
          }
          return page;
        }));
    ops.add(new Op("open cutovers (dashboard, live())", "workflow-live",
        s -> () -> s.room.engine.cutovers().live()));
    ops.add(new Op("verify one audit stream (dataop:PDM-1)", "audit-stream, audit-head", s -> () -> {
      AuditVerification v = s.room.engine.auditLog().verify("dataop:PDM-1");
      if (!v.intact()) {
        throw new IllegalStateException("dataop:PDM-1 does not verify: " + v);
      }
      return v;
    }));
    // as the engine's schedule takes them: each a delta of the one before (the streams appended to since)
    ops.add(new Op("audit checkpoint (hourly: delta of the previous one)", "audit-heads-since",
        s -> () -> s.lastCheckpoint = s.room.engine.auditLog().checkpointAfter(s.lastCheckpoint,
            s.room.clock.instant())));
    ops.add(new Op("audit checkpoint, full (the first after a start)", "audit-heads",
        s -> () -> s.room.engine.auditLog().checkpoint(s.room.clock.instant())));
    ops.add(new Op("SOX export of the month (December, dataop:)", "audit-period, audit-stream, audit-head",
        s -> () -> new SoxExport(s.room.engine.auditLog()).forPeriod(MONTH, NEXT_MONTH, SoxExport.DATAOP_PREFIX,
            SoxExport.Access.MASKED)));
    ops.add(new Op("weekly report (duty compliance of the week)", "faults-active-since, fault-events",
        s -> () -> s.room.engine.faults().compliance(WEEK, WEEK.plus(Duration.ofDays(7)))));
    return ops;
  }

  /** The queries behind the operations, with the parameters the probe uses. */
  static Map<String, Object[]> queries(boolean postgres) {
    Instant now = PROBE.plus(Duration.ofHours(3));
    Map<String, Object[]> q = new LinkedHashMap<>();
    q.put("claim-duties", new Object[] {"SELECT id FROM ops_obligation WHERE run_at <= ? AND due_at <= ?"
        + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY run_at LIMIT 50", now, now, now});
    q.put("duty-heartbeat", new Object[] {"SELECT COUNT(*) FROM ops_obligation WHERE owner = ? AND lease_until > ?",
        "flat-costs", now});
    q.put("next-due", new Object[] {"SELECT run_at FROM ops_obligation ORDER BY run_at LIMIT 1"});
    q.put("released-sms", new Object[] {"SELECT id, state, updated_at FROM ops_workflow WHERE machine = ?"
        + " ORDER BY updated_at DESC, id", "SM-SMS"});
    q.put("released-sms-since", new Object[] {"SELECT id, state, updated_at FROM ops_workflow WHERE machine = ?"
        + " AND updated_at >= ? ORDER BY updated_at DESC, id", "SM-SMS", now.minus(Duration.ofHours(1))});
    q.put("claim-messages", new Object[] {"SELECT msg_key FROM ops_outbox WHERE state = 'PENDING'"
        + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY created_at, msg_key"
        + " LIMIT 50", now, now});
    q.put("message-heartbeat", new Object[] {"SELECT COUNT(*) FROM ops_outbox WHERE owner = ? AND state <> 'SENT'"
        + " AND lease_until > ?", "flat-costs", now});
    q.put("in-doubt", new Object[] {"SELECT msg_key FROM ops_outbox WHERE state = 'SENDING' AND lease_until <= ?",
        now});
    q.put("fault-summary", new Object[] {"SELECT version FROM ops_fault WHERE fault_id = ?", "P-1"});
    q.put("fault-events", new Object[] {"SELECT seq, type FROM ops_fault_event WHERE fault_id = ? ORDER BY seq",
        "P-1"});
    q.put("pending-duties", new Object[] {"SELECT rule_id, seq FROM ops_obligation WHERE subject_id = ?", "P-1"});
    q.put("done-duties", new Object[] {"SELECT subject_id, rule_id, seq FROM ops_obligation_done"
        + " WHERE subject_id IN (?)", "P-1"});
    q.put("open-faults", new Object[] {"SELECT fault_id FROM ops_fault WHERE is_open ORDER BY updated_at DESC,"
        + " fault_id"});
    q.put("messages-of-fault", postgres
        ? new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? AND id ~>=~ ? AND id ~<~ ? AND id LIKE ?"
            + " ESCAPE '!'", "SM-SMS", "P-1/", "P-10", "P-1/%"}
        : new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? AND id LIKE ? ESCAPE '!'", "SM-SMS", "P-1/%"});
    q.put("workflow-list", new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? ORDER BY updated_at DESC,"
        + " id", "SM-DATAOP-MOD"});
    q.put("sms-list", new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? ORDER BY updated_at DESC, id",
        "SM-SMS"});
    q.put("sms-live", live(postgres, "SM-SMS", List.of("APPROVED", "DRAFTED", "IN_REVIEW", "REQUIRED")));
    q.put("sms-page", new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? ORDER BY updated_at DESC, id"
        + " LIMIT 5", "SM-SMS"});
    q.put("workflow-page-after", new Object[] {"SELECT id FROM ops_workflow WHERE machine = ? AND updated_at <= ?"
        + " AND (updated_at < ? OR id > ?) ORDER BY updated_at DESC, id LIMIT 2", "SM-DATAOP-MOD", now, now,
        "PDM-3"});
    // the live states of SM-CUTOVER: every state but the terminal ARCHIVED, REJECTED and ABORTED, as listInStates binds
    List<String> live = java.util.Arrays.stream(org.opsbook.rules.cutover.CutoverState.values()).map(Enum::name)
        .filter(n -> !Set.of("ARCHIVED", "REJECTED", "ABORTED").contains(n)).sorted().toList();
    q.put("workflow-live", live(postgres, "SM-CUTOVER", live));
    q.put("audit-stream", new Object[] {"SELECT seq, hash FROM ops_audit WHERE stream = ? ORDER BY seq, gseq",
        "dataop:PDM-1"});
    q.put("audit-head", new Object[] {"SELECT seq, hash FROM ops_audit_head WHERE stream = ?", "dataop:PDM-1"});
    q.put("audit-heads", new Object[] {"SELECT stream, seq, hash, gseq, seal FROM ops_audit_head"});
    // the delta's read, with the global sequence 20 records back (bound in plans())
    q.put("audit-heads-since", new Object[] {"SELECT stream, seq, hash, gseq, seal FROM ops_audit_head WHERE gseq > ?",
        GLOBAL_LESS_20});
    q.put("audit-period", new Object[] {"SELECT stream, seq FROM ops_audit WHERE at >= ? AND at < ?", MONTH,
        NEXT_MONTH});
    q.put("faults-active-since", new Object[] {"SELECT fault_id, updated_at FROM ops_fault WHERE is_open UNION"
        + " SELECT fault_id, updated_at FROM ops_fault WHERE updated_at >= ? ORDER BY updated_at DESC, fault_id", WEEK});
    return q;
  }

  /**
   * The query of {@code listInStates} as the repository writes it: on PostgreSQL {@code machine = ? AND state IN (…)},
   * on H2 a row-value list of {@code (machine, state)} pairs.
   */
  private static Object[] live(boolean postgres, String machine, List<String> states) {
    List<Object> out = new ArrayList<>();
    out.add("SELECT id FROM ops_workflow WHERE "
        + org.opsbook.jdbc.internal.JdbcWorkflowRepository.inStatesWhere(!postgres, states.size())
        + " ORDER BY updated_at DESC, id");
    if (postgres) {
      out.add(machine);
      out.addAll(states);
    } else {
      for (String st : states) {
        out.add(machine);
        out.add(st);
      }
    }
    return out.toArray();
  }

  /** A parameter bound to the log's global sequence less 20 when the plan is taken. */
  private static final Object GLOBAL_LESS_20 = new Object();

  /** The plan of each query on {@code d}. */
  static Map<String, String> plans(YearDatabase d) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = d.dataSource().getConnection()) {
      long global;
      try (PreparedStatement ps = c.prepareStatement("SELECT gseq FROM ops_audit_global WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        global = rs.next() ? rs.getLong(1) : 0;
      }
      for (Map.Entry<String, Object[]> e : queries(d.isPostgres()).entrySet()) {
        Object[] q = e.getValue();
        String sql = (d.isPostgres() ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " : "EXPLAIN ANALYZE ")
            + q[0];
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 1; i < q.length; i++) {
            Object v = q[i] == GLOBAL_LESS_20 ? (Object) Math.max(0, global - 20) : q[i];
            ps.setObject(i, v instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : v);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sb.append(rs.getString(1)).append('\n');
            }
          }
        }
        out.put(e.getKey(), q[0] + "\n" + sb.toString().trim());
      }
      if (d.isPostgres()) {
        // what a prepared statement runs once PostgreSQL settles on its generic plan (parameters unknown)
        out.put("messages-of-fault, generic plan, LIKE alone", generic(c, "machine = $1 AND id LIKE $2 ESCAPE '!'",
            "(varchar, varchar)", "('SM-SMS', 'P-1/%')"));
        out.put("messages-of-fault, generic plan, with byte-order bounds", generic(c, "machine = $1 AND id ~>=~ $2"
            + " AND id ~<~ $3 AND id LIKE $4 ESCAPE '!'", "(varchar, varchar, varchar, varchar)",
            "('SM-SMS', 'P-1/', 'P-10', 'P-1/%')"));
      }
    }
    return out;
  }

  private static String generic(Connection c, String where, String types, String args) throws SQLException {
    String sql = "SELECT id FROM ops_workflow WHERE " + where;
    StringBuilder sb = new StringBuilder(sql).append('\n');
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE year_generic " + types + " AS " + sql);
      try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) EXECUTE year_generic "
          + args)) {
        while (rs.next()) {
          sb.append(rs.getString(1)).append('\n');
        }
      } finally {
        s.execute("DEALLOCATE year_generic");
        s.execute("RESET plan_cache_mode");
      }
    }
    return sb.toString().trim();
  }

  /** Times {@code call} {@code reps} times after {@code warmup} runs; returns the times in milliseconds. */
  static double[] time(Callable<?> call, int warmup, int reps) throws Exception {
    for (int i = 0; i < warmup; i++) {
      call.call();
    }
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      call.call();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return ms;
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** The figures of one database: per operation, empty and year medians. */
  record Row(String op, String queries, double empty, double year) {
    double ratio() {
      return year / empty;
    }
  }

  /**
   * What PostgreSQL spent on each statement of each operation, per side ({@code --statements}): planning and execution
   * as {@code pg_stat_statements} counts them, summed over every timed run (and the one warm-up) of every round.
   */
  static final class Statements {
    final BenchPostgres pg;
    /** operation → side → statement → calls, plans, plan ms, exec ms, blocks hit, blocks read, rows. */
    final Map<String, Map<String, Map<String, double[]>>> figures = new LinkedHashMap<>();
    /** operation → side → how many times the operation ran while counted. */
    final Map<String, Map<String, Integer>> runs = new LinkedHashMap<>();

    Statements(BenchPostgres pg) {
      this.pg = pg;
    }

    void reset() throws SQLException {
      pg.resetStatements();
    }

    void collect(String op, String side, int times) throws SQLException {
      Map<String, double[]> bySql = figures.computeIfAbsent(op, k -> new LinkedHashMap<>())
          .computeIfAbsent(side, k -> new LinkedHashMap<>());
      for (BenchPostgres.StatementFigures f : pg.statements()) {
        double[] a = bySql.computeIfAbsent(f.query().replaceAll("\\s+", " "), k -> new double[7]);
        a[0] += f.calls();
        a[1] += f.plans();
        a[2] += f.planMs();
        a[3] += f.execMs();
        a[4] += f.blocksHit();
        a[5] += f.blocksRead();
        a[6] += f.rows();
      }
      runs.computeIfAbsent(op, k -> new LinkedHashMap<>()).merge(side, times, Integer::sum);
    }

    /** Per operation, each statement per run of the operation on both sides, dearest on the year side first. */
    void report(StringBuilder out, String kind) {
      out.append("#### ").append(kind).append(": statements per run of each operation (pg_stat_statements)\n\n")
          .append("Per run of the operation: calls, times planned, planning and execution time in µs, shared blocks"
              + " touched; empty side → year side.\n\n");
      for (Map.Entry<String, Map<String, Map<String, double[]>>> op : figures.entrySet()) {
        Map<String, double[]> e = op.getValue().getOrDefault("empty", Map.of());
        Map<String, double[]> y = op.getValue().getOrDefault("year", Map.of());
        int ne = runs.get(op.getKey()).getOrDefault("empty", 1);
        int ny = runs.get(op.getKey()).getOrDefault("year", 1);
        double te = e.values().stream().mapToDouble(a -> a[2] + a[3]).sum() * 1000 / ne;
        double ty = y.values().stream().mapToDouble(a -> a[2] + a[3]).sum() * 1000 / ny;
        out.append(String.format(Locale.ROOT, "**%s**: in the server %.0f → %.0f µs per run%n%n", op.getKey(), te,
            ty));
        out.append("| statement | calls | plans | plan µs | exec µs | blocks |\n|---|---:|---:|---:|---:|---:|\n");
        java.util.Set<String> sqls = new java.util.LinkedHashSet<>(y.keySet());
        sqls.addAll(e.keySet());
        sqls.stream().sorted(java.util.Comparator.comparingDouble(
            (String q) -> -(y.getOrDefault(q, new double[7])[2] + y.getOrDefault(q, new double[7])[3])))
            .forEach(q -> {
              double[] a = e.getOrDefault(q, new double[7]);
              double[] b = y.getOrDefault(q, new double[7]);
              String brief = q.replaceFirst("^SELECT .*? FROM ", "SELECT … FROM ");
              String sql = brief.length() > 160 ? brief.substring(0, 157) + "…" : brief;
              out.append(String.format(Locale.ROOT,
                  "| `%s` | %.1f → %.1f | %.2f → %.2f | %.0f → %.0f | %.0f → %.0f | %.0f → %.0f |%n",
                  sql.replace("|", "\\|"), a[0] / ne, b[0] / ny, a[1] / ne, b[1] / ny, a[2] * 1000 / ne,
                  b[2] * 1000 / ny, a[3] * 1000 / ne, b[3] * 1000 / ny, (a[4] + a[5]) / ne, (b[4] + b[5]) / ny));
            });
        out.append('\n');
      }
    }
  }

  /** Measures every operation on both sides, alternating rounds between them. */
  static List<Row> compare(Side empty, Side year, int rounds, int reps) throws Exception {
    return compare(empty, year, rounds, reps, null);
  }

  /**
   * Measures every operation on both sides, alternating rounds between them; with {@code statements}, each side's
   * statements are counted around its runs (outside the timed runs).
   */
  static List<Row> compare(Side empty, Side year, int rounds, int reps, Statements statements) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Op op : operations()) {
      if (DAILY_ONLY && !op.daily()) {
        continue;
      }
      double[] e = new double[0];
      double[] y = new double[0];
      Callable<?> onEmpty = op.run().apply(empty);
      Callable<?> onYear = op.run().apply(year);
      // as many runs per round as fit in about 300 ms on the slower side, at least 3 and at most reps
      double slowest = Math.max(median(time(onEmpty, 5, 3)), median(time(onYear, 5, 3)));
      int n = (int) Math.max(3, Math.min(reps, Math.round(300 / Math.max(slowest, 1e-3))));
      for (int r = 0; r < rounds; r++) {
        if (statements != null) {
          statements.reset();
        }
        e = concat(e, time(onEmpty, 1, n));
        if (statements != null) {
          statements.collect(op.name(), "empty", n + 1);
          statements.reset();
        }
        y = concat(y, time(onYear, 1, n));
        if (statements != null) {
          statements.collect(op.name(), "year", n + 1);
        }
      }
      rows.add(new Row(op.name(), op.queries(), median(e), median(y)));
      System.out.printf(Locale.ROOT, "  %-60s empty %9.3f ms  year %9.3f ms  x%.2f%n", op.name(), median(e),
          median(y), median(y) / median(e));
    }
    return rows;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * Builds both sides of one database kind; the year side is written first at {@code scale}. With {@code keep} on H2,
   * the written year is also kept as a pristine copy under {@code dir/pristine-<scale>} (before the probe's live work
   * goes in), and a later run with {@code keep} starts from a copy of it instead of writing the year again: the full
   * year takes about an hour to write, and migrations added since are applied when it is opened.
   */
  static Side[] sides(String kind, double scale, Path dir, BenchPostgres pg, boolean keep) throws Exception {
    boolean h2 = kind.equals("h2");
    YearDatabase emptyDb = h2 ? YearDatabase.h2(dir.resolve("h2-empty"), true)
        : YearDatabase.postgres(pg, "empty");
    Path pristine = dir.resolve("pristine-" + scale);
    Path pristineFile = pristine.resolve("h2-year.mv.db");
    Path pristineCounts = pristine.resolve("counts.txt");
    YearDatabase yearDb;
    YearOfHistory.Counts counts;
    if (!h2 && keep) {
      // the year is written once into its own database, kept in the server's kept data directory; each run measures
      // on a file copy of it, so the probe's live work never enters the kept year
      String pristineDb = "year_pristine_" + String.valueOf(scale).replace('.', '_');
      Path pgCounts = pristine.resolve("pg-counts.txt");
      if (!pg.databaseExists(pristineDb) || !Files.exists(pgCounts)) {
        try (YearDatabase w = YearDatabase.postgresAt(pg, pg.freshDatabase(pristineDb, null, "public"), "year")) {
          writeCounts(pgCounts, writeYear(w, scale));
        }
      }
      counts = readCounts(pgCounts);
      long t0 = System.nanoTime();
      yearDb = YearDatabase.postgresAt(pg, pg.freshDatabase("year_run", pristineDb, "public"), "year");
      System.out.printf(Locale.ROOT, "  %s: a copy of the kept year %s in %.0f s (%s)%n", yearDb.name(), pristineDb,
          (System.nanoTime() - t0) / 1e9, counts);
    } else if (h2 && keep && Files.exists(pristineFile) && Files.exists(pristineCounts)) {
      YearDatabase.h2(dir.resolve("h2-year"), true).close();
      Files.copy(pristineFile, dir.resolve("h2-year.mv.db"), StandardCopyOption.REPLACE_EXISTING);
      yearDb = YearDatabase.h2(dir.resolve("h2-year"), false);
      counts = readCounts(pristineCounts);
      System.out.printf(Locale.ROOT, "  %s: the kept year %s (%s)%n", yearDb.name(), pristineFile, counts);
    } else {
      yearDb = h2 ? YearDatabase.h2(dir.resolve("h2-year"), true) : YearDatabase.postgres(pg, "year");
      counts = writeYear(yearDb, scale);
      if (h2 && keep) {
        yearDb.close();
        Files.createDirectories(pristine);
        Files.copy(dir.resolve("h2-year.mv.db"), pristineFile, StandardCopyOption.REPLACE_EXISTING);
        writeCounts(pristineCounts, counts);
        yearDb = YearDatabase.h2(dir.resolve("h2-year"), false);
      }
    }
    Side empty = new Side(emptyDb, "empty");
    Side year = new Side(yearDb, "year");
    year.counts = counts;
    emptyDb.analyze();
    yearDb.analyze();
    for (Side s : new Side[] {empty, year}) {
      long d0;
      if (DAILY_ONLY) {
        s.firstEverDrainMs = Double.NaN;
      } else {
        // the room's own dispatcher already swept (untimed) and left a sweep mark: clear it, as on the first start
        // after the mark's migration (V9), when no sweep has ever completed
        try (java.sql.Connection c = s.db.dataSource().getConnection();
            java.sql.Statement st = c.createStatement()) {
          st.executeUpdate("UPDATE ops_outbox_sweep SET swept_up_to = NULL");
        }
        d0 = System.nanoTime();
        s.dispatcher.drainOnce(s.room.clock.instant());
        s.firstEverDrainMs = (System.nanoTime() - d0) / 1e6;
      }
      // every later start: a new dispatcher reads what changed since the mark the first one left
      SmsDispatcher restarted = s.dispatcher("flat-costs-restarted");
      d0 = System.nanoTime();
      restarted.drainOnce(s.room.clock.instant());
      s.firstDrainMs = (System.nanoTime() - d0) / 1e6;
    }
    return new Side[] {empty, year};
  }

  /** Writes the year at {@code scale} into {@code d}, saying how long it took and the rows it left. */
  private static YearOfHistory.Counts writeYear(YearDatabase d, double scale) throws Exception {
    d.loading(true);
    long t0 = System.nanoTime();
    YearOfHistory.Counts counts = YearOfHistory.write(d.jdbc(), scale, System.out);
    double writeSeconds = (System.nanoTime() - t0) / 1e9;
    d.loading(false);
    System.out.printf(Locale.ROOT, "  %s: wrote %s in %.0f s; rows %s%n", d.name(), counts, writeSeconds,
        YearOfHistory.rowCounts(d.dataSource()));
    return counts;
  }

  private static void writeCounts(Path file, YearOfHistory.Counts counts) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(Locale.ROOT, "%d %d %d %d %d %d%n", counts.faults(), counts.faultEvents(),
        counts.duties(), counts.audit(), counts.sms(), counts.tickets()));
  }

  private static YearOfHistory.Counts readCounts(Path file) throws java.io.IOException {
    long[] c = Arrays.stream(Files.readString(file).trim().split(" ")).mapToLong(Long::parseLong).toArray();
    return new YearOfHistory.Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
  }

  /**
   * Arguments: {@code --db both|h2|postgresql}, {@code --scale 0.1}, {@code --rounds 3}, {@code --reps 7},
   * {@code --dir target/year} (H2 files), {@code --out file.md} (the report; printed too), {@code --keep} (on H2,
   * keep the written year and start later runs from it; on PostgreSQL, keep the server's data directory under
   * {@code dir/pg-data} with the year in its own database), {@code --statements} (PostgreSQL: report what the server
   * spent on each statement of each operation, from {@code pg_stat_statements}), {@code --first-drain-only} (measure only the first outbox
   * drains after a start).
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    double scale = Double.parseDouble(a.getOrDefault("scale", "0.01"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
    int reps = Integer.parseInt(a.getOrDefault("reps", "7"));
    Path dir = Path.of(a.getOrDefault("dir", "target/year"));
    String db = a.getOrDefault("db", "both");
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "Scale %s (%s); per operation, %d rounds alternating between the sides,"
        + " each of 3 to %d timed runs (as many as fit in about 300 ms) after warm-up; figures are medians in"
        + " milliseconds.%n%n", scale, BenchPostgres.machine(), rounds, reps));
    List<String> kinds = db.equals("both") ? List.of("postgresql", "h2") : List.of(db);
    // --keep: PostgreSQL keeps its data directory under dir, so the year is written once; --statements: what the
    // server spent on each statement of each operation, from pg_stat_statements
    boolean keep = a.containsKey("keep");
    BenchPostgres pg = kinds.contains("postgresql")
        ? BenchPostgres.start(keep ? dir.resolve("pg-data").toAbsolutePath() : null, a.containsKey("statements"))
        : null;
    try {
      if (pg != null) {
        report.append("PostgreSQL: ").append(pg.settings()).append("\n\n");
      }
      for (String kind : kinds) {
        System.out.println(kind + " at scale " + scale);
        Side[] s = sides(kind, scale, dir, pg, keep);
        try {
          // --first-drain-only: only the first drains after a start, without the other operations and the plans
          boolean all = !a.containsKey("first-drain-only");
          Statements statements = pg != null && kind.equals("postgresql") && a.containsKey("statements")
              ? new Statements(pg) : null;
          List<Row> rows = all ? compare(s[0], s[1], rounds, reps, statements) : List.of();
          table(report, kind, s, rows);
          if (statements != null) {
            statements.report(report, "PostgreSQL");
          }
          if (all) {
            plansSection(report, kind, plans(s[0].db), plans(s[1].db));
          }
        } finally {
          s[0].close();
          s[1].close();
        }
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    System.out.println(report);
    if (a.containsKey("out")) {
      Files.writeString(Path.of(a.get("out")), report.toString());
    }
  }

  private static void table(StringBuilder out, String kind, Side[] s, List<Row> rows) {
    out.append("### ").append(kind.equals("h2") ? "H2 (file)" : "PostgreSQL").append("\n\n");
    out.append("Year side: ").append(s[1].counts).append(".\n\n");
    out.append("| operation | empty (ms) | year (ms) | ratio | verdict |\n|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %s |%n", r.op(), r.empty(), r.year(),
          r.ratio(), r.ratio() <= 1.5 ? "flat" : "grows"));
    }
    out.append(String.format(Locale.ROOT, "| first outbox drain after start (once) | %.1f | %.1f | %.2f | %s |%n",
        s[0].firstDrainMs, s[1].firstDrainMs, s[1].firstDrainMs / s[0].firstDrainMs, "once per start"));
    out.append(String.format(Locale.ROOT, "| first outbox drain, no sweep mark yet (once) | %.1f | %.1f | %.2f | %s |%n%n",
        s[0].firstEverDrainMs, s[1].firstEverDrainMs, s[1].firstEverDrainMs / s[0].firstEverDrainMs,
        "once per database"));
  }

  private static void plansSection(StringBuilder out, String kind, Map<String, String> empty,
      Map<String, String> year) {
    out.append("#### Plans on ").append(kind.equals("h2") ? "H2" : "PostgreSQL").append(" (year side)\n\n");
    for (Map.Entry<String, String> e : year.entrySet()) {
      out.append("`").append(e.getKey()).append("`\n\n```\n").append(e.getValue()).append("\n```\n\n");
    }
  }
}
