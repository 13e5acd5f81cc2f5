package org.opsbook.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections fail on cue, the way a real database does: the connection is lost just before a
 * chosen statement (the physical connection is really closed), or commits fail with a serialization failure.
 */
final class FaultyDataSource implements DataSource {
  private final DataSource real;
  private volatile Predicate<String> dropBefore = sql -> false;
  private final AtomicInteger failingCommits = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();

  FaultyDataSource(DataSource real) {
    this.real = real;
  }

  /** Closes the connection before the next statement whose SQL matches. */
  void loseConnectionBefore(Predicate<String> sql) {
    this.dropBefore = sql;
  }

  /** Makes the next {@code n} commits fail with SQL state 40001. */
  void failCommits(int n) {
    failingCommits.set(n);
  }

  /** Returns how many commits were attempted. */
  int commits() {
    return commits.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = real.getConnection();
    InvocationHandler h = (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("prepareStatement") && args != null && args[0] instanceof String sql && dropBefore.test(sql)) {
        dropBefore = s -> false;
        c.unwrap(Connection.class).close();
        c.close();
      }
      if (name.equals("commit")) {
        commits.incrementAndGet();
        if (failingCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          c.rollback();
          throw new SQLException("could not serialize access due to concurrent update", "40001");
        }
      }
      try {
        return method.invoke(c, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        h);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
