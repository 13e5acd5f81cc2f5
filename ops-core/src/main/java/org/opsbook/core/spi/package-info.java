/**
 * The ports (SPI) opsbook needs from its host: a working-day calendar, storage for faults, obligations (durable
 * timers), workflow instances and the message outbox, an append-only audit log, a message gateway and a directory of
 * people. Each port nests the values it exchanges (e.g.
 * {@link org.opsbook.core.spi.MessageOutbox.OutboxMessage}). {@code org.opsbook.core.internal.memory} implements every
 * storage port in memory; {@code ops-adapter-jdbc} implements the
 * storage ports on PostgreSQL and H2.
 *
 * <p>Contract for every storage port: each mutating call is atomic (all or nothing), never half-writes, and wraps
 * storage failures in {@link org.opsbook.core.StorageException}; optimistic-concurrency failures throw
 * {@link org.opsbook.core.ConcurrentUpdateException}. Audit entries passed to a mutating call are sealed into the
 * audit log in the same atomic step.
 */
@OpsStyle
package org.opsbook.core.spi;

import org.opsbook.core.internal.style.OpsStyle;
