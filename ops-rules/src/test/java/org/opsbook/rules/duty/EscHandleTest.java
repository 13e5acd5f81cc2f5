package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.owedAtOpening;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * ESC-HANDLE-02 and ESC-HANDLE-08 (§2.2.3.1 2.1/2.2, §2.2.3.2 preamble): two actions under each rule, raised as the
 * dotted sub-steps of §0.1 and discharged by the facts and events that record them.
 */
class EscHandleTest {
  private static final String PROVINCE_REPORT = "ESC-HANDLE-02.1";
  private static final String DEVELOPER_DISPATCH = "ESC-HANDLE-02.2";
  private static final String AMS_DECLARATION = "ESC-HANDLE-08.1";
  private static final String DUTY_OFFICER = "ESC-HANDLE-08.2";

  @Test
  @DisplayName("ESC-HANDLE-02.1 ESC-HANDLE-02.2 sub-step IDs are the catalog's dotted form (§0.1) and valid RuleIds")
  void dottedIds() {
    assertThat(Duty.idOf("ESC_HANDLE_02_1")).isEqualTo(PROVINCE_REPORT);
    assertThat(Duty.idOf("ESC_HANDLE_08_2")).isEqualTo(DUTY_OFFICER);
    assertThat(Duty.idOf("ESC_ROOM_01")).isEqualTo("ESC-ROOM-01");
    assertThat(Duty.idOf("FAULT_GEN_10")).isEqualTo("FAULT-GEN-10");
    for (String id : List.of(PROVINCE_REPORT, DEVELOPER_DISPATCH, AMS_DECLARATION, DUTY_OFFICER)) {
      assertThat(Duty.of(RuleId.of(id))).as(id).isPresent();
    }
    assertThat(Duty.of(RuleId.of("ESC-HANDLE-02"))).isEmpty();
  }

  @Test
  @DisplayName("ESC-HANDLE-02.1 ESC-HANDLE-02.2 cannotSelfResolve owes the province report and the AMS dispatch at once")
  void cannotSelfResolveOwesBothActionsAtOnce() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true));
    Obligation province = f.duty("11-25 09:00", PROVINCE_REPORT).orElseThrow();
    assertThat(province.actor()).isEqualTo(Role.ESC_DUTY);
    assertThat(province.target()).isEqualTo("省业务支撑中心");
    assertThat(province.channel()).isEqualTo(Channel.PHONE);
    assertThat(province.dueAt()).contains(at("11-25 09:00"));
    Obligation developer = f.duty("11-25 09:00", DEVELOPER_DISPATCH).orElseThrow();
    assertThat(developer.target()).isEqualTo("开发商");
    assertThat(developer.channel()).isEqualTo(Channel.AMS);
    assertThat(developer.dueAt()).contains(at("11-25 09:00"));
    assertThat(owedAtOpening(b -> b)).doesNotContain(PROVINCE_REPORT, DEVELOPER_DISPATCH);
  }

  @Test
  @DisplayName("ESC-HANDLE-02.1 declared later: due when the owner declares it, plus immediateGraceMinutes (n-1, n, n+1)")
  void declaredLaterWithGrace() {
    for (int grace : new int[] {4, 5, 6}) {
      ObligationEngine engine = new ObligationEngine(OpsParameters.builder().immediateGraceMinutes(grace).build(),
          StandardWorkCalendar.weekdays());
      Fault f = Fault.open(engine, "11-25 09:00", facts("11-25 09:00"))
          .facts("11-25 10:00", b -> b.cannotSelfResolve(true));
      Obligation o = f.duty("11-25 10:00", PROVINCE_REPORT).orElseThrow();
      assertThat(o.triggeredAt()).contains(at("11-25 10:00"));
      assertThat(o.dueAt()).as("grace %s", grace).contains(at("11-25 10:00").plusSeconds(60L * grace));
      Instant due = o.dueAt().orElseThrow();
      assertThat(o.isDueAt(due.minusSeconds(60))).isFalse();
      assertThat(o.isDueAt(due)).isTrue();
      assertThat(o.isDueAt(due.plusSeconds(60))).isTrue();
    }
  }

  @Test
  @DisplayName("ESC-HANDLE-02.1 discharged by REPORTED_TO_PROVINCE or reportedToProvinceAt; a report already made raises none")
  void provinceReportIsDischargedByTheReport() {
    Fault byEvent = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .event("11-25 09:05", FaultEventType.REPORTED_TO_PROVINCE);
    assertThat(byEvent.owes("11-25 09:05", PROVINCE_REPORT)).isFalse();
    assertThat(byEvent.owes("11-25 09:05", DEVELOPER_DISPATCH)).isTrue();
    assertThat(byEvent.tracker().completions()).containsValue(at("11-25 09:05"));
    Fault byFact = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .facts("11-25 09:20", b -> b.reportedToProvinceAt(at("11-25 09:10")));
    assertThat(byFact.owes("11-25 09:20", PROVINCE_REPORT)).isFalse();
    assertThat(byFact.completedAt(PROVINCE_REPORT)).isEqualTo(at("11-25 09:10"));
    Fault before = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 09:05", FaultEventType.REPORTED_TO_PROVINCE)
        .facts("11-25 09:30", b -> b.cannotSelfResolve(true));
    assertThat(before.everRaised(PROVINCE_REPORT)).isFalse();
    assertThat(before.owes("11-25 09:30", DEVELOPER_DISPATCH)).isTrue();
  }

  @Test
  @DisplayName("ESC-HANDLE-02.2 discharged by REPORTED_TO_DEVELOPER, reportedToDeveloperAt, amsDevTicketNo or naming it")
  void developerDispatchIsDischargedByTheDispatch() {
    assertThat(Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .event("11-25 09:05", FaultEventType.REPORTED_TO_DEVELOPER).owes("11-25 09:05", DEVELOPER_DISPATCH))
        .isFalse();
    assertThat(Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .facts("11-25 09:10", b -> b.reportedToDeveloperAt(at("11-25 09:08")))
        .owes("11-25 09:10", DEVELOPER_DISPATCH)).isFalse();
    Fault byTicket = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .facts("11-25 09:10", b -> b.amsDevTicketNo("AMS-D-1"));
    assertThat(byTicket.owes("11-25 09:10", DEVELOPER_DISPATCH)).isFalse();
    assertThat(byTicket.owes("11-25 09:10", PROVINCE_REPORT)).isTrue();
    Fault named = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .complete("11-25 09:15", DEVELOPER_DISPATCH);
    assertThat(named.owes("11-25 09:15", DEVELOPER_DISPATCH)).isFalse();
    assertThat(named.tracker().developerAt()).isEqualTo(at("11-25 09:15"));
    assertThat(owedAtOpening(b -> b.cannotSelfResolve(true).amsDevTicketNo("AMS-D-1")))
        .contains(PROVINCE_REPORT).doesNotContain(DEVELOPER_DISPATCH);
  }

  @Test
  @DisplayName("ESC-HANDLE-02.1 ESC-HANDLE-02.2 a repaired fault owes neither: the repair ends both")
  void theRepairEndsTheCannotSelfResolveActions() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(true))
        .event("11-25 09:30", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 09:30", PROVINCE_REPORT)).isFalse();
    assertThat(f.cancelled(PROVINCE_REPORT)).isTrue();
    assertThat(f.cancelled(DEVELOPER_DISPATCH)).isTrue();
  }

  @Test
  @DisplayName("ESC-HANDLE-08.1 ESC-HANDLE-08.2 a self-discovered fault owes the AMS declaration at once and a timely word to the duty officer")
  void selfDiscoveredOwesDeclarationAndDutyOfficer() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").selfDiscovered(true));
    Obligation declaration = f.duty("11-25 09:00", AMS_DECLARATION).orElseThrow();
    assertThat(declaration.channel()).isEqualTo(Channel.AMS);
    assertThat(declaration.dueAt()).contains(at("11-25 09:00"));
    Obligation officer = f.duty("11-25 09:00", DUTY_OFFICER).orElseThrow();
    assertThat(officer.target()).isEqualTo("省业务支撑中心值班人员");
    assertThat(officer.isTimely()).isTrue();
    assertThat(owedAtOpening(b -> b)).doesNotContain(AMS_DECLARATION, DUTY_OFFICER);
    assertThat(owedAtOpening(b -> b.selfDiscovered(true).amsFaultNo("AMS-F-1")))
        .contains(DUTY_OFFICER).doesNotContain(AMS_DECLARATION);
  }

  @Test
  @DisplayName("ESC-HANDLE-08.1 discharged when amsFaultNo is recorded; it outlives the repair until it is")
  void declarationIsDischargedByTheAmsNumber() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").selfDiscovered(true))
        .event("11-25 09:20", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 09:20", AMS_DECLARATION)).isTrue();
    assertThat(f.owes("11-25 09:20", DUTY_OFFICER)).isFalse();
    f.facts("11-25 09:40", b -> b.amsFaultNo("AMS-F-1"));
    assertThat(f.owes("11-25 09:40", AMS_DECLARATION)).isFalse();
    assertThat(f.completedAt(AMS_DECLARATION)).isEqualTo(at("11-25 09:40"));
  }

  @Test
  @DisplayName("ESC-HANDLE-08.2 discharged at provinceDutyNotifiedAt; a notice given before it arises raises none")
  void dutyOfficerIsDischargedByTheNotice() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").selfDiscovered(true))
        .facts("11-25 10:00", b -> b.provinceDutyNotifiedAt(at("11-25 09:30")));
    assertThat(f.owes("11-25 10:00", DUTY_OFFICER)).isFalse();
    assertThat(f.completedAt(DUTY_OFFICER)).isEqualTo(at("11-25 09:30"));
    assertThat(f.owes("11-25 10:00", AMS_DECLARATION)).isTrue();
    Fault told = Fault.open("11-25 09:00", facts("11-25 09:00").provinceDutyNotifiedAt(at("11-25 09:00")))
        .facts("11-25 09:10", b -> b.selfDiscovered(true));
    assertThat(told.everRaised(DUTY_OFFICER)).isFalse();
    assertThat(told.owes("11-25 09:10", AMS_DECLARATION)).isTrue();
  }

  /** The steps of the property: each moves the clock one minute and records one thing. */
  private enum Step { PROVINCE, DEVELOPER, DEV_TICKET, FAULT_NO, DUTY_NOTIFIED, CANNOT_SELF_RESOLVE, SELF_DISCOVERED,
    REPAIRED }

  @Test
  @DisplayName("ESC-HANDLE-02.1 ESC-HANDLE-02.2 ESC-HANDLE-08.1 ESC-HANDLE-08.2 owed exactly while their condition holds and nothing recorded them")
  void subStepsFollowTheirFacts() {
    qt().withExamples(300).forAll(integers().between(0, 3),
            lists().of(integers().between(0, Step.values().length - 1)).ofSizeBetween(0, 12))
        .checkAssert((opening, codes) -> {
          boolean cannot = (opening & 1) != 0;
          boolean self = (opening & 2) != 0;
          Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").cannotSelfResolve(cannot).selfDiscovered(self));
          boolean province = false;
          boolean developer = false;
          boolean devTicket = false;
          boolean faultNo = false;
          boolean notified = false;
          boolean repaired = false;
          LocalDateTime clock = LocalDateTime.of(2026, 11, 25, 9, 0);
          for (int code : codes) {
            clock = clock.plusMinutes(1);
            String now = clock.toString().substring(5).replace('T', ' ');
            Step step = Step.values()[code];
            switch (step) {
              case PROVINCE -> {
                f.event(now, FaultEventType.REPORTED_TO_PROVINCE);
                province = true;
              }
              case DEVELOPER -> {
                f.event(now, FaultEventType.REPORTED_TO_DEVELOPER);
                developer = true;
              }
              case DEV_TICKET -> {
                f.facts(now, b -> b.amsDevTicketNo("AMS-D"));
                devTicket = true;
              }
              case FAULT_NO -> {
                f.facts(now, b -> b.amsFaultNo("AMS-F"));
                faultNo = true;
              }
              case DUTY_NOTIFIED -> {
                Instant t = at(now);
                f.facts(now, b -> b.provinceDutyNotifiedAt(t));
                notified = true;
              }
              case CANNOT_SELF_RESOLVE -> {
                f.facts(now, b -> b.cannotSelfResolve(true));
                cannot = true;
              }
              case SELF_DISCOVERED -> {
                f.facts(now, b -> b.selfDiscovered(true));
                self = true;
              }
              case REPAIRED -> {
                f.event(now, FaultEventType.REPAIRED);
                repaired = true;
              }
            }
            assertThat(f.owes(now, PROVINCE_REPORT)).as("%s after %s", PROVINCE_REPORT, codes)
                .isEqualTo(cannot && !repaired && !province);
            assertThat(f.owes(now, DEVELOPER_DISPATCH)).as("%s after %s", DEVELOPER_DISPATCH, codes)
                .isEqualTo(cannot && !repaired && !developer && !devTicket);
            assertThat(f.owes(now, AMS_DECLARATION)).as("%s after %s", AMS_DECLARATION, codes)
                .isEqualTo(self && !faultNo);
            assertThat(f.owes(now, DUTY_OFFICER)).as("%s after %s", DUTY_OFFICER, codes)
                .isEqualTo(self && !repaired && !notified);
          }
        });
  }
}
