package org.opsbook.core.spi;

/** Where a message stands in the outbox. */
public enum OutboxState {
  /** Waiting to be sent, or to be retried after a failure. */
  PENDING,
  /** Accepted by the gateway; final. */
  SENT
}
