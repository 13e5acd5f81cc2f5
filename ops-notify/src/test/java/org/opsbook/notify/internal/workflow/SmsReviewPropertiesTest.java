package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.Role;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.SmsMessage;

/**
 * Random event sequences against SM-SMS, with the invariants checked after every step: SENT only with an approval
 * by a different person holding the right role, only the approved text ever leaves, terminal states absorb, a
 * refusal changes nothing, and the audit chain verifies with one record per transition.
 */
class SmsReviewPropertiesTest {
  private static final Actor[] ACTORS = {Fixture.DUTY_A, Fixture.DUTY_B, Fixture.LEADER, Fixture.LEADER_ON_DUTY,
      Fixture.DESK, Fixture.VILLAGE, Fixture.VILLAGE_2, Actor.of("nobody")};

  @Test
  void SM_SMS_neverReachesSentWithoutAnApprovalByADifferentPerson() {
    qt().withExamples(300).forAll(integers().between(0, 1), lists().of(integers().between(0, 9_999))
        .ofSizeBetween(1, 30)).checkAssert((followUp, steps) -> run(followUp == 1, steps));
  }

  private static void run(boolean followUp, List<Integer> steps) {
    Fixture f = new Fixture();
    SmsKey key = SmsKey.of("F-1", followUp ? MessageType.FOLLOW_UP : MessageType.NOTIFICATION, 1);
    f.sms.plan(key, Optional.empty(), Optional.empty(), Fixture.systemFault(), Fixture.T0);
    Instant now = Fixture.T0;
    SmsState previous = SmsState.REQUIRED;
    for (int code : steps) {
      now = now.plusSeconds(30);
      Actor actor = ACTORS[code % ACTORS.length];
      int event = (code / ACTORS.length) % 7;
      boolean variant = (code / (ACTORS.length * 7)) % 2 == 0;
      SmsMessage before = f.sms.find(key).orElseThrow();
      Outcome<SmsMessage> step = apply(f, key, event, actor, variant, before, now);
      SmsMessage after = f.sms.find(key).orElseThrow();
      if (step != null && !step.isAccepted()) {
        assertThat(after.version()).as("a refusal changes nothing").isEqualTo(before.version());
        assertThat(step.violations()).isNotEmpty();
      }
      if (previous.isTerminal()) {
        assertThat(after.state()).as("terminal states absorb").isEqualTo(previous);
      }
      check(f, key, after);
      previous = after.state();
    }
  }

  private static Outcome<SmsMessage> apply(Fixture f, SmsKey key, int event, Actor actor, boolean variant, SmsMessage m,
      Instant now) {
    String text = m.record().text().orElse("无");
    switch (event) {
      case 0:
        return f.sms.draft(key, actor, Fixture.content(), now);
      case 1:
        return f.sms.submitForReview(key, actor, now);
      case 2:
        return f.sms.approve(key, actor, variant ? text : text + "!", now);
      case 3:
        return f.sms.reject(key, actor, variant ? "请补充影响范围" : "", now);
      case 4:
        String approved = m.record().approvedText().orElse(text);
        Briefing b = variant ? Briefing.of(now.minusSeconds(20), now.minusSeconds(15), now.minusSeconds(10))
            : Briefing.none();
        return f.sms.release(key, actor, variant ? approved : approved.replace("张三", "李四"), b,
            Fixture.systemFault(), now);
      case 5:
        f.sms.plan(SmsKey.of("F-1", MessageType.RECOVERY, 1), Optional.empty(), Optional.empty(),
            Fixture.systemFault(), now);
        return null;
      default:
        return f.sms.draft(key, actor, Fixture.content(), now);
    }
  }

  private static void check(Fixture f, SmsKey key, SmsMessage m) {
    SmsRecord r = m.record();
    Optional<OutboxMessage> queued = f.outbox.find(key.toString());
    if (m.state() == SmsState.SENT) {
      assertThat(r.reviewer()).isPresent();
      assertThat(r.reviewer()).isNotEqualTo(r.author());
      Role reviewerRole = r.authorRole().orElseThrow() == Role.EARTH_VILLAGE ? Role.ESC_DUTY : Role.FAULT_TEAM_LEADER;
      Actor reviewer = actor(r.reviewer().get());
      assertThat(reviewer.hasRole(reviewerRole)).as("reviewer %s holds %s", reviewer.id(), reviewerRole).isTrue();
      assertThat(r.approvedText()).isEqualTo(r.text());
      assertThat(queued).hasValueSatisfying(q -> assertThat(q.text()).isEqualTo(r.approvedText().get()));
    } else {
      assertThat(queued).as("only a released message reaches the outbox").isEmpty();
    }
    if (m.state() == SmsState.SUPERSEDED) {
      assertThat(key.type()).isEqualTo(MessageType.FOLLOW_UP);
    }
    assertThat(f.audit.verify("sms:" + key).intact()).isTrue();
    assertThat(f.audit.read("sms:" + key)).hasSize(1 + f.sms.history(key).size());
  }

  private static Actor actor(String id) {
    for (Actor a : ACTORS) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("unknown actor " + id);
  }
}
