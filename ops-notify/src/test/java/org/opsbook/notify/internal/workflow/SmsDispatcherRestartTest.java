package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.notify.internal.workflow.Fixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.testing.CallCounter;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;

/**
 * SM-SMS-T05 across restarts: the first round of a dispatcher reads only the messages changed since the outbox's
 * sweep mark, which rounds advance once their re-enqueues are committed; a release lost before or after a restart is
 * still put back, and a start after a year of messages reads only what changed since the last sweep.
 */
class SmsDispatcherRestartTest {
  private static final SmsKey KEY = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
  private static final Instant SEND = T0.plusSeconds(300);

  private static SmsDispatcher dispatcher(Fixture fx, MessageOutbox box, WorkflowRepository workflows,
      String owner) {
    return SmsDispatcher.builder().outbox(box).gateway(fx.gateway).workflows(workflows).directory(fx.directory)
        .auditLog(fx.audit).owner(owner).build();
  }

  @Test
  void SM_SMS_T05_aReleaseLostBeforeARestartIsPutBackByTheFirstRoundAfterIt() {
    Fixture fx = new Fixture();
    fx.dispatcher("d1").drainOnce(SEND.minusSeconds(60));
    assertThat(fx.outbox.sweepMark()).contains(SEND.minusSeconds(60).minus(SmsDispatcher.REENQUEUE_OVERLAP));
    fx.releaseAndCrash(KEY, SEND);
    // d1's process is gone; d2 starts
    CallCounter<WorkflowRepository> reads = CallCounter.wrap(WorkflowRepository.class, fx.workflows);
    DrainReport r = dispatcher(fx, fx.outbox, reads.port(), "d2").drainOnce(SEND.plusSeconds(5));
    assertThat(r.reenqueued()).isEqualTo(1);
    assertThat(r.sent()).isEqualTo(1);
    assertThat(fx.gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(KEY.toString());
    assertThat(reads.of("list")).as("the mark spares the full sweep").isZero();
  }

  @Test
  void SM_SMS_T05_aReleaseLostAfterARestartIsPutBackByALaterRound() {
    Fixture fx = new Fixture();
    fx.dispatcher("d1").drainOnce(SEND.minusSeconds(120));
    SmsDispatcher d2 = fx.dispatcher("d2");
    assertThat(d2.drainOnce(SEND.minusSeconds(60)).reenqueued()).isZero();
    fx.releaseAndCrash(KEY, SEND);
    assertThat(d2.drainOnce(SEND.plusSeconds(5)).reenqueued()).isEqualTo(1);
    assertThat(fx.gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(KEY.toString());
  }

  @Test
  void SM_SMS_T05_aReleaseDatedWithinTheOverlapBeforeTheMarkIsPutBackAfterARestart() {
    Fixture fx = new Fixture();
    // the last round before the restart ran just under an hour after the release, dated by a clock ahead
    Instant lastRound = SEND.plus(SmsDispatcher.REENQUEUE_OVERLAP).minusSeconds(1);
    fx.dispatcher("d1").drainOnce(lastRound);
    fx.releaseAndCrash(KEY, SEND);
    assertThat(fx.dispatcher("d2").drainOnce(lastRound.plusSeconds(1)).reenqueued()).isEqualTo(1);
  }

  @Test
  void SM_SMS_T05_theMarkMovesOnlyAfterTheSweepsReenqueuesAreCommitted() {
    Fixture fx = new Fixture();
    fx.dispatcher("d0").drainOnce(SEND.minusSeconds(60));
    Optional<Instant> before = fx.outbox.sweepMark();
    fx.releaseAndCrash(KEY, SEND);
    // a dispatcher dies while putting the message back, two hours later
    CrashingOutbox dying = new CrashingOutbox(fx.outbox);
    dying.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
    Instant later = SEND.plus(Duration.ofHours(2));
    assertThatThrownBy(() -> fx.dispatcher("d1", dying).drainOnce(later))
        .isInstanceOf(CrashingOutbox.Crash.class);
    assertThat(fx.outbox.sweepMark()).as("not moved past a message not yet put back").isEqualTo(before);
    assertThat(fx.dispatcher("d2").drainOnce(later.plusSeconds(5)).reenqueued()).isEqualTo(1);
    assertThat(fx.outbox.sweepMark()).contains(later.plusSeconds(5).minus(SmsDispatcher.REENQUEUE_OVERLAP));
  }

  @Test
  void SM_SMS_T05_aStartAfterAYearReadsOnlyWhatChangedSinceTheLastSweep() {
    Fixture fx = new Fixture();
    fx.releasedNotifications(80, SEND);
    SmsDispatcher d0 = fx.dispatcher("d0");
    Instant yearLater = SEND.plus(Duration.ofDays(365));
    d0.drainOnce(SEND);
    d0.drainOnce(SEND.plusSeconds(5));
    // the dispatcher kept running through the year
    d0.drainOnce(yearLater.minus(Duration.ofHours(2)));
    assertThat(fx.gateway.delivered()).hasSize(80);
    SmsKey lost = SmsKey.of("F-81", MessageType.NOTIFICATION, 1);
    fx.releaseAndCrash(lost, yearLater);

    CallCounter<WorkflowRepository> reads = CallCounter.wrap(WorkflowRepository.class, fx.workflows);
    DrainReport r = dispatcher(fx, fx.outbox, reads.port(), "d1").drainOnce(yearLater.plusSeconds(5));
    assertThat(r.reenqueued()).isEqualTo(1);
    assertThat(reads.of("list")).isZero();
    assertThat(reads.listed("list")).as("only the message released since the last sweep is read").isEqualTo(1);

    // the same start over an outbox no sweep ever completed on reads every message, as before
    Fixture unmarked = new Fixture();
    CallCounter<WorkflowRepository> all = CallCounter.wrap(WorkflowRepository.class, fx.workflows);
    dispatcher(unmarked, unmarked.outbox, all.port(), "d2").drainOnce(yearLater.plusSeconds(10));
    assertThat(all.of("list")).isEqualTo(1);
    assertThat(all.listed("list")).isEqualTo(81);
  }

  @Test
  void theMarkIsStoredAtMostOncePerMarkEveryNotOncePerRound() {
    Fixture fx = new Fixture();
    CallCounter<MessageOutbox> calls = CallCounter.wrap(MessageOutbox.class, fx.outbox);
    SmsDispatcher d = fx.dispatcher("d1", calls.port());
    Instant t = SEND;
    for (int i = 0; i < 12; i++) {
      d.drainOnce(t.plusSeconds(5L * i));
    }
    assertThat(calls.of("advanceSweepMark")).isEqualTo(1);
    d.drainOnce(t.plus(SmsDispatcher.MARK_EVERY));
    assertThat(calls.of("advanceSweepMark")).isEqualTo(2);
    assertThat(fx.outbox.sweepMark()).contains(t.plus(SmsDispatcher.MARK_EVERY)
        .minus(SmsDispatcher.REENQUEUE_OVERLAP));
    assertThat(calls.of("sweepMark")).as("read once, by the first round").isEqualTo(1);
  }
}
