package org.opsbook.rules.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * Folding one fault's whole history, as loading a fault does ({@link ObligationEngine#replay}): an L1 system fault
 * opened with its facts, then {@code events} minutes of a busy room — reports to the room manager, progress
 * reports, wider impact and new phenomena (each raising a per-event duty the next report discharges), significant
 * progress, sent follow-ups and new fact snapshots that move the complaint count across the L1/L2 boundary. The fold
 * is linear when the time per event stays flat from 10³ to 10⁵ events.
 *
 * <p>Run (smoke settings on a shared 2-core machine):
 * <pre>
 * mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests
 * java -jar ops-benchmarks/target/benchmarks.jar 'duty.FoldBenchmark' -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FoldBenchmark {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final FaultEventType[] CYCLE = {FaultEventType.IMPACT_MAY_EXPAND,
    FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.PROGRESS_REPORTED, FaultEventType.NEW_PHENOMENON,
    FaultEventType.REPORTED_TO_ROOM_MANAGER, FaultEventType.SIGNIFICANT_PROGRESS, FaultEventType.FOLLOW_UP_SENT,
    FaultEventType.FACTS_CHANGED};

  /** How many events the history holds. */
  @Param({"1000", "10000", "100000"})
  public int events;

  private List<FaultEvent> history;

  /** Returns the history of {@code n} events of fault {@code F-1}: the opening and {@code n - 1} more. */
  public static List<FaultEvent> history(int n) {
    Instant t0 = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, SHANGHAI).toInstant();
    FaultFacts facts = FaultFacts.builder().faultId("F-1").nature(FaultNature.SYSTEM).subjectName("BOSS")
        .detectedAt(t0).affectsNormalCommunication(true).affectedCustomersConfirmed(120).complaintCount(24)
        .build();
    List<FaultEvent> out = new ArrayList<>(n);
    out.add(FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.OPENED).at(t0).facts(facts)
        .build());
    for (int i = 1; i < n; i++) {
      FaultEventType type = CYCLE[i % CYCLE.length];
      FaultEvent.Builder b = FaultEvent.builder().faultId("F-1").sequence(i + 1L).type(type)
          .at(t0.plus(Duration.ofMinutes(i)));
      if (type == FaultEventType.FACTS_CHANGED) {
        b.facts(facts.toBuilder().complaintCount(20 + (i / CYCLE.length) % 50).build());
      }
      out.add(b.build());
    }
    return out;
  }

  /** Builds the history once per trial. */
  @Setup
  public void setUp() {
    history = history(events);
  }

  /** Folds the whole history into the fault's state and lists its duties at the last event. */
  @Benchmark
  public int replay() {
    FaultTracker t = ObligationEngine.standard().replay("F-1", history);
    return t.obligations(history.get(history.size() - 1).at()).size();
  }
}
