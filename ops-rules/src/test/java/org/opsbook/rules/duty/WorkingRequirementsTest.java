package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.owedAtOpening;
import static org.opsbook.rules.duty.Fault.raisedOnlyAfter;
import static org.opsbook.rules.duty.Fault.refused;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;

/** FAULT-GEN (§2.1.3.3) and ESC-REQ (§2.2.3.3) duties, the timing rules TIME-06/07 and the grace of §0.3. */
class WorkingRequirementsTest {

  private static ObligationEngine with(OpsParameters p) {
    return new ObligationEngine(p, StandardWorkCalendar.weekdays());
  }

  @Test
  @DisplayName("FAULT-GEN-03: a major fault (host flag, or L2) owes a detailed solution reported to the room manager, untimed")
  void faultGen03() {
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").isMajorFault(true))
        .duty("11-25 09:00", "FAULT-GEN-03").orElseThrow();
    assertThat(o.target()).isEqualTo("ROOM_MANAGER");
    assertThat(o.dueAt()).isEmpty();
    assertThat(o.isTimely()).isTrue();
    assertThat(owedAtOpening(f -> f.complaintCount(50))).contains("FAULT-GEN-03");
    assertThat(owedAtOpening(f -> f.complaintCount(20))).doesNotContain("FAULT-GEN-03");
  }

  @Test
  @DisplayName("FAULT-GEN-04: ten or more customers with the same fault start the ESC-REQ-02 procedure, its superset (CONFLICT-17)")
  void faultGen04() {
    assertThat(Duty.of(RuleId.of("FAULT-GEN-04"))).isEmpty();
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(10))).contains("ESC-REQ-02")
        .doesNotContain("FAULT-GEN-04");
  }

  @Test
  @DisplayName("FAULT-GEN-06: a suspected software problem owes a timely word to 支持维护室, which outlives the repair")
  void faultGen06() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").softwareProblemSuspected(true));
    Obligation o = f.duty("11-25 09:00", "FAULT-GEN-06").orElseThrow();
    assertThat(o.target()).isEqualTo("支持维护室");
    assertThat(o.dueAt()).isEmpty();
    f.event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 10:00", "FAULT-GEN-06")).isTrue();
  }

  @Test
  @DisplayName("FAULT-GEN-07: every open fault owes timely progress entries in ITC; the repair ends the duty")
  void faultGen07() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00"));
    Obligation o = f.duty("11-25 09:00", "FAULT-GEN-07").orElseThrow();
    assertThat(o.channel()).isEqualTo(Channel.ITC);
    f.event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 10:00", "FAULT-GEN-07")).isFalse();
    assertThat(f.cancelled("FAULT-GEN-07")).isTrue();
  }

  /**
   * Opens a fault with no further facts detected at {@code detected} and asserts its first FAULT-GEN-08 entry: it
   * starts at {@code starts} and falls due at {@code due}.
   */
  private static Fault firstDailyEntry(String detected, String starts, String due) {
    Fault f = Fault.open(detected, facts(detected));
    Obligation first = f.duty(detected, "FAULT-GEN-08").orElseThrow();
    assertThat(first.triggeredAt()).contains(at(starts));
    assertThat(first.dueAt()).contains(at(due));
    assertThat(first.sequence()).isEqualTo(1);
    return f;
  }

  @Test
  @DisplayName("FAULT-GEN-08: not done within one working day (TIME-06): repaired 1 min before, at, and 1 min after addWorkingDays(detectedAt, 1)")
  void faultGen08Boundary() {
    firstDailyEntry("11-25 09:00", "11-26 09:00", "11-27 00:00");
    raisedOnlyAfter("FAULT-GEN-08", "11-26 09:00",
        t -> Fault.open("11-25 09:00", facts("11-25 09:00")).event(t, FaultEventType.REPAIRED));
  }

  @Test
  @DisplayName("FAULT-GEN-08: one entry per day; an entry today supersedes a missed earlier day, the next is tomorrow's")
  void faultGen08Daily() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00")).complete("11-26 17:00", "FAULT-GEN-08");
    Obligation second = f.duty("11-26 17:00", "FAULT-GEN-08").orElseThrow();
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.dueAt()).contains(at("11-28 00:00"));
    f.event("11-28 10:00", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.duty("11-28 10:00", "FAULT-GEN-08").orElseThrow().sequence()).isEqualTo(2);
    f.complete("11-28 11:00", "FAULT-GEN-08");
    assertThat(f.duty("11-28 11:00", "FAULT-GEN-08").orElseThrow().sequence()).isEqualTo(4);
    assertThat(f.cancelled("FAULT-GEN-08")).isTrue();
  }

  @Test
  @DisplayName("FAULT-GEN-08: a weekend detection counts to 24:00 of the next working day; an entry before the first day is refused")
  void faultGen08Weekend() {
    Fault f = firstDailyEntry("11-28 10:00", "12-01 00:00", "12-02 00:00");
    refused(() -> f.complete("11-30 12:00", "FAULT-GEN-08"), "ruleId");
  }

  @Test
  @DisplayName("FAULT-GEN-08: dailyProgressEntryDueTime moves each day's deadline; a first day already past it starts the next day")
  void faultGen08ConfiguredHour() {
    ObligationEngine engine = with(OpsParameters.builder().dailyProgressEntryDueTime(LocalTime.of(18, 0)).build());
    assertThat(Fault.open(engine, "11-25 09:00", facts("11-25 09:00")).duty("11-25 09:00", "FAULT-GEN-08")
        .orElseThrow().dueAt()).contains(at("11-26 18:00"));
    assertThat(Fault.open(engine, "11-25 19:00", facts("11-25 19:00")).duty("11-25 19:00", "FAULT-GEN-08")
        .orElseThrow().dueAt()).contains(at("11-27 18:00"));
  }

  @Test
  @DisplayName("FAULT-GEN-10: an application fault needing a development upload owes a CMCP ticket to 支持维护室")
  void faultGen10() {
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").needsDevelopmentUpload(true))
        .duty("11-25 09:00", "FAULT-GEN-10").orElseThrow();
    assertThat(o.channel()).isEqualTo(Channel.CMCP);
    assertThat(o.target()).isEqualTo("支持维护室");
  }

  @Test
  @DisplayName("ESC-REQ-02: more than 10 same-fault customers (超过10个以上 read >= 10, BND-04): 9, 10, 11 — even at level NONE")
  void escReq02() {
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(9))).doesNotContain("ESC-REQ-02");
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(10))).contains("ESC-REQ-02");
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(11))).contains("ESC-REQ-02");
    assertThat(owedAtOpening(f -> f.affectedCustomersConfirmed(10))).contains("ESC-REQ-02");
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(12))
        .duty("11-25 09:00", "ESC-REQ-02").orElseThrow();
    assertThat(o.target()).isEqualTo("ROOM_MANAGER");
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
  }

  @Test
  @DisplayName("ESC-REQ-02: with mixedBoundInclusive off the bound is exclusive (> 10): 10, 11, 12")
  void escReq02Exclusive() {
    ObligationEngine engine = with(OpsParameters.builder().mixedBoundInclusive(false).build());
    assertThat(Fault.open(engine, "11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(10))
        .owes("11-25 09:00", "ESC-REQ-02")).isFalse();
    assertThat(Fault.open(engine, "11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(11))
        .owes("11-25 09:00", "ESC-REQ-02")).isTrue();
    assertThat(Fault.open(engine, "11-25 09:00", facts("11-25 09:00").sameFaultCustomerCount(12))
        .owes("11-25 09:00", "ESC-REQ-02")).isTrue();
  }

  @Test
  @DisplayName("ESC-REQ-03: main fault point in the province: report to 省业务支撑中心 at once (escalated faults)")
  void escReq03() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).mainFaultPointInProvince(true));
    Obligation o = f.duty("11-25 09:00", "ESC-REQ-03").orElseThrow();
    assertThat(o.target()).isEqualTo("省业务支撑中心");
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
    f.event("11-25 09:20", FaultEventType.REPORTED_TO_PROVINCE);
    assertThat(f.owes("11-25 09:20", "ESC-REQ-03")).isFalse();
    assertThat(owedAtOpening(b -> b.mainFaultPointInProvince(true))).doesNotContain("ESC-REQ-03");
  }

  @Test
  @DisplayName("ESC-REQ-04: the emergency procedure owes a detailed solution reported to the room manager")
  void escReq04() {
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(10))).contains("ESC-REQ-04");
    assertThat(owedAtOpening(f -> f.sameFaultCustomerCount(9))).doesNotContain("ESC-REQ-04");
  }

  @Test
  @DisplayName("ESC-REQ-05: a confirmed software-version defect of an escalated fault owes a word to 支持维护室 (CONFLICT-09)")
  void escReq05() {
    assertThat(owedAtOpening(f -> f.complaintCount(25).softwareVersionDefectConfirmed(true))).contains("ESC-REQ-05");
    assertThat(owedAtOpening(f -> f.softwareVersionDefectConfirmed(true))).doesNotContain("ESC-REQ-05");
    assertThat(owedAtOpening(f -> f.complaintCount(25).softwareProblemSuspected(true))).contains("FAULT-GEN-06");
  }

  @Test
  @DisplayName("ESC-REQ-06: an escalated fault affecting customers owes asking 市场部 for the wording and handling method")
  void escReq06() {
    Fault f = Fault.l1();
    Obligation o = f.duty("11-25 09:00", "ESC-REQ-06").orElseThrow();
    assertThat(o.actor()).isEqualTo(Role.ESC_DUTY);
    assertThat(o.target()).isEqualTo("市场部");
    assertThat(o.triggeredAt()).contains(at("11-25 09:00"));
    assertThat(o.isTimely()).as("the manual gives no time: 及时 (TIME-07)").isTrue();
    assertThat(f.owes("11-25 09:00", "ESC-REQ-07")).as("the wording is 市场部's first").isFalse();
    // a general fault, or an escalated one that reaches no customer, owes neither
    assertThat(owedAtOpening(f2 -> f2.complaintCount(5))).doesNotContain("ESC-REQ-06");
    assertThat(owedAtOpening(f2 -> f2.waitSecondsPerTransaction(200).efficiencyDegraded(true)))
        .doesNotContain("ESC-REQ-06");
    Obligation timed = Fault.open(with(OpsParameters.builder().timelyDeadline(Duration.ofHours(1)).build()),
        "11-25 09:00", facts("11-25 09:00").complaintCount(25)).duty("11-25 09:00", "ESC-REQ-06").orElseThrow();
    assertThat(timed.dueAt()).contains(at("11-25 10:00"));
  }

  @Test
  @DisplayName("ESC-REQ-07: once 市场部 set the wording (ESC-REQ-06 done), the affected numbers and wording go to 客服")
  void escReq07() {
    Fault f = Fault.l1();
    assertThatThrownBy(() -> f.complete("11-25 09:20", "ESC-REQ-07")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ESC-REQ-07");
    f.complete("11-25 09:30", "ESC-REQ-06");
    Obligation o = f.duty("11-25 09:30", "ESC-REQ-07").orElseThrow();
    assertThat(o.target()).isEqualTo("客服");
    assertThat(o.channel()).isEqualTo(Channel.EMAIL);
    assertThat(o.triggeredAt()).contains(at("11-25 09:30"));
    f.event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 10:00", "ESC-REQ-07")).as("front-desk explanation outlives the repair").isTrue();
    f.complete("11-25 10:10", "ESC-REQ-07");
    assertThat(f.owes("11-25 10:10", "ESC-REQ-07")).isFalse();
    assertThat(f.tracker().ledger(at("11-25 10:10")).with(DutyLedger.Status.DONE_ON_TIME))
        .extracting(e -> e.duty().ruleId().value()).contains("ESC-REQ-06", "ESC-REQ-07");
  }

  @Test
  @DisplayName("ESC-REQ-08: billing or bank issues of an escalated fault owe a word to 账务室")
  void escReq08() {
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).involvesBillingOrBank(true))
        .duty("11-25 09:00", "ESC-REQ-08").orElseThrow();
    assertThat(o.target()).isEqualTo("账务室");
    assertThat(owedAtOpening(f -> f.involvesBillingOrBank(true))).doesNotContain("ESC-REQ-08");
  }

  @Test
  @DisplayName("ESC-REQ-09: batch business hit by an escalated fault owes a word to 电子商务中心 while the fault lasts")
  void escReq09() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).affectsBatchBusiness(true));
    assertThat(f.duty("11-25 09:00", "ESC-REQ-09").orElseThrow().target()).isEqualTo("电子商务中心");
    f.event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 10:00", "ESC-REQ-09")).isFalse();
  }

  @Test
  @DisplayName("ESC-REQ-10: after an escalated fault is repaired, content to the duty-log writer by 下班 (18:00), else the next day's")
  void escReq10() {
    Obligation o = Fault.l1()
        .event("11-25 15:00", FaultEventType.REPAIRED).duty("11-25 15:00", "ESC-REQ-10").orElseThrow();
    assertThat(o.target()).isEqualTo("DUTY_LOG_WRITER");
    assertThat(o.triggeredAt()).contains(at("11-25 15:00"));
    assertThat(o.dueAt()).contains(at("11-25 18:00"));
    assertThat(Fault.l1()
        .event("11-25 17:59", FaultEventType.REPAIRED).duty("11-25 17:59", "ESC-REQ-10").orElseThrow().dueAt())
        .contains(at("11-25 18:00"));
    assertThat(Fault.l1()
        .event("11-25 18:00", FaultEventType.REPAIRED).duty("11-25 18:00", "ESC-REQ-10").orElseThrow().dueAt())
        .contains(at("11-25 18:00"));
    assertThat(Fault.l1()
        .event("11-25 18:01", FaultEventType.REPAIRED).duty("11-25 18:01", "ESC-REQ-10").orElseThrow().dueAt())
        .contains(at("11-26 18:00"));
    assertThat(Fault.open("11-25 09:00", facts("11-25 09:00")).event("11-25 15:00", FaultEventType.REPAIRED)
        .owes("11-25 15:00", "ESC-REQ-10")).isFalse();
  }

  @Test
  @DisplayName("ESC-REQ-11: a repaired escalated fault owes its fault handling report for the weekly teamserver summary")
  void escReq11() {
    Obligation o = Fault.l1()
        .event("11-25 15:00", FaultEventType.REPAIRED).duty("11-25 15:00", "ESC-REQ-11").orElseThrow();
    assertThat(o.channel()).isEqualTo(Channel.DOC);
    assertThat(o.dueAt()).isEmpty();
  }

  @Test
  @DisplayName("ESC-REQ-12: an escalated fault unresolved after one working day owes the daily entry under ESC-REQ-12")
  void escReq12() {
    Fault f = Fault.l1();
    Obligation o = f.duty("11-25 09:00", "ESC-REQ-12").orElseThrow();
    assertThat(o.dueAt()).contains(at("11-27 00:00"));
    assertThat(f.owes("11-25 09:00", "FAULT-GEN-08")).isFalse();
    f.complete("11-26 16:00", "ESC-REQ-12");
    assertThat(f.duty("11-26 16:00", "ESC-REQ-12").orElseThrow().sequence()).isEqualTo(2);
  }

  @Test
  @DisplayName("ESC-REQ-13 and BUG-15: an escalated fault caused by a program BUG owes an IT collaboration ticket to 支持维护室")
  void escReq13() {
    Obligation o = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).programBug(true))
        .duty("11-25 09:00", "ESC-REQ-13").orElseThrow();
    assertThat(o.channel()).isEqualTo(Channel.CMCP);
    assertThat(owedAtOpening(f -> f.programBug(true))).doesNotContain("ESC-REQ-13");
  }

  @Test
  @DisplayName("TIME-07: a host may give timely duties a deadline (timelyDeadline); §0.3: immediateGraceMinutes delays immediate ones")
  void time07AndGrace() {
    ObligationEngine engine = with(OpsParameters.builder().timelyDeadline(Duration.ofHours(2))
        .immediateGraceMinutes(5).build());
    Fault f = Fault.open(engine, "11-25 09:00", facts("11-25 09:00").complaintCount(25));
    assertThat(f.duty("11-25 09:00", "FAULT-GEN-07").orElseThrow().dueAt()).contains(at("11-25 11:00"));
    Obligation room = f.duty("11-25 09:00", "ESC-ROOM-01").orElseThrow();
    assertThat(room.dueAt()).contains(at("11-25 09:05"));
    assertThat(room.triggeredAt()).contains(at("11-25 09:00"));
    assertThat(room.actor()).isEqualTo(Role.ESC_DUTY);
  }
}
