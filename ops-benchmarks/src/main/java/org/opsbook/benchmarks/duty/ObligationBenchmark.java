package org.opsbook.benchmarks.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.rules.classify.FaultClassifier;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * The obligations engine on one fact change: a busy L2 system fault (room manager told, developer and province
 * told, notification sent, two progress reports, a wider impact) receives a new snapshot of its facts, and the
 * engine folds it and lists every duty. {@code factChange} is that whole step; {@code listOnly} the listing alone;
 * {@code handFloor} what a hand-written check costs: classify the facts and compute the room, progress and
 * department deadlines with plain {@code java.time}, with none of the other rules.
 *
 * <p>Run (smoke settings on a shared 2-core machine):
 * <pre>
 * mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests
 * java -jar ops-benchmarks/target/benchmarks.jar 'duty.ObligationBenchmark' -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObligationBenchmark {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final int VARIANTS = 64;

  private FaultTracker busy;
  private FaultEvent[] changes;
  private FaultFacts[] variants;
  private Instant now;
  private int next;

  private static Instant at(int hour, int minute) {
    return ZonedDateTime.of(2026, 11, 25, hour, minute, 0, 0, SHANGHAI).toInstant();
  }

  /** Builds the busy fault and 64 fact snapshots that move its counts (some cross a level boundary). */
  @Setup
  public void setUp() {
    FaultFacts facts = FaultFacts.builder().faultId("F-1").nature(FaultNature.SYSTEM).subjectName("BOSS")
        .detectedAt(at(9, 0)).faultStartTime(at(8, 50)).affectsNormalCommunication(true)
        .affectedCustomersConfirmed(620).complaintCount(40).csComplaintLevel(2).build();
    FaultTracker t = ObligationEngine.standard().track("F-1");
    FaultEventType[] steps = {FaultEventType.NOTIFICATION_SENT, FaultEventType.REPORTED_TO_ROOM_MANAGER,
      FaultEventType.REPORTED_TO_DEVELOPER, FaultEventType.REPORTED_TO_PROVINCE, FaultEventType.PROGRESS_REPORTED,
      FaultEventType.IMPACT_MAY_EXPAND, FaultEventType.PROGRESS_REPORTED};
    t = t.apply(FaultEvent.builder().faultId("F-1").sequence(1).type(FaultEventType.OPENED).at(at(9, 0))
        .facts(facts).build());
    for (int i = 0; i < steps.length; i++) {
      t = t.apply(FaultEvent.builder().faultId("F-1").sequence(t.version() + 1).type(steps[i])
          .at(at(9, 5 + 5 * i)).build());
    }
    busy = t;
    now = at(10, 0);
    changes = new FaultEvent[VARIANTS];
    variants = new FaultFacts[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      variants[i] = facts.toBuilder().complaintCount(30 + i).sameTypeComplaintCount(i % 20)
          .potentialComplaintCount(i).csComplaintLevel(1 + i % 4).affectsBusinessOrQuery(i % 2 == 0).build();
      changes[i] = FaultEvent.builder().faultId("F-1").sequence(busy.version() + 1)
          .type(FaultEventType.FACTS_CHANGED).at(now).facts(variants[i]).build();
    }
    if (busy.apply(changes[0]).obligations(now).isEmpty()) {
      throw new IllegalStateException("the busy fault owes nothing");
    }
  }

  /** One fact change folded in, and every duty listed. */
  @Benchmark
  public List<Obligation> factChange() {
    FaultEvent e = changes[next++ & (VARIANTS - 1)];
    return busy.apply(e).obligations(e.at());
  }

  /** The listing alone, on an unchanged state. */
  @Benchmark
  public List<Obligation> listOnly() {
    return busy.obligations(now);
  }

  /** The hand-written floor: classify, then three deadlines with plain java.time. */
  @Benchmark
  public long handFloor() {
    FaultFacts f = variants[next++ & (VARIANTS - 1)];
    Level level = FaultClassifier.standard().level(f);
    Instant start = f.faultStartTime().orElseThrow();
    Instant roomReport = level.isEscalated() ? now : Instant.MAX;
    Instant progress = now.plus(Duration.ofMinutes(level.isEscalated() ? 30 : 72 * 60));
    Instant dept = start.plus(Duration.ofHours(level == Level.L2 ? 24 : 48));
    return roomReport.getEpochSecond() ^ progress.getEpochSecond() ^ dept.getEpochSecond();
  }
}
