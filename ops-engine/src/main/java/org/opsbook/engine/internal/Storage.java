package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.opsbook.core.StorageException;
import org.opsbook.jdbc.OpsJdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the storage ports over a database through {@link OpsJdbc}, migrating its schema, with its audit log sealed
 * under the host's key. A database that outlives the process is not sealed with the published demo key unless the
 * host asks for it: anyone who can write its tables could forge records with that key.
 */
public final class Storage {
  private static final Logger LOG = LoggerFactory.getLogger("org.opsbook.engine");

  /**
   * How the audit log is sealed.
   *
   * @param key the host's secret, or null
   * @param demo true when the host asked for the published demo key
   */
  public record Seal(byte[] key, boolean demo) {}

  private Storage() {}

  /** Returns the ports over the host's {@code dataSource}, migrated; the host keeps and closes its pool. */
  public static Ports over(DataSource dataSource, Seal seal) {
    return ports(OpsJdbc.create(dataSource), false, seal, () -> inMemory(dataSource));
  }

  /** Returns the ports over a pool the engine opens on {@code url}, migrated; closing the engine closes the pool. */
  public static Ports open(String url, int poolSize, Seal seal) {
    return ports(OpsJdbc.open(url, poolSize), true, seal, () -> inMemory(url));
  }

  private static Ports ports(OpsJdbc jdbc, boolean owned, Seal seal, BooleanSupplier inMemory) {
    OpsJdbc sealed;
    int applied;
    try {
      sealed = sealed(jdbc, seal, inMemory);
      applied = sealed.migrate();
      checkSealedSo(sealed.auditSeal(), seal.key() != null);
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
    return new Ports(sealed.faults(), sealed.obligations(), sealed.workflows(), sealed.outbox(), sealed.auditLog(),
        owned ? jdbc::close : () -> { }, applied, () -> Optional.of(sealed.auditSeal()), seal.key() == null);
  }

  /** {@code inMemoryDatabase} is asked only when no key was given: over a data source it opens a connection. */
  private static OpsJdbc sealed(OpsJdbc jdbc, Seal seal, BooleanSupplier inMemoryDatabase) {
    if (seal.key() != null) {
      return jdbc.withAuditKey(seal.key());
    }
    boolean inMemory = inMemoryDatabase.getAsBoolean();
    checkState(seal.demo() || inMemory, "auditKey: the audit log of a database that outlives this process is"
        + " sealed under the host's secret, auditKey(byte[]) with at least 32 bytes kept outside the database;"
        + " demoAuditKey() seals it with a published key anyone can forge records with, for demos and tests only");
    if (!inMemory && LOG.isWarnEnabled()) {
      LOG.warn("opsbook audit log sealed with the published demo key: anyone who can write its tables can forge"
          + " records; give the engine the host's auditKey outside demos and tests");
    }
    return jdbc;
  }

  /**
   * Refuses a log sealed under another key than the engine's, before anything is appended: records sealed under a
   * mistaken key would break every verification from there on, indistinguishable from a forgery.
   */
  private static void checkSealedSo(OpsJdbc.AuditSeal found, boolean hostKey) {
    String field = hostKey ? "auditKey" : "demoAuditKey";
    checkState(found != OpsJdbc.AuditSeal.DEMO_KEY, "%s: this database's audit log is sealed under the published demo"
        + " key; re-seal it under the host's key once, while no host runs:"
        + " OpsJdbc.create(dataSource).withAuditKey(key).rekeyAuditFromDemoKey()", field);
    checkState(found != OpsJdbc.AuditSeal.OTHER_KEY, "%s: this database's audit log does not verify under the %s:"
        + " give the key it was sealed under (OpsJdbc.withAuditKey(key).rekeyAudit(previousKey) changes it); if the"
        + " key is right, its seal was changed, and auditLog().verifyAll() names what", field,
        hostKey ? "key given, nor under the demo key" : "demo key; give the host's key as auditKey");
  }

  /** True for an H2 in-memory database: it ends with the process, and nothing outside it can write its tables. */
  private static boolean inMemory(String url) {
    return url.startsWith("jdbc:h2:mem:");
  }

  private static boolean inMemory(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return inMemory(c.getMetaData().getURL());
    } catch (SQLException e) {
      throw new StorageException("open database", "dataSource", true, e);
    }
  }
}
