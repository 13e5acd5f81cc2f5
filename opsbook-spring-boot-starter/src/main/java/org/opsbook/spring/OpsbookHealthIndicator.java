package org.opsbook.spring;

import static com.google.common.base.Preconditions.checkNotNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.opsbook.engine.OpsEngine;
import org.opsbook.jdbc.OpsJdbc;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * API: the engine's health, shown as {@code opsbook}: UP when the database answers, the loops run (or are meant to
 * be off, {@code opsbook.start-loops=false}) and the audit log is sealed under the engine's key; DOWN otherwise, also
 * once the log was re-keyed under a key this host lacks (its every write is refused). Details: {@code database},
 * {@code loops}, {@code auditKey} ({@code host} or {@code demo}), {@code auditSeal} ({@link OpsEngine#auditSeal()}),
 * {@code storageErrors} and the last one's loop, type and time (never its message). Thread-safe.
 */
public final class OpsbookHealthIndicator extends AbstractHealthIndicator {
  private static final int VALID_TIMEOUT_SECONDS = 2;

  private final OpsEngine engine;
  private final DataSource dataSource;
  private final OpsbookStorageErrors errors;
  private final boolean loopsExpected;

  /**
   * Checks {@code engine} over {@code dataSource}.
   *
   * @param loopsExpected whether the loops should be running ({@code opsbook.start-loops})
   */
  public OpsbookHealthIndicator(OpsEngine engine, DataSource dataSource, OpsbookStorageErrors errors,
      boolean loopsExpected) {
    super("opsbook health check failed");
    this.engine = checkNotNull(engine, "engine");
    this.dataSource = checkNotNull(dataSource, "dataSource");
    this.errors = checkNotNull(errors, "errors");
    this.loopsExpected = loopsExpected;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean reachable = reachable();
    boolean running = engine.isRunning();
    Optional<OpsJdbc.AuditSeal> seal = Optional.empty();
    boolean sealReadable = true;
    if (reachable) {
      try {
        seal = engine.auditSeal();
      } catch (RuntimeException e) {
        sealReadable = false;
      }
    }
    // a log re-keyed under a key this host does not hold refuses its every write
    boolean sealed = sealReadable && seal.map(OpsJdbc.AuditSeal::appendable).orElse(true);
    boolean up = reachable && sealed && (running || !loopsExpected);
    builder.status(up ? "UP" : "DOWN").withDetail("database", reachable ? "reachable" : "unreachable")
        .withDetail("loops", running ? "running" : loopsExpected ? "stopped" : "off")
        .withDetail("auditKey", engine.sealsWithDemoKey() ? "demo" : "host");
    if (!sealReadable) {
      builder.withDetail("auditSeal", "unreadable");
    }
    seal.ifPresent(s -> builder.withDetail("auditSeal", s.name()));
    long total = 0;
    for (String loop : errors.loops()) {
      total += errors.count(loop);
    }
    builder.withDetail("storageErrors", total);
    errors.last().ifPresent(e -> builder.withDetail("lastStorageError",
        java.util.Map.of("loop", e.loop(), "type", e.type(), "at", e.at().toString())));
  }

  private boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(VALID_TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
