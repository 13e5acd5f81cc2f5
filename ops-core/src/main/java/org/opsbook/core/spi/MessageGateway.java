package org.opsbook.core.spi;

/**
 * Sends SMS and posts notices. Hosts implement it over their SMS platform. An implementation should drop a repeat
 * of an idempotency key it has already accepted (most SMS platforms take a client message ID for this); the outbox
 * guarantees it only retries what was not acknowledged.
 */
public interface MessageGateway {
  /**
   * Delivers the message to every recipient.
   *
   * @throws GatewayException when the message was not accepted; it will be retried
   */
  SendReceipt send(OutgoingMessage message);
}
