package org.opsbook.rules.internal.queue;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opsbook.core.Level;

/**
 * A fault in a work queue, as {@link WorkQueue#PRIORITY} orders it.
 *
 * @param faultId the fault
 * @param escalated whether it is handled as an escalated fault: its peak level is L1 or L2 (FAULT-CLASS-DEF-01/07)
 * @param level its current level
 * @param affectedCustomers the derived {@code affectedCustomers} of §2.1
 *     ({@code ImpliedFacts.affectedCustomers})
 * @param detectedAt when the IT centre learned of it
 */
public record QueueItem(String faultId, boolean escalated, Level level, int affectedCustomers, Instant detectedAt) {
  /** Validates the parts. */
  public QueueItem {
    checkNotNull(faultId, "faultId");
    checkNotNull(level, "level");
    checkNotNull(detectedAt, "detectedAt");
    checkArgument(affectedCustomers >= 0, "affectedCustomers must be >= 0: %s", affectedCustomers);
    checkArgument(escalated || !level.isEscalated(), "an L1/L2 fault is escalated: %s", faultId);
  }
}
