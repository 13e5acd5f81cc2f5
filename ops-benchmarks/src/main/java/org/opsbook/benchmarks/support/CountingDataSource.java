package org.opsbook.benchmarks.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A profile of the JDBC work a benchmark does: wraps a data source and counts, per SQL text, the statement executions
 * (a JDBC batch counts once, its rows apart), the time spent in them, the commits and the connections taken. A round
 * trip to the server is about one execution or one commit, so the table shows where a workload waits on the database.
 */
public final class CountingDataSource {
  /** Counters of one SQL text (or of commits, connections). */
  static final class Counter {
    final LongAdder calls = new LongAdder();
    final LongAdder rows = new LongAdder();
    final LongAdder nanos = new LongAdder();
  }

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /** Returns {@code ds} wrapped so its work is counted here. */
  public DataSource wrap(DataSource ds) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class, AutoCloseable.class}, (p, m, a) -> {
          if (m.getName().equals("getConnection")) {
            long t = System.nanoTime();
            Connection c = (Connection) call(ds, m, a);
            add("(getConnection)", 1, System.nanoTime() - t);
            return connection(c);
          }
          return call(ds, m, a);
        });
  }

  private Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (p, m, a) -> {
          switch (m.getName()) {
            case "prepareStatement" -> {
              return statement((Statement) call(c, m, a), (String) a[0], PreparedStatement.class);
            }
            case "createStatement" -> {
              return statement((Statement) call(c, m, a), null, Statement.class);
            }
            case "commit", "rollback" -> {
              long t = System.nanoTime();
              Object r = call(c, m, a);
              add("(" + m.getName() + ")", 1, System.nanoTime() - t);
              return r;
            }
            default -> {
              return call(c, m, a);
            }
          }
        });
  }

  private Object statement(Statement s, String sql, Class<?> type) {
    long[] batch = {0};
    InvocationHandler h = (p, m, a) -> {
      String name = m.getName();
      if (name.equals("addBatch")) {
        batch[0]++;
        return call(s, m, a);
      }
      if (name.startsWith("execute")) {
        String text = sql != null ? sql : a != null && a.length > 0 ? (String) a[0] : "?";
        long t = System.nanoTime();
        Object r = call(s, m, a);
        add(text, name.equals("executeBatch") ? batch[0] : 1, System.nanoTime() - t);
        batch[0] = 0;
        return r;
      }
      return call(s, m, a);
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  private void add(String key, long rows, long nanos) {
    Counter c = counters.computeIfAbsent(key, k -> new Counter());
    c.calls.increment();
    c.rows.add(rows);
    c.nanos.add(nanos);
  }

  private static Object call(Object target, Method m, Object[] a) throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Forgets every count. */
  public void reset() {
    counters.clear();
  }

  /**
   * Returns the counts as a Markdown table, per unit of work ({@code units}: timers, transitions): executions, rows
   * and milliseconds in all, and executions per unit.
   */
  public String table(long units) {
    StringBuilder sb = new StringBuilder("| statement | executions | rows | ms | executions per unit |\n|---|---|---|---|---|\n");
    long calls = 0;
    for (Map.Entry<String, Counter> e : new TreeMap<>(counters).entrySet()) {
      Counter c = e.getValue();
      String sql = e.getKey().length() > 90 ? e.getKey().substring(0, 90) + "…" : e.getKey();
      if (!sql.startsWith("(getConnection") && !sql.startsWith("(rollback")) {
        calls += c.calls.sum();
      }
      sb.append(String.format("| %s | %d | %d | %.0f | %.3f |%n", sql.replace('|', '/'), c.calls.sum(), c.rows.sum(),
          c.nanos.sum() / 1e6, c.calls.sum() / (double) units));
    }
    sb.append(String.format("| round trips (executions + commits) | %d | | | %.3f |%n", calls, calls / (double) units));
    return sb.toString();
  }
}
