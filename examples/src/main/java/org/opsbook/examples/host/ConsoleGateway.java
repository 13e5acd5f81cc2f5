package org.opsbook.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;

/**
 * A {@link MessageGateway} that "sends" by printing: the message key, the recipients with their numbers masked
 * ({@link Masking#phone}) and the text. Like a real SMS platform it drops a repeat of an idempotency key it already
 * accepted. Thread-safe.
 */
public final class ConsoleGateway implements MessageGateway {
  /** Receives what the gateway accepted. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Shows one accepted message.
     *
     * @param message what was sent
     * @param gatewayId the gateway's ID for it
     */
    void accepted(OutgoingMessage message, String gatewayId);
  }

  private final Clock clock;
  private final Listener listener;
  private final Map<String, String> accepted = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * Creates the gateway.
   *
   * @param clock stamps the receipts
   * @param listener shows each message the first time its key arrives
   */
  public ConsoleGateway(Clock clock, Listener listener) {
    this.clock = checkNotNull(clock, "clock");
    this.listener = checkNotNull(listener, "listener");
  }

  /** Returns a gateway that prints each message to {@code out}. */
  public static ConsoleGateway printingTo(PrintStream out, Clock clock) {
    return new ConsoleGateway(clock, (m, id) -> {
      synchronized (out) {
        out.println("SMS " + id + " " + m.idempotencyKey() + " → " + recipients(m));
        out.println("    " + Masking.phonesIn(m.text()));
      }
    });
  }

  @Override
  public SendReceipt send(OutgoingMessage message) {
    String fresh = "console-" + ids.incrementAndGet();
    String id = accepted.putIfAbsent(message.idempotencyKey(), fresh);
    if (id != null) {
      return new SendReceipt(id, clock.instant(), true);
    }
    listener.accepted(message, fresh);
    return new SendReceipt(fresh, clock.instant(), false);
  }

  /** Returns {@code 13 people: 138****0101, 138****0102, …} with every number masked. */
  public static String recipients(OutgoingMessage m) {
    List<String> numbers = new ArrayList<>();
    for (Person p : m.recipients()) {
      numbers.add(p.phone().map(Masking::phone).orElse("(no number)"));
    }
    String shown = numbers.size() <= 4 ? String.join(", ", numbers)
        : String.join(", ", numbers.subList(0, 3)) + ", … " + numbers.get(numbers.size() - 1);
    return m.recipients().size() + (m.recipients().size() == 1 ? " person: " : " people: ") + shown;
  }
}
