/**
 * Internal: the obligation-firing engine the facade runs (not API): a poll loop over any {@link org.opsbook.core.spi.ObligationRepository} that
 * claims due obligations in batches under a lease, keeps the lease alive with a heartbeat, hands each one to the
 * host's {@link org.opsbook.core.internal.scheduling.ObligationHandler} with its key as the idempotency key, and marks the
 * batch fired. Several engines (threads or processes) may share one repository; each obligation fires once.
 *
 * <p>The engine reads time only from its injected {@link java.time.Clock}; {@code pollOnce(now)} drives it step by
 * step under a fake clock.
 */
@OpsStyle
package org.opsbook.core.internal.scheduling;

import org.opsbook.core.internal.style.OpsStyle;
