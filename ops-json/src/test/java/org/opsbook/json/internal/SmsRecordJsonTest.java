package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsRecord;

class SmsRecordJsonTest {
  private static final Instant T = Instant.parse("2026-11-25T06:30:00.123456Z");

  @Test
  void aFullRecordRoundTrips() {
    SmsRecord r = SmsRecord.builder().faultId("F/1").messageType(MessageType.NOTIFICATION).sequence(1)
        .templateId(RuleId.of("NOTIFY-TPL-02")).triggerRuleId(RuleId.of("NOTIFY-TRIG-05")).dueAt(T)
        .nature(FaultNature.SYSTEM).callCenterFault(true).addBaseClasses(RecipientClass.B, RecipientClass.C)
        .addBaseRules(RuleId.of("NOTIFY-RCPT-03")).author("duty-a").authorRole(Role.ESC_DUTY)
        .content(MessageContent.builder().subjectName("BOSS").faultStartTime(T).phenomenon("p").cause("c")
            .scope("s").handlingParty(HandlingParty.IT_CENTER).eta("e").followUpPerson("张三").build())
        .text("BOSS系统故障通知…").reviewer("leader").approvedText("BOSS系统故障通知…").approvedAt(T)
        .lastRejection("typo").sender("desk").sentAt(T).briefing(Briefing.of(T, T, T))
        .addRecipientClasses(RecipientClass.B, RecipientClass.C, RecipientClass.D).addRecipientIds("p1", "p2")
        .supersededBy("F/1/RECOVERY/1").build();
    assertThat(new SmsRecordJson().read(new SmsRecordJson().write(r))).isEqualTo(r);
  }

  @Test
  void aMinimalRecordRoundTrips() {
    SmsRecord r = SmsRecord.builder().faultId("F-1").messageType(MessageType.FOLLOW_UP).sequence(3)
        .templateId(RuleId.of("NOTIFY-TPL-03")).nature(FaultNature.BUSINESS).build();
    assertThat(new SmsRecordJson().read(new SmsRecordJson().write(r))).isEqualTo(r);
  }

  @Test
  void tamperedDataFailsNamingTheField() {
    assertThatThrownBy(() -> new SmsRecordJson().read("{\"faultId\": \"F\", \"messageType\": \"NOTIFICATION\","
        + " \"sequence\": 1, \"templateId\": \"NOTIFY-TPL-02\", \"nature\": \"SYSTEM\", \"extra\": 1}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("extra"));
    assertThatThrownBy(() -> new SmsRecordJson().read("{\"faultId\": \"F\", \"messageType\": \"NOTIFICATION\","
        + " \"sequence\": 1, \"templateId\": \"tpl\", \"nature\": \"SYSTEM\"}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("templateId"));
  }
}
