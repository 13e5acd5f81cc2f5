package org.opsbook.core.internal.scheduling;

import java.util.Optional;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * What the host does when an obligation falls due: typically decide the escalation and enqueue a message in the
 * outbox. An instance that dies after the effect but before the firing is recorded leaves the obligation to be
 * fired again by another instance, so the effect must be idempotent on the key (the outbox is: one message per
 * idempotency key).
 */
@FunctionalInterface
public interface ObligationHandler {
  /**
   * Fires one due obligation.
   *
   * @param idempotencyKey the obligation's key; pass it on to whatever the firing writes
   * @param obligation the obligation as stored, with its attempts so far
   * @throws Exception when the firing failed; the obligation is retried after the engine's back-off
   */
  void fire(ObligationKey idempotencyKey, ScheduledObligation obligation) throws Exception;

  /**
   * Fires one due obligation and says whether it falls due again: a recurring duty still undone is reminded at each
   * interval of its series. The default fires it once.
   *
   * @return empty when this was its last firing; else the obligation as it falls due next (the same key, later)
   * @throws Exception when the firing failed; the obligation is retried after the engine's back-off
   */
  default Optional<ScheduledObligation> fireAndRepeat(ObligationKey idempotencyKey, ScheduledObligation obligation)
      throws Exception {
    fire(idempotencyKey, obligation);
    return Optional.empty();
  }
}
