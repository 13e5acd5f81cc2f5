package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.ResponsibleUnit;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * ESC-ROOM-03: where {@link SameTypeComplaints#mayChangeObligations} says the same-type complaint count cannot change
 * the obligations, the full computation (both histories folded, the obligations listed at {@code now}, or the
 * refusal's message) agrees. The histories vary what the decision reads: the count and the alternative on either
 * side of ESC-ROOM-03's threshold (the standard 10, and 0 and 3), ESC-ROOM-16's scope, the reports to the room
 * manager and the developer as facts or events, the repair and a relapse, completions of ESC-ROOM-03, of the
 * developer dispatch ESC-HANDLE-02.2 (owed once the owner cannot resolve the fault) and of others, and the level.
 * Each check of the decision is needed: without the developer's report, the dispatch's completion, the completion
 * of ESC-ROOM-03 or the ending report, this test fails.
 */
class SameTypeComplaintsPropertiesTest {
  private static final ObligationEngine STANDARD = ObligationEngine.standard();
  private static final int[] THRESHOLDS = {10, 10, 0, 3};
  private static final int[] COUNTS = {0, 0, 2, 4, 9, 10, 11, 25};
  private static final FaultEventType[] TYPES = {
    FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.REPORTED_TO_DEVELOPER, FaultEventType.REPAIRED,
    FaultEventType.RELAPSED, FaultEventType.DUTY_COMPLETED, FaultEventType.DUTY_COMPLETED,
    FaultEventType.DUTY_COMPLETED, FaultEventType.IMPACT_MAY_EXPAND, FaultEventType.SIGNIFICANT_PROGRESS,
    FaultEventType.PROGRESS_REPORTED, FaultEventType.NOTIFICATION_SENT};
  private static final String[] COMPLETED = {"ESC-ROOM-03", "ESC-HANDLE-02.2", "ESC-PROG-01", "ESC-ROOM-01",
      "NOTIFY-TRIG-01", "ESC-ROOM-04"};

  @Test
  void whereTheCountCannotMatterTheFullComputationAgrees() {
    AtomicInteger skipped = new AtomicInteger();
    AtomicInteger skippedAcrossThreshold = new AtomicInteger();
    AtomicInteger answeredAcrossThreshold = new AtomicInteger();
    qt().withExamples(3000).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(14))
        .checkAssert(r -> {
          OpsParameters p = OpsParameters.defaults().toBuilder()
              .roomSameTypeComplaints(THRESHOLDS[r.get(0) % THRESHOLDS.length]).build();
          ObligationEngine engine = new ObligationEngine(p, STANDARD.calendar());
          int minutes = pick(r.get(1), 20, 60, 300, 1500);
          Instant now = at("11-25 09:00").plusSeconds(60L * minutes);
          int alternative = COUNTS[r.get(2) % COUNTS.length];
          FaultFacts facts = facts(r, minutes);
          if (r.get(2) / COUNTS.length % 4 != 0) {
            // as the API asks: the alternative is at most the complaints received, as is the count given (in three
            // histories of four; in the fourth the counts are free, and the classification may read them)
            facts = facts.toBuilder().complaintCount(Math.max(facts.complaintCount(),
                Math.max(alternative, facts.sameTypeComplaintCount()))).build();
          }
          List<FaultEvent> events = events(r, minutes);
          if (SameTypeComplaints.mayChangeObligations(p, facts, alternative, events)) {
            return;
          }
          skipped.incrementAndGet();
          Object given = outcome(engine, facts, events, now);
          Object other = outcome(engine, facts.toBuilder().sameTypeComplaintCount(alternative).build(), events, now);
          assertThat(other).as("%s, alternative %d, events %s", facts, alternative, events).isEqualTo(given);
          int threshold = p.roomSameTypeComplaints();
          if ((facts.sameTypeComplaintCount() >= threshold) != (alternative >= threshold)) {
            skippedAcrossThreshold.incrementAndGet();
            if (given instanceof List) {
              answeredAcrossThreshold.incrementAndGet();
            }
          }
        });
    // of 3,000 histories about 2,100 are decided without folding, about 365 of them across the threshold and 270 of
    // those answered (seen over several runs); the bounds sit well below, so they fail when the generator stops
    // producing the cases the rule-level argument covers, not on an unlucky seed
    assertThat(skipped.get()).as("histories decided without folding").isGreaterThan(1900);
    assertThat(skippedAcrossThreshold.get()).as("of them across the threshold").isGreaterThan(300);
    assertThat(answeredAcrossThreshold.get()).as("of them answered, not refused").isGreaterThan(200);
  }

  /** The obligations listed at {@code now} after the history, or the message of its refusal. */
  private static Object outcome(ObligationEngine engine, FaultFacts facts, List<FaultEvent> events, Instant now) {
    try {
      return engine.assess(facts, events, now).obligations(now);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }

  private static FaultFacts facts(List<Integer> r, int minutes) {
    FaultFacts.Builder b = FaultFacts.builder().faultId("F-1").detectedAt(at("11-25 09:00"))
        .complaintCount(COUNTS[r.get(3) % COUNTS.length])
        .sameTypeComplaintCount(COUNTS[r.get(3) / COUNTS.length % COUNTS.length])
        .responsibleUnit(r.get(4) % 3 == 0 ? ResponsibleUnit.OTHER : ResponsibleUnit.OWN_ROOM)
        .affectsOwnSystemsOrAcceptance(r.get(4) % 6 == 3).cannotSelfResolve(r.get(4) % 4 == 1);
    if (r.get(5) % 3 == 0) {
      b.affectsNormalCommunication(true).affectedCustomersConfirmed(pick(r.get(5) / 3, 10, 50, 600, 1200));
    }
    if (r.get(6) % 3 == 0) {
      b.reportedToRoomManagerAt(after(r.get(6) / 3, minutes));
    }
    if (r.get(7) % 5 == 0) {
      b.reportedToDeveloperAt(after(r.get(7) / 5, minutes));
    }
    if (r.get(8) % 5 == 0) {
      b.repairedAt(after(r.get(8) / 5, minutes));
    }
    return b.build();
  }

  /** Up to three events in time order, from the list above. */
  private static List<FaultEvent> events(List<Integer> r, int minutes) {
    List<FaultEvent> out = new ArrayList<>();
    int t = 0;
    int n = r.get(9) % 4;
    for (int i = 0; i < n; i++) {
      int v = r.get(10 + i);
      t += v % Math.max(1, (minutes - t) / 2 + 1);
      FaultEventType type = TYPES[v % TYPES.length];
      FaultEvent.Builder e = FaultEvent.builder().faultId("F-1").sequence(i + 1L).type(type)
          .at(at("11-25 09:00").plusSeconds(60L * t));
      if (type == FaultEventType.DUTY_COMPLETED) {
        e.ruleId(RuleId.of(COMPLETED[v / TYPES.length % COMPLETED.length]));
      }
      out.add(e.build());
    }
    return out;
  }

  private static Instant after(int r, int minutes) {
    return at("11-25 09:00").plusSeconds(60L * (r % (minutes + 1)));
  }

  private static int pick(int r, int... choices) {
    return choices[r % choices.length];
  }
}
