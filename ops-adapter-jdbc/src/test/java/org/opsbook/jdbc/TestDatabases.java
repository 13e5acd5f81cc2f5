package org.opsbook.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.opsbook.jdbc.internal.HikariPools;

/**
 * The databases the adapter's tests run on: H2 in memory, a real PostgreSQL started once per test JVM (embedded
 * binaries from Maven Central), and, when {@code OPSBOOK_TEST_PG_URL} is set and the run asks for it with
 * {@code -Dopsbook.pg.target=external}, that external server instead. Each test database is a fresh schema (or H2
 * database) with a unique name, so runs never see each other's rows.
 */
final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** A database under test: its pool and how to drop it. */
  record Db(DataSource dataSource, String url, String schema, boolean postgres) implements AutoCloseable {
    /** Runs a {@code SELECT count(...)} (or any query whose first column of its first row is a number). */
    long count(String sql) throws SQLException {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /** A facade over this database, its schema migrated. */
    OpsJdbc migrated() {
      OpsJdbc ops = OpsJdbc.create(dataSource);
      ops.migrate();
      return ops;
    }

    @Override
    public void close() {
      if (postgres) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
          // the schema name is unique to this run; a leftover does no harm
        }
      }
      if (dataSource instanceof AutoCloseable a) {
        try {
          a.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Returns a fresh in-memory H2 database. */
  static Db h2(String name) {
    String db = "t_" + RUN + "_" + COUNTER.incrementAndGet() + "_" + name.toLowerCase(Locale.ROOT);
    String url = OpsJdbc.h2MemoryUrl(db);
    return new Db(HikariPools.create(url, "sa", "", 8), url, db, false);
  }

  /** Returns a data source that opens a new physical connection each time, bypassing the pool. */
  static DataSource unpooled(Db db) {
    if (!db.postgres()) {
      return OpsJdbc.h2DataSource(db.url());
    }
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(db.url());
    return ds;
  }

  /** Returns true when this run targets the external PostgreSQL of {@code OPSBOOK_TEST_PG_URL}. */
  static boolean external() {
    return "external".equals(System.getProperty("opsbook.pg.target"));
  }

  /** Returns a fresh schema on the PostgreSQL this run targets, with a pool of {@code poolSize}. */
  static Db postgres(String name, int poolSize) {
    return postgresOn(baseUrl(), name, poolSize);
  }

  /** Returns a fresh schema on the PostgreSQL at {@code base} (a superuser URL), with a pool of {@code poolSize}. */
  static Db postgresOn(String base, String name, int poolSize) {
    String schema = "t_" + RUN + "_" + COUNTER.incrementAndGet() + "_" + name.toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema on " + base, e);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new Db(HikariPools.create(url, null, null, poolSize), url, schema, true);
  }

  /** Returns the base URL (user and password included) of the PostgreSQL this run targets. */
  static synchronized String baseUrl() {
    if (external()) {
      String url = System.getenv("OPSBOOK_TEST_PG_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("opsbook.pg.target=external needs OPSBOOK_TEST_PG_URL");
      }
      return url;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres pg = embedded;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          // the JVM is exiting; the temporary cluster directory is removed by the library
        }
      }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }
}
