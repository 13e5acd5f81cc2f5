package org.opsbook.core.internal.scheduling;

/**
 * What one poll of the engine did.
 *
 * @param claimed obligations claimed
 * @param fired obligations fired and recorded as fired
 * @param failed obligations whose handler failed; each is retried later
 * @param leaseLost claims lost to another instance: skipped before firing (the renewal found the lease taken), or
 *     fired while the lease was being taken over (the effect is idempotent on the key)
 */
public record PollResult(int claimed, int fired, int failed, int leaseLost) {
  /** A poll that found nothing. */
  public static final PollResult EMPTY = new PollResult(0, 0, 0, 0);
}
