package org.opsbook.jdbc.internal;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import org.opsbook.core.Masking;

/**
 * Database errors without the values they quote: H2 and PostgreSQL put the offending row's values in their messages,
 * which end up in logs through {@link org.opsbook.core.StorageException}'s cause chain. Stateless.
 */
final class SqlErrors {
  private SqlErrors() {}

  private static final int MAX_DEPTH = 8;

  /**
   * Returns a copy of {@code e} whose message, chained exceptions and causes are redacted
   * ({@link Masking#databaseMessage}); it keeps the standard subclass, SQL state, vendor code and stack
   * trace.
   */
  static SQLException redacted(SQLException e) {
    return (SQLException) redacted(e, 0);
  }

  private static Throwable redacted(Throwable t, int depth) {
    if (t == null || depth > MAX_DEPTH) {
      return null;
    }
    String msg = Masking.databaseMessage(t.getMessage());
    Throwable copy;
    if (t instanceof SQLException sql) {
      SQLException s = copy(sql, msg);
      SQLException next = sql.getNextException();
      if (next != null && next != sql && depth < MAX_DEPTH) {
        s.setNextException((SQLException) redacted(next, depth + 1));
      }
      copy = s;
    } else {
      copy = new RedactedCause(t.getClass().getName(), msg);
    }
    Throwable inner = t.getCause();
    if (inner != null && inner != t) {
      copy.initCause(redacted(inner, depth + 1));
    }
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  private static SQLException copy(SQLException e, String msg) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    if (e instanceof SQLTransactionRollbackException) {
      return new SQLTransactionRollbackException(msg, state, code);
    } else if (e instanceof SQLTransientConnectionException) {
      return new SQLTransientConnectionException(msg, state, code);
    } else if (e instanceof SQLTimeoutException) {
      return new SQLTimeoutException(msg, state, code);
    } else if (e instanceof SQLTransientException) {
      return new SQLTransientException(msg, state, code);
    } else if (e instanceof SQLNonTransientConnectionException) {
      return new SQLNonTransientConnectionException(msg, state, code);
    } else if (e instanceof SQLIntegrityConstraintViolationException) {
      return new SQLIntegrityConstraintViolationException(msg, state, code);
    } else if (e instanceof SQLDataException) {
      return new SQLDataException(msg, state, code);
    } else if (e instanceof SQLSyntaxErrorException) {
      return new SQLSyntaxErrorException(msg, state, code);
    } else if (e instanceof SQLRecoverableException) {
      return new SQLRecoverableException(msg, state, code);
    }
    return new SQLException(msg, state, code);
  }

  /** A non-SQL cause with its message redacted; it names the original class. */
  private static final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    RedactedCause(String originalClass, String message) {
      super(message);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      String m = getMessage();
      return m == null ? originalClass : originalClass + ": " + m;
    }
  }
}
