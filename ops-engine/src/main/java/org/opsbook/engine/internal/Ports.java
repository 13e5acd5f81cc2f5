package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;

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
 */
public record Ports(FaultRepository faults, ObligationRepository obligations, WorkflowRepository workflows,
    MessageOutbox outbox, AuditLog auditLog, Runnable onClose, int migrationsApplied) {
  /** Checks the components. */
  public Ports {
    checkNotNull(faults, "faults");
    checkNotNull(obligations, "obligations");
    checkNotNull(workflows, "workflows");
    checkNotNull(outbox, "outbox");
    checkNotNull(auditLog, "auditLog");
    checkNotNull(onClose, "onClose");
  }
}
