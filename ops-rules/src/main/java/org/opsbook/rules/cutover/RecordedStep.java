package org.opsbook.rules.cutover;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One accepted event as a cutover keeps it: who fired it, when, and what it recorded.
 *
 * @param actorId who fired it
 * @param at when
 * @param data what it recorded
 */
public record RecordedStep(String actorId, Instant at, CutoverEventData data) {
  /** Validates the parts. */
  public RecordedStep {
    checkNotNull(actorId, "actorId");
    checkNotNull(at, "at");
    checkNotNull(data, "data");
  }
}
