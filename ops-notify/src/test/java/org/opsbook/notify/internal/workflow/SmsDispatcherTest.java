package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.notify.internal.workflow.Fixture.DESK;
import static org.opsbook.notify.internal.workflow.Fixture.DUTY_A;
import static org.opsbook.notify.internal.workflow.Fixture.LEADER;
import static org.opsbook.notify.internal.workflow.Fixture.T0;
import static org.opsbook.notify.internal.workflow.Fixture.briefing;
import static org.opsbook.notify.internal.workflow.Fixture.systemFault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.Person;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.GatewayException;
import org.opsbook.core.testing.ListDirectory;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.SmsKey;

class SmsDispatcherTest {
  private static final SmsKey KEY = SmsKey.of("F-1", MessageType.NOTIFICATION, 1);
  private static final Instant SEND = T0.plusSeconds(300);

  private final Fixture f = new Fixture();

  private void released(Fixture fx) {
    fx.approved(KEY, DUTY_A, LEADER);
    fx.sms.release(KEY, DESK, fx.approvedText(KEY), briefing(), systemFault(), SEND).orThrow();
  }

  private List<String> actions() {
    return f.audit.read("sms:" + KEY).stream().map(r -> r.entry().action()).toList();
  }

  @Test
  void aReleasedMessageIsDeliveredOnceWithItsIdempotencyKey() {
    released(f);
    DrainReport r = f.dispatcher("d1").drainOnce(SEND);
    assertThat(r).isEqualTo(new DrainReport(0, 1, 1, 0, 0, 0, 0, 0));
    List<OutgoingMessage> delivered = f.gateway.delivered();
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).idempotencyKey()).isEqualTo("F-1/NOTIFICATION/1");
    assertThat(delivered.get(0).text()).isEqualTo(f.approvedText(KEY));
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(f.dispatcher("d1").drainOnce(SEND.plusSeconds(60)).claimed()).isZero();
    assertThat(actions()).endsWith("massSend", "deliver");
    assertThat(f.audit.verify("sms:" + KEY).intact()).isTrue();
  }

  @Test
  void aFailedSendStaysPendingWithItsErrorAndIsRetriedWithDoublingBackOff() {
    released(f);
    f.gateway.failNext(3);
    SmsDispatcher d = f.dispatcher("d1");
    assertThat(d.drainOnce(SEND).failed()).isEqualTo(1);
    OutboxMessage pending = f.outbox.find(KEY.toString()).orElseThrow();
    assertThat(pending.state()).isEqualTo(OutboxState.PENDING);
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError()).hasValueSatisfying(e -> assertThat(e).contains("simulated gateway failure"));
    assertThat(pending.nextAttemptAt()).isEqualTo(SEND.plusSeconds(30));
    assertThat(d.drainOnce(SEND.plusSeconds(29)).claimed()).as("not before the back-off").isZero();
    assertThat(d.drainOnce(SEND.plusSeconds(30)).failed()).isEqualTo(1);
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().nextAttemptAt()).isEqualTo(SEND.plusSeconds(90));
    assertThat(d.drainOnce(SEND.plusSeconds(90)).failed()).isEqualTo(1);
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().nextAttemptAt()).isEqualTo(SEND.plusSeconds(210));
    assertThat(d.drainOnce(SEND.plusSeconds(210)).sent()).isEqualTo(1);
    assertThat(f.gateway.delivered()).hasSize(1);
    assertThat(actions()).containsSubsequence("deliveryFailed", "deliveryFailed", "deliveryFailed", "deliver");
  }

  @Test
  void aGatewaysErrorIsKeptWithTheNamesAndIdsOfThePeopleItQuotesMasked() {
    // before: the outbox row and the sealed audit record kept the names a platform's error quoted, in clear
    released(f);
    String error = "platform refused 员工a1 (a1, tel 13812345678) and 员工d1 (agent d1-backup)";
    for (boolean accepted : new boolean[] {false, true}) {
      MessageGateway failing = m -> {
        throw accepted ? new IllegalStateException(error) : new GatewayException(m.idempotencyKey(), error, null);
      };
      SmsDispatcher d = SmsDispatcher.builder().outbox(f.outbox).gateway(failing).workflows(f.workflows)
          .directory(f.directory).auditLog(f.audit).config(f.config).owner("sender").build();
      assertThat(d.drainOnce(accepted ? SEND.plusSeconds(30) : SEND).failed()).isEqualTo(1);
    }
    // a recipient (a1) and someone else in the directory (d1), in the outbox row and both audit records
    List<String> kept = new ArrayList<>(List.of(f.outbox.find(KEY.toString()).orElseThrow().lastError().orElseThrow()));
    f.audit.read("sms:" + KEY).stream().map(r -> r.entry().details().get("error")).filter(e -> e != null)
        .forEach(kept::add);
    assertThat(actions()).endsWith("deliveryFailed", "deliveryInDoubt");
    assertThat(kept).hasSize(3).allSatisfy(e -> assertThat(e)
        .endsWith("platform refused 员*** (a*, tel 138****5678) and 员*** (agent d*-backup)")
        .doesNotContain("员工a1", "员工d1", "13812345678", "(a1", "d1-"));
  }

  @Test
  void theBackOffDoublesUpToItsCap() {
    NotifyConfig c = NotifyConfig.builder().retryBaseDelay(Duration.ofSeconds(10)).retryMaxDelay(Duration.ofSeconds(35))
        .build();
    assertThat(c.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.retryDelay(3)).isEqualTo(Duration.ofSeconds(35));
    assertThat(c.retryDelay(50)).isEqualTo(Duration.ofSeconds(35));
  }

  @Test
  void aCrashAfterTheGatewayAcceptedButBeforeMarkingIsResentOnlyToADeduplicatingGateway() {
    CrashingOutbox crashing = new CrashingOutbox(f.outbox);
    released(f);
    crashing.arm(CrashingOutbox.Point.BEFORE_MARK_SENT);
    assertThatThrownBy(() -> f.dispatcher("d1", crashing).drainOnce(SEND)).isInstanceOf(CrashingOutbox.Crash.class);
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
    DrainReport early = f.dispatcher("d2", crashing).drainOnce(SEND.plusSeconds(60));
    assertThat(early.claimed() + early.resent()).as("the dead dispatcher's lease still holds").isZero();
    DrainReport retry = f.dispatcher("d2", crashing).drainOnce(SEND.plus(f.config.dispatchLease()));
    assertThat(retry.resent()).as("in doubt, and the recording gateway deduplicates").isEqualTo(1);
    assertThat(retry.sent()).isEqualTo(1);
    assertThat(f.gateway.delivered()).hasSize(1);
    assertThat(f.gateway.attempts()).isEqualTo(2);
    List<AuditRecord> trail = f.audit.read("sms:" + KEY);
    assertThat(trail.get(trail.size() - 1).entry().details()).containsEntry("duplicate", "true")
        .containsEntry("resentInDoubt", "true");
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
  }

  /** A desk whose process died after the release was stored and before its outbox row was. */
  private Fixture releasedButNotEnqueued() {
    CrashingOutbox crashing = new CrashingOutbox(f.outbox);
    Fixture fx = new Fixture(NotifyConfig.defaults(), crashing);
    fx.approved(KEY, DUTY_A, LEADER);
    crashing.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
    assertThatThrownBy(() -> fx.sms.release(KEY, DESK, fx.approvedText(KEY), briefing(), systemFault(), SEND))
        .isInstanceOf(CrashingOutbox.Crash.class);
    return fx;
  }

  @Test
  void aCrashBetweenReleaseAndEnqueueLosesNothing() {
    Fixture fx = releasedButNotEnqueued();
    assertThat(fx.outbox.list(Optional.empty())).isEmpty();
    DrainReport r = fx.dispatcher("d1").drainOnce(SEND.plusSeconds(5));
    assertThat(r.reenqueued()).isEqualTo(1);
    assertThat(r.sent()).isEqualTo(1);
    assertThat(fx.gateway.delivered()).extracting(OutgoingMessage::idempotencyKey).containsExactly(KEY.toString());
    assertThat(fx.gateway.delivered().get(0).recipients()).hasSize(4);
  }

  @Test
  void aMessagePutBackAfterACrashGoesToEachNumberOnceThoughTheDirectoryChangedMeanwhile() {
    Fixture fx = releasedButNotEnqueued();
    // the host's directory now gives b1 the number of bc, both recorded recipients of the release
    String shared = Fixture.PEOPLE.get(2).phone().orElseThrow();
    List<Person> changed = Fixture.PEOPLE.stream().map(p -> p.id().equals("b1")
        ? Person.builder().id(p.id()).name(p.name()).phone("+86 " + shared)
            .addAllRecipientClasses(p.recipientClasses()).build() : p).toList();
    Directory host = new ListDirectory(changed);
    SmsDispatcher d = SmsDispatcher.builder().outbox(fx.outbox).gateway(fx.gateway).workflows(fx.workflows)
        .directory(host).auditLog(fx.audit).config(fx.config).owner("d1").build();

    assertThat(d.drainOnce(SEND.plusSeconds(5)).sent()).isEqualTo(1);
    List<String> numbers = fx.gateway.delivered().get(0).recipients().stream()
        .map(p -> p.mobileNumber().orElseThrow()).toList();
    assertThat(numbers).as("four recorded recipients, three numbers").hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void NOTIFY_REVIEW_01_anOutboxTextThatDiffersFromTheApprovedTextIsNeverSent() {
    f.approved(KEY, DUTY_A, LEADER);
    f.outbox.enqueue(OutboxMessage.builder().key(KEY.toString()).messageType("NOTIFICATION")
        .text(f.approvedText(KEY).replace("待查", "已查明")).nextAttemptAt(T0).createdAt(T0).build());
    f.sms.release(KEY, DESK, f.approvedText(KEY), briefing(), systemFault(), SEND).orThrow();
    DrainReport r = f.dispatcher("d1").drainOnce(SEND);
    assertThat(r.refused()).isEqualTo(1);
    assertThat(f.gateway.attempts()).isZero();
    OutboxMessage held = f.outbox.find(KEY.toString()).orElseThrow();
    assertThat(held.state()).isEqualTo(OutboxState.PENDING);
    assertThat(held.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("NOTIFY-REVIEW-01"));
    assertThat(actions()).endsWith("dispatchRefused");
  }

  @Test
  void SM_SMS_T05_anOutboxRowWithoutAReleasedMessageIsNeverSent() {
    f.outbox.enqueue(OutboxMessage.builder().key("F-9/NOTIFICATION/1").messageType("NOTIFICATION").text("伪造")
        .nextAttemptAt(T0).createdAt(T0).build());
    f.approved(KEY, DUTY_A, LEADER);
    f.outbox.enqueue(OutboxMessage.builder().key(KEY.toString()).messageType("NOTIFICATION")
        .text(f.approvedText(KEY)).nextAttemptAt(T0).createdAt(T0).build());
    DrainReport r = f.dispatcher("d1").drainOnce(SEND);
    assertThat(r.refused()).isEqualTo(2);
    assertThat(f.gateway.attempts()).isZero();
    assertThat(f.outbox.find(KEY.toString()).orElseThrow().lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("APPROVED, not released"));
  }
}
