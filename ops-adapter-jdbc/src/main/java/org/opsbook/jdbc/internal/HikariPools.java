package org.opsbook.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Builds HikariCP pools; kept apart so HikariCP stays an optional dependency of the facade. */
public final class HikariPools {
  private HikariPools() {}

  /** Returns a pool for {@code url}; user and password may be null when the URL carries them. */
  public static DataSource create(String url, String user, String password, int maxPoolSize) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    if (user != null) {
      cfg.setUsername(user);
    }
    if (password != null) {
      cfg.setPassword(password);
    }
    cfg.setMaximumPoolSize(maxPoolSize);
    cfg.setMinimumIdle(Math.min(2, maxPoolSize));
    cfg.setPoolName("opsbook");
    if (url.startsWith("jdbc:postgresql:")) {
      // batched inserts (audit rows, obligations) become multi-row statements
      cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return new HikariDataSource(cfg);
  }
}
