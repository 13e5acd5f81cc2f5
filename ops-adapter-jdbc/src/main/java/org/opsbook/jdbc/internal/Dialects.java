package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.opsbook.jdbc.spi.Dialect;

/** Picks the built-in dialect of a connection's database. */
public final class Dialects {
  private Dialects() {}

  /**
   * Picks the dialect from the connection's database product name.
   *
   * @throws IllegalArgumentException for a database opsbook does not support
   */
  public static Dialect detect(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String p = product.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return PostgresDialect.INSTANCE;
    }
    if (p.contains("h2")) {
      return H2Dialect.INSTANCE;
    }
    throw new IllegalArgumentException("unsupported database: " + product + " (PostgreSQL and H2 are supported)");
  }
}
