package org.opsbook.core.scheduling;

/**
 * What one poll of the engine did.
 *
 * @param claimed obligations claimed
 * @param fired obligations fired and recorded as fired
 * @param failed obligations whose handler failed; each is retried later
 * @param leaseLost obligations fired whose lease another instance had taken over before completion (the effect is
 *     idempotent on the key, so the other instance's firing does no harm)
 */
public record PollResult(int claimed, int fired, int failed, int leaseLost) {
  /** A poll that found nothing. */
  public static final PollResult EMPTY = new PollResult(0, 0, 0, 0);
}
