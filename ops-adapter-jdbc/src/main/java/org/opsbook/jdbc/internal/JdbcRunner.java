package org.opsbook.jdbc.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opsbook.core.Masking;
import org.opsbook.core.StorageException;
import org.opsbook.jdbc.spi.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work on a connection of the data source: each write in one transaction, committed or rolled back
 * whole. A serialization failure, deadlock or lock timeout rolls back and retries the whole unit (safe: nothing of it
 * was kept); any other {@link SQLException} is wrapped in a {@link StorageException} that names the operation and the
 * key. A lost connection is reported as transient but not retried here: the outcome of a commit in flight is unknown
 * to the caller, who retries through its own idempotency (versions, keys).
 */
public final class JdbcRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcRunner.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final int maxAttempts;

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work; the runner commits or rolls back. */
    T run(Connection c) throws SQLException;
  }

  /**
   * Creates a runner.
   *
   * @param maxAttempts how often a retryable failure is tried in all, at least 1
   */
  public JdbcRunner(DataSource dataSource, Dialect dialect, int maxAttempts) {
    this.dataSource = checkNotNull(dataSource, "dataSource");
    this.dialect = checkNotNull(dialect, "dialect");
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  /** Returns the dialect. */
  public Dialect dialect() {
    return dialect;
  }

  /** Returns the data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in a transaction, retrying it whole after a retryable failure. */
  public <T> T inTransaction(String operation, String key, Work<T> work) {
    return retrying(operation, key, work, false);
  }

  /**
   * Runs {@code work}, one statement that is atomic on its own, in auto-commit mode: the statement and its commit
   * take one round trip. Retried after a retryable failure like a transaction (a failed statement changed nothing).
   */
  public <T> T inOneStatement(String operation, String key, Work<T> work) {
    return retrying(operation, key, work, true);
  }

  private <T> T retrying(String operation, String key, Work<T> work, boolean autoCommit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return autoCommit ? autoCommitted(work) : once(work);
      } catch (SQLException e) {
        if (dialect.isRetryable(e) && attempt < maxAttempts) {
          LOG.debug("{} [{}]: retrying after {} (attempt {})", operation, Masking.phonesIn(key), e.getSQLState(),
              attempt);
          backoff(attempt);
          continue;
        }
        throw failure(operation, key, e);
      }
    }
  }

  private <T> T autoCommitted(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      return work.run(c);
    }
  }

  /** Runs read-only {@code work} on a connection in auto-commit mode. */
  public <T> T read(String operation, String key, Work<T> work) {
    try {
      return autoCommitted(work);
    } catch (SQLException e) {
      throw failure(operation, key, e);
    }
  }

  /** The failure of {@code operation} on {@code key}, its cause redacted: transient when a retry may succeed. */
  private StorageException failure(String operation, String key, SQLException e) {
    return new StorageException(operation, key, dialect.isRetryable(e) || dialect.isConnectionLost(e),
        SqlErrors.redacted(e));
  }

  private <T> T once(Work<T> work) throws SQLException {
    // a pool restores auto-commit when the connection is returned; an unpooled connection is closed
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException r) {
      cause.addSuppressed(r);
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(Math.min(200L, 5L << attempt));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }
}
