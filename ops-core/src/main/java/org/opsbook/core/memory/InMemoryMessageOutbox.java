package org.opsbook.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutboxState;

/** A {@link MessageOutbox} in memory. Thread-safe. */
public final class InMemoryMessageOutbox implements MessageOutbox {
  private final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();

  private record Lease(String owner, Instant until) {}

  @Override
  public synchronized OutboxMessage enqueue(OutboxMessage message) {
    return messages.computeIfAbsent(message.key(), k -> message);
  }

  @Override
  public synchronized List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    List<OutboxMessage> due = new ArrayList<>();
    for (OutboxMessage m : messages.values()) {
      Lease l = leases.get(m.key());
      if (m.state() == OutboxState.PENDING && !m.nextAttemptAt().isAfter(now)
          && (l == null || !l.until().isAfter(now))) {
        due.add(m);
      }
    }
    due.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key));
    List<OutboxMessage> out = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
    for (OutboxMessage m : out) {
      leases.put(m.key(), new Lease(owner, now.plus(lease)));
    }
    return out;
  }

  @Override
  public synchronized void markSent(String key, Instant sentAt, String receipt) {
    OutboxMessage m = require(key);
    if (m.state() == OutboxState.SENT) {
      return;
    }
    messages.put(key, m.withSentAt(sentAt).withState(OutboxState.SENT).withReceipt(receipt)
        .withLastError(Optional.empty()));
    leases.remove(key);
  }

  @Override
  public synchronized void markFailed(String key, String owner, String error, Instant retryAt) {
    OutboxMessage m = require(key);
    if (m.state() == OutboxState.SENT) {
      return;
    }
    messages.put(key, m.withAttempts(m.attempts() + 1).withLastError(Optional.of(error))
        .withNextAttemptAt(retryAt));
    leases.remove(key);
  }

  private OutboxMessage require(String key) {
    OutboxMessage m = messages.get(key);
    if (m == null) {
      throw new InvalidInputException("key", "no outbox message with key " + key);
    }
    return m;
  }

  @Override
  public synchronized Optional<OutboxMessage> find(String key) {
    return Optional.ofNullable(messages.get(key));
  }

  @Override
  public synchronized List<OutboxMessage> list(Optional<String> faultId) {
    List<OutboxMessage> out = new ArrayList<>();
    for (OutboxMessage m : messages.values()) {
      if (faultId.isEmpty() || m.faultId().equals(faultId)) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key));
    return out;
  }
}
