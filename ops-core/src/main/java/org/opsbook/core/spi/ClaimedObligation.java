package org.opsbook.core.spi;

import java.time.Instant;

/**
 * A due obligation leased to one engine instance until {@code leaseUntil}. If the instance does not complete it or
 * extend the lease in time, another instance may claim it.
 *
 * @param scheduled the obligation as stored
 * @param owner the claiming instance
 * @param leaseUntil when the lease lapses
 */
public record ClaimedObligation(ScheduledObligation scheduled, String owner, Instant leaseUntil) {}
