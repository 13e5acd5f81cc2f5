package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One occurrence of a fault signature: when it started (each entry into an active fault state, relapses included)
 * and the complaints attributed to it.
 *
 * @param startedAt when the occurrence began
 * @param complaints complaints attributed to it, {@code >= 0}
 */
record Occurrence(Instant startedAt, int complaints) {
  /** Validates the parts. */
  public Occurrence {
    checkNotNull(startedAt, "startedAt");
    checkArgument(complaints >= 0, "complaints must be >= 0: %s", complaints);
  }
}
