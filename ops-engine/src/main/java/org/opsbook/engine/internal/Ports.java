package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.function.Supplier;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.jdbc.OpsJdbc;

/**
 * The storage ports the engine runs on, from a database ({@code OpsJdbc}) or given by the host.
 *
 * @param faults fault histories
 * @param obligations duty timers
 * @param workflows stored workflow instances
 * @param outbox the SMS outbox
 * @param auditLog the audit log
 * @param onClose what closing the engine releases (the pool the engine opened), or a no-op
 * @param migrationsApplied schema migrations applied when the engine was built
 * @param seal reads which key the audit log's seal verifies under now; empty for the host's own ports
 * @param demoKey true when the log is sealed with the published demo key
 */
public record Ports(FaultRepository faults, ObligationRepository obligations, WorkflowRepository workflows,
    MessageOutbox outbox, AuditLog auditLog, Runnable onClose, int migrationsApplied,
    Supplier<Optional<OpsJdbc.AuditSeal>> seal, boolean demoKey) {
  /** The host's own ports: their audit log is sealed as the host built it. */
  public Ports(FaultRepository faults, ObligationRepository obligations, WorkflowRepository workflows,
      MessageOutbox outbox, AuditLog auditLog) {
    this(faults, obligations, workflows, outbox, auditLog, () -> { }, 0, Optional::empty, false);
  }

  /** Checks the components. */
  public Ports {
    checkNotNull(faults, "faults");
    checkNotNull(obligations, "obligations");
    checkNotNull(workflows, "workflows");
    checkNotNull(outbox, "outbox");
    checkNotNull(auditLog, "auditLog");
    checkNotNull(onClose, "onClose");
    checkNotNull(seal, "seal");
  }
}
