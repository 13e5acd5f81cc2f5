package org.opsbook.benchmarks.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.opsbook.jdbc.OpsJdbc;

/**
 * The PostgreSQL every whole-process benchmark of a run shares: the embedded server (binaries from Maven Central),
 * started with {@code synchronous_commit=on} and {@code fsync=on} so figures are at full durability, and a fresh
 * schema per measurement.
 */
public final class BenchPostgres implements AutoCloseable {
  private final EmbeddedPostgres pg;
  private final String baseUrl;
  private Connection statementsConnection;

  private BenchPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
    this.baseUrl = pg.getJdbcUrl("postgres", "postgres");
  }

  /** Starts the server on a fresh data directory, deleted when it stops. */
  public static BenchPostgres start() throws IOException {
    return start(null, false);
  }

  /**
   * Starts the server on {@code dataDirectory}, kept when it stops (a fresh temporary one when null), with
   * {@code pg_stat_statements} loaded and tracking planning when {@code statements}: what each statement cost in
   * planning and in execution, read through {@link #statements()}.
   */
  public static BenchPostgres start(Path dataDirectory, boolean statements) throws IOException {
    EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on").setServerConfig("max_connections", "300")
        .setServerConfig("shared_buffers", "128MB");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      b.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    if (statements) {
      b.setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track_planning", "on")
          .setServerConfig("pg_stat_statements.max", "10000");
    }
    BenchPostgres pg = new BenchPostgres(b.start());
    if (statements) {
      try (Connection c = DriverManager.getConnection(pg.baseUrl); Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      } catch (SQLException e) {
        throw new IOException("pg_stat_statements could not be created", e);
      }
    }
    return pg;
  }

  /** Whether the database {@code name} exists. */
  public boolean databaseExists(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl);
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Drops and creates the database {@code name}, as a file copy of {@code template} when that is not null (no
   * connection may be open on the template), returning its URL with {@code schema} as the current schema.
   */
  public String freshDatabase(String name, String template, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template
          + " STRATEGY FILE_COPY"));
    }
    return pg.getJdbcUrl("postgres", name) + "&currentSchema=" + schema;
  }

  /** Forgets every statement's figures so far ({@code pg_stat_statements_reset()}). */
  public void resetStatements() throws SQLException {
    try (Statement s = statementsConnection().createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** One connection for reading the figures, so reading them opens no connection that they would count. */
  private Connection statementsConnection() throws SQLException {
    if (statementsConnection == null) {
      statementsConnection = DriverManager.getConnection(baseUrl);
    }
    return statementsConnection;
  }

  /** One statement's figures since the last reset, summed over its executions. */
  public record StatementFigures(String query, long calls, long plans, double planMs, double execMs, long blocksHit,
      long blocksRead, long rows) {}

  /** Every statement's figures since the last reset, except the reads of the figures themselves. */
  public java.util.List<StatementFigures> statements() throws SQLException {
    java.util.List<StatementFigures> out = new java.util.ArrayList<>();
    try (Statement s = statementsConnection().createStatement();
        ResultSet rs = s.executeQuery("SELECT query, calls, plans, total_plan_time, total_exec_time,"
            + " shared_blks_hit, shared_blks_read, rows FROM pg_stat_statements"
            + " WHERE query NOT LIKE '%pg_stat_statements%'")) {
      while (rs.next()) {
        out.add(new StatementFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
            rs.getDouble(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
      }
    }
    return out;
  }

  /** Drops and recreates {@code schema}, returning the URL whose connections use it. */
  public String freshSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    return baseUrl + "&currentSchema=" + schema;
  }

  /** Returns a pool of {@code size} on {@code url}. */
  public static DataSource pool(String url, int size) {
    return OpsJdbc.pooled(url, null, null, size);
  }

  /** Runs {@code VACUUM ANALYZE} so every implementation starts from fresh statistics. */
  public void vacuum(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE");
    }
  }

  /** Returns the server settings that bear on the figures. */
  public String settings() throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      for (String p : new String[] {"server_version", "synchronous_commit", "fsync", "shared_buffers"}) {
        try (ResultSet rs = s.executeQuery("SHOW " + p)) {
          rs.next();
          sb.append(p).append('=').append(rs.getString(1)).append(' ');
        }
      }
    }
    return sb.toString().trim();
  }

  /** Returns the machine: cores and load average. */
  public static String machine() {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      load = "n/a";
    }
    return "nproc=" + Runtime.getRuntime().availableProcessors() + " loadavg=" + load + " java="
        + System.getProperty("java.version");
  }

  @Override
  public void close() throws IOException {
    if (statementsConnection != null) {
      try {
        statementsConnection.close();
      } catch (SQLException e) {
        // the server stops next
      }
    }
    pg.close();
  }
}
