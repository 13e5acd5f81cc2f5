package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.notify.internal.workflow.Fixture.DESK;
import static org.opsbook.notify.internal.workflow.Fixture.DUTY_A;
import static org.opsbook.notify.internal.workflow.Fixture.LEADER;
import static org.opsbook.notify.internal.workflow.Fixture.T0;
import static org.opsbook.notify.internal.workflow.Fixture.briefing;
import static org.opsbook.notify.internal.workflow.Fixture.systemFault;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.testing.CallCounter;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.NotifyConfig;

/**
 * SM-SMS-T05 as history grows: the dispatcher's first round sweeps every stored message for a released one missing
 * from the outbox, later rounds read only what changed since the round before; a release lost in between is still
 * put back.
 */
class SmsDispatcherHistoryTest {
  private static final SmsKey KEY = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
  private static final Instant SEND = T0.plusSeconds(300);

  @Test
  void SM_SMS_T05_aReleaseLostAfterTheFirstRoundIsPutBackByTheNextWithoutASweep() {
    CrashingOutbox crashing = new CrashingOutbox(new Fixture().outbox);
    Fixture fx = new Fixture(NotifyConfig.defaults(), crashing);
    CallCounter<WorkflowRepository> calls = CallCounter.wrap(WorkflowRepository.class, fx.workflows);
    SmsDispatcher d = SmsDispatcher.builder().outbox(fx.outbox).gateway(fx.gateway)
        .workflows(calls.port())
        .directory(fx.directory).auditLog(fx.audit).owner("d1").build();
    assertThat(d.drainOnce(SEND.minusSeconds(60)).reenqueued()).isZero();
    assertThat(calls.of("list")).as("the first round sweeps").isEqualTo(1);

    fx.approved(KEY, DUTY_A, LEADER);
    crashing.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
    assertThatThrownBy(() -> fx.sms.release(KEY, DESK, fx.approvedText(KEY), briefing(), systemFault(), SEND))
        .isInstanceOf(CrashingOutbox.Crash.class);
    assertThat(fx.outbox.list(Optional.empty())).isEmpty();

    DrainReport r = d.drainOnce(SEND.plusSeconds(5));
    assertThat(r.reenqueued()).isEqualTo(1);
    assertThat(r.sent()).isEqualTo(1);
    assertThat(fx.gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(KEY.toString());
    assertThat(calls.of("list")).as("later rounds read only what changed").isEqualTo(1);
    assertThat(calls.of("listUpdatedSince")).isEqualTo(1);
  }

  @Test
  void SM_SMS_T05_aReleaseDatedWithinTheOverlapBeforeTheLastRoundIsStillPutBack() {
    CrashingOutbox crashing = new CrashingOutbox(new Fixture().outbox);
    Fixture fx = new Fixture(NotifyConfig.defaults(), crashing);
    SmsDispatcher d = fx.dispatcher("d1");
    Instant lastRound = SEND.plus(SmsDispatcher.REENQUEUE_OVERLAP).minusSeconds(1);
    d.drainOnce(lastRound);
    // another process released (by its own, slower clock) and died before enqueuing
    fx.approved(KEY, DUTY_A, LEADER);
    crashing.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
    assertThatThrownBy(() -> fx.sms.release(KEY, DESK, fx.approvedText(KEY), briefing(), systemFault(), SEND))
        .isInstanceOf(CrashingOutbox.Crash.class);
    assertThat(d.drainOnce(lastRound.plusSeconds(1)).reenqueued()).isEqualTo(1);
  }

  @Test
  void SM_SMS_T05_aFirstRoundOverManyReleasedMessagesPutsBackOnlyTheMissingOne() {
    Fixture fx = new Fixture();
    fx.releasedNotifications(70, SEND);
    SmsDispatcher d0 = fx.dispatcher("d0");
    d0.drainOnce(SEND);
    d0.drainOnce(SEND);
    assertThat(fx.gateway.delivered()).hasSize(70);
    // the row of one released message is lost: only it is put back, and sent again under its key
    SmsKey lost = SmsKey.of("F-71", MessageType.NOTIFICATION, 1);
    fx.releaseAndCrash(lost, SEND);
    DrainReport r = fx.dispatcher("d1").drainOnce(SEND.plusSeconds(5));
    assertThat(r.reenqueued()).isEqualTo(1);
    assertThat(fx.outbox.find(lost.toString())).isPresent();
  }
}
