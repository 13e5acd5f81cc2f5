package org.opsbook.spring;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.engine.OpsEngine;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsState;

/**
 * One reading of what the meters show, taken from the engine and its outbox at the engine's clock time and kept for
 * {@code opsbook.metrics.refresh}. Thread-safe.
 */
final class OpsbookSnapshot {
  private final OpsEngine engine;
  private final Supplier<MessageOutbox> outbox;
  private final Supplier<Reading> reading;

  OpsbookSnapshot(OpsEngine engine, DataSource dataSource, Duration refresh) {
    this.engine = engine;
    this.outbox = Suppliers.memoize(() -> OpsJdbc.create(dataSource).outbox());
    Supplier<Reading> read = this::read;
    this.reading = refresh.isZero() ? read : Suppliers.memoizeWithExpiration(read, refresh.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  Reading get() {
    return reading.get();
  }

  private Reading read() {
    Instant now = engine.clock().instant();
    int open = 0;
    int due = 0;
    int overdue = 0;
    for (FaultSummary fault : engine.faults().openFaults()) {
      for (Obligation duty : engine.faults().duties(fault.faultId())) {
        open++;
        if (duty.isDueAt(now)) {
          due++;
          if (duty.dueAt().orElseThrow().isBefore(now)) {
            overdue++;
          }
        }
      }
    }
    // the messages still in hand: the history of sent and superseded ones grows without bound and is not read
    int inReview = (int) engine.messages().live().stream().filter(m -> m.state() == SmsState.IN_REVIEW).count();
    // MessageOutbox offers no listing or count of pending messages alone: the outbox is read whole
    List<OutboxMessage> pending = outbox.get().list(Optional.empty()).stream()
        .filter(m -> m.state() == OutboxState.PENDING).toList();
    Duration lag = pending.stream().map(OutboxMessage::createdAt).min(Instant::compareTo)
        .map(oldest -> oldest.isBefore(now) ? Duration.between(oldest, now) : Duration.ZERO).orElse(Duration.ZERO);
    return new Reading(open, due, overdue, inReview, engine.messages().inDoubt().size(), pending.size(), lag);
  }

  /**
   * What the meters show.
   *
   * @param dutiesOpen open duties of the open faults
   * @param dutiesDue of those, the ones whose due time has come (their reminder went out)
   * @param dutiesOverdue of those, the ones past their due time (deadlines are inclusive, TIME-08)
   * @param smsAwaitingReview messages submitted and not yet approved or rejected
   * @param smsInDoubt messages whose send an engine left in doubt, for the 68284 desk to confirm or resend
   * @param outboxPending released messages the gateway has not accepted yet
   * @param outboxLag how long the oldest of those has waited
   */
  record Reading(int dutiesOpen, int dutiesDue, int dutiesOverdue, int smsAwaitingReview, int smsInDoubt,
      int outboxPending, Duration outboxLag) {}
}
