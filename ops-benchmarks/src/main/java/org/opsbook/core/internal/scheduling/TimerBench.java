package org.opsbook.core.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.opsbook.benchmarks.support.BenchArgs;
import org.opsbook.benchmarks.support.BenchPostgres;
import org.opsbook.benchmarks.support.CountingDataSource;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.jdbc.OpsJdbc;

/**
 * W3 (benchmarks.md): N escalation timers all due now on one PostgreSQL, fired by k instances (threads in one JVM,
 * each with its own pool of 12), measured as firings per second from start to the last firing. opsbook's
 * {@code ObligationScheduler} over the JDBC adapter runs beside db-scheduler 16.7.1 with lock-and-fetch and with
 * fetch polling, in alternating order, each in a fresh schema after VACUUM ANALYZE, at synchronous_commit=on. Every
 * run checks that each timer fired exactly once and counts duplicates. Before the counted repetitions, full-size
 * warm-up rounds (property {@code w3.warmup}, default 2) run in the same rotation and are printed apart. The summary
 * gives, per repetition, opsbook's scheduling and firing rates divided by each peer's, and their medians.
 *
 * <pre>
 * mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp ops-benchmarks/target/benchmarks.jar org.opsbook.core.internal.scheduling.TimerBench 20000 1,2,4 1
 * </pre>
 * Arguments: timers per run, instance counts, repetitions.
 */
public final class TimerBench {
  private static final int POOL = 12;
  /** With {@code -Dw3.count=true}, opsbook's statements and commits are counted and printed per phase. */
  private static final CountingDataSource COUNT = Boolean.getBoolean("w3.count") ? new CountingDataSource() : null;

  private TimerBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int n = BenchArgs.intAt(args, 0, 20_000);
    List<Integer> ks = BenchArgs.intsAt(args, 1, "1,2,4");
    int reps = BenchArgs.intAt(args, 2, 1);
    List<String> impls = List.of(System.getProperty("w3.impls", "opsbook,db-scheduler-lock-and-fetch,db-scheduler-fetch")
        .split(","));
    try (BenchPostgres pg = BenchPostgres.start()) {
      System.out.println("# W3 timers: " + BenchPostgres.machine() + " | " + pg.settings() + " | n=" + n);
      System.out.println("| rep | instances | impl | schedule/s | fired/s | fired | duplicates |");
      System.out.println("|---|---|---|---|---|---|---|");
      Map<String, List<Result>> results = new LinkedHashMap<>();
      // warm-up: full-size rounds of every implementation in the same rotating order as the measured ones, so JIT,
      // driver, pool and server (catalog caches, WAL segments) are past their first runs before anything is counted;
      // printed, never counted
      int warmups = Integer.getInteger("w3.warmup", 2);
      for (int w = 0; w < warmups; w++) {
        for (int k : ks) {
          for (int i = 0; i < impls.size(); i++) {
            String impl = impls.get((i + w) % impls.size());
            Result r = run(pg, impl, n, k);
            System.out.printf("| warm-up %d | %d | %s | %.0f | %.0f | %d | %d |%n", w + 1, k, impl, r.scheduleRate,
                r.fireRate, r.fired, r.duplicates);
          }
        }
      }
      for (int rep = 0; rep < reps; rep++) {
        for (int k : ks) {
          for (int i = 0; i < impls.size(); i++) {
            String impl = impls.get((i + rep) % impls.size());
            Result r = run(pg, impl, n, k);
            System.out.printf("| %d | %d | %s | %.0f | %.0f | %d | %d |%n", rep + 1, k, impl, r.scheduleRate,
                r.fireRate, r.fired, r.duplicates);
            results.computeIfAbsent(k + "/" + impl, x -> new ArrayList<>()).add(r);
            if (r.fired != n || r.duplicates != 0) {
              throw new IllegalStateException(impl + ": fired " + r.fired + " of " + n + ", duplicates "
                  + r.duplicates);
            }
          }
        }
      }
      if (impls.size() == 3) {
        summary(ks, reps, results);
      }
      System.out.println();
      System.out.println("# end: " + BenchPostgres.machine());
    }
  }

  /**
   * Per repetition, opsbook's rate divided by each peer's of the same repetition, then the medians. Both peers schedule
   * through the same {@code scheduleBatch}, so ours ÷ the better of the two compares one sample with the best of two
   * samples of one code path: it is printed for continuity, and the per-peer ratios are the fair ones.
   */
  private static void summary(List<Integer> ks, int reps, Map<String, List<Result>> results) {
    for (int k : ks) {
      List<Result> ours = results.get(k + "/opsbook");
      List<Result> lf = results.get(k + "/db-scheduler-lock-and-fetch");
      List<Result> f = results.get(k + "/db-scheduler-fetch");
      System.out.println();
      System.out.println("| instances " + k + ", rep | schedule ÷ lock-and-fetch | schedule ÷ fetch"
          + " | schedule ÷ best peer | fire ÷ lock-and-fetch | fire ÷ fetch | fire ÷ best peer |");
      System.out.println("|---|---|---|---|---|---|---|");
      List<List<Double>> columns = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        columns.add(new ArrayList<>());
      }
      for (int rep = 0; rep < reps; rep++) {
        Result o = ours.get(rep);
        Result a = lf.get(rep);
        Result b = f.get(rep);
        double[] row = {o.scheduleRate / a.scheduleRate, o.scheduleRate / b.scheduleRate,
            o.scheduleRate / Math.max(a.scheduleRate, b.scheduleRate), o.fireRate / a.fireRate, o.fireRate / b.fireRate,
            o.fireRate / Math.max(a.fireRate, b.fireRate)};
        StringBuilder line = new StringBuilder("| " + (rep + 1));
        for (int c = 0; c < row.length; c++) {
          columns.get(c).add(row[c]);
          line.append(String.format(" | %.2f", row[c]));
        }
        System.out.println(line.append(" |"));
      }
      StringBuilder line = new StringBuilder("| median");
      for (List<Double> column : columns) {
        line.append(String.format(" | %.2f", median(column)));
      }
      System.out.println(line.append(" |"));
      System.out.printf("| worst ours ÷ best peer | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          min(ours, true) / max(lf, true), min(ours, true) / max(f, true),
          min(ours, true) / Math.max(max(lf, true), max(f, true)), min(ours, false) / max(lf, false),
          min(ours, false) / max(f, false), min(ours, false) / Math.max(max(lf, false), max(f, false)));
    }
  }

  private static Result run(BenchPostgres pg, String impl, int n, int k) throws Exception {
    return impl.equals("opsbook") ? ours(pg, n, k) : dbScheduler(pg, n, k, impl.endsWith("lock-and-fetch"));
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }

  private static double min(List<Result> xs, boolean schedule) {
    return xs.stream().mapToDouble(r -> schedule ? r.scheduleRate : r.fireRate).min().orElseThrow();
  }

  private static double max(List<Result> xs, boolean schedule) {
    return xs.stream().mapToDouble(r -> schedule ? r.scheduleRate : r.fireRate).max().orElseThrow();
  }

  private record Result(double scheduleRate, double fireRate, long fired, long duplicates) {}

  private static ScheduledObligation timer(int i, Instant due) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-ROOM-01")).subjectId("F-" + i)
        .actor(Role.ESC_DUTY).action("上报室经理").target("ROOM_MANAGER").channel(Channel.PHONE).dueAt(due).build());
  }

  private static Result ours(BenchPostgres pg, int n, int k) throws Exception {
    String url = pg.freshSchema("w3");
    DataSource setup = BenchPostgres.pool(url, 2);
    OpsJdbc ops = OpsJdbc.create(counted(setup));
    ops.migrate();
    if (COUNT != null) {
      COUNT.reset();
    }
    Instant due = Instant.now().minusSeconds(1);
    long t0 = System.nanoTime();
    List<ScheduledObligation> chunk = new ArrayList<>(1000);
    for (int i = 0; i < n; i++) {
      chunk.add(timer(i, due));
      if (chunk.size() == 1000) {
        ops.obligations().scheduleAll(chunk);
        chunk.clear();
      }
    }
    ops.obligations().scheduleAll(chunk);
    double scheduleRate = n / ((System.nanoTime() - t0) / 1e9);
    if (COUNT != null) {
      System.out.println("\nscheduling " + n + " timers:\n" + COUNT.table(n));
      COUNT.reset();
    }
    pg.vacuum(url);
    ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    AtomicLong fired = new AtomicLong();
    List<DataSource> pools = new ArrayList<>();
    List<ObligationScheduler> engines = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      DataSource pool = BenchPostgres.pool(url, POOL);
      pools.add(pool);
      engines.add(ObligationScheduler.builder(OpsJdbc.create(counted(pool)).obligations(), (key, o) -> {
        calls.computeIfAbsent(key.toString(), x -> new AtomicInteger()).incrementAndGet();
        fired.incrementAndGet();
      }).owner("node" + i).clock(Clock.systemUTC()).batchSize(100).maxPollInterval(Duration.ofMillis(200)).build());
    }
    long start = System.nanoTime();
    for (ObligationScheduler e : engines) {
      e.start(Executors.defaultThreadFactory());
    }
    awaitCount(fired, n);
    // fired means recorded as fired: wait for the last batch's completion to commit, as for db-scheduler
    awaitEmpty(url, "ops_obligation");
    double seconds = (System.nanoTime() - start) / 1e9;
    for (ObligationScheduler e : engines) {
      e.stop(Duration.ofSeconds(30));
    }
    if (COUNT != null) {
      System.out.println("\nfiring " + n + " timers:\n" + COUNT.table(n));
    }
    long done = count(url, "SELECT count(*) FROM ops_obligation_done WHERE outcome = 'FIRED'");
    closeAll(pools);
    closeAll(List.of(setup));
    long dups = calls.values().stream().filter(c -> c.get() > 1).count();
    return new Result(scheduleRate, n / seconds, Math.min(done, calls.size()), dups);
  }

  private static DataSource counted(DataSource ds) {
    return COUNT == null ? ds : COUNT.wrap(ds);
  }

  private static Result dbScheduler(BenchPostgres pg, int n, int k, boolean lockAndFetch) throws Exception {
    String url = pg.freshSchema("w3");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("create table scheduled_tasks (task_name text not null, task_instance text not null,"
          + " task_data bytea, execution_time timestamp with time zone not null, picked BOOLEAN not null,"
          + " picked_by text, last_success timestamp with time zone, last_failure timestamp with time zone,"
          + " consecutive_failures INT, last_heartbeat timestamp with time zone, version BIGINT not null,"
          + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
      s.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
      s.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
      s.execute("CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
    }
    ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    AtomicLong fired = new AtomicLong();
    OneTimeTask<Void> task = Tasks.oneTime("escalation").execute((inst, ctx) -> {
      calls.computeIfAbsent(inst.getId(), x -> new AtomicInteger()).incrementAndGet();
      fired.incrementAndGet();
    });
    DataSource setup = BenchPostgres.pool(url, 2);
    SchedulerClient client = SchedulerClient.Builder.create(setup, task).build();
    Instant due = Instant.now().minusSeconds(1);
    long t0 = System.nanoTime();
    List<TaskInstance<?>> chunk = new ArrayList<>(1000);
    for (int i = 0; i < n; i++) {
      chunk.add(task.instance("F-" + i));
      if (chunk.size() == 1000) {
        client.scheduleBatch(chunk, due);
        chunk.clear();
      }
    }
    client.scheduleBatch(chunk, due);
    double scheduleRate = n / ((System.nanoTime() - t0) / 1e9);
    pg.vacuum(url);
    List<DataSource> pools = new ArrayList<>();
    List<Scheduler> schedulers = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      DataSource pool = BenchPostgres.pool(url, POOL);
      pools.add(pool);
      var b = Scheduler.create(pool, task).threads(10).pollingInterval(Duration.ofMillis(200))
          .schedulerName(new SchedulerName.Fixed("node" + i));
      b = lockAndFetch ? b.pollUsingLockAndFetch(1.0, 4.0) : b.pollUsingFetchAndLockOnExecute(0.5, 3.0);
      schedulers.add(b.build());
    }
    long start = System.nanoTime();
    for (Scheduler s : schedulers) {
      s.start();
    }
    awaitCount(fired, n);
    // a one-time execution is complete when its row is gone: wait for the last deletions to commit
    awaitEmpty(url, "scheduled_tasks");
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Scheduler s : schedulers) {
      s.stop();
    }
    closeAll(pools);
    closeAll(List.of(setup));
    long dups = calls.values().stream().filter(c -> c.get() > 1).count();
    return new Result(scheduleRate, n / seconds, calls.size(), dups);
  }

  private static void awaitCount(AtomicLong counter, long n) throws InterruptedException {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (counter.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  /** Waits, a minute at most, until {@code table} has no rows left. */
  private static void awaitEmpty(String url, String table) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (count(url, "SELECT count(*) FROM " + table) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void closeAll(List<DataSource> pools) throws Exception {
    for (DataSource p : pools) {
      ((AutoCloseable) p).close();
    }
  }
}
