package org.opsbook.core.spi;

import java.util.List;
import org.opsbook.core.Channel;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;

/**
 * What the gateway is asked to deliver: the text to each recipient, once, under an idempotency key the gateway can
 * use to drop a repeat.
 *
 * @param idempotencyKey the outbox key
 * @param channel SMS or NOTICE
 * @param text the exact text
 * @param recipients the people, each once
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
