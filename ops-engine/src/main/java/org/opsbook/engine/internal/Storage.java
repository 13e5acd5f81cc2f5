package org.opsbook.engine.internal;

import javax.sql.DataSource;
import org.opsbook.jdbc.OpsJdbc;

/** Opens the storage ports over a database through {@link OpsJdbc}, migrating its schema. */
public final class Storage {
  private Storage() {}

  /** Returns the ports over the host's {@code dataSource}, migrated; the host keeps and closes its pool. */
  public static Ports over(DataSource dataSource) {
    return ports(OpsJdbc.create(dataSource), false);
  }

  /** Returns the ports over a pool the engine opens on {@code url}, migrated; closing the engine closes the pool. */
  public static Ports open(String url, int poolSize) {
    return ports(OpsJdbc.open(url, poolSize), true);
  }

  private static Ports ports(OpsJdbc jdbc, boolean owned) {
    int applied;
    try {
      applied = jdbc.migrate();
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
    return new Ports(jdbc.faults(), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(), jdbc.auditLog(),
        owned ? jdbc::close : () -> { }, applied);
  }
}
