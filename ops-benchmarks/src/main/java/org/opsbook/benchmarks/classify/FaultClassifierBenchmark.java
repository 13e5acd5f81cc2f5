package org.opsbook.benchmarks.classify;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.rules.classify.FaultClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The real classification: the catalog's 29 FAULT-CLASS rules over random {@link FaultFacts} (64k ring, seed 42),
 * each impact fact set with probability 1/4 and drawn across its L1 and L2 bands. {@code classify} returns the full
 * {@code Classification} (level and rule lists, interned per matched set), {@code level} the level alone,
 * {@code matchMask} the matched set as bits.
 *
 * <p>Run (smoke): {@code java -jar ops-benchmarks/target/benchmarks.jar 'classify\.FaultClassifierBenchmark' -f 1
 * -wi 2 -i 3 -w 1s -r 1s -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FaultClassifierBenchmark {
  private static final int RING = 1 << 16;

  FaultFacts[] facts;
  FaultClassifier classifier;
  int i;

  @Setup
  public void setup() {
    classifier = FaultClassifier.standard();
    Random r = new Random(42);
    facts = new FaultFacts[RING];
    for (int k = 0; k < RING; k++) {
      facts[k] = random(r);
    }
  }

  static FaultFacts random(Random r) {
    FaultFacts.Builder b = FaultFacts.builder();
    if (r.nextInt(4) == 0) {
      b.affectsNormalCommunication(true).affectedCustomersConfirmed(r.nextInt(1000));
    }
    if (r.nextInt(4) == 0) {
      b.hotBusinessOutageMinutes(r.nextInt(240));
    }
    if (r.nextInt(4) == 0) {
      b.nonHotBusinessOutageMinutes(r.nextInt(360));
    }
    if (r.nextInt(4) == 0) {
      b.complaintCount(r.nextInt(80));
    }
    if (r.nextInt(4) == 0) {
      b.csComplaintLevel(1 + r.nextInt(4));
    }
    if (r.nextInt(4) == 0) {
      b.goldDiamondComplaintsSameIssue(r.nextInt(4));
    }
    if (r.nextInt(4) == 0) {
      b.keyInterfaceOutageMinutes(r.nextInt(60));
    }
    if (r.nextInt(4) == 0) {
      b.networkOutageScope(NetworkOutageScope.values()[r.nextInt(3)]);
    }
    if (r.nextInt(4) == 0) {
      b.efficiencyDegraded(true).waitSecondsPerTransaction(r.nextInt(240));
    }
    if (r.nextInt(4) == 0) {
      b.softwareFaultBasicServiceUsers(r.nextInt(8000));
    }
    if (r.nextInt(8) == 0) {
      b.severeSystemOrDbAlarm(true);
    }
    if (r.nextInt(8) == 0) {
      b.systemParalysed(true);
    }
    return b.build();
  }

  private FaultFacts next() {
    i = (i + 1) & (RING - 1);
    return facts[i];
  }

  @Benchmark
  public Object classify() {
    return classifier.classify(next());
  }

  @Benchmark
  public Object level() {
    return classifier.level(next());
  }

  @Benchmark
  public long matchMask() {
    return classifier.match(next());
  }
}
