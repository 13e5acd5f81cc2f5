package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.duty.Fault.SHANGHAI;
import static org.opsbook.rules.duty.Fault.at;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.simulation.TimelineEntry.Kind;
import org.opsbook.rules.internal.simulation.TimelineEntry;
import org.opsbook.rules.internal.simulation.Timeline;
import org.opsbook.rules.internal.simulation.Simulation;

/** Whole days driven through {@link Simulation}: the exact timeline of duties as they fall due and are done. */
class SimulatedDayTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private static List<String> compact(Timeline t) {
    List<String> out = new ArrayList<>();
    for (TimelineEntry e : t.entries()) {
      Obligation o = e.obligation();
      out.add(TIME.format(e.at().atZone(SHANGHAI)) + " " + e.kind() + " " + o.ruleId()
          + (o.recurring() ? "#" + o.sequence() : ""));
    }
    return out;
  }

  private static final FaultFacts L2_SYSTEM = FaultFacts.builder().faultId("F-L2").nature(FaultNature.SYSTEM)
      .subjectName("BOSS").detectedAt(at("11-25 09:00")).faultStartTime(at("11-25 08:50"))
      .affectsNormalCommunication(true).affectedCustomersConfirmed(620).build();

  private static Simulation.Builder l2Day() {
    return Simulation.builder(ObligationEngine.standard(), "F-L2")
        .open(at("11-25 09:00"), L2_SYSTEM)
        .event(at("11-25 09:05"), FaultEventType.NOTIFICATION_SENT)
        .event(at("11-25 09:10"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .event(at("11-25 09:20"), FaultEventType.REPORTED_TO_DEVELOPER)
        .event(at("11-25 09:40"), FaultEventType.PROGRESS_REPORTED)
        .event(at("11-25 10:25"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .complete(at("11-25 10:30"), RuleId.of("NOTIFY-TRIG-01"))
        .facts(at("11-25 11:00"), L2_SYSTEM.toBuilder().lastSubstantiveProgressAt(at("11-25 10:50"))
            .faultLocated(true).resolutionTimeConfirmed(true).build())
        .event(at("11-25 11:30"), FaultEventType.REPAIRED)
        .event(at("11-25 11:35"), FaultEventType.RECOVERY_SENT)
        .complete(at("11-25 12:00"), RuleId.of("NOTIFY-TRIG-01"))
        .complete(at("11-25 17:00"), RuleId.of("ESC-REQ-10"))
        .until(at("11-25 18:00"));
  }

  @Test
  @DisplayName("A day of an L2 system fault: reports, progress every 30 minutes, the stall re-report, SMS, repair and recovery")
  void l2SystemFault() {
    Timeline day = l2Day().build().run();
    assertThat(compact(day)).containsExactly(
        "11-25 09:00 DUE ESC-REQ-02",
        "11-25 09:00 DUE ESC-ROOM-01",
        "11-25 09:00 DUE ESC-ROOM-04",
        "11-25 09:00 DUE NOTIFY-TRIG-01#1",
        "11-25 09:00 DUE NOTIFY-TRIG-05",
        "11-25 09:00 DUE ESC-REQ-04",
        "11-25 09:00 DUE ESC-REQ-06",
        "11-25 09:00 DUE FAULT-GEN-03",
        "11-25 09:00 DUE FAULT-GEN-07",
        "11-25 09:05 COMPLETED NOTIFY-TRIG-05",
        "11-25 09:10 COMPLETED ESC-REQ-02",
        "11-25 09:10 COMPLETED ESC-ROOM-01",
        "11-25 09:10 COMPLETED ESC-ROOM-04",
        "11-25 09:40 COMPLETED ESC-PROG-01#1",
        "11-25 10:10 DUE ESC-PROG-01#2",
        "11-25 10:20 DUE ESC-ROOM-15",
        "11-25 10:25 COMPLETED ESC-PROG-01#2",
        "11-25 10:25 COMPLETED ESC-ROOM-15",
        "11-25 10:30 COMPLETED NOTIFY-TRIG-01#1",
        "11-25 10:55 DUE ESC-PROG-01#3",
        "11-25 11:30 CANCELLED ESC-PROG-01#3",
        "11-25 11:30 CANCELLED ESC-REQ-04",
        "11-25 11:30 CANCELLED FAULT-GEN-03",
        "11-25 11:30 CANCELLED FAULT-GEN-07",
        "11-25 11:30 DUE NOTIFY-TRIG-01#2",
        "11-25 11:30 DUE NOTIFY-TRIG-08",
        "11-25 11:30 DUE ESC-REQ-11",
        "11-25 11:35 COMPLETED NOTIFY-TRIG-08",
        "11-25 12:00 COMPLETED NOTIFY-TRIG-01#2",
        "11-25 17:00 COMPLETED ESC-REQ-10");
    assertThat(day.finalState().obligations(at("11-25 18:00"))).extracting(o -> o.ruleId().value())
        .containsExactly("ESC-REQ-06", "ESC-REQ-11");
    TimelineEntry notice = day.entries(RuleId.of("NOTIFY-TRIG-05")).get(0);
    assertThat(notice.obligation().target()).isEqualTo("A,B,C");
    assertThat(day.entries(Kind.CANCELLED)).hasSize(4);
    assertThat(day.render(SHANGHAI)).contains("11-25 10:20  DUE       ESC-ROOM-15  ESC_DUTY → ROOM_MANAGER by PHONE");
  }

  @Test
  @DisplayName("A day and a morning of a general fault: the first report, the developer stalls, a wider impact, daily entries ahead")
  void generalFault() {
    FaultFacts facts = FaultFacts.builder().faultId("F-GEN").nature(FaultNature.BUSINESS).subjectName("缴费")
        .detectedAt(at("11-25 09:00")).faultStartTime(at("11-25 08:40")).affectsBusinessOrQuery(true)
        .affectedCustomersConfirmed(4).sameTypeComplaintCount(12).build();
    Timeline day = Simulation.builder(ObligationEngine.standard(), "F-GEN")
        .open(at("11-25 09:00"), facts)
        .event(at("11-25 09:15"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .event(at("11-25 09:30"), FaultEventType.REPORTED_TO_DEVELOPER)
        .facts(at("11-25 11:00"), facts.toBuilder().softwareProblemSuspected(true).build())
        .complete(at("11-25 11:20"), RuleId.of("FAULT-GEN-06"))
        .event(at("11-25 14:00"), FaultEventType.IMPACT_MAY_EXPAND)
        .event(at("11-25 14:10"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .complete(at("11-25 17:30"), RuleId.of("FAULT-GEN-07"))
        .event(at("11-26 09:45"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .until(at("11-26 12:00"))
        .build().run();
    assertThat(compact(day)).containsExactly(
        "11-25 09:00 DUE ESC-ROOM-03",
        "11-25 09:00 DUE FAULT-GEN-07",
        "11-25 09:15 COMPLETED ESC-ROOM-03",
        "11-25 10:30 DUE ESC-ROOM-09",
        "11-25 11:00 DUE FAULT-GEN-06",
        "11-25 11:20 COMPLETED FAULT-GEN-06",
        "11-25 14:00 DUE ESC-ROOM-11#1",
        "11-25 14:10 COMPLETED ESC-ROOM-09",
        "11-25 14:10 COMPLETED ESC-ROOM-11#1",
        "11-25 14:10 COMPLETED ESC-PROG-02#1",
        "11-25 17:30 COMPLETED FAULT-GEN-07",
        "11-26 09:30 DUE ESC-ROOM-14",
        "11-26 09:45 COMPLETED ESC-ROOM-14",
        "11-26 09:45 COMPLETED ESC-PROG-02#2");
    List<Obligation> ahead = day.finalState().obligations(at("11-26 12:00"));
    assertThat(ahead).extracting(o -> o.ruleId().value() + "#" + o.sequence())
        .containsExactly("FAULT-GEN-08#1", "ESC-PROG-02#3");
    assertThat(ahead.get(0).dueAt()).contains(at("11-27 00:00"));
    assertThat(ahead.get(1).dueAt()).contains(at("11-29 09:45"));
  }

  @Test
  @DisplayName("The simulation moves the clock it is given to each moment and leaves it at the end")
  void clock() {
    MutableClock clock = MutableClock.at(at("11-25 08:00"), SHANGHAI);
    l2Day().clock(clock).build().run();
    assertThat(clock.instant()).isEqualTo(at("11-25 18:00"));
  }

  @Test
  @DisplayName("A script must open the fault first, stay in time order, and may be refused step by step; it runs once")
  void scriptErrors() {
    assertThatThrownBy(() -> Simulation.builder(ObligationEngine.standard(), "F").event(at("11-25 09:00"),
        FaultEventType.REPAIRED).build()).isInstanceOf(InvalidInputException.class);
    Fault.refused(() -> Simulation.builder(ObligationEngine.standard(), "F").open(at("11-25 09:00"),
        L2_SYSTEM.toBuilder().faultId("F").build()).event(at("11-25 08:00"), FaultEventType.REPAIRED),
        "script[1].at");
    Simulation refused = Simulation.builder(ObligationEngine.standard(), "F")
        .open(at("11-25 09:00"), FaultFacts.builder().build())
        .complete(at("11-25 09:10"), RuleId.of("ESC-ROOM-01")).build();
    Fault.refused(refused::run, "script[1].ruleId");
    Simulation once = l2Day().build();
    once.run();
    assertThatThrownBy(once::run).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> l2Day().clock(MutableClock.at(at("11-25 10:00"), SHANGHAI)).build())
        .isInstanceOf(InvalidInputException.class);
  }
}
