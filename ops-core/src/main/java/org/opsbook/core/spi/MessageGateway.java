package org.opsbook.core.spi;

/**
 * Sends SMS and posts notices. Hosts implement it over their SMS platform. Each message carries its idempotency key;
 * a gateway that drops a repeat of a key it already accepted (most SMS platforms take a client message ID for this)
 * says so with {@link #deduplicates()}, and only then is a message whose send is in doubt (a crash between handing it
 * over and recording the outcome) sent again automatically.
 */
public interface MessageGateway {
  /**
   * Delivers the message to every recipient.
   *
   * @throws GatewayException when the message was not accepted; it will be retried
   */
  SendReceipt send(OutgoingMessage message);

  /**
   * Returns true when this gateway drops a repeat of an idempotency key it has already accepted, so a send in doubt
   * may be repeated with the same key. False by default: an in-doubt message is then listed for a person to confirm
   * sent or release for a resend, never resent silently.
   */
  default boolean deduplicates() {
    return false;
  }
}
