package org.opsbook.core.spi;

import org.opsbook.core.OpsException;
import java.util.List;
import org.opsbook.core.Channel;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import java.time.Instant;
import java.util.Objects;

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
   * @return the gateway's receipt, never null: a send that returns none, or fails otherwise than with a
   *     {@link GatewayException}, may have reached the platform, and is left in doubt for a person to resolve (or sent
   *     again, to a gateway that {@linkplain #deduplicates() deduplicates})
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

  /** The gateway could not accept a message; the outbox keeps it pending and retries. */
  public class GatewayException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    /**
     * Creates the error.
     *
     * @param idempotencyKey the message that failed
     * @param message why
     * @param cause the underlying failure, or null
     */
    public GatewayException(String idempotencyKey, String message, Throwable cause) {
      super(idempotencyKey + ": " + message, cause);
      this.idempotencyKey = idempotencyKey;
    }

    /** Returns the key of the message that failed. */
    public String idempotencyKey() {
      return idempotencyKey;
    }
  }

  /**
   * What the gateway is asked to deliver: the text to each recipient, once, under an idempotency key the gateway can
   * use to drop a repeat.
   *
   * @param idempotencyKey the outbox key
   * @param channel SMS or NOTICE
   * @param text the exact text
   * @param recipients the people, each once; the number to send to is {@link Person#mobileNumber()}, the digits alone
   *     whatever the directory's spelling
   */
  public record OutgoingMessage(String idempotencyKey, Channel channel, String text, List<Person> recipients) {
    /** Copies the recipient list. */
    public OutgoingMessage {
      recipients = List.copyOf(recipients);
    }

    @Override
    public String toString() {
      return "OutgoingMessage{key=" + idempotencyKey + ", channel=" + channel + ", recipients=" + recipients.size()
          + ", text=" + Masking.phonesIn(text) + "}";
    }
  }

  /**
   * The gateway's acknowledgement of a message.
   *
   * @param gatewayId the gateway's own ID for the send, of any length; the outbox keeps it whole as the receipt
   * @param acceptedAt when it accepted the message, by the platform's clock. The engine dates the sending by it when
   *     it falls between the round that handed the message over and the end of that round's lease, and otherwise
   *     by the nearer of the two, keeping this time in the audit record as {@code gatewayAcceptedAt}: a platform's
   *     clock far off does not date a sending before its release, nor meet a deadline on paper
   * @param duplicate true when the gateway had already accepted this idempotency key and dropped the repeat
   */
  public record SendReceipt(String gatewayId, Instant acceptedAt, boolean duplicate) {
    /**
     * Checks the receipt is whole.
     *
     * @throws NullPointerException naming {@code gatewayId} or {@code acceptedAt} when it is null
     */
    public SendReceipt {
      Objects.requireNonNull(gatewayId, "gatewayId");
      Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
  }
}
