package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.notificationsSent;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;

/**
 * An engine that died while the gateway had an SMS in hand leaves the send in doubt. With a gateway that does not
 * deduplicate (the default) it is never resent unasked: the engine lists it for the 68284 desk, who checks with the
 * SMS platform and either confirms it sent (its sending then recorded on the fault, the duty discharged) or releases
 * it for a resend. Leases are measured by the test's clock ({@code OpsJdbc.withCallerClock}).
 */
class InDoubtTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final RecordingMessageGateway platform = new RecordingMessageGateway(clock);
  /** The platform behind a gateway that does not say it deduplicates, as most do not. */
  private final MessageGateway gateway = platform::send;
  private final OpsJdbc jdbc = OpsJdbc.create(EngineFixture.freshH2()).withCallerClock();

  @Test
  void SM_SMS_T05_aSendInDoubtIsListedNeverResentUnaskedAndConfirmedSentByThe68284DeskDischargingItsDuty() {
    SmsKey key = inDoubt("F-1", true);
    clock.set(T0.plus(Duration.ofMinutes(3)));

    try (OpsEngine next = engine(gateway)) {
      assertThat(next.runDueWork().messagesSent()).isZero();
      assertThat(platform.attempts()).as("the platform asked once").isOne();
      assertThat(next.messages().inDoubt()).extracting(SmsMessage::key).containsExactly(key);

      assertThatThrownBy(() -> next.messages().confirmSent(key, "zhangsan"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("personId");
            assertThat(e.ruleId()).contains(RuleId.of("SM-SMS-T05"));
          });
      assertThat(next.messages().inDoubt()).as("a refusal changes nothing").hasSize(1);

      assertThat(next.messages().confirmSent(key, "sunba")).isTrue();
      assertThat(next.messages().confirmSent(key, "sunba")).as("no longer in doubt").isFalse();
      assertThat(next.messages().inDoubt()).isEmpty();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).singleElement()
          .satisfies(e -> assertThat(e.note()).contains(key.toString()));
      assertThat(next.faults().duties("F-1")).extracting(o -> o.ruleId().toString())
          .doesNotContain("NOTIFY-TRIG-05");
      assertThat(next.auditLog().read("sms:" + key)).anySatisfy(r -> {
        assertThat(r.entry().action()).isEqualTo("confirmSentInDoubt");
        assertThat(r.entry().actorId()).isEqualTo("sunba");
      });

      clock.set(T0.plus(Duration.ofMinutes(5)));
      assertThat(next.runDueWork().messagesSent()).isZero();
      assertThat(platform.attempts()).as("the platform asked once").isOne();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).hasSize(1);
    }
  }

  @Test
  void aSendInDoubtThatNeverWentOutIsReleasedByThe68284DeskAndSentOnce() {
    SmsKey key = inDoubt("F-1", false);
    clock.set(T0.plus(Duration.ofMinutes(3)));

    try (OpsEngine next = engine(gateway)) {
      next.runDueWork();
      assertThat(platform.delivered()).isEmpty();
      assertThatThrownBy(() -> next.messages().resend(key, "lisi")).isInstanceOf(InvalidInputException.class);

      assertThat(next.messages().resend(key, "sunba")).isTrue();
      assertThat(next.messages().resend(key, "sunba")).isFalse();
      assertThat(next.runDueWork().messagesSent()).isOne();

      assertThat(platform.delivered()).singleElement()
          .satisfies(m -> assertThat(m.idempotencyKey()).isEqualTo(key.toString()));
      assertThat(platform.attempts()).as("the platform asked once").isOne();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).hasSize(1);
      assertThat(next.messages().inDoubt()).isEmpty();
    }
  }

  @Test
  void SM_SMS_T05_earthVillageResolvesTheDoubtOfItsOwnReviewedDraftAndNoOther() {
    jdbc.migrate();
    MessageGateway dying = m -> {
      platform.send(m);
      throw new Error("the process died during the send");
    };
    OpsEngine engine = engine(dying);
    engine.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    SmsKey key = engine.messages().plan(EngineFixture.notifyDuty(engine, "F-1")).key();
    String text = engine.messages().draft(key, "village", EngineFixture.content()).orThrow().record().text()
        .orElseThrow();
    engine.messages().submit(key, "village").orThrow();
    engine.messages().approve(key, "zhangsan", text).orThrow();
    engine.faults().told("F-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    engine.faults().told("F-1", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    engine.faults().told("F-1", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    engine.messages().release(key, "village").orThrow();
    assertThatThrownBy(engine::runDueWork).isInstanceOf(Error.class);
    clock.set(T0.plus(Duration.ofMinutes(3)));

    try (OpsEngine next = engine(gateway)) {
      assertThat(next.messages().inDoubt()).extracting(SmsMessage::key).containsExactly(key);
      assertThat(next.messages().resolvesDoubt(key, "village")).isTrue();
      assertThat(next.messages().resolvesDoubt(key, "sunba")).as("the 68284 desk").isTrue();
      assertThat(next.messages().resolvesDoubt(key, "village-2")).isFalse();
      assertThat(next.messages().resolvesDoubt(key, "zhangsan")).isFalse();
      assertThatThrownBy(() -> next.messages().confirmSent(key, "village-2"))
          .as("地球村, but not the author").isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("personId"));
      assertThatThrownBy(() -> next.messages().confirmSent(key, "zhangsan")).isInstanceOf(InvalidInputException.class);
      assertThat(next.messages().confirmSent(key, "village")).isTrue();
      assertThat(notificationsSent(jdbc.faults(), "F-1")).singleElement()
          .satisfies(e -> assertThat(e.actorId()).contains("village"));
    }
  }

  /**
   * Releases {@code faultId}'s notification in an engine whose process dies while the gateway has it in hand, after
   * the platform took it when {@code delivered}; returns its key.
   */
  private SmsKey inDoubt(String faultId, boolean delivered) {
    jdbc.migrate();
    MessageGateway dying = m -> {
      if (delivered) {
        platform.send(m);
      }
      throw new Error("the process died during the send");
    };
    OpsEngine engine = engine(dying);
    SmsKey key = EngineFixture.releasedNotification(engine, faultId);
    assertThatThrownBy(engine::runDueWork).isInstanceOf(Error.class);
    assertThat(engine.messages().inDoubt()).as("in doubt only once its lease lapsed").isEmpty();
    return key;
  }

  private OpsEngine engine(MessageGateway gateway) {
    return OpsEngine.builder().ports(jdbc.faults(), jdbc.obligations(), jdbc.workflows(), jdbc.outbox(),
        jdbc.auditLog()).directory(EngineFixture.people(EngineFixture.person("village", Role.EARTH_VILLAGE),
        EngineFixture.person("village-2", Role.EARTH_VILLAGE))).gateway(gateway).clock(clock).reminder((d, p) -> { })
        .build();
  }

}
