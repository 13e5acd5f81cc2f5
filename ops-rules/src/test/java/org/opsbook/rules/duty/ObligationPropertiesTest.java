package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.simulation.Timeline;
import org.opsbook.rules.internal.simulation.TimelineEntry;
import org.opsbook.rules.internal.simulation.Simulation;

/**
 * Properties over random histories: every step is a random event (facts that move, reports, messages, completions
 * of owed duties, the repair and relapses) after a random pause; the invariants hold after every step.
 */
class ObligationPropertiesTest {
  private static final FaultEventType[] PLAIN = {
    FaultEventType.IMPACT_MAY_EXPAND, FaultEventType.NEW_PHENOMENON, FaultEventType.REPORTED_TO_DEVELOPER,
    FaultEventType.REPORTED_TO_PROVINCE, FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.PROGRESS_REPORTED,
    FaultEventType.REPORTED_TO_CENTER_MANAGER, FaultEventType.REPORTED_TO_DEPT_MANAGER,
    FaultEventType.SIGNIFICANT_PROGRESS, FaultEventType.NOTIFICATION_SENT, FaultEventType.FOLLOW_UP_SENT,
    FaultEventType.RECOVERY_SENT};
  private static final int KINDS = PLAIN.length + 4;
  private static final int MAX_GAP_MINUTES = 240;

  /** One random step: what happens, after how long, and a number to vary it. */
  private record Step(int gapMinutes, int kind, int param) {
    static Step of(int v) {
      return new Step(v % MAX_GAP_MINUTES, (v / MAX_GAP_MINUTES) % KINDS, v / (MAX_GAP_MINUTES * KINDS));
    }
  }

  /** The states of a random history, one per step, with the time of each. */
  private record Run(List<FaultTracker> states, List<Instant> times, List<FaultEvent> events) {}

  private static FaultFacts factsFor(int p) {
    return FaultFacts.builder().faultId("F-1").detectedAt(at("11-25 09:00"))
        .faultStartTime(at("11-25 08:30"))
        .nature(p % 3 == 0 ? Optional.of(FaultNature.SYSTEM) : p % 3 == 1 ? Optional.of(FaultNature.BUSINESS)
            : Optional.empty())
        .csCenterLevel1SmsSentAt(p % 5 == 0 ? Optional.of(at("11-25 09:00")) : Optional.empty())
        .affectsNormalCommunication(p % 2 == 0).affectsBusinessOrQuery(p % 7 < 3)
        .complaintCount(p % 70).sameFaultCustomerCount(p % 14).sameTypeComplaintCount(p % 13)
        .affectedCustomersPotential((p * 37) % 700).csComplaintLevel(p % 6 == 0 ? 4 : p % 6 == 1 ? 3 : 1)
        .commFailureComplainingCustomers(p % 40).redListCustomersAffected(p % 11 == 0 ? 1 : 0)
        .importantDataLost(p % 9 == 0).faultLocated(p % 4 == 0).resolutionTimeConfirmed(p % 8 == 0)
        .lastSubstantiveProgressAt(p % 10 == 3 ? Optional.of(at("11-25 09:00"))
            : Optional.empty())
        .build();
  }

  private static Run run(List<Integer> script, int seed) {
    FaultTracker t = ObligationEngine.standard().track("F-1");
    Instant now = at("11-25 09:00");
    List<FaultTracker> states = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    List<FaultEvent> events = new ArrayList<>();
    FaultEvent opened = FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.OPENED).at(now)
        .facts(factsFor(seed)).build();
    t = t.apply(opened);
    states.add(t);
    times.add(now);
    events.add(opened);
    for (int v : script) {
      Step s = Step.of(v);
      now = now.plus(Duration.ofMinutes(s.gapMinutes()));
      FaultEvent.Builder b = FaultEvent.builder().faultId("F-1").sequence(t.version() + 1).at(now);
      if (s.kind() < PLAIN.length) {
        b.type(PLAIN[s.kind()]);
      } else if (s.kind() == PLAIN.length) {
        b.type(FaultEventType.FACTS_CHANGED).facts(factsFor(s.param()));
      } else if (s.kind() == PLAIN.length + 1) {
        List<Obligation> open = t.obligations(now);
        if (open.isEmpty()) {
          continue;
        }
        Obligation o = open.get(s.param() % open.size());
        b.type(FaultEventType.DUTY_COMPLETED).ruleId(o.ruleId());
        if (o.recurring() && !isDaily(o.ruleId())) {
          b.dutySequence(o.sequence());
        }
        if (isDaily(o.ruleId()) && !now.isAfter(o.triggeredAt().orElseThrow())) {
          continue;
        }
        if (Duty.of(o.ruleId()).orElseThrow().reportsAStall && o.dueAt().orElseThrow().isAfter(now)) {
          // listed ahead of time, refused before it is due (ProgressAndDepartmentTest)
          continue;
        }
      } else if (s.kind() == PLAIN.length + 2) {
        b.type(FaultEventType.REPAIRED);
      } else {
        if (t.repairedAt().isEmpty()) {
          continue;
        }
        b.type(FaultEventType.RELAPSED);
      }
      FaultEvent e = b.build();
      t = t.apply(e);
      states.add(t);
      times.add(now);
      events.add(e);
    }
    return new Run(states, times, events);
  }

  private static boolean isDaily(RuleId id) {
    return id.value().equals("FAULT-GEN-08") || id.value().equals("ESC-REQ-12");
  }

  /** Checks {@code check} on 300 random scripts, each folded by {@link #run}. */
  private static void forEveryRun(Consumer<Run> check) {
    qt().withExamples(300).forAll(lists().of(integers().allPositive()).ofSizeBetween(1, 30),
        integers().between(0, 10_000)).checkAssert((script, seed) -> check.accept(run(script, seed)));
  }

  private static boolean isEscalation(RuleId id) {
    String v = id.value();
    return v.startsWith("ESC-ROOM") || v.startsWith("ESC-PROG") || v.startsWith("ESC-DEPT")
        || v.startsWith("ESC-CENTER");
  }

  @Test
  @DisplayName("Obligations never fall due before the event or fact that caused them; keys are unique; the list is sorted")
  void neverDueBeforeTheirCause() {
    forEveryRun(r -> {
      for (int i = 0; i < r.states().size(); i++) {
        List<Obligation> open = r.states().get(i).obligations(r.times().get(i));
        Set<ObligationKey> keys = new HashSet<>();
        Instant previousDue = Instant.MIN;
        for (Obligation o : open) {
          assertThat(keys.add(o.key())).as("unique key %s", o.key()).isTrue();
          assertThat(o.triggeredAt()).as("%s names its cause", o.key()).isPresent();
          o.dueAt().ifPresent(d -> assertThat(d).as("%s due after its cause", o.key())
              .isAfterOrEqualTo(o.triggeredAt().get()));
          Instant due = o.dueAt().orElse(Instant.MAX);
          assertThat(due).as("sorted by due time").isAfterOrEqualTo(previousDue);
          previousDue = due;
        }
      }
    });
  }

  @Test
  @DisplayName("Duty ledger: every duty ever listed appears exactly once; on time + late + missed + superseded + open = total")
  void ledgerHoldsEveryDutyOnce() {
    forEveryRun(r -> {
      Set<ObligationKey> produced = new HashSet<>();
      for (int i = 0; i < r.states().size(); i++) {
        for (Obligation o : r.states().get(i).obligations(r.times().get(i))) {
          produced.add(o.key());
        }
      }
      int last = r.states().size() - 1;
      Instant now = r.times().get(last).plus(Duration.ofHours(5));
      DutyLedger ledger = r.states().get(last).ledger(now);
      Map<ObligationKey, Integer> listed = new HashMap<>();
      for (DutyLedger.Entry e : ledger.entries()) {
        if (e.repeat() == 0) {
          listed.merge(e.duty().key(), 1, Integer::sum);
        }
        e.duty().dueAt().ifPresent(d -> assertThat(e.status() == DutyLedger.Status.MISSED)
            .as("%s missed only after its due time", e)
            .isEqualTo(e.endedAt().map(d::isBefore).orElse(false) && e.doneAt().isEmpty()
                && e.status() != DutyLedger.Status.SUPERSEDED));
      }
      for (ObligationKey k : produced) {
        assertThat(listed.get(k)).as("%s in the ledger once", k).isEqualTo(1);
      }
      assertThat(listed.values()).allMatch(n -> n == 1);
      ComplianceReport c = ledger.compliance();
      ComplianceReport.Tally t = c.total();
      assertThat(t.onTime() + t.late() + t.missed() + t.superseded() + t.open())
          .isEqualTo(ledger.entries().size()).isEqualTo(t.total());
      for (DutyLedger.Status s : DutyLedger.Status.values()) {
        assertThat(c.count(s)).isEqualTo(ledger.with(s).size());
      }
    });
  }

  @Test
  @DisplayName("A repaired fault owes no further escalation: no ESC-ROOM/PROG/DEPT/CENTER duty until it relapses")
  void repairedOwesNoEscalation() {
    forEveryRun(r -> {
      for (int i = 0; i < r.states().size(); i++) {
        FaultTracker t = r.states().get(i);
        if (t.repairedAt().isPresent()) {
          assertThat(t.obligations(r.times().get(i))).noneMatch(o -> isEscalation(o.ruleId()));
        }
      }
    });
  }

  @Test
  @DisplayName("Recurring duties are never more than their interval apart: progress, centre progress, daily entries")
  void recurringWithinInterval() {
    forEveryRun(r -> {
      Map<String, Duration> interval = new HashMap<>();
      interval.put("ESC-PROG-01", Duration.ofMinutes(30));
      interval.put("ESC-PROG-02", Duration.ofHours(72));
      interval.put("ESC-CENTER-15", Duration.ofMinutes(30));
      for (int i = 0; i < r.states().size(); i++) {
        for (Obligation o : r.states().get(i).obligations(r.times().get(i))) {
          Duration max = interval.get(o.ruleId().value());
          if (max != null) {
            assertThat(Duration.between(o.triggeredAt().orElseThrow(), o.dueAt().orElseThrow()))
                .as("%s within its interval", o.key()).isLessThanOrEqualTo(max);
          }
          if (isDaily(o.ruleId())) {
            Instant first = r.states().get(i).obligations(r.times().get(i)).stream()
                .filter(x -> isDaily(x.ruleId())).findFirst().orElseThrow().dueAt().orElseThrow();
            assertThat(Duration.between(at("11-27 00:00"), o.dueAt().orElseThrow()).toHours() % 24)
                .as("daily entries fall on a day boundary").isZero();
            assertThat(first).isAfterOrEqualTo(at("11-27 00:00"));
          }
        }
      }
    });
  }

  @Test
  @DisplayName("ESC-PROG-01 in a simulated history: after each progress report the next falls due within 30 minutes")
  void progressTimelineWithin30Minutes() {
    qt().withExamples(100).forAll(lists().of(integers().between(1, 45)).ofSizeBetween(1, 12))
        .checkAssert(gaps -> {
          Simulation.Builder b = Simulation.builder(ObligationEngine.standard(), "F-1")
              .open(at("11-25 09:00"), FaultFacts.builder().faultId("F-1").complaintCount(30).build())
              .event(at("11-25 09:05"), FaultEventType.REPORTED_TO_ROOM_MANAGER);
          Instant t = at("11-25 09:05");
          for (int gap : gaps) {
            t = t.plus(Duration.ofMinutes(gap));
            b.event(t, FaultEventType.PROGRESS_REPORTED);
          }
          Timeline line = b.until(t.plus(Duration.ofHours(2))).build().run();
          Instant lastReport = at("11-25 09:05");
          for (TimelineEntry e : line.entries(RuleId.of("ESC-PROG-01"))) {
            if (e.kind() == TimelineEntry.Kind.COMPLETED) {
              lastReport = e.at();
            } else {
              assertThat(Duration.between(lastReport, e.obligation().dueAt().orElseThrow()))
                  .isLessThanOrEqualTo(Duration.ofMinutes(30));
            }
          }
        });
  }
}
