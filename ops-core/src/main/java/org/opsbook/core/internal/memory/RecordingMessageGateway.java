package org.opsbook.core.internal.memory;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.core.spi.MessageGateway.GatewayException;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;

/**
 * A {@link MessageGateway} that records what it was asked to send, drops repeats of an idempotency key like a real
 * SMS platform, and can be told to fail the next sends. For tests, simulations and demos. Thread-safe.
 */
public final class RecordingMessageGateway implements MessageGateway {
  private final Clock clock;
  private final List<OutgoingMessage> delivered = new ArrayList<>();
  private final Map<String, SendReceipt> accepted = new HashMap<>();
  private int failNext;
  private int attempts;

  /** Creates a gateway that stamps receipts with {@code clock}. */
  public RecordingMessageGateway(Clock clock) {
    this.clock = clock;
  }

  /** Makes the next {@code n} sends fail with a {@link GatewayException}. */
  public synchronized void failNext(int n) {
    this.failNext = n;
  }

  @Override
  public synchronized SendReceipt send(OutgoingMessage message) {
    attempts++;
    if (failNext > 0) {
      failNext--;
      throw new GatewayException(message.idempotencyKey(), "simulated gateway failure", null);
    }
    SendReceipt previous = accepted.get(message.idempotencyKey());
    if (previous != null) {
      return new SendReceipt(previous.gatewayId(), previous.acceptedAt(), true);
    }
    SendReceipt receipt = new SendReceipt("rec-" + (accepted.size() + 1), clock.instant(), false);
    accepted.put(message.idempotencyKey(), receipt);
    delivered.add(message);
    return receipt;
  }

  /** Returns true: this gateway drops a repeat of a key it accepted. */
  @Override
  public boolean deduplicates() {
    return true;
  }

  /** Returns the messages delivered, each idempotency key once, in order. */
  public synchronized List<OutgoingMessage> delivered() {
    return ImmutableList.copyOf(delivered);
  }

  /** Returns how many send calls were made, including failed and duplicate ones. */
  public synchronized int attempts() {
    return attempts;
  }
}
