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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;

/**
 * SM-SMS-T05 sends with an honest guarantee (issue 11): a gateway that does not deduplicate is never handed a key
 * twice, a dispatcher that stalled past its lease never sends what another took, and a send in doubt is listed for a
 * person, confirmed or released by them, and audited.
 */
class InDoubtSendTest {
  private static final SmsKey A = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
  private static final SmsKey B = SmsKey.of("F-2", MessageType.NOTIFICATION, 1);
  private static final Instant SEND = T0.plusSeconds(300);

  private final Fixture f = new Fixture();

  /** A gateway that does not deduplicate and counts every call; a hook runs inside each call. */
  private static final class CountingGateway implements MessageGateway {
    final List<String> calls = new ArrayList<>();
    Consumer<OutgoingMessage> during = m -> { };

    @Override
    public SendReceipt send(OutgoingMessage message) {
      calls.add(message.idempotencyKey());
      during.accept(message);
      return new SendReceipt("gw-" + calls.size(), SEND, false);
    }
  }

  private void release(SmsKey key) {
    f.approved(key, DUTY_A, LEADER);
    f.sms.release(key, DESK, f.approvedText(key), briefing(), systemFault(), SEND).orThrow();
  }

  private SmsDispatcher dispatcher(String owner, MessageGateway gateway, org.opsbook.core.spi.MessageOutbox box) {
    return SmsDispatcher.builder().outbox(box).gateway(gateway).workflows(f.workflows).directory(f.directory)
        .auditLog(f.audit).config(f.config).owner(owner).build();
  }

  /** Releases A and lets a first dispatcher, d1, die at {@code point} while it sends; the gateway it sent through. */
  private CountingGateway releaseAndCrashTheFirstDispatcherAt(CrashingOutbox.Point point) {
    release(A);
    CountingGateway gateway = new CountingGateway();
    CrashingOutbox crashing = new CrashingOutbox(f.outbox);
    crashing.arm(point);
    assertThatThrownBy(() -> dispatcher("d1", gateway, crashing).drainOnce(SEND))
        .isInstanceOf(CrashingOutbox.Crash.class);
    return gateway;
  }

  @Test
  void SM_SMS_T05_aSendInDoubtIsListedNeverResentAndAPersonConfirmsIt() {
    CountingGateway gateway = releaseAndCrashTheFirstDispatcherAt(CrashingOutbox.Point.AFTER_MARK_SENDING);
    Instant later = SEND.plus(f.config.dispatchLease()).plusSeconds(1);
    SmsDispatcher d2 = dispatcher("d2", gateway, f.outbox);
    for (int round = 0; round < 3; round++) {
      DrainReport r = d2.drainOnce(later.plusSeconds(round * 3600L));
      assertThat(r.inDoubt()).as("surfaced every round").isEqualTo(1);
      assertThat(r.resent()).isZero();
    }
    assertThat(gateway.calls).as("crashed before the gateway call, and never resent silently").isEmpty();
    assertThat(d2.inDoubt(later)).extracting(OutboxMessage::key).containsExactly(A.toString());
    assertThat(d2.confirmSent(A.toString(), "zhang", later)).isTrue();
    assertThat(f.outbox.find(A.toString()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(d2.inDoubt(later)).isEmpty();
    assertThat(d2.confirmSent(A.toString(), "zhang", later)).as("no longer in doubt").isFalse();
    assertThat(f.audit.read("sms:" + A)).extracting(r -> r.entry().action()).endsWith("confirmSentInDoubt");
    assertThat(f.audit.verify("sms:" + A).intact()).isTrue();
  }

  @Test
  void SM_SMS_T05_aPersonReleasesAnUndeliveredSendInDoubtAndTheNextRoundSendsItOnce() {
    CountingGateway gateway = releaseAndCrashTheFirstDispatcherAt(CrashingOutbox.Point.BEFORE_MARK_SENT);
    assertThat(gateway.calls).containsExactly(A.toString());
    Instant later = SEND.plus(f.config.dispatchLease());
    SmsDispatcher d2 = dispatcher("d2", gateway, f.outbox);
    assertThat(d2.drainOnce(later).inDoubt()).isEqualTo(1);
    assertThat(gateway.calls).as("not resent without a person").hasSize(1);
    assertThat(d2.resend(A.toString(), "li", later)).isTrue();
    assertThat(d2.drainOnce(later).sent()).isEqualTo(1);
    assertThat(gateway.calls).as("resent once, on a person's word").hasSize(2);
    assertThat(f.audit.read("sms:" + A)).extracting(r -> r.entry().action()).contains("resendInDoubt");
  }

  @Test
  void SM_SMS_T05_aGatewayFailingOtherwiseThanNotAcceptedLeavesTheSendInDoubtUnlessItDeduplicates() {
    release(A);
    CountingGateway gateway = new CountingGateway();
    gateway.during = m -> {
      throw new IllegalStateException("read timed out after the platform took 13800138000's message");
    };
    SmsDispatcher d1 = dispatcher("d1", gateway, f.outbox);

    assertThat(d1.drainOnce(SEND).failed()).isOne();
    assertThat(f.outbox.find(A.toString()).orElseThrow().state()).as("not put back as pending")
        .isEqualTo(OutboxState.SENDING);
    assertThat(f.outbox.inDoubt(SEND)).as("in doubt at once").extracting(OutboxMessage::key)
        .containsExactly(A.toString());
    assertThat(f.outbox.heartbeat("d1", SEND.plusSeconds(1), f.config.dispatchLease()))
        .as("its busy dispatcher's heartbeat does not hide it").isZero();
    Instant later = SEND.plusSeconds(2);
    DrainReport r = d1.drainOnce(later);
    assertThat(r.inDoubt()).isOne();
    assertThat(r.claimed()).isZero();
    assertThat(gateway.calls).as("never handed over twice").hasSize(1);
    assertThat(f.audit.read("sms:" + A)).anySatisfy(e -> {
      assertThat(e.entry().action()).isEqualTo("deliveryInDoubt");
      assertThat(e.entry().details().get("error")).contains("read timed out").doesNotContain("13800138000");
    });

    // to a gateway that drops a repeated key, the same failure is retried after the back-off
    assertThat(d1.confirmSent(A.toString(), "desk", later)).isTrue();
    release(B);
    MessageGateway deduplicating = new MessageGateway() {
      int calls;

      @Override
      public SendReceipt send(OutgoingMessage m) {
        if (calls++ == 0) {
          throw new IllegalStateException("read timed out");
        }
        return f.gateway.send(m);
      }

      @Override
      public boolean deduplicates() {
        return true;
      }
    };
    SmsDispatcher d2 = dispatcher("d2", deduplicating, f.outbox);
    assertThat(d2.drainOnce(later).failed()).isOne();
    assertThat(f.outbox.find(B.toString()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    assertThat(d2.drainOnce(later.plus(f.config.retryDelay(1))).sent()).isOne();
  }

  @Test
  void SM_SMS_T05_aGatewayThatReturnsNoReceiptLeavesTheSendInDoubtAndTheRestOfTheRoundGoesOn() {
    release(A);
    release(B);
    List<String> calls = new ArrayList<>();
    MessageGateway noReceiptForA = m -> {
      calls.add(m.idempotencyKey());
      return m.idempotencyKey().equals(A.toString()) ? null : new SendReceipt("gw-" + calls.size(), SEND, false);
    };
    DrainReport r = dispatcher("d1", noReceiptForA, f.outbox).drainOnce(SEND);
    assertThat(r.sent()).as("B, after A in the same round").isOne();
    assertThat(r.failed()).isOne();
    assertThat(f.outbox.inDoubt(SEND)).as("A: returned, so perhaps accepted").extracting(OutboxMessage::key)
        .containsExactly(A.toString());
    assertThat(f.outbox.find(B.toString()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(f.audit.read("sms:" + A)).anySatisfy(e -> {
      assertThat(e.entry().action()).isEqualTo("deliveryInDoubt");
      assertThat(e.entry().details().get("error")).contains("no receipt");
    });
    dispatcher("d1", noReceiptForA, f.outbox).drainOnce(SEND.plusSeconds(3600));
    assertThat(calls).as("never handed over twice").containsExactlyInAnyOrder(A.toString(), B.toString());
  }

  @Test
  void aReceiptIsWhole() {
    assertThatThrownBy(() -> new SendReceipt(null, SEND, false)).hasMessage("gatewayId");
    assertThatThrownBy(() -> new SendReceipt("gw-1", null, false)).hasMessage("acceptedAt");
  }

  @Test
  void SM_SMS_T05_aDispatcherStalledPastItsLeaseNeverSendsWhatAnotherTook() {
    release(A);
    release(B);
    CountingGateway gateway = new CountingGateway();
    List<DrainReport> other = new ArrayList<>();
    // d1's first send stalls past its lease; meanwhile d2 claims and sends B, which d1 had claimed too
    gateway.during = m -> {
      if (m.idempotencyKey().equals(A.toString()) && other.isEmpty()) {
        other.add(dispatcher("d2", gateway, f.outbox).drainOnce(SEND.plus(f.config.dispatchLease())));
      }
    };
    DrainReport d1 = dispatcher("d1", gateway, f.outbox).drainOnce(SEND);
    assertThat(other.get(0).sent()).as("d2 sent B").isEqualTo(1);
    assertThat(d1.lost()).as("d1's claim of B was taken over").isEqualTo(1);
    assertThat(d1.sent()).isEqualTo(1);
    assertThat(gateway.calls).as("each key handed to the gateway once").containsExactlyInAnyOrder(A.toString(),
        B.toString());
    assertThat(f.outbox.list(java.util.Optional.empty())).allSatisfy(
        m -> assertThat(m.state()).isEqualTo(OutboxState.SENT));
  }
}
