package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.triple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;

/** NOTIFY-TRIG-01..08: which message 68284 owes and by when (§2.2.3.2 ¶1, §2.2.3.3 2、 5、 6、). */
class NotificationDutiesTest {

  private static Fault systemL1() {
    return Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.SYSTEM).complaintCount(25));
  }

  @Test
  @DisplayName("NOTIFY-TRIG-01: an escalated fault owes the fault notice at once, and after the repair the recovery notice")
  void notifyTrig01() {
    Fault f = systemL1();
    Obligation notice = f.duty("11-25 09:00", "NOTIFY-TRIG-01").orElseThrow();
    assertThat(notice.actor()).isEqualTo(Role.ESC_DUTY);
    assertThat(notice.target()).isEqualTo("DUTY_68284");
    assertThat(notice.channel()).isEqualTo(Channel.NOTICE);
    assertThat(notice.sequence()).isEqualTo(1);
    assertThat(notice.dueAt()).contains(at("11-25 09:00"));
    f.complete("11-25 09:20", "NOTIFY-TRIG-01").event("11-25 11:00", FaultEventType.REPAIRED);
    Obligation recovery = f.duty("11-25 11:00", "NOTIFY-TRIG-01").orElseThrow();
    assertThat(recovery.sequence()).isEqualTo(2);
    assertThat(recovery.action()).contains("故障恢复公告");
    assertThat(recovery.dueAt()).contains(at("11-25 11:00"));
    assertThat(Fault.owedAtOpening(b -> b.complaintCount(19))).doesNotContain("NOTIFY-TRIG-01");
  }

  @Test
  @DisplayName("NOTIFY-TRIG-02: an escalated fault of unknown nature owes the notification SMS at once, to class C")
  void notifyTrig02() {
    Obligation o = Fault.l1()
        .duty("11-25 09:00", "NOTIFY-TRIG-02").orElseThrow();
    assertThat(o.actor()).isEqualTo(Role.DUTY_68284);
    assertThat(o.channel()).isEqualTo(Channel.SMS);
    assertThat(o.target()).isEqualTo("C");
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
  }

  @Test
  @DisplayName("NOTIFY-TRIG-03: a severe (L1) fault owes the notices and all three SMS: notification, follow-up, recovery")
  void notifyTrig03() {
    Fault f = systemL1();
    assertThat(f.ruleIds("11-25 09:00")).contains("NOTIFY-TRIG-01#1", "NOTIFY-TRIG-05");
    f.event("11-25 09:10", FaultEventType.NOTIFICATION_SENT);
    assertThat(f.ruleIds("11-25 09:10")).contains("NOTIFY-TRIG-07#1").doesNotContain("NOTIFY-TRIG-05");
    f.event("11-25 12:00", FaultEventType.REPAIRED);
    assertThat(f.ruleIds("11-25 12:00")).contains("NOTIFY-TRIG-08", "NOTIFY-TRIG-01#2")
        .doesNotContain("NOTIFY-TRIG-07#1");
  }

  @Test
  @DisplayName("NOTIFY-TRIG-04: a business fault's notification SMS waits for the customer-service centre's level-1 SMS")
  void notifyTrig04() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.BUSINESS).complaintCount(60)
        .csComplaintLevel(3).csCenterLevel1SmsSentAt(at("11-25 09:30")));
    assertThat(f.owes("11-25 09:00", "NOTIFY-TRIG-03")).isFalse();
    Obligation o = f.duty("11-25 09:40", "NOTIFY-TRIG-04").orElseThrow();
    assertThat(o.triggeredAt()).contains(at("11-25 09:30"));
    assertThat(o.dueAt()).contains(at("11-25 09:30"));
    assertThat(o.target()).isEqualTo("C,D");
  }

  @Test
  @DisplayName("NOTIFY-TRIG-03: an L2 business fault whose centre never sends its level-1 SMS still owes the"
      + " notification SMS from detection, flagged (OQ-06), so follow-up and recovery follow")
  void notifyTrig03BusinessFaultWithoutCsSms() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.BUSINESS).complaintCount(60));
    assertThat(f.tracker().peakLevel().isEscalated()).isTrue();
    Obligation o = f.duty("11-25 09:00", "NOTIFY-TRIG-03").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
    assertThat(o.target()).isEqualTo("C");
    assertThat(o.action()).contains("故障通知短信").contains("trigger missing").contains("NOTIFY-TRIG-04");
    assertThat(f.owes("11-25 09:00", "NOTIFY-TRIG-04")).isFalse();
    f.facts("11-25 09:30", b -> b.csCenterLevel1SmsSentAt(at("11-25 09:30")));
    assertThat(f.owes("11-25 09:30", "NOTIFY-TRIG-03")).as("raised once, it stands").isTrue();
    assertThat(f.owes("11-25 09:30", "NOTIFY-TRIG-04")).isFalse();
    f.event("11-25 09:40", FaultEventType.NOTIFICATION_SENT);
    assertThat(f.owes("11-25 09:40", "NOTIFY-TRIG-03")).isFalse();
    assertThat(f.duty("11-25 09:40", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-25 18:00"));
    f.event("11-25 12:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 12:00", "NOTIFY-TRIG-08")).isTrue();
    Fault emergency = Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.BUSINESS)
        .sameFaultCustomerCount(10));
    assertThat(emergency.duty("11-25 09:00", "NOTIFY-TRIG-06").orElseThrow().action()).contains("trigger missing");
  }

  @Test
  @DisplayName("NOTIFY-TRIG-05: a system fault's notification SMS is due when it becomes owed, never before detection")
  void notifyTrig05() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.SYSTEM))
        .facts("11-25 10:00", b -> b.complaintCount(25));
    Obligation o = f.duty("11-25 10:00", "NOTIFY-TRIG-05").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 10:00"));
    assertThat(o.target()).isEqualTo("A,B,C");
    assertThat(Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.SYSTEM).callCenterFault(true)
        .complaintCount(25)).duty("11-25 09:00", "NOTIFY-TRIG-05").orElseThrow().target()).isEqualTo("B,C");
    for (int level = 2; level <= 4; level++) {
      assertThat(Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.SYSTEM).csComplaintLevel(level))
          .duty("11-25 09:00", "NOTIFY-TRIG-05").orElseThrow().target()).as("class D from level 3 (NOTIFY-RCPT-04)")
          .isEqualTo(level < 3 ? "A,B,C" : "A,B,C,D");
    }
    f.event("11-25 10:05", FaultEventType.NOTIFICATION_SENT);
    assertThat(f.owes("11-25 10:05", "NOTIFY-TRIG-05")).isFalse();
  }

  @Test
  @DisplayName("NOTIFY-TRIG-06: ten or more same-fault customers owe the notification SMS even at level NONE: 9, 10, 11")
  void notifyTrig06() {
    triple("NOTIFY-TRIG-06", n -> b -> b.sameFaultCustomerCount(n), 10, false, true, true);
    Fault system = Fault.open("11-25 09:00", facts("11-25 09:00").nature(FaultNature.SYSTEM)
        .sameFaultCustomerCount(10));
    assertThat(system.tracker().peakLevel().isEscalated()).isFalse();
    assertThat(system.owes("11-25 09:00", "NOTIFY-TRIG-05")).isTrue();
  }

  @Test
  @DisplayName("NOTIFY-TRIG-07: a follow-up by 下班 (18:00) each day, at once on significant progress, next day after a late notification")
  void notifyTrig07() {
    Fault f = systemL1().event("11-25 10:00", FaultEventType.NOTIFICATION_SENT);
    Obligation first = f.duty("11-25 10:00", "NOTIFY-TRIG-07").orElseThrow();
    assertThat(first.dueAt()).contains(at("11-25 18:00"));
    assertThat(first.target()).isEqualTo("A,B,C");
    f.event("11-25 14:00", FaultEventType.SIGNIFICANT_PROGRESS);
    assertThat(f.duty("11-25 14:00", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-25 14:00"));
    f.event("11-25 14:05", FaultEventType.FOLLOW_UP_SENT);
    Obligation second = f.duty("11-25 14:05", "NOTIFY-TRIG-07").orElseThrow();
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.dueAt()).contains(at("11-26 18:00"));
    assertThat(systemL1().event("11-25 17:59", FaultEventType.NOTIFICATION_SENT)
        .duty("11-25 17:59", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-25 18:00"));
    assertThat(systemL1().event("11-25 18:00", FaultEventType.NOTIFICATION_SENT)
        .duty("11-25 18:00", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-26 18:00"));
    assertThat(systemL1().event("11-25 18:01", FaultEventType.NOTIFICATION_SENT)
        .duty("11-25 18:01", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-26 18:00"));
  }

  @Test
  @DisplayName("NOTIFY-TRIG-07 (c): a notification sent at or after 下班 has its first follow-up at the next working"
      + " day's 下班, past a weekend")
  void notifyTrig07c() {
    assertThat(systemL1().event("11-25 18:00", FaultEventType.NOTIFICATION_SENT)
        .duty("11-25 18:00", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-26 18:00"));
    Fault friday = Fault.open("11-27 09:00", facts("11-27 09:00").nature(FaultNature.SYSTEM).complaintCount(25))
        .event("11-27 18:00", FaultEventType.NOTIFICATION_SENT);
    assertThat(friday.duty("11-27 18:00", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-30 18:00"));
    Fault before = Fault.open("11-27 09:00", facts("11-27 09:00").nature(FaultNature.SYSTEM).complaintCount(25))
        .event("11-27 17:59", FaultEventType.NOTIFICATION_SENT);
    assertThat(before.duty("11-27 17:59", "NOTIFY-TRIG-07").orElseThrow().dueAt()).contains(at("11-27 18:00"));
  }

  @Test
  @DisplayName("NOTIFY-TRIG-08: the repair owes the recovery SMS at once when a notification was owed or sent, replacing the follow-up")
  void notifyTrig08() {
    Fault f = systemL1().event("11-25 10:00", FaultEventType.NOTIFICATION_SENT)
        .event("11-25 11:00", FaultEventType.REPAIRED);
    Obligation o = f.duty("11-25 11:00", "NOTIFY-TRIG-08").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-25 11:00"));
    assertThat(o.target()).isEqualTo("A,B,C");
    assertThat(f.owes("11-25 11:00", "NOTIFY-TRIG-07")).isFalse();
    f.event("11-25 11:10", FaultEventType.RECOVERY_SENT);
    assertThat(f.owes("11-25 11:10", "NOTIFY-TRIG-08")).isFalse();
    assertThat(Fault.open("11-25 09:00", facts("11-25 09:00")).event("11-25 10:00", FaultEventType.REPAIRED)
        .owes("11-25 10:00", "NOTIFY-TRIG-08")).isFalse();
  }
}
