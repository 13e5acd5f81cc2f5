package org.opsbook.core.spi;

/** Where a message stands in the outbox. */
public enum OutboxState {
  /** Waiting to be sent, or to be retried after a failure. */
  PENDING,
  /**
   * Handed to the gateway: committed before the gateway is called, so no other dispatcher takes it. While its lease
   * is live the send is in flight; once the lease lapsed without an outcome the send is <em>in doubt</em> (the
   * dispatcher may have crashed before or after the gateway accepted it).
   */
  SENDING,
  /** Accepted by the gateway, or confirmed sent by a person after it was in doubt; final. */
  SENT
}
