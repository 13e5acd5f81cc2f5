package org.opsbook.examples.spring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.core.Masking;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo SMS gateway: logs each message (text with phone numbers and the directory's names masked, the number of
 * recipients) and keeps the idempotency keys it accepted; a repeated key is answered as a duplicate, as a real
 * platform would. Thread-safe.
 */
public final class LoggingMessageGateway implements MessageGateway {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingMessageGateway.class);

  private final Clock clock;
  private final Masking.Names names;
  private final List<String> accepted = new ArrayList<>();

  /**
   * Stamps receipts with {@code clock}'s time and masks in the logged text what {@code names} masks: an SMS names its
   * follow-up person (故障跟进人), one of the directory's people.
   *
   * @param names the masking of the directory's names ({@code InMemoryDirectory.masking()}, {@code Masking.names})
   */
  public LoggingMessageGateway(Clock clock, Masking.Names names) {
    this.clock = clock;
    this.names = names;
  }

  @Override
  public synchronized SendReceipt send(OutgoingMessage message) {
    boolean duplicate = accepted.contains(message.idempotencyKey());
    if (!duplicate) {
      accepted.add(message.idempotencyKey());
      LOG.info("SMS {} to {} people: {}", message.idempotencyKey(), message.recipients().size(),
          names.mask(message.text()));
    }
    return new SendReceipt("demo-" + message.idempotencyKey(), clock.instant(), duplicate);
  }

  /** Returns the idempotency keys accepted so far, in order. */
  public synchronized List<String> accepted() {
    return List.copyOf(accepted);
  }
}
