package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.owedAtOpening;
import static org.opsbook.rules.duty.Fault.refused;
import static org.opsbook.rules.duty.Fault.triple;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.ResponsibleUnit;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;

/** ESC-ROOM-01..16: reports to the room manager (§2.2.3.2 ¶2 1), 2), 4)). */
class RoomManagerLadderTest {

  @Test
  @DisplayName("ESC-ROOM-01: an L1 or L2 fault is phoned to the room manager at once; a general fault is not")
  void escRoom01() {
    Fault l1 = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(20));
    Obligation o = l1.duty("11-25 09:00", "ESC-ROOM-01").orElseThrow();
    assertThat(o.actor()).isEqualTo(Role.ESC_DUTY);
    assertThat(o.target()).isEqualTo("ROOM_MANAGER");
    assertThat(o.channel()).isEqualTo(Channel.PHONE);
    assertThat(o.dueAt()).contains(at("11-25 09:00"));
    assertThat(owedAtOpening(f -> f.complaintCount(55))).contains("ESC-ROOM-01");
    assertThat(owedAtOpening(f -> f.complaintCount(19))).doesNotContain("ESC-ROOM-01");
  }

  @Test
  @DisplayName("ESC-ROOM-01: a fault that becomes L1 later owes the report from that moment")
  void escRoom01WhenEscalatedLater() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(5))
        .facts("11-25 10:40", b -> b.complaintCount(25));
    Obligation o = f.duty("11-25 10:40", "ESC-ROOM-01").orElseThrow();
    assertThat(o.triggeredAt()).contains(at("11-25 10:40"));
    assertThat(o.dueAt()).contains(at("11-25 10:40"));
  }

  @Test
  @DisplayName("ESC-ROOM-02: communication unaffected and more than 100 customers possibly affected (过百 > 100): 99, 100, 101")
  void escRoom02() {
    triple("ESC-ROOM-02", n -> f -> f.affectedCustomersPotential(n), 100, false, false, true);
    assertThat(owedAtOpening(f -> f.affectedCustomersPotential(101).affectsNormalCommunication(true)))
        .doesNotContain("ESC-ROOM-02");
  }

  @Test
  @DisplayName("ESC-ROOM-03: ten or more same-type complaints (十单以上 >= 10): 9, 10, 11")
  void escRoom03() {
    triple("ESC-ROOM-03", n -> f -> f.sameTypeComplaintCount(n), 10, false, true, true);
  }

  @Test
  @DisplayName("ESC-ROOM-04: thirty or more customers confirmed affected (三十个以上 >= 30): 29, 30, 31")
  void escRoom04() {
    triple("ESC-ROOM-04", n -> f -> f.affectedCustomersConfirmed(n), 30, false, true, true);
  }

  @Test
  @DisplayName("ESC-ROOM-05: impact on communication or business, scope unconfirmed, possibly over 100: 99, 100, 101")
  void escRoom05() {
    triple("ESC-ROOM-05", n -> f -> f.affectsBusinessOrQuery(true).affectedCustomersPotential(n), 100, false,
        false, true);
    assertThat(owedAtOpening(f -> f.affectsBusinessOrQuery(true).affectedCustomersPotential(101)
        .impactConfirmed(true))).doesNotContain("ESC-ROOM-05");
    assertThat(owedAtOpening(f -> f.affectedCustomersPotential(101))).doesNotContain("ESC-ROOM-05");
  }

  @Test
  @DisplayName("ESC-ROOM-06: a system-level fault over 15 minutes, actual or expected (> 15, TIME-10: the host's measure or estimate): 14, 15, 16")
  void escRoom06() {
    triple("ESC-ROOM-06", n -> f -> f.systemLevelFault(true).systemLevelFaultMinutes(n), 15, false, false, true);
    triple("ESC-ROOM-06", n -> f -> f.systemLevelFault(true).systemLevelFaultExpectedMinutes(n), 15, false, false,
        true);
    assertThat(owedAtOpening(f -> f.systemLevelFaultMinutes(40))).doesNotContain("ESC-ROOM-06");
  }

  @Test
  @DisplayName("ESC-ROOM-07: some functions unusable over 15 minutes, actual or expected (> 15): 14, 15, 16")
  void escRoom07() {
    triple("ESC-ROOM-07", n -> f -> f.functionOutage(true).functionOutageMinutes(n), 15, false, false, true);
    triple("ESC-ROOM-07", n -> f -> f.functionOutage(true).functionOutageExpectedMinutes(n), 15, false, false,
        true);
  }

  @Test
  @DisplayName("ESC-ROOM-08: scope unconfirmed but 20 or more complaints possible (20单以上 >= 20): 19, 20, 21")
  void escRoom08() {
    triple("ESC-ROOM-08", n -> f -> f.potentialComplaintCount(n), 20, false, true, true);
    assertThat(owedAtOpening(f -> f.potentialComplaintCount(25).impactConfirmed(true)))
        .doesNotContain("ESC-ROOM-08");
  }

  @Test
  @DisplayName("ESC-ROOM-09: a reported fault still stuck one hour after reporting to the developer (>= 60 min): 59, 60, 61")
  void escRoom09() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").sameTypeComplaintCount(12))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    Obligation o = f.dueAtTheMinute("11-25 10:00", "ESC-ROOM-09", "11-25 11:00");
    assertThat(o.triggeredAt()).contains(at("11-25 10:00"));
    assertThat(f.owes("11-25 10:00", "ESC-ROOM-15")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-09: progress, a stated confirmation time and satisfactory progress clear the stall; no first report, no re-report")
  void escRoom09NotStuck() {
    Fault moving = Fault.open("11-25 09:00", facts("11-25 09:00").sameTypeComplaintCount(12)
            .developerCanStateImpactConfirmationTime(true).impactConfirmationProgressSatisfactory(true))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER)
        .facts("11-25 10:30", b -> b.lastSubstantiveProgressAt(at("11-25 10:25")));
    assertThat(moving.owes("11-25 10:30", "ESC-ROOM-09")).isFalse();
    Fault quiet = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    assertThat(quiet.owes("11-25 10:00", "ESC-ROOM-09")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-09: a report made once the re-report is due discharges it; one made earlier does not")
  void escRoom09Discharged() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").sameTypeComplaintCount(12))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER)
        .event("11-25 10:30", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    assertThat(f.owes("11-25 10:30", "ESC-ROOM-09")).isTrue();
    f.event("11-25 11:05", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    assertThat(f.owes("11-25 11:05", "ESC-ROOM-09")).isFalse();
    assertThat(f.tracker().completions()).containsKey(f.tracker().raised().stream()
        .filter(o -> o.ruleId().value().equals("ESC-ROOM-09")).findFirst().orElseThrow().key());
  }

  @Test
  @DisplayName("ESC-ROOM-10: frequent faults go into the reports, not into a phone call (CONFLICT-03)")
  void escRoom10() {
    assertThat(Duty.of(RuleId.of("ESC-ROOM-10"))).isEmpty();
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(80));
    refused(() -> f.complete("11-25 09:30", "ESC-ROOM-10"), "ruleId");
  }

  @Test
  @DisplayName("ESC-ROOM-11: each sign that the impact may expand owes an immediate report; one report answers all so far")
  void escRoom11() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 10:00", FaultEventType.IMPACT_MAY_EXPAND)
        .event("11-25 10:05", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.ruleIds("11-25 10:05")).contains("ESC-ROOM-11#1", "ESC-ROOM-11#2");
    assertThat(f.duty("11-25 10:05", "ESC-ROOM-11").orElseThrow().dueAt()).contains(at("11-25 10:00"));
    f.event("11-25 10:06", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    assertThat(f.owes("11-25 10:06", "ESC-ROOM-11")).isFalse();
    f.event("11-25 11:00", FaultEventType.REPAIRED).event("11-25 11:10", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.owes("11-25 11:10", "ESC-ROOM-11")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-12: each new fault phenomenon owes an immediate report, discharged by naming its occurrence")
  void escRoom12() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 10:00", FaultEventType.NEW_PHENOMENON)
        .event("11-25 10:20", FaultEventType.NEW_PHENOMENON)
        .complete("11-25 10:30", "ESC-ROOM-12", 1);
    assertThat(f.ruleIds("11-25 10:30")).contains("ESC-ROOM-12#2").doesNotContain("ESC-ROOM-12#1");
  }

  @Test
  @DisplayName("ESC-ROOM-13: a general fault without impact stuck three days with the developer (>= 72 h): 71:59, 72:00, 72:01")
  void escRoom13() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    f.dueAtTheMinute("11-25 10:00", "ESC-ROOM-13", "11-28 10:00");
    assertThat(f.owes("11-25 10:00", "ESC-ROOM-14")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-13: 三天 counts working days when stallDayUnit is WORKING_DAY (TIME-04)")
  void escRoom13WorkingDays() {
    ObligationEngine engine = new ObligationEngine(OpsParameters.builder()
        .stallDayUnit(OpsParameters.StallDayUnit.WORKING_DAY).build(), StandardWorkCalendar.weekdays());
    Fault f = Fault.open(engine, "11-25 09:00", facts("11-25 09:00"))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    assertThat(f.duty("11-25 10:00", "ESC-ROOM-13").orElseThrow().dueAt()).contains(at("11-30 10:00"));
  }

  @Test
  @DisplayName("ESC-ROOM-14: a general fault with impact stuck a day with the developer (>= 24 h); located, timed and progressing is not stuck")
  void escRoom14() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").affectsBusinessOrQuery(true))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    f.dueAtTheMinute("11-25 10:00", "ESC-ROOM-14", "11-26 10:00");
    f.facts("11-25 16:00", b -> b.faultLocated(true).resolutionTimeConfirmed(true)
        .lastSubstantiveProgressAt(at("11-25 15:00")));
    assertThat(f.owes("11-25 16:00", "ESC-ROOM-14")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-14: under stallMode PROGRESS_AND_ONE, progress alone clears the stall")
  void escRoom14ProgressAndOne() {
    ObligationEngine engine = new ObligationEngine(OpsParameters.builder()
        .stallMode(OpsParameters.StallMode.PROGRESS_AND_ONE).build(), StandardWorkCalendar.weekdays());
    Fault f = Fault.open(engine, "11-25 09:00", facts("11-25 09:00").affectsNormalCommunication(true))
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    assertThat(f.owes("11-25 10:00", "ESC-ROOM-14")).isTrue();
    f.facts("11-25 12:00", b -> b.lastSubstantiveProgressAt(at("11-25 11:00")));
    assertThat(f.owes("11-25 12:00", "ESC-ROOM-14")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-15: an escalated fault stuck an hour with the developer (>= 60 min): 59, 60, 61; it stands for ESC-ROOM-09")
  void escRoom15() {
    Fault f = Fault.l1()
        .event("11-25 10:00", FaultEventType.REPORTED_TO_DEVELOPER);
    f.dueAtTheMinute("11-25 10:00", "ESC-ROOM-15", "11-25 11:00");
    assertThat(f.owes("11-25 10:00", "ESC-ROOM-09")).isFalse();
    f.event("11-25 11:30", FaultEventType.PROGRESS_REPORTED);
    assertThat(f.everRaised("ESC-ROOM-15")).isTrue();
    assertThat(f.everRaised("ESC-ROOM-09")).isFalse();
  }

  @Test
  @DisplayName("ESC-ROOM-16: a fault owned elsewhere is reported only when it affects this room's systems or acceptance")
  void escRoom16() {
    UnaryOperator<FaultFacts.Builder> l2Elsewhere = f -> f.complaintCount(60).responsibleUnit(ResponsibleUnit.OTHER);
    assertThat(owedAtOpening(l2Elsewhere)).noneMatch(id -> id.startsWith("ESC-ROOM") || id.startsWith("ESC-DEPT"));
    assertThat(owedAtOpening(f -> l2Elsewhere.apply(f).affectsOwnSystemsOrAcceptance(true)))
        .contains("ESC-ROOM-01", "ESC-DEPT-02");
    assertThat(owedAtOpening(f -> l2Elsewhere.apply(f).complaintCount(260))).contains("ESC-CENTER-11");
  }

  @Test
  @DisplayName("ESC-ROOM-04 fires once per fault (§0.3) and a downgrade never withdraws it (FAULT-CLASS-DEF-07)")
  void oncePerFault() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").affectedCustomersConfirmed(30))
        .facts("11-25 09:30", b -> b.affectedCustomersConfirmed(20));
    assertThat(f.owes("11-25 09:30", "ESC-ROOM-04")).isTrue();
    f.event("11-25 09:40", FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .facts("11-25 10:00", b -> b.affectedCustomersConfirmed(35));
    assertThat(f.owes("11-25 10:00", "ESC-ROOM-04")).isFalse();
  }
}
