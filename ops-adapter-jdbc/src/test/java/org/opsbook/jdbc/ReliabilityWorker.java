package org.opsbook.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;

import java.util.List;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.opsbook.core.internal.scheduling.ObligationScheduler;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;

/**
 * One competing host process of the reliability harness: an obligation engine and an outbox dispatcher on the
 * shared PostgreSQL, with a gateway and a duty handler that do not deduplicate and record every call in
 * {@code calls} (with the database's time of the call). The dispatcher follows {@code SmsDispatcher}'s protocol:
 * claim, mark sending (committed), call the gateway, mark sent, heartbeat after each send. Runs until killed.
 * Arguments: JDBC URL, owner, clock skew in seconds, gateway milliseconds per send, lease milliseconds.
 */
public final class ReliabilityWorker {
  private ReliabilityWorker() {}

  /** Runs the worker. */
  public static void main(String[] args) throws Exception {
    // a host's pool: a short connection timeout, so a stopped database shows as errors instead of long waits, and
    // no failure at start when the database is away
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(args[0]);
    cfg.setMaximumPoolSize(4);
    cfg.setMinimumIdle(2);
    cfg.setConnectionTimeout(5_000);
    cfg.setInitializationFailTimeout(-1);
    DataSource pool = new HikariDataSource(cfg);
    String owner = args[1];
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(Long.parseLong(args[2])));
    long gatewayMillis = Long.parseLong(args[3]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    // the dialect is known: no connection is needed to start, so a worker starts while the database is slow or away
    OpsJdbc ops = OpsJdbc.create(pool, OpsJdbc.postgresql());
    ObligationScheduler engine = ObligationScheduler.builder(ops.obligations(),
        (key, o) -> call(pool, "duty", key.toString(), owner))
        .owner(owner).clock(clock).batchSize(10).lease(lease).maxPollInterval(Duration.ofMillis(200))
        .retryBackoff(attempt -> Duration.ofSeconds(1)).errorListener(e -> storageError("duties", e)).build();
    engine.start(Executors.defaultThreadFactory());
    Thread dispatcher = new Thread(() -> dispatch(ops.outbox(), pool, owner, clock, gatewayMillis, lease));
    dispatcher.start();
    System.out.println("started " + owner);
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(40).toMillis());
    System.exit(0);
  }

  private static void dispatch(MessageOutbox outbox, DataSource pool, String owner, Clock clock, long gatewayMillis,
      Duration lease) {
    while (true) {
      try {
        List<OutboxMessage> batch = outbox.claim(clock.instant(), 10, owner, lease);
        for (OutboxMessage m : batch) {
          if (!outbox.markSending(m, clock.instant(), lease)) {
            continue;
          }
          call(pool, "sms", m.key(), owner);
          Thread.sleep(gatewayMillis);
          outbox.markSent(m, clock.instant(), "gw-" + owner);
          outbox.heartbeat(owner, clock.instant(), lease);
        }
        if (batch.isEmpty()) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the database is away (stopped, restarting): report it, and try again shortly, as the engine's loop does
        storageError("outbox", e);
        sleep(200);
      }
    }
  }

  /**
   * The storage-error listener of this host (what {@code OpsEngine}'s {@code StorageErrorListener} receives from the
   * same two loops): one line per failed round, counted by the harness.
   */
  private static synchronized void storageError(String loop, Throwable e) {
    System.out.println("storage-error " + loop + ": " + e.getClass().getSimpleName());
    System.out.flush();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records one call of the gateway or the duty handler, with the database's time. */
  private static void call(DataSource pool, String kind, String key, String owner) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO calls (kind, item_key, owner, at_db) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
      ps.setString(1, kind);
      ps.setString(2, key);
      ps.setString(3, owner);
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot record the call", e);
    }
  }

}
