package org.opsbook.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.StorageException;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.jdbc.internal.AuditReanchor;
import org.opsbook.jdbc.internal.Sql;
import org.opsbook.jdbc.internal.Dialects;
import org.opsbook.jdbc.internal.H2Dialect;
import org.opsbook.jdbc.internal.HikariPools;
import org.opsbook.jdbc.internal.JdbcAuditLog;
import org.opsbook.jdbc.internal.JdbcFaultRepository;
import org.opsbook.jdbc.internal.JdbcMessageOutbox;
import org.opsbook.jdbc.internal.JdbcObligationRepository;
import org.opsbook.jdbc.internal.JdbcRunner;
import org.opsbook.jdbc.internal.JdbcWorkflowRepository;
import org.opsbook.jdbc.internal.PostgresDialect;
import org.opsbook.jdbc.spi.Dialect;

/**
 * opsbook's storage on one database, in one call: every storage port over a {@link DataSource} of PostgreSQL (the
 * production database; several host instances may share it) or H2 (the embedded default), and {@link #migrate()}
 * to create or upgrade the schema with Flyway.
 *
 * <pre>{@code
 * OpsJdbc ops = OpsJdbc.create(dataSource);     // PostgreSQL or H2, detected
 * ops.migrate();                                // idempotent
 * ops.workflows().create(instance, audit);
 * }</pre>
 *
 * <p>Hosts that run their own Flyway or Liquibase may instead apply the scripts in
 * {@code classpath:db/opsbook/postgresql} (or {@code …/h2}) and skip {@link #migrate()}. Thread-safe: share one
 * instance per data source.
 */
public final class OpsJdbc implements AutoCloseable {
  /** The Flyway history table of opsbook's own migrations, kept apart from the host's. */
  public static final String HISTORY_TABLE = "opsbook_schema_history";

  private final DataSource dataSource;
  private final boolean ownsDataSource;
  private final Dialect dialect;
  private final JdbcAuditLog audit;
  private final JdbcFaultRepository faults;
  private final JdbcObligationRepository obligations;
  private final JdbcWorkflowRepository workflows;
  private final JdbcMessageOutbox outbox;

  private final JdbcRunner runner;
  private final AuditChain chain;
  private final boolean trustCallerClock;
  private final byte[] auditKey;

  private OpsJdbc(DataSource dataSource, Dialect dialect, boolean ownsDataSource) {
    this(dataSource, dialect, ownsDataSource, false, null);
  }

  private OpsJdbc(DataSource dataSource, Dialect dialect, boolean ownsDataSource, boolean trustCallerClock,
      byte[] auditKey) {
    this.dataSource = dataSource;
    this.ownsDataSource = ownsDataSource;
    this.dialect = dialect;
    this.trustCallerClock = trustCallerClock;
    this.auditKey = auditKey;
    this.runner = new JdbcRunner(dataSource, dialect, 5);
    this.chain = auditKey == null ? AuditChain.demo() : AuditChain.withKey(auditKey);
    this.audit = new JdbcAuditLog(runner, chain);
    this.faults = new JdbcFaultRepository(runner, audit);
    this.obligations = new JdbcObligationRepository(runner, trustCallerClock);
    this.workflows = new JdbcWorkflowRepository(runner, audit);
    this.outbox = new JdbcMessageOutbox(runner, trustCallerClock);
  }

  /**
   * Returns storage over the same data source whose audit log seals and verifies every record with HMAC-SHA256 under
   * {@code key}, a secret the host keeps outside the database (a key store, an environment secret): someone who can
   * write the tables cannot forge a record without it. Without this call the log uses {@code AuditChain#demo()}, a
   * published key fit only for demos and tests. The returned instance shares (does not own) the pool.
   *
   * @param key at least 32 bytes
   */
  public OpsJdbc withAuditKey(byte[] key) {
    checkArgument(key != null && key.length >= 32, "an audit key needs at least 32 bytes");
    return new OpsJdbc(dataSource, dialect, false, trustCallerClock, key.clone());
  }

  /**
   * Returns storage over the same data source whose obligation and outbox leases are measured by the callers'
   * {@code now} rather than the database's clock: for one process simulating time under a fake clock (tests, replays),
   * never for several hosts in production. The returned instance shares (does not own) the pool.
   */
  public OpsJdbc withCallerClock() {
    return new OpsJdbc(dataSource, dialect, false, true, auditKey);
  }

  /**
   * Returns opsbook's storage over {@code dataSource}, detecting PostgreSQL or H2 from a first connection.
   *
   * @throws StorageException when no connection can be opened
   * @throws IllegalArgumentException for an unsupported database
   */
  public static OpsJdbc create(DataSource dataSource) {
    checkNotNull(dataSource, "dataSource");
    try (Connection c = dataSource.getConnection()) {
      return new OpsJdbc(dataSource, Dialects.detect(c), false);
    } catch (SQLException e) {
      throw new StorageException("open database", "dataSource", true, e);
    }
  }

  /** Returns opsbook's storage over {@code dataSource} in the given dialect, without opening a connection. */
  public static OpsJdbc create(DataSource dataSource, Dialect dialect) {
    return new OpsJdbc(checkNotNull(dataSource, "dataSource"), checkNotNull(dialect, "dialect"), false);
  }

  /**
   * Opens opsbook's storage at a JDBC URL with a connection pool it owns and closes in {@link #close()}: H2's own
   * pool for an H2 URL (the embedded default needs nothing else), HikariCP for any other (add
   * {@code com.zaxxer:HikariCP}). The URL carries user and password where the database needs them, e.g.
   * {@code jdbc:postgresql://db:5432/ops?user=ops&password=…}. Does not migrate.
   *
   * @param maxPoolSize the most connections
   * @throws IllegalStateException naming HikariCP when the URL is not H2's and the host does not have HikariCP
   * @throws org.opsbook.core.StorageException when the database cannot be reached, keyed by the URL with its
   *     password settings hidden
   */
  public static OpsJdbc open(String url, int maxPoolSize) {
    checkArgument(maxPoolSize > 0, "maxPoolSize must be > 0: %s", maxPoolSize);
    String where = withoutPasswords(url);
    boolean h2 = url.startsWith("jdbc:h2:");
    if (!h2) {
      requireHikari();
    }
    DataSource ds;
    try {
      ds = h2 ? h2Pool(url, maxPoolSize) : pooled(url, null, null, maxPoolSize);
    } catch (RuntimeException e) {
      // HikariCP opens its first connection eagerly and fails here when the database cannot be reached
      throw new StorageException("open database", where, true, e);
    }
    try (Connection c = ds.getConnection()) {
      return new OpsJdbc(ds, Dialects.detect(c), true);
    } catch (SQLException e) {
      closeQuietly(ds, e);
      throw new StorageException("open database", where, true, e);
    } catch (RuntimeException e) {
      closeQuietly(ds, e);
      throw e;
    }
  }

  /**
   * Returns a JDBC URL fit for an error message: the value of every setting whose name ends in {@code password}, in
   * any case ({@code password=}, {@code PASSWORD=}, {@code sslPassword=}), is {@code ***}. A value ends where the next
   * setting begins: in a query ({@code ?user=ops&password=…}) at an {@code &}, in H2's settings
   * ({@code jdbc:h2:…;PASSWORD=…}) at a {@code ;}, either followed by a setting's {@code name=}. Where that is not
   * so ({@code ;PASSWORD=Top;Secret}), or the setting is of another form, the rest of the URL is dropped.
   */
  static String withoutPasswords(String url) {
    StringBuilder out = new StringBuilder(url.length());
    int copied = 0;
    for (int i = 0; i + PASSWORD.length() <= url.length(); i++) {
      if (!url.regionMatches(true, i, PASSWORD, 0, PASSWORD.length())) {
        continue;
      }
      int eq = i + PASSWORD.length();
      while (eq < url.length() && url.charAt(eq) == ' ') {
        eq++;
      }
      if (eq >= url.length() || url.charAt(eq) != '=') {
        continue;
      }
      int name = i;
      while (name > 0 && isNameChar(url.charAt(name - 1))) {
        name--;
      }
      char before = name == 0 ? 0 : url.charAt(name - 1);
      char end = before == '?' || before == '&' ? '&'
          : before == ';' && url.regionMatches(true, 0, "jdbc:h2:", 0, 8) ? ';' : 0;
      int valueEnd = end == 0 ? -1 : url.indexOf(end, eq + 1);
      out.append(url, copied, eq + 1).append("***");
      if (valueEnd < 0 || !settingAt(url, valueEnd + 1)) {
        return out.toString();
      }
      copied = valueEnd;
      i = valueEnd;
    }
    return out.append(url, copied, url.length()).toString();
  }

  private static final String PASSWORD = "password";

  /** Whether a setting's {@code name=} begins at {@code from}. */
  private static boolean settingAt(String url, int from) {
    int k = from;
    while (k < url.length() && isNameChar(url.charAt(k))) {
      k++;
    }
    while (k < url.length() && url.charAt(k) == ' ') {
      k++;
    }
    return k > from && k < url.length() && url.charAt(k) == '=';
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
  }

  private static void closeQuietly(DataSource ds, Exception cause) {
    try {
      close(ds);
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  private static void close(DataSource ds) throws Exception {
    // H2 is optional: name its pool, so a host on PostgreSQL without H2 never loads the class
    if (ds instanceof AutoCloseable a) {
      a.close();
    } else if (ds.getClass().getName().equals("org.h2.jdbcx.JdbcConnectionPool")) {
      ((org.h2.jdbcx.JdbcConnectionPool) ds).dispose();
    }
  }

  /** Closes the connection pool if {@link #open(String, int)} created it; otherwise does nothing. */
  @Override
  public void close() {
    if (ownsDataSource) {
      try {
        close(dataSource);
      } catch (Exception e) {
        throw new StorageException("close database", "dataSource", false, e);
      }
    }
  }

  /**
   * Creates or upgrades opsbook's tables in the data source's current schema with Flyway; running it again changes
   * nothing.
   *
   * @return how many migrations were applied now
   */
  public int migrate() {
    return migrate(dataSource, dialect);
  }

  /** Migrates {@code dataSource} as {@link #migrate()} does, detecting the dialect. */
  public static int migrate(DataSource dataSource) {
    return create(dataSource).migrate();
  }

  private static int migrate(DataSource dataSource, Dialect dialect) {
    try {
      MigrateResult r = Flyway.configure(OpsJdbc.class.getClassLoader()).dataSource(dataSource)
          .locations("classpath:" + dialect.migrationLocation()).table(HISTORY_TABLE)
          // a host's schema may already hold its own tables (its own Flyway ran first): opsbook's history starts
          // at a baseline below V1 there, so every opsbook migration still runs
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      return r.migrationsExecuted;
    } catch (RuntimeException e) {
      throw new StorageException("migrate schema", dialect.migrationLocation(), false, e);
    }
  }

  /** Returns PostgreSQL's dialect (13 or later). */
  public static Dialect postgresql() {
    return PostgresDialect.INSTANCE;
  }

  /** Returns H2's dialect (H2 2.x in {@code MODE=PostgreSQL}). */
  public static Dialect h2() {
    return H2Dialect.INSTANCE;
  }

  /** Returns the dialect in use. */
  public Dialect dialect() {
    return dialect;
  }

  /** Returns the data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the append-only, hash-chained audit log. */
  public AuditLog auditLog() {
    return audit;
  }

  /**
   * Re-anchors audit records written before the anchored-audit migration (V3), whose plain SHA-256 chain anyone could
   * recompute, under this instance's audit key ({@link #withAuditKey}): the host holds the key, the database does not,
   * so this is an operation the host invokes once after {@link #migrate()}, while no host appends (the tables' owner's
   * credentials: the append-only triggers are lifted for this one transaction). It first verifies the whole log as
   * it stands (the old SHA-256 chains, the records sealed since, each stream against its head, the global sequence)
   * and refuses, changing nothing, when anything does not check out; otherwise it numbers every record in the global
   * sequence and seals records, heads and the global counter under the key, after which {@code verifyAll} holds.
   *
   * @return empty when no record predates V3 (nothing to do); otherwise one verification per stream, all intact when
   *     the log was re-anchored, or the broken ones first, each naming its first bad record, when it was refused
   * @throws StorageException when the database fails (nothing is changed)
   */
  public java.util.List<AuditLog.AuditVerification> reanchorAudit() {
    return new AuditReanchor(runner, chain).run();
  }

  /**
   * Re-seals the whole audit log, sealed until now under {@code previousKey}, under this instance's key
   * ({@link #withAuditKey}): a change of key. Like {@link #reanchorAudit()} it first verifies the whole log as it
   * stands (under the previous key; records from before V3 by their SHA-256) and refuses, changing nothing, when
   * anything does not check out; otherwise it seals every record, head and the global counter under the new key, in
   * one transaction with the append-only triggers lifted for it alone (the tables' owner's credentials). Run it once,
   * while no host appends; afterwards only the new key verifies the log.
   *
   * @param previousKey the key the log was sealed under, at least 32 bytes
   * @return empty when the log holds no record; otherwise one verification per stream: all intact when the log was
   *     re-sealed, or the broken ones first, each naming its first bad record, when it was refused
   * @throws StorageException when the database fails (nothing is changed)
   */
  public java.util.List<AuditLog.AuditVerification> rekeyAudit(byte[] previousKey) {
    checkArgument(previousKey != null && previousKey.length >= 32, "a previous audit key has at least 32 bytes");
    return new AuditReanchor(runner, AuditChain.withKey(previousKey.clone()), chain).rekey();
  }

  /**
   * Re-seals the whole audit log, sealed until now under the published demo key (a log written without
   * {@link #withAuditKey}), under this instance's key, as {@link #rekeyAudit(byte[])} does.
   */
  public java.util.List<AuditLog.AuditVerification> rekeyAuditFromDemoKey() {
    return new AuditReanchor(runner, AuditChain.demo(), chain).rekey();
  }

  /** Which key the audit log's sealed global counter verifies under, read by {@link #auditSeal()}. */
  public enum AuditSeal {
    /** Nothing sealed yet: an empty log, or only records from before V3. */
    NONE,
    /** This instance's key. */
    THIS_KEY,
    /** The published demo key, and this instance has another. */
    DEMO_KEY,
    /** Neither: the log was sealed under another key, or its seal was changed. */
    OTHER_KEY;

    /**
     * Returns true when this instance's key may append to the log: it is sealed under that key, or nothing is sealed
     * yet. Otherwise every append is refused, which a host's health check reports.
     */
    public boolean appendable() {
      return this == NONE || this == THIS_KEY;
    }
  }

  /**
   * Says which key the audit log is sealed under, from its sealed global counter alone (one row; {@code verifyAll}
   * checks every record). A host checks it before appending: records sealed under a mistaken key would break every
   * verification from there on, indistinguishable from a forgery.
   *
   * @throws StorageException when the database fails or is not migrated
   */
  public AuditSeal auditSeal() {
    return runner.read("read audit seal", "(global)", c -> Sql.queryOne(c,
        "SELECT gseq, seal FROM ops_audit_global WHERE id = 1", rs -> {
          long n = rs.getLong(1);
          String seal = rs.getString(2);
          if (n == 0) {
            return AuditSeal.NONE;
          }
          if (chain.sealsGlobal(n, seal)) {
            return AuditSeal.THIS_KEY;
          }
          return AuditChain.demo().sealsGlobal(n, seal) ? AuditSeal.DEMO_KEY : AuditSeal.OTHER_KEY;
        }).orElse(AuditSeal.OTHER_KEY));
  }

  /** Returns the fault repository; it seals audit entries into {@link #auditLog()} in the same transaction. */
  public FaultRepository faults() {
    return faults;
  }

  /**
   * Returns the durable obligations (timers) that several instances claim under fenced leases, measured by the
   * database's clock (see {@link #withCallerClock()}).
   */
  public ObligationRepository obligations() {
    return obligations;
  }

  /** Returns the workflow repository; it seals audit entries into {@link #auditLog()} in the same transaction. */
  public WorkflowRepository workflows() {
    return workflows;
  }

  /** Returns the message outbox. */
  public MessageOutbox outbox() {
    return outbox;
  }

  /**
   * Returns the JDBC URL of an H2 database file at {@code file} (without the {@code .mv.db} suffix) in PostgreSQL
   * mode, the embedded default: {@code jdbc:h2:file:…;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}.
   */
  public static String h2FileUrl(Path file) {
    return "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        + ";DEFAULT_NULL_ORDERING=HIGH";
  }

  /** Returns the JDBC URL of a named in-memory H2 database that lives until the JVM exits. */
  public static String h2MemoryUrl(String name) {
    checkArgument(name.matches("[A-Za-z0-9_]+"), "name must be letters, digits or _: %s", name);
    return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * Returns a plain (unpooled) data source for an H2 URL, e.g. from {@link #h2FileUrl(Path)}: each connection opens
   * the database anew, so prefer {@link #open(String, int)} for anything but short tools and tests.
   */
  public static DataSource h2DataSource(String url) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  private static DataSource h2Pool(String url, int maxPoolSize) {
    org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(maxPoolSize);
    return pool;
  }

  /**
   * Returns a HikariCP pool for {@code url} (PostgreSQL or H2). HikariCP is an optional dependency: add
   * {@code com.zaxxer:HikariCP} to use this. Close the returned data source ({@link AutoCloseable}) on shutdown.
   *
   * @param user the database user, or null when the URL carries it
   * @param password the password, or null
   * @param maxPoolSize the most connections
   * @throws IllegalStateException naming HikariCP when the host does not have it
   */
  public static DataSource pooled(String url, String user, String password, int maxPoolSize) {
    checkArgument(maxPoolSize > 0, "maxPoolSize must be > 0: %s", maxPoolSize);
    requireHikari();
    return HikariPools.create(url, user, password, maxPoolSize);
  }

  /** Refuses, naming what to add, a pool of HikariCP when the host does not have HikariCP. */
  private static void requireHikari() {
    try {
      Class.forName("com.zaxxer.hikari.HikariDataSource", false, OpsJdbc.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a connection pool on a URL other than H2's needs com.zaxxer:HikariCP on the "
          + "class path: add it, or pass your own DataSource (OpsJdbc.create, OpsEngine.Builder.dataSource)", e);
    }
  }
}
