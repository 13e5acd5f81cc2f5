package org.opsbook.benchmarks.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.opsbook.benchmarks.support.BenchPostgres;
import org.opsbook.jdbc.OpsJdbc;

/**
 * One database the year is written into and measured on: an H2 file, or a schema of the embedded PostgreSQL. Storage
 * measures leases by the caller's clock, since the year and its probes run in simulated time.
 */
final class YearDatabase implements AutoCloseable {
  private final String name;
  private final DataSource dataSource;
  private final OpsJdbc jdbc;
  private final boolean postgres;
  private final BenchPostgres pg;
  private final String url;

  private YearDatabase(String name, DataSource dataSource, boolean postgres, BenchPostgres pg, String url) {
    this.name = name;
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.pg = pg;
    this.url = url;
    OpsJdbc.migrate(dataSource);
    this.jdbc = OpsJdbc.create(dataSource).withCallerClock();
  }

  /** A fresh H2 file at {@code file} (deleted first when {@code fresh}). */
  static YearDatabase h2(Path file, boolean fresh) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (fresh) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith(file.getFileName().toString())).toList()) {
          Files.delete(p);
        }
      }
    }
    String url = OpsJdbc.h2FileUrl(file.toAbsolutePath());
    // -Dyear.h2CacheKb=262144: H2's page cache on both sides, to tell reading pages from the file from the rest
    String cacheKb = System.getProperty("year.h2CacheKb");
    if (cacheKb != null) {
      url += ";CACHE_SIZE=" + Integer.parseInt(cacheKb);
    }
    return new YearDatabase("H2 " + file.getFileName(), OpsJdbc.pooled(url, "sa", "", 4), false, null, url);
  }

  /** A fresh schema {@code schema} of the embedded PostgreSQL {@code pg}. */
  static YearDatabase postgres(BenchPostgres pg, String schema) throws SQLException {
    return postgresAt(pg, pg.freshSchema(schema), schema);
  }

  /** The database of the embedded PostgreSQL {@code pg} at {@code url}, as it is (migrated to the latest). */
  static YearDatabase postgresAt(BenchPostgres pg, String url, String name) {
    // -Dyear.planCacheMode=force_generic_plan|force_custom_plan: both sides plan alike, to tell planning from reading
    String planCacheMode = System.getProperty("year.planCacheMode");
    if (planCacheMode != null) {
      url += "&options=-c%20plan_cache_mode%3D" + planCacheMode;
    }
    return new YearDatabase("PostgreSQL " + name, BenchPostgres.pool(url, 4), true, pg, url);
  }

  String name() {
    return name;
  }

  boolean isPostgres() {
    return postgres;
  }

  DataSource dataSource() {
    return dataSource;
  }

  OpsJdbc jdbc() {
    return jdbc;
  }

  /**
   * While loading, PostgreSQL commits without waiting for the WAL flush (the year is bulk data, not measured);
   * measurements run with {@code synchronous_commit=on} again. H2 is left as it is.
   */
  void loading(boolean on) throws SQLException {
    if (!postgres) {
      return;
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER SYSTEM SET synchronous_commit = " + (on ? "off" : "on"));
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /** Refreshes the planner's statistics (PostgreSQL {@code VACUUM ANALYZE}, H2 {@code ANALYZE}). */
  void analyze() throws SQLException {
    if (postgres) {
      pg.vacuum(url);
      return;
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  @Override
  public void close() {
    jdbc.close();
    if (dataSource instanceof AutoCloseable a) {
      try {
        a.close();
      } catch (Exception e) {
        // closing a pool at the end of a run
      }
    }
  }
}
