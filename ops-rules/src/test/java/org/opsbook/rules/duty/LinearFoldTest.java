package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.rules.internal.duty.AppendMap;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * The fold of a fault's history does work proportional to its length: replaying it copies no duty map (the count
 * of copies is the work that used to grow with the square of the history), and the states it passes through stay
 * as they were.
 */
class LinearFoldTest {
  private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
  private static final FaultEventType[] CYCLE = {FaultEventType.IMPACT_MAY_EXPAND,
    FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.PROGRESS_REPORTED, FaultEventType.NEW_PHENOMENON,
    FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.FACTS_CHANGED};

  private static List<FaultEvent> history(int n) {
    FaultFacts facts = FaultFacts.builder().faultId("F-1").detectedAt(T0).complaintCount(24).build();
    List<FaultEvent> out = new ArrayList<>();
    out.add(FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.OPENED).at(T0).facts(facts).build());
    for (int i = 1; i < n; i++) {
      FaultEventType type = CYCLE[i % CYCLE.length];
      FaultEvent.Builder b = FaultEvent.builder().faultId("F-1").sequence(i + 1L).type(type)
          .at(T0.plus(Duration.ofMinutes(i)));
      if (type == FaultEventType.FACTS_CHANGED) {
        b.facts(facts.toBuilder().complaintCount(20 + i % 50).build());
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  @DisplayName("ESC-ROOM-11 ESC-ROOM-12 folding 20,000 events copies no duty map; each per-event duty is raised and discharged")
  void replayCopiesNothing() {
    List<FaultEvent> h = history(20_000);
    long copies = AppendMap.copies();
    FaultTracker t = ObligationEngine.standard().replay("F-1", h);
    assertThat(AppendMap.copies() - copies).isZero();
    assertThat(t.version()).isEqualTo(20_000);
    long perEvent = h.stream().filter(e -> e.type() == FaultEventType.IMPACT_MAY_EXPAND
        || e.type() == FaultEventType.NEW_PHENOMENON).count();
    assertThat(t.raised().stream().filter(o -> o.ruleId().value().equals("ESC-ROOM-11")
        || o.ruleId().value().equals("ESC-ROOM-12")).count()).isEqualTo(perEvent);
    assertThat(t.obligations(h.get(h.size() - 1).at())).noneMatch(o -> o.ruleId().value().startsWith("ESC-ROOM-1"));
  }

  @Test
  @DisplayName("ESC-ROOM-11 a state folded further, then branched from, keeps its own duties: the fold stays immutable")
  void olderStatesStayAsTheyWere() {
    List<FaultEvent> h = history(40);
    FaultTracker mid = ObligationEngine.standard().replay("F-1", h.subList(0, 20));
    List<?> raisedAtMid = mid.raised();
    var completedAtMid = Map.copyOf(mid.completions());
    FaultTracker end = ObligationEngine.standard().replay("F-1", h);
    FaultTracker further = mid;
    for (FaultEvent e : h.subList(20, 40)) {
      further = further.apply(e);
    }
    FaultTracker again = mid;
    for (FaultEvent e : h.subList(20, 40)) {
      again = again.apply(e);
    }
    assertThat(mid.raised()).isEqualTo(raisedAtMid);
    assertThat(mid.completions()).isEqualTo(completedAtMid);
    assertThat(again.raised()).isEqualTo(further.raised()).isEqualTo(end.raised());
    assertThat(again.completions()).isEqualTo(further.completions()).isEqualTo(end.completions());
  }
}
