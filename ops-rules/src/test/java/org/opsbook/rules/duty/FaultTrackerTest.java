package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.duty.Fault.at;
import static org.opsbook.rules.duty.Fault.facts;
import static org.opsbook.rules.duty.Fault.refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.fault.ObligationEngine;

/** The fold itself: levels over time (FAULT-CLASS-DEF-07), reports in the facts, the lifecycle, and bad input. */
class FaultTrackerTest {

  @Test
  @DisplayName("FAULT-CLASS-DEF-07: current and peak level over time; a downgrade keeps the duties of the peak")
  void faultClassDef07() {
    Fault f = Fault.l1()
        .facts("11-25 10:00", b -> b.complaintCount(55))
        .facts("11-25 11:00", b -> b.complaintCount(3));
    FaultTracker t = f.tracker();
    assertThat(t.currentLevel()).isEqualTo(Level.NONE);
    assertThat(t.peakLevel()).isEqualTo(Level.L2);
    assertThat(t.levelFirstReachedAt(Level.NONE)).contains(at("11-25 09:00"));
    assertThat(t.levelFirstReachedAt(Level.L1)).contains(at("11-25 09:00"));
    assertThat(t.levelFirstReachedAt(Level.L2)).contains(at("11-25 10:00"));
    assertThat(t.classification().matchedRules()).isEmpty();
    assertThat(f.ruleIds("11-25 11:00")).contains("ESC-DEPT-02", "ESC-ROOM-01");
    assertThat(f.duty("11-25 11:00", "ESC-DEPT-02").orElseThrow().triggeredAt()).contains(at("11-25 10:00"));
  }

  @Test
  @DisplayName("A fault that starts at L2 reached L1 at the same moment; a general fault reached neither")
  void levelsReachedTogether() {
    FaultTracker t = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(55)).tracker();
    assertThat(t.levelFirstReachedAt(Level.L1)).contains(at("11-25 09:00"));
    assertThat(t.levelFirstReachedAt(Level.L2)).contains(at("11-25 09:00"));
    FaultTracker none = Fault.open("11-25 09:00", facts("11-25 09:00")).tracker();
    assertThat(none.levelFirstReachedAt(Level.L1)).isEmpty();
  }

  @Test
  @DisplayName("Obligations are sorted by due time (timely last), then rule ID")
  void sorted() {
    List<Obligation> duties = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(55)
        .faultStartTime(at("11-25 08:00"))).duties("11-25 09:00");
    List<String> ids = new ArrayList<>();
    for (Obligation o : duties) {
      ids.add(o.ruleId().value());
    }
    assertThat(ids).containsExactly("ESC-ROOM-01", "NOTIFY-TRIG-01", "NOTIFY-TRIG-02", "ESC-DEPT-02",
        "ESC-REQ-12", "ESC-REQ-06", "FAULT-GEN-03", "FAULT-GEN-07");
    assertThat(duties.get(duties.size() - 1).dueAt()).isEmpty();
  }

  @Test
  @DisplayName("ESC-HANDLE-07: the channel the fault came in through (ITC, mail, phone, monitoring …) is kept on its record")
  void intakeChannel() {
    for (org.opsbook.core.IntakeChannel c : org.opsbook.core.IntakeChannel.values()) {
      Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").intakeChannel(c));
      assertThat(f.tracker().lifecycle().orElseThrow().intakeChannel()).contains(c);
      assertThat(f.tracker().facts().intakeChannel()).contains(c);
    }
    assertThat(org.opsbook.core.IntakeChannel.values()).extracting(Enum::name).contains("ITC_MONITORING", "EMAIL",
        "PHONE", "MONITORING_OBSERVATION");
  }

  @Test
  @DisplayName("Report times written into the facts discharge the duties as the reports would, at their own time")
  void reportTimesInFacts() {
    Fault f = Fault.l1()
        .facts("11-25 09:30", b -> b.reportedToRoomManagerAt(at("11-25 09:10")));
    assertThat(f.owes("11-25 09:30", "ESC-ROOM-01")).isFalse();
    assertThat(f.duty("11-25 09:30", "ESC-PROG-01").orElseThrow().dueAt()).contains(at("11-25 09:40"));
    f.facts("11-25 10:00", b -> b.repairedAt(at("11-25 09:50")));
    assertThat(f.tracker().repairedAt()).contains(at("11-25 09:50"));
    assertThat(f.owes("11-25 10:00", "ESC-PROG-01")).isFalse();
  }

  @Test
  @DisplayName("A refused event leaves the tracker as it was: events out of order name 'at'")
  void outOfOrder() {
    Fault f = Fault.l1();
    FaultTracker before = f.tracker();
    List<Obligation> duties = before.obligations(at("11-25 09:00"));
    refused(() -> f.event("11-25 08:59", FaultEventType.REPORTED_TO_ROOM_MANAGER), "at");
    assertThat(f.tracker()).isSameAs(before);
    assertThat(before.version()).isEqualTo(1);
    assertThat(before.obligations(at("11-25 09:00"))).isEqualTo(duties);
  }

  @Test
  @DisplayName("Bad input names its field: repaired before detected, report time after the event, numbering, fault, lifecycle")
  void badInput() {
    Fault f = Fault.l1();
    refused(() -> f.facts("11-25 10:00", b -> b.repairedAt(at("11-25 08:00"))), "facts.repairedAt");
    refused(() -> f.facts("11-25 10:00", b -> b.reportedToRoomManagerAt(at("11-25 10:30"))),
        "facts.reportedToRoomManagerAt");
    refused(() -> f.facts("11-25 10:00", b -> b.faultId("F-2")), "facts.faultId");
    refused(() -> f.apply(FaultEvent.builder().faultId("F-1").sequence(5).type(FaultEventType.IMPACT_MAY_EXPAND)
        .at(at("11-25 10:00")).build()), "sequence");
    refused(() -> f.apply(FaultEvent.builder().faultId("F-2").sequence(2).type(FaultEventType.REPAIRED)
        .at(at("11-25 10:00")).build()), "faultId");
    refused(() -> f.apply(f.next(FaultEventType.OPENED, "11-25 10:00").facts(facts("11-25 09:00").build()).build()),
        "type");
    refused(() -> f.event("11-25 10:00", FaultEventType.CLOSED), "type");
    refused(() -> f.event("11-25 10:00", FaultEventType.RELAPSED), "type");
    refused(() -> f.tracker().obligations(at("11-25 08:00")), "now");
    FaultTracker fresh = ObligationEngine.standard().track("F-1");
    refused(() -> fresh.apply(FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.REPAIRED)
        .at(at("11-25 10:00")).build()), "type");
    assertThat(f.tracker().version()).isEqualTo(1);
  }

  @Test
  @DisplayName("A completion must name a duty that is owed: unknown rule, nothing owed, unknown occurrence")
  void completionsMustMatch() {
    Fault f = Fault.l1();
    refused(() -> f.complete("11-25 09:10", "TICKET-02"), "ruleId");
    refused(() -> f.complete("11-25 09:10", "ESC-CENTER-01"), "ruleId");
    refused(() -> f.complete("11-25 09:10", "NOTIFY-TRIG-01", 2), "dutySequence");
    f.complete("11-25 09:10", "ESC-ROOM-01");
    refused(() -> f.complete("11-25 09:20", "ESC-ROOM-01"), "ruleId");
    assertThat(f.tracker().completions()).containsValue(at("11-25 09:10"));
  }

  @Test
  @DisplayName("A relapse reopens the fault; rules already fired do not fire again (§0.3); closing ends every duty")
  void relapseAndClose() {
    Fault f = Fault.l1Reported()
        .event("11-25 10:00", FaultEventType.REPAIRED);
    assertThat(f.owes("11-25 10:00", "ESC-PROG-01")).isFalse();
    f.event("11-25 11:00", FaultEventType.RELAPSED);
    assertThat(f.tracker().repairedAt()).isEmpty();
    assertThat(f.owes("11-25 11:00", "ESC-PROG-01")).isTrue();
    assertThat(f.owes("11-25 11:00", "ESC-ROOM-01")).isFalse();
    f.event("11-25 12:00", FaultEventType.REPAIRED).event("11-25 13:00", FaultEventType.CLOSED);
    assertThat(f.tracker().isClosed()).isTrue();
    assertThat(f.duties("11-25 13:00")).isEmpty();
    refused(() -> f.event("11-25 14:00", FaultEventType.IMPACT_MAY_EXPAND), "type");
  }

  @Test
  @DisplayName("Replaying a stored history gives the same state as folding it step by step")
  void replay() {
    Fault f = Fault.l1Reported()
        .event("11-25 09:30", FaultEventType.IMPACT_MAY_EXPAND);
    List<FaultEvent> history = new ArrayList<>();
    history.add(FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.OPENED).at(at("11-25 09:00"))
        .facts(facts("11-25 09:00").complaintCount(25).build()).build());
    history.add(FaultEvent.builder().faultId("F-1").sequence(2).type(FaultEventType.REPORTED_TO_ROOM_MANAGER)
        .at(at("11-25 09:10")).build());
    history.add(FaultEvent.builder().faultId("F-1").sequence(3).type(FaultEventType.IMPACT_MAY_EXPAND)
        .at(at("11-25 09:30")).build());
    FaultTracker replayed = ObligationEngine.standard().replay("F-1", history);
    assertThat(replayed.obligations(at("11-25 09:30"))).isEqualTo(f.duties("11-25 09:30"));
    history.set(2, FaultEvent.builder().faultId("F-1").sequence(3).type(FaultEventType.IMPACT_MAY_EXPAND)
        .at(at("11-25 09:05")).build());
    refused(() -> ObligationEngine.standard().replay("F-1", history), "events[2].at");
  }

  @Test
  @DisplayName("The summary carries version, levels, openness and the earliest due time")
  void summary() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00").complaintCount(25).subjectName("BOSS"))
        .event("11-25 09:10", FaultEventType.REPORTED_TO_ROOM_MANAGER);
    FaultSummary s = f.tracker().summary();
    assertThat(s.version()).isEqualTo(2);
    assertThat(s.currentLevel()).isEqualTo(Level.L1);
    assertThat(s.peakLevel()).isEqualTo(Level.L1);
    assertThat(s.open()).isTrue();
    assertThat(s.subjectName()).contains("BOSS");
    assertThat(s.updatedAt()).isEqualTo(at("11-25 09:10"));
    Instant earliest = f.tracker().nextDueAt(at("11-25 09:10")).orElseThrow();
    assertThat(s.nextDueAt()).contains(earliest);
    assertThat(earliest).isEqualTo(at("11-25 09:00"));
    assertThatThrownBy(() -> ObligationEngine.standard().track("F-9").summary())
        .isInstanceOf(IllegalStateException.class);
    assertThat(f.tracker().toString()).contains("F-1", "L1");
  }

  @Test
  @DisplayName("§0.3: a key names the fault, the rule and the occurrence; recurring rules number their occurrences")
  void keys() {
    Fault f = Fault.open("11-25 09:00", facts("11-25 09:00"))
        .event("11-25 09:10", FaultEventType.IMPACT_MAY_EXPAND)
        .event("11-25 09:20", FaultEventType.IMPACT_MAY_EXPAND);
    assertThat(f.duties("11-25 09:20")).filteredOn(o -> o.ruleId().equals(RuleId.of("ESC-ROOM-11")))
        .extracting(o -> o.key().toString())
        .containsExactly("F-1/ESC-ROOM-11/1", "F-1/ESC-ROOM-11/2");
  }
}
