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

  private BenchPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
    this.baseUrl = pg.getJdbcUrl("postgres", "postgres");
  }

  /** Starts the server. */
  public static BenchPostgres start() throws IOException {
    return new BenchPostgres(EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on").setServerConfig("max_connections", "300")
        .setServerConfig("shared_buffers", "128MB").start());
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
    pg.close();
  }
}
