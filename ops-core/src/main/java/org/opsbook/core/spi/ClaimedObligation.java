package org.opsbook.core.spi;

import java.time.Instant;

/**
 * A due obligation leased to one engine instance until {@code leaseUntil}, under a lease generation. Every claim of
 * an obligation takes the next generation, so a completion, failure or renewal by an instance whose lease was taken
 * over (even by itself, later) is refused: only the current owner and generation may act on it.
 *
 * @param scheduled the obligation as stored
 * @param owner the claiming instance
 * @param leaseUntil when the lease lapses (on the store's clock)
 * @param generation the lease generation of this claim, increasing per obligation
 */
public record ClaimedObligation(ScheduledObligation scheduled, String owner, Instant leaseUntil, long generation) {}
