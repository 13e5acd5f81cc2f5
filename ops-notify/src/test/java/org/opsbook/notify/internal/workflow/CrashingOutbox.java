package org.opsbook.notify.internal.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;

/** An outbox that kills the process (throws {@link Crash}) on chosen calls, once each; for crash-and-retry tests. */
final class CrashingOutbox implements MessageOutbox {
  /** A process death: an {@link Error}, so nothing in the code under test catches it. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("simulated crash " + where);
    }
  }

  /** Where a crash may strike. */
  enum Point { BEFORE_ENQUEUE, AFTER_CLAIM, AFTER_MARK_SENDING, BEFORE_MARK_SENT, AFTER_MARK_SENT }

  private final MessageOutbox delegate;
  private final Set<Point> armed = EnumSet.noneOf(Point.class);

  CrashingOutbox(MessageOutbox delegate) {
    this.delegate = delegate;
  }

  void arm(Point p) {
    armed.add(p);
  }

  private void maybeCrash(Point p) {
    if (armed.remove(p)) {
      throw new Crash(p.name());
    }
  }

  @Override
  public OutboxMessage enqueue(OutboxMessage message) {
    maybeCrash(Point.BEFORE_ENQUEUE);
    return delegate.enqueue(message);
  }

  @Override
  public List<OutboxMessage> claim(Instant now, int limit, String owner, Duration lease) {
    List<OutboxMessage> claimed = delegate.claim(now, limit, owner, lease);
    if (!claimed.isEmpty()) {
      maybeCrash(Point.AFTER_CLAIM);
    }
    return claimed;
  }

  @Override
  public boolean leaveInDoubt(OutboxMessage sending, Instant now) {
    return delegate.leaveInDoubt(sending, now);
  }

  @Override
  public int heartbeat(String owner, Instant now, Duration lease) {
    return delegate.heartbeat(owner, now, lease);
  }

  @Override
  public boolean markSending(OutboxMessage claimed, Instant now, Duration lease) {
    boolean ok = delegate.markSending(claimed, now, lease);
    maybeCrash(Point.AFTER_MARK_SENDING);
    return ok;
  }

  @Override
  public boolean markSent(OutboxMessage claimed, Instant sentAt, String receipt) {
    maybeCrash(Point.BEFORE_MARK_SENT);
    boolean ok = delegate.markSent(claimed, sentAt, receipt);
    maybeCrash(Point.AFTER_MARK_SENT);
    return ok;
  }

  @Override
  public boolean markFailed(OutboxMessage claimed, String error, Instant retryAt) {
    return delegate.markFailed(claimed, error, retryAt);
  }

  @Override
  public List<OutboxMessage> inDoubt(Instant now) {
    return delegate.inDoubt(now);
  }

  @Override
  public List<OutboxMessage> claimInDoubt(Instant now, int limit, String owner, Duration lease) {
    return delegate.claimInDoubt(now, limit, owner, lease);
  }

  @Override
  public boolean confirmSent(String key, Instant at, String note) {
    return delegate.confirmSent(key, at, note);
  }

  @Override
  public boolean releaseForResend(String key, Instant at, String note) {
    return delegate.releaseForResend(key, at, note);
  }

  @Override
  public Optional<OutboxMessage> find(String key) {
    return delegate.find(key);
  }

  @Override
  public List<OutboxMessage> list(Optional<String> faultId) {
    return delegate.list(faultId);
  }

  @Override
  public Optional<Instant> sweepMark() {
    return delegate.sweepMark();
  }

  @Override
  public void advanceSweepMark(Instant mark) {
    delegate.advanceSweepMark(mark);
  }
}
