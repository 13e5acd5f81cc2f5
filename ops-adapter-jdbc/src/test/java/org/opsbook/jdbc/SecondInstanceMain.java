package org.opsbook.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.opsbook.core.internal.scheduling.ObligationScheduler;
import org.opsbook.jdbc.internal.HikariPools;

/**
 * Another host process sharing the database: runs one engine whose handler records every call in {@code calls} and
 * its effect once per key in {@code effect}, until it is killed or {@code seconds} pass.
 * Arguments: JDBC URL, owner name, lease seconds, seconds to run.
 */
public final class SecondInstanceMain {
  private SecondInstanceMain() {}

  /** Runs the instance. */
  public static void main(String[] args) throws Exception {
    DataSource pool = HikariPools.create(args[0], null, null, 3);
    OpsJdbc ops = OpsJdbc.create(pool);
    String owner = args[1];
    ObligationScheduler engine = ObligationScheduler.builder(ops.obligations(), (key, o) -> {
      try (Connection c = pool.getConnection()) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO calls (obligation_key, owner) VALUES (?, ?)")) {
          ps.setString(1, key.toString());
          ps.setString(2, owner);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO effect (obligation_key, owner) VALUES (?, ?)"
            + " ON CONFLICT (obligation_key) DO NOTHING")) {
          ps.setString(1, key.toString());
          ps.setString(2, owner);
          ps.executeUpdate();
        }
      }
    }).owner(owner).clock(Clock.systemUTC()).batchSize(50).lease(Duration.ofSeconds(Long.parseLong(args[2])))
        .maxPollInterval(Duration.ofMillis(200)).build();
    engine.start(Executors.defaultThreadFactory());
    System.out.println("started " + owner);
    System.out.flush();
    Thread.sleep(Long.parseLong(args[3]) * 1000);
    engine.close();
  }
}
