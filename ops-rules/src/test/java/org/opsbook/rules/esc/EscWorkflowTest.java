package org.opsbook.rules.esc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.esc.EscFixtures.A;
import static org.opsbook.rules.esc.EscFixtures.B;
import static org.opsbook.rules.esc.EscFixtures.B2;
import static org.opsbook.rules.esc.EscFixtures.DUTY;
import static org.opsbook.rules.esc.EscFixtures.MANAGER;
import static org.opsbook.rules.esc.EscFixtures.MONITOR;
import static org.opsbook.rules.esc.EscFixtures.PRE;
import static org.opsbook.rules.esc.EscFixtures.REVIEWER;
import static org.opsbook.rules.esc.EscFixtures.SYSADMIN;
import static org.opsbook.rules.esc.EscFixtures.T0;
import static org.opsbook.rules.esc.EscFixtures.WF;
import static org.opsbook.rules.esc.EscFixtures.accepted;
import static org.opsbook.rules.esc.EscFixtures.at;
import static org.opsbook.rules.esc.EscFixtures.data;
import static org.opsbook.rules.esc.EscFixtures.declared;
import static org.opsbook.rules.esc.EscFixtures.detected;
import static org.opsbook.rules.esc.EscFixtures.facts;
import static org.opsbook.rules.esc.EscFixtures.handling;
import static org.opsbook.rules.esc.EscFixtures.handlingByB;
import static org.opsbook.rules.esc.EscFixtures.postIncident;
import static org.opsbook.rules.esc.EscFixtures.recovered;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.classify.FaultClassifier;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
import org.opsbook.rules.esc.EscFixtures.Fault;

/** SM-ESC's transitions and the rules its guards enforce: each rule ID allowed once and refused once. */
class EscWorkflowTest {
  private static RuleId id(String s) {
    return RuleId.of(s);
  }

  /** Takes a step whose time does not matter: at the fault's last event (a history runs forward), T0 at the latest. */
  private static Outcome<Fault> apply(Fault f, EscEvent e, Actor a, EscEventData.Builder d) {
    return WF.apply(f, e, a, d.build(), f.tracker().lastEventAt().filter(T0::isBefore).orElse(T0));
  }

  private static Outcome<Fault> apply(Fault f, EscEvent e, Actor a, EscEventData.Builder d, Instant at) {
    return WF.apply(f, e, a, d.build(), at);
  }

  private static FaultFacts selfDiscovered() {
    return FaultFacts.builder().faultId("F-1").detectedAt(T0).selfDiscovered(true)
        .intakeChannel(IntakeChannel.MONITORING_OBSERVATION).build();
  }

  @Test
  @DisplayName("SM-ESC-T01 the duty, the sysadmin, the pre-processor and the reviewer open a fault record; a room manager may not")
  void t01() {
    for (Actor opener : List.of(DUTY, SYSADMIN, PRE, REVIEWER)) {
      Fault f = accepted(WF.open("F-1", data().facts(facts(24)).linkedTicketId("T-9").build(), opener,
          at("11-25 09:05")));
      assertThat(f.state()).isEqualTo(EscState.DETECTED);
      assertThat(f.openedBy()).isEqualTo(opener.id());
      assertThat(f.detectedAt()).isEqualTo(T0);
      assertThat(f.linkedTicketId()).contains("T-9");
    }
    Outcome<Fault> refused = WF.open("F-1", data().facts(facts(24)).build(), MANAGER, T0);
    assertThat(refused.violatedRules()).containsExactly(id("SM-ESC-T01"));
    assertThat(refused.audit()).isEmpty();
  }

  @Test
  @DisplayName("SM-ESC-T01 FAULT-CLASS-DEF-07 the opening records detection, intake and the level the classifier gives; no facts: detected at the opening")
  void t01Records() {
    Outcome<Fault> o = WF.open("F-1", data().facts(selfDiscovered().toBuilder().complaintCount(60).build())
        .build(), DUTY, at("11-25 09:10"));
    Fault f = accepted(o);
    assertThat(f.selfDiscovered()).isTrue();
    assertThat(f.intakeChannel()).contains(IntakeChannel.MONITORING_OBSERVATION);
    assertThat(f.peakLevel()).isEqualTo(FaultClassifier.standard().level(facts(60))).isEqualTo(Level.L2);
    assertThat(o.audit().orElseThrow().details()).containsEntry("selfDiscovered", "true")
        .containsEntry("peakLevel", "L2").containsEntry("detectedAt", T0.toString());
    assertThat(accepted(WF.open("F-2", EscEventData.empty(), DUTY, T0)).detectedAt()).isEqualTo(T0);
    assertThat(accepted(WF.open("F-2", EscEventData.empty(), DUTY, T0)).peakLevel()).isEqualTo(Level.NONE);
  }

  @Test
  @DisplayName("SM-ESC-T01 invalid openings are typed errors naming the field: detection after the opening, facts of another fault, a blank ID")
  void t01InvalidInput() {
    assertThatThrownBy(() -> WF.open("F-1", data().facts(facts(0)).build(), DUTY, at("11-25 08:59")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("data.facts.detectedAt");
    assertThatThrownBy(() -> WF.open("F-2", data().facts(facts(0)).build(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("data.facts.faultId");
    assertThatThrownBy(() -> WF.open(" ", EscEventData.empty(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("faultId");
  }

  @Test
  @DisplayName("ESC-HANDLE-08 SM-ESC-T02 a self-discovered fault is declared only with its AMS number and the duty officer told")
  void escHandle08() {
    Fault f = accepted(WF.open("F-1", data().facts(selfDiscovered()).build(), DUTY, T0));
    Outcome<Fault> refused = apply(f, EscEvent.DECLARE, DUTY, data());
    assertThat(refused.violatedRules()).containsExactly(id("ESC-HANDLE-08"));
    assertThat(refused.violations()).extracting(v -> v.field().orElseThrow())
        .containsExactly("amsFaultNo", "provinceDutyNotifiedAt");
    assertThat(refused.instance()).isEqualTo(f);
    assertThat(apply(f, EscEvent.DECLARE, DUTY, data().amsFaultNo("AMS-7")).violations())
        .extracting(v -> v.field().orElseThrow()).containsExactly("provinceDutyNotifiedAt");
    Fault ok = accepted(apply(f, EscEvent.DECLARE, DUTY, data().amsFaultNo("AMS-7")
        .provinceDutyNotifiedAt(at("11-25 09:02")), at("11-25 09:03")));
    assertThat(ok.state()).isEqualTo(EscState.DECLARED);
    assertThat(ok.amsFaultNo()).contains("AMS-7");
    assertThat(ok.declaredAt()).contains(at("11-25 09:03"));
    Fault fromFacts = accepted(apply(f, EscEvent.DECLARE, DUTY, data().facts(selfDiscovered().toBuilder()
        .amsFaultNo("AMS-8").provinceDutyNotifiedAt(T0).build())));
    assertThat(fromFacts.amsFaultNo()).contains("AMS-8");
  }

  @Test
  @DisplayName("SM-ESC-T02 ESC-HANDLE-08 a fault not self-discovered is declared without AMS references, by the escalated-fault duty only")
  void t02() {
    assertThat(accepted(apply(detected(0), EscEvent.DECLARE, DUTY, data())).state()).isEqualTo(EscState.DECLARED);
    assertThat(accepted(apply(detected(0), EscEvent.DECLARE, A, data())).state()).isEqualTo(EscState.DECLARED);
    assertThat(apply(detected(0), EscEvent.DECLARE, PRE, data()).violatedRules()).containsExactly(id("SM-ESC-T02"));
  }

  @Test
  @DisplayName("ESC-HANDLE-01 SM-ESC-T03 A takes the fault; the monitor assigns it, to A by default; nobody owns it as a handler they are not")
  void escHandle01() {
    Fault byA = accepted(apply(declared(24), EscEvent.TAKE_OWNERSHIP, A, data()));
    assertThat(byA.state()).isEqualTo(EscState.HANDLING_SELF);
    assertThat(byA.owner()).contains(EscHandler.A);
    assertThat(byA.ownerId()).contains("an");
    assertThat(byA.ownerSince()).contains(T0);
    Fault assigned = accepted(apply(declared(24), EscEvent.TAKE_OWNERSHIP, MONITOR, data().assigneeId("an")));
    assertThat(assigned.owner()).contains(EscHandler.A);
    assertThat(assigned.ownerId()).contains("an");
    assertThat(apply(declared(24), EscEvent.TAKE_OWNERSHIP, MONITOR, data()).violatedRules())
        .containsExactly(id("ESC-HANDLE-01"));
    assertThat(apply(declared(24), EscEvent.TAKE_OWNERSHIP, B, data().assigneeId("bei")
        .assigneeHandler(EscHandler.A)).violatedRules()).containsExactly(id("ESC-HANDLE-01"));
    assertThat(apply(declared(24), EscEvent.TAKE_OWNERSHIP, DUTY, data()).violatedRules())
        .containsExactly(id("ESC-HANDLE-01"), id("SM-ESC-T03"));
  }

  @Test
  @DisplayName("ESC-HANDLE-03 B owns the fault only while A is unavailable; A's return while B owns needs the handover")
  void escHandle03() {
    assertThat(apply(declared(24), EscEvent.TAKE_OWNERSHIP, B, data()).violatedRules())
        .containsExactly(id("ESC-HANDLE-03"));
    Fault byB = handlingByB(24);
    assertThat(byB.owner()).contains(EscHandler.B);
    assertThat(byB.handlerAAvailable()).isFalse();
    assertThat(apply(declared(24), EscEvent.TAKE_OWNERSHIP, MONITOR, data().assigneeId("bei")
        .assigneeHandler(EscHandler.B)).violatedRules()).containsExactly(id("ESC-HANDLE-03"));
    Fault away = accepted(apply(declared(24), EscEvent.REPORT_AVAILABILITY, MONITOR, data()
        .handlerAAvailable(false)));
    assertThat(accepted(apply(away, EscEvent.TAKE_OWNERSHIP, B, data())).owner()).contains(EscHandler.B);
    assertThat(apply(byB, EscEvent.REPORT_AVAILABILITY, MONITOR, data().handlerAAvailable(true)).violatedRules())
        .containsExactly(id("ESC-HANDLE-03"));
    assertThat(apply(byB, EscEvent.REPORT_AVAILABILITY, MONITOR, data()).violatedRules())
        .containsExactly(id("ESC-HANDLE-03"));
    Fault aAway = accepted(apply(handling(24), EscEvent.REPORT_AVAILABILITY, A, data().handlerAAvailable(false)));
    assertThat(aAway.owner()).contains(EscHandler.A);
    assertThat(aAway.handlerAAvailable()).isFalse();
    assertThatThrownBy(() -> ((ImmutableEscFault) byB.view()).withHandlerAAvailable(true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ESC-HANDLE-03");
  }

  @Test
  @DisplayName("ESC-HANDLE-04 SM-ESC-T04 an A↔B switch needs a handover note; B takes over only while A is away; A takes it back any time")
  void escHandle04() {
    Fault f = handling(24);
    Outcome<Fault> noNote = apply(f, EscEvent.HANDOVER, A, data().assigneeId("bei").handlerAAvailable(false));
    assertThat(noNote.violatedRules()).containsExactly(id("ESC-HANDLE-04"));
    assertThat(apply(f, EscEvent.HANDOVER, A, data().assigneeId("bei").handoverNote("交接: AMS-9 待回复"))
        .violatedRules()).containsExactly(id("ESC-HANDLE-03"));
    assertThat(apply(f, EscEvent.HANDOVER, A, data().handoverNote("交接").handlerAAvailable(false)).violations())
        .extracting(v -> v.ruleId().value() + " " + v.field().orElseThrow())
        .containsExactly("ESC-HANDLE-04 assigneeId");
    Fault toB = accepted(apply(f, EscEvent.HANDOVER, A, data().assigneeId("bei").handoverNote("交接: AMS-9 待回复")
        .handlerAAvailable(false), at("11-25 18:00")));
    assertThat(toB.owner()).contains(EscHandler.B);
    assertThat(toB.ownerId()).contains("bei");
    assertThat(toB.handovers()).isEqualTo(1);
    assertThat(toB.lastHandoverNote()).contains("交接: AMS-9 待回复");
    assertThat(toB.ownerSince()).contains(at("11-25 18:00"));
    assertThat(apply(toB, EscEvent.HANDOVER, B2, data().assigneeId("an").handoverNote("x")).violatedRules())
        .containsExactly(id("SM-ESC-T04"));
    Fault back = accepted(apply(toB, EscEvent.HANDOVER, A, data().handoverNote("A 回岗, 接回跟进"),
        at("11-26 08:30")));
    assertThat(back.owner()).contains(EscHandler.A);
    assertThat(back.ownerId()).contains("an");
    assertThat(back.handlerAAvailable()).isTrue();
    assertThat(back.handovers()).isEqualTo(2);
    assertThat(apply(toB, EscEvent.HANDOVER, A, data()).violatedRules()).containsExactly(id("ESC-HANDLE-04"));
    Fault handedBack = accepted(apply(toB, EscEvent.HANDOVER, B, data().assigneeId("an").handoverNote("交回A")));
    assertThat(handedBack.ownership()).contains(new EscOwner(EscHandler.A, "an"));
    assertThat(handedBack.handlerAAvailable()).as("a switch back to A is A's return").isTrue();
    Fault byMonitor = accepted(apply(toB, EscEvent.HANDOVER, MONITOR, data().assigneeId("an")
        .handoverNote("监控员安排A接回").handlerAAvailable(true)));
    assertThat(byMonitor.owner()).contains(EscHandler.A);
  }

  @Test
  @DisplayName("ESC-HANDLE-05 SM-ESC-T10 only the monitor intervenes (with a note) and reassigns, in any open state")
  void escHandle05() {
    for (Fault f : List.of(detected(24), declared(24), handling(24), recovered(24, at("11-25 15:00")),
        postIncident(24))) {
      Fault after = accepted(apply(f, EscEvent.INTERVENE, MONITOR, data().interventionNote("催促开发商给出修复时间")));
      assertThat(after.interventions()).isEqualTo(1);
      assertThat(after.state()).isEqualTo(f.state());
      assertThat(apply(f, EscEvent.INTERVENE, A, data().interventionNote("x")).violatedRules())
          .containsExactly(id("ESC-HANDLE-05"));
    }
    assertThat(apply(handling(24), EscEvent.INTERVENE, MONITOR, data()).violatedRules())
        .containsExactly(id("ESC-HANDLE-05"));
    Fault reassigned = accepted(apply(handling(24), EscEvent.REASSIGN, MONITOR, data().assigneeId("an2")));
    assertThat(reassigned.ownerId()).contains("an2");
    assertThat(reassigned.owner()).contains(EscHandler.A);
    assertThat(reassigned.handovers()).isZero();
    assertThat(apply(handling(24), EscEvent.REASSIGN, A, data().assigneeId("an2")).violatedRules())
        .containsExactly(id("ESC-HANDLE-05"));
    assertThat(apply(handling(24), EscEvent.REASSIGN, MONITOR, data().assigneeId("an")).violatedRules())
        .containsExactly(id("SM-ESC-T10"));
    assertThat(apply(declared(24), EscEvent.REASSIGN, MONITOR, data().assigneeId("an")).violatedRules())
        .containsExactly(id("SM-ESC-T10"));
  }

  @Test
  @DisplayName("SM-ESC-T10 ESC-HANDLE-04 ESC-HANDLE-03 the monitor's A↔B reassignment needs a handover note and A away")
  void t10Reassign() {
    Fault f = handling(24);
    assertThat(apply(f, EscEvent.REASSIGN, MONITOR, data().assigneeId("bei").assigneeHandler(EscHandler.B))
        .violatedRules()).containsExactly(id("ESC-HANDLE-03"), id("ESC-HANDLE-04"));
    Fault toB = accepted(apply(f, EscEvent.REASSIGN, MONITOR, data().assigneeId("bei")
        .assigneeHandler(EscHandler.B).handoverNote("A 请假").handlerAAvailable(false)));
    assertThat(toB.owner()).contains(EscHandler.B);
    assertThat(toB.handovers()).isEqualTo(1);
  }

  @Test
  @DisplayName("ESC-HANDLE-02 SM-ESC-T05 handling moves to the developer only once the province is told and the AMS ticket recorded")
  void escHandle02() {
    Fault f = handling(24);
    Outcome<Fault> refused = apply(f, EscEvent.ESCALATE_EXTERNALLY, A, data());
    assertThat(refused.violatedRules()).containsExactly(id("ESC-HANDLE-02"));
    assertThat(refused.violations()).extracting(v -> v.field().orElseThrow())
        .containsExactly("reportedToProvinceAt", "amsDevTicketNo");
    Fault dev = accepted(apply(f, EscEvent.ESCALATE_EXTERNALLY, A, data().reportedToProvinceAt(at("11-25 09:20"))
        .amsDevTicketNo("AMS-DEV-3"), at("11-25 09:30")));
    assertThat(dev.state()).isEqualTo(EscState.HANDLING_WITH_DEVELOPER);
    assertThat(dev.reportedToProvinceAt()).contains(at("11-25 09:20"));
    assertThat(dev.amsDevTicketNo()).contains("AMS-DEV-3");
    assertThat(dev.reportedToDeveloperAt()).contains(at("11-25 09:30"));
    assertThat(apply(dev, EscEvent.ESCALATE_EXTERNALLY, A, data()).violatedRules())
        .containsExactly(id("SM-ESC-T05"));
  }

  @Test
  @DisplayName("SM-ESC-T05 SM-ESC-T06 SM-ESC-T07 SM-ESC-T08 SM-ESC-T09 only the owner moves the handling on")
  void ownerOnly() {
    Fault f = handling(24);
    assertThat(apply(f, EscEvent.ESCALATE_EXTERNALLY, B, data().reportedToProvinceAt(T0).amsDevTicketNo("X"))
        .violatedRules()).containsExactly(id("SM-ESC-T05"));
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, MONITOR, data().conclusion("c").systemProblem(SystemProblem.NO))
        .violatedRules()).containsExactly(id("SM-ESC-T06"));
    assertThat(apply(f, EscEvent.MARK_REPAIRED, DUTY, data().recoveryCheck("ok")).violatedRules())
        .containsExactly(id("SM-ESC-T07"));
    Fault r = recovered(24, at("11-25 15:00"));
    assertThat(apply(r, EscEvent.RELAPSE, B, data()).violatedRules()).containsExactly(id("SM-ESC-T08"));
    assertThat(apply(r, EscEvent.FILE_POST_INCIDENT, B, data().dutyLogDeliveredAt(at("11-25 15:00"))
        .faultReportRef("R"), at("11-25 16:00")).violatedRules()).containsExactly(id("SM-ESC-T09"));
    Fault byB = handlingByB(24);
    assertThat(accepted(apply(byB, EscEvent.PROGRESS_ENTRY, B, data().conclusion("定位中")
        .systemProblem(SystemProblem.UNDETERMINED))).progressEntries()).isEqualTo(1);
  }

  @Test
  @DisplayName("FAULT-GEN-09 SM-ESC-T06 every progress entry states a conclusion and whether it is a system problem")
  void faultGen09() {
    Fault f = handling(0);
    Outcome<Fault> refused = apply(f, EscEvent.PROGRESS_ENTRY, A, data().conclusion(" "));
    assertThat(refused.violatedRules()).containsExactly(id("FAULT-GEN-09"));
    assertThat(refused.violations()).extracting(v -> v.field().orElseThrow())
        .containsExactly("conclusion", "systemProblem");
    Fault after = accepted(apply(f, EscEvent.PROGRESS_ENTRY, A, data().conclusion("确认为计费模块缺陷, 开发商修复中")
        .systemProblem(SystemProblem.YES), at("11-25 10:00")));
    assertThat(after.progressEntries()).isEqualTo(1);
    assertThat(after.lastConclusion()).contains("确认为计费模块缺陷, 开发商修复中");
    assertThat(after.lastSystemProblem()).contains(SystemProblem.YES);
    assertThat(after.lastProgressAt()).contains(at("11-25 10:00"));
  }

  @Test
  @DisplayName("ESC-REQ-12 an escalated fault's entry without a conclusion fails ESC-REQ-12 besides FAULT-GEN-09; a general one only FAULT-GEN-09")
  void escReq12() {
    assertThat(apply(handling(24), EscEvent.PROGRESS_ENTRY, A, data().systemProblem(SystemProblem.NO))
        .violatedRules()).containsExactly(id("ESC-REQ-12"), id("FAULT-GEN-09"));
    assertThat(apply(handling(0), EscEvent.PROGRESS_ENTRY, A, data().systemProblem(SystemProblem.NO))
        .violatedRules()).containsExactly(id("FAULT-GEN-09"));
    assertThat(apply(handling(0), EscEvent.PROGRESS_ENTRY, A, data().systemProblem(SystemProblem.NO)
        .facts(facts(24))).violatedRules()).containsExactly(id("ESC-REQ-12"), id("FAULT-GEN-09"));
    assertThat(accepted(apply(handling(24), EscEvent.PROGRESS_ENTRY, A, data().conclusion("已恢复部分功能")
        .systemProblem(SystemProblem.NO))).progressEntries()).isEqualTo(1);
  }

  @Test
  @DisplayName("FAULT-GEN-08 once one working day has passed (addWorkingDays, TIME-06), ITC entries have handling type 其它: 1 min before, at, 1 min after")
  void faultGen08() {
    Fault f = handling(0);
    EscEventData.Builder investigating = data().conclusion("排查中").systemProblem(SystemProblem.UNDETERMINED)
        .handlingType("故障排查");
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, A, investigating, at("11-26 08:59")).isAccepted()).isTrue();
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, A, investigating, at("11-26 09:00")).isAccepted()).isTrue();
    Outcome<Fault> late = apply(f, EscEvent.PROGRESS_ENTRY, A, investigating, at("11-26 09:01"));
    assertThat(late.violatedRules()).containsExactly(id("FAULT-GEN-08"));
    assertThat(late.violations().get(0).field()).contains("handlingType");
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, A, data().conclusion("排查中").systemProblem(SystemProblem.NO),
        at("11-26 09:01")).violatedRules()).containsExactly(id("FAULT-GEN-08"));
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, A, data().conclusion("排查中").systemProblem(SystemProblem.NO)
        .handlingType(org.opsbook.rules.internal.esc.EscWorkflow.HANDLING_TYPE_OTHER), at("11-26 09:01")).isAccepted()).isTrue();
    assertThat(apply(f, EscEvent.PROGRESS_ENTRY, A, investigating.channel(Channel.DOC), at("11-27 09:01"))
        .isAccepted()).isTrue();
  }

  @Test
  @DisplayName("FAULT-GEN-08 a Friday detection has one working day until Monday: a Saturday entry may still use its own type")
  void faultGen08Weekend() {
    Fault friday = accepted(WF.apply(accepted(WF.apply(accepted(WF.open("F-1", data().facts(FaultFacts.builder()
        .faultId("F-1").detectedAt(at("11-27 17:00")).build()).build(), DUTY, at("11-27 17:00"))), EscEvent.DECLARE,
        DUTY, EscEventData.empty(), at("11-27 17:00"))), EscEvent.TAKE_OWNERSHIP, A, EscEventData.empty(),
        at("11-27 17:00")));
    EscEventData.Builder entry = data().conclusion("排查中").systemProblem(SystemProblem.UNDETERMINED)
        .handlingType("故障排查");
    assertThat(apply(friday, EscEvent.PROGRESS_ENTRY, A, entry, at("11-28 10:00")).isAccepted()).isTrue();
    assertThat(apply(friday, EscEvent.PROGRESS_ENTRY, A, entry, at("11-30 17:01")).violatedRules())
        .containsExactly(id("FAULT-GEN-08"));
  }

  @Test
  @DisplayName("SM-ESC-T07 the owner marks the fault repaired once the recovery is verified")
  void t07() {
    assertThat(apply(handling(24), EscEvent.MARK_REPAIRED, A, data()).violatedRules())
        .containsExactly(id("SM-ESC-T07"));
    Fault r = recovered(24, at("11-25 15:00"));
    assertThat(r.state()).isEqualTo(EscState.RECOVERED);
    assertThat(r.repairedAt()).contains(at("11-25 15:00"));
    assertThat(r.recoveryCheck()).contains("拨测正常");
  }

  @Test
  @DisplayName("SM-ESC-T08 a relapse reopens the handling where it stood, as a new occurrence (REPORT-COUNT-01)")
  void t08() {
    Fault self = accepted(apply(recovered(24, at("11-25 15:00")), EscEvent.RELAPSE, A, data().reason("再次出现"),
        at("11-25 16:00")));
    assertThat(self.state()).isEqualTo(EscState.HANDLING_SELF);
    assertThat(self.repairedAt()).isEmpty();
    assertThat(self.relapses()).isEqualTo(1);
    assertThat(self.lastRelapseAt()).contains(at("11-25 16:00"));
    Fault dev = accepted(apply(handling(24), EscEvent.ESCALATE_EXTERNALLY, A, data().reportedToProvinceAt(T0)
        .amsDevTicketNo("AMS-DEV-1")));
    Fault devRecovered = accepted(apply(dev, EscEvent.MARK_REPAIRED, A, data().recoveryCheck("ok")));
    assertThat(accepted(apply(devRecovered, EscEvent.RELAPSE, A, data())).state())
        .isEqualTo(EscState.HANDLING_WITH_DEVELOPER);
    assertThat(apply(handling(24), EscEvent.RELAPSE, A, data()).violatedRules()).containsExactly(id("SM-ESC-T08"));
  }

  @Test
  @DisplayName("ESC-REQ-10 ESC-REQ-11 SM-ESC-T09 an L1/L2 fault files its duty-log content (after the repair) and its fault report")
  void escReq10and11() {
    Instant repaired = at("11-25 15:00");
    Fault r = recovered(24, repaired);
    Outcome<Fault> refused = apply(r, EscEvent.FILE_POST_INCIDENT, A, data(), at("11-25 16:00"));
    assertThat(refused.violatedRules()).containsExactly(id("ESC-REQ-10"), id("ESC-REQ-11"));
    assertThat(apply(r, EscEvent.FILE_POST_INCIDENT, A, data().dutyLogDeliveredAt(at("11-25 14:59"))
        .faultReportRef("RPT-1"), at("11-25 16:00")).violatedRules()).containsExactly(id("ESC-REQ-10"));
    assertThat(apply(r, EscEvent.FILE_POST_INCIDENT, A, data().dutyLogDeliveredAt(repaired), at("11-25 16:00"))
        .violatedRules()).containsExactly(id("ESC-REQ-11"));
    Fault filed = accepted(apply(r, EscEvent.FILE_POST_INCIDENT, A, data().dutyLogDeliveredAt(repaired)
        .faultReportRef("RPT-1"), at("11-25 16:00")));
    assertThat(filed.state()).isEqualTo(EscState.POST_INCIDENT);
    assertThat(filed.dutyLogDeliveredAt()).contains(repaired);
    assertThat(filed.faultReportRef()).contains("RPT-1");
  }

  @Test
  @DisplayName("ESC-REQ-10 ESC-REQ-11 SM-ESC-T09 a general fault files without them, unless the event brings facts of an L1/L2 fault")
  void t09General() {
    Fault r = recovered(0, at("11-25 15:00"));
    assertThat(accepted(apply(r, EscEvent.FILE_POST_INCIDENT, A, data(), at("11-25 16:00"))).state())
        .isEqualTo(EscState.POST_INCIDENT);
    assertThat(apply(r, EscEvent.FILE_POST_INCIDENT, A, data().facts(facts(60)), at("11-25 16:00"))
        .violatedRules()).containsExactly(id("ESC-REQ-10"), id("ESC-REQ-11"));
    assertThat(apply(r, EscEvent.FILE_POST_INCIDENT, A, data().facts(facts(24)), at("11-25 16:00"))
        .violatedRules()).containsExactly(id("ESC-REQ-10"), id("ESC-REQ-11"));
  }

  @Test
  @DisplayName("REPORT-FMT-01 SM-ESC-T11 an L1/L2 fault closes in the week's major-fault summary; a general one without; CLOSED absorbs")
  void t11() {
    Fault p = postIncident(24);
    assertThat(apply(p, EscEvent.CLOSE, A, data()).violatedRules()).containsExactly(id("REPORT-FMT-01"));
    assertThat(apply(p, EscEvent.CLOSE, MONITOR, data().weeklySummaryRef("W48")).violatedRules())
        .containsExactly(id("SM-ESC-T11"));
    Fault closed = accepted(apply(p, EscEvent.CLOSE, DUTY, data().weeklySummaryRef("W48"), at("11-27 17:00")));
    assertThat(closed.state()).isEqualTo(EscState.CLOSED);
    assertThat(closed.weeklySummaryRef()).contains("W48");
    assertThat(closed.closedAt()).contains(at("11-27 17:00"));
    assertThat(accepted(apply(postIncident(0), EscEvent.CLOSE, A, data())).state()).isEqualTo(EscState.CLOSED);
    for (EscEvent e : EscEvent.values()) {
      Outcome<Fault> o = apply(closed, e, MONITOR, data());
      assertThat(o.isAccepted()).as(e.name()).isFalse();
      assertThat(o.instance()).isEqualTo(closed);
    }
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-07 the lifecycle's peak level is the tracker's: it rises with the facts and never falls")
  void peakLevel() {
    Fault f = detected(0);
    Fault l1 = accepted(apply(f, EscEvent.INTERVENE, MONITOR, data().interventionNote("n").facts(facts(24))));
    assertThat(l1.peakLevel()).isEqualTo(Level.L1);
    Fault still = accepted(apply(l1, EscEvent.INTERVENE, MONITOR, data().interventionNote("n").facts(facts(0))));
    assertThat(still.peakLevel()).isEqualTo(Level.L1).isEqualTo(still.tracker().peakLevel());
    assertThat(still.tracker().currentLevel()).isEqualTo(Level.NONE);
    Fault l2 = accepted(apply(still, EscEvent.INTERVENE, MONITOR, data().interventionNote("n").facts(facts(60))));
    assertThat(l2.peakLevel()).isEqualTo(Level.L2).isEqualTo(l2.tracker().peakLevel());
  }

  @Test
  @DisplayName("SM-ESC-T04 data an event does not record, an assignee handler alone, a report time after the event, another fault's facts: typed errors")
  void invalidInput() {
    assertThat(field(() -> apply(handling(0), EscEvent.PROGRESS_ENTRY, A, data().handoverNote("x"))))
        .isEqualTo("data.handoverNote");
    assertThat(field(() -> apply(declared(0), EscEvent.TAKE_OWNERSHIP, MONITOR,
        data().assigneeHandler(EscHandler.B)))).isEqualTo("data.assigneeHandler");
    assertThat(field(() -> apply(declared(0), EscEvent.TAKE_OWNERSHIP, MONITOR, data().assigneeId(" "))))
        .isEqualTo("data.assigneeId");
    assertThat(field(() -> apply(handling(0), EscEvent.ESCALATE_EXTERNALLY, A,
        data().reportedToProvinceAt(at("11-25 09:01")).amsDevTicketNo("X")))).isEqualTo("data.reportedToProvinceAt");
    assertThat(field(() -> apply(handling(0), EscEvent.INTERVENE, MONITOR, data().interventionNote("n")
        .facts(FaultFacts.builder().faultId("F-9").build())))).isEqualTo("data.facts.faultId");
    assertThat(WF.recordedFields(EscEvent.HANDOVER))
        .containsExactlyInAnyOrder("facts", "assigneeId", "handoverNote", "handlerAAvailable");
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e.field();
    }
    throw new AssertionError("no InvalidInputException");
  }

  @Test
  @DisplayName("ESC-HANDLE-01 whom the monitor or a handover makes owner holds the role they own the fault as, where "
      + "the directory resolved them")
  void theAssigneeIsTheHandlerTheyOwnAs() {
    Outcome<Fault> asA = apply(handling(24), EscEvent.REASSIGN, MONITOR, data().assigneeId("bei").assignee(B)
        .handoverNote("交接").handlerAAvailable(false));
    assertThat(asA.violations()).anySatisfy(v -> {
      assertThat(v.ruleId()).isEqualTo(id("ESC-HANDLE-01"));
      assertThat(v.field()).contains("assigneeId");
      assertThat(v.message()).contains("bei is not A");
    });
    Outcome<Fault> toDuty = apply(handling(24), EscEvent.HANDOVER, A, data().assigneeId("zhi").assignee(DUTY)
        .handoverNote("交接").handlerAAvailable(false));
    assertThat(toDuty.violatedRules()).contains(id("ESC-HANDLE-01"));
    Outcome<Fault> asB = apply(handling(24), EscEvent.REASSIGN, MONITOR, data().assigneeId("bei").assignee(B)
        .assigneeHandler(EscHandler.B).handoverNote("交接").handlerAAvailable(false));
    assertThat(asB.violations()).isEmpty();
    // the stateless decision API states no directory: the assignee's roles are unknown, and not checked
    Outcome<Fault> unresolved = apply(handling(24), EscEvent.HANDOVER, A, data().assigneeId("zhi")
        .handoverNote("交接").handlerAAvailable(false));
    assertThat(unresolved.violations()).isEmpty();
  }

  @Test
  @DisplayName("SM-ESC-T03 SM-ESC-T04 the audit entry names the transition and its guard rules, the owner before and after and the peak level")
  void auditEntry() {
    Outcome<Fault> o = apply(handling(24), EscEvent.HANDOVER, A, data().assigneeId("bei").handoverNote("交接")
        .handlerAAvailable(false));
    var entry = o.audit().orElseThrow();
    assertThat(entry.stream()).isEqualTo("fault:F-1");
    assertThat(entry.action()).isEqualTo("handover");
    assertThat(entry.fromState()).contains("HANDLING_SELF");
    assertThat(entry.toState()).contains("HANDLING_SELF");
    assertThat(entry.ruleIds()).containsExactly(id("ESC-HANDLE-01"), id("ESC-HANDLE-03"), id("ESC-HANDLE-04"),
        id("SM-ESC-T04"));
    assertThat(entry.details()).containsEntry("owner", "B:bei").containsEntry("previousOwner", "A:an")
        .containsEntry("handlerAAvailable", "false").containsEntry("peakLevel", "L1")
        .containsEntry("handoverNote", "交接").containsEntry("sequence", "4").containsEntry("currentLevel", "L1");
  }

  @Test
  @DisplayName("SM-ESC-T01 SM-ESC-T11 the declared table: HANDLING is split into SELF and WITH_DEVELOPER, CLOSED is terminal")
  void table() {
    assertThat(WF.table().terminalStates()).containsExactly(EscState.CLOSED);
    assertThat(WF.guardRules(EscState.HANDLING_SELF, EscEvent.PROGRESS_ENTRY)).containsExactly(id("ESC-REQ-12"),
        id("FAULT-GEN-08"), id("FAULT-GEN-09"), id("SM-ESC-T06"));
    assertThat(WF.guardRules(EscState.HANDLING_WITH_DEVELOPER, EscEvent.ESCALATE_EXTERNALLY)).isEmpty();
    assertThat(WF.describe()).contains("| SM-ESC-T05 | HANDLING_SELF → HANDLING_WITH_DEVELOPER | ESCALATE_EXTERNALLY");
    assertThat(WF.machine()).isEqualTo("SM-ESC");
  }
}
