package org.opsbook.core.internal.memory;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;

/** A {@link MessageOutbox} in memory; its clock is the callers' {@code now}. Thread-safe. */
public final class InMemoryMessageOutbox implements MessageOutbox {
  private static final Comparator<OutboxMessage> ORDER =
      Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::key);

  private final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
  private Instant sweepMark;

  @Override
  public synchronized OutboxMessage enqueue(OutboxMessage message) {
    return messages.computeIfAbsent(message.key(), k -> message.withOwner(Optional.empty()).withLeaseGeneration(0)
        .withLeaseUntil(Optional.empty()));
  }

  private static boolean leased(OutboxMessage m, Instant now) {
    return m.leaseUntil().isPresent() && m.leaseUntil().get().isAfter(now);
  }

  @Override
  public synchronized List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    return take(now, limit, owner, lease, m -> m.state() == OutboxState.PENDING && !m.nextAttemptAt().isAfter(now));
  }

  @Override
  public synchronized List<OutboxMessage> claimInDoubt(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    return take(now, limit, owner, lease, m -> m.state() == OutboxState.SENDING);
  }

  private List<OutboxMessage> take(Instant now, int limit, String owner, Duration lease,
      java.util.function.Predicate<OutboxMessage> wanted) {
    List<OutboxMessage> due = new ArrayList<>();
    for (OutboxMessage m : messages.values()) {
      if (wanted.test(m) && !leased(m, now)) {
        due.add(m);
      }
    }
    due.sort(ORDER);
    List<OutboxMessage> out = new ArrayList<>();
    for (OutboxMessage m : due.subList(0, Math.min(limit, due.size()))) {
      OutboxMessage c = m.withOwner(Optional.of(owner)).withLeaseGeneration(m.leaseGeneration() + 1)
          .withLeaseUntil(Optional.of(now.plus(lease)));
      messages.put(m.key(), c);
      out.add(c);
    }
    return out;
  }

  @Override
  public synchronized int heartbeat(String owner, Instant now, Duration lease) {
    int n = 0;
    for (OutboxMessage m : List.copyOf(messages.values())) {
      if (m.state() == OutboxState.PENDING && m.owner().equals(Optional.of(owner)) && leased(m, now)) {
        messages.put(m.key(), m.withLeaseUntil(Optional.of(now.plus(lease))));
        n++;
      }
    }
    return n;
  }

  private Optional<OutboxMessage> held(OutboxMessage claimed) {
    OutboxMessage m = messages.get(claimed.key());
    if (m == null || m.state() == OutboxState.SENT || claimed.owner().isEmpty()
        || !m.owner().equals(claimed.owner()) || m.leaseGeneration() != claimed.leaseGeneration()) {
      return Optional.empty();
    }
    return Optional.of(m);
  }

  @Override
  public synchronized boolean markSending(OutboxMessage claimed, Instant now, Duration lease) {
    Optional<OutboxMessage> m = held(claimed);
    if (m.isEmpty()) {
      return false;
    }
    messages.put(claimed.key(), m.get().withState(OutboxState.SENDING).withLeaseUntil(Optional.of(now.plus(lease))));
    return true;
  }

  @Override
  public synchronized boolean markSent(OutboxMessage claimed, Instant sentAt, String receipt) {
    Optional<OutboxMessage> m = held(claimed);
    if (m.isEmpty()) {
      return false;
    }
    messages.put(claimed.key(), sent(m.get(), sentAt, receipt));
    return true;
  }

  private static OutboxMessage sent(OutboxMessage m, Instant sentAt, String receipt) {
    return m.withSentAt(sentAt).withState(OutboxState.SENT).withReceipt(receipt).withLastError(Optional.empty())
        .withOwner(Optional.empty()).withLeaseUntil(Optional.empty());
  }

  @Override
  public synchronized boolean markFailed(OutboxMessage claimed, String error, Instant retryAt) {
    Optional<OutboxMessage> m = held(claimed);
    if (m.isEmpty()) {
      return false;
    }
    messages.put(claimed.key(), retry(m.get(), error, retryAt));
    return true;
  }

  private static OutboxMessage retry(OutboxMessage m, String error, Instant retryAt) {
    return m.withState(OutboxState.PENDING).withAttempts(m.attempts() + 1).withLastError(Optional.of(error))
        .withNextAttemptAt(retryAt).withOwner(Optional.empty()).withLeaseUntil(Optional.empty());
  }

  @Override
  public synchronized boolean leaveInDoubt(OutboxMessage sending, Instant now) {
    Optional<OutboxMessage> m = held(sending);
    if (m.isEmpty() || m.get().state() != OutboxState.SENDING) {
      return false;
    }
    messages.put(sending.key(), m.get().withLeaseUntil(Optional.of(now)));
    return true;
  }

  @Override
  public synchronized List<OutboxMessage> inDoubt(Instant now) {
    List<OutboxMessage> out = new ArrayList<>();
    for (OutboxMessage m : messages.values()) {
      if (m.state() == OutboxState.SENDING && !leased(m, now)) {
        out.add(m);
      }
    }
    out.sort(ORDER);
    return out;
  }

  private Optional<OutboxMessage> doubtful(String key, Instant at) {
    OutboxMessage m = messages.get(key);
    return m != null && m.state() == OutboxState.SENDING && !leased(m, at) ? Optional.of(m) : Optional.empty();
  }

  @Override
  public synchronized boolean confirmSent(String key, Instant at, String note) {
    Optional<OutboxMessage> m = doubtful(key, at);
    m.ifPresent(x -> messages.put(key, sent(x, at, note)));
    return m.isPresent();
  }

  @Override
  public synchronized boolean releaseForResend(String key, Instant at, String note) {
    Optional<OutboxMessage> m = doubtful(key, at);
    m.ifPresent(x -> messages.put(key, retry(x, "in doubt, released for a resend: " + note, at)));
    return m.isPresent();
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
    out.sort(ORDER);
    return out;
  }

  @Override
  public synchronized Optional<Instant> sweepMark() {
    return Optional.ofNullable(sweepMark);
  }

  @Override
  public synchronized void advanceSweepMark(Instant mark) {
    if (sweepMark == null || mark.isAfter(sweepMark)) {
      sweepMark = mark;
    }
  }
}
