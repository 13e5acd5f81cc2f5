package org.opsbook.rules.internal.classify;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.evrete.api.Knowledge;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W1 (benchmarks.md): classify one fact of the 64k ring against the 40-rule table, giving the highest severity and
 * the set of matched rules. Ours ({@code opsbook}, the {@code RuleTable} FaultClassifier also runs on) beside Drools
 * 10.2.0 (stateless session, and one stateful session reused), Easy Rules 4.1.0 and Evrete 4.0.3, and the two
 * hand-written floors. Each state's {@code @Setup} checks that its engine's checksum over the whole ring equals the
 * if-chain's, so every implementation computes the same thing; a peer's state runs a fact by the one method its
 * benchmark times.
 *
 * <p>Run (smoke): {@code java -jar ops-benchmarks/target/benchmarks.jar 'classify\.ClassifyBenchmark' -f 1 -wi 2
 * -i 3 -w 1s -r 1s -prof gc}; full protocol: {@code -f 2 -wi 4 -i 5 -w 1s -r 1s -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassifyBenchmark {
  static final long[][] RING = W1.facts();
  static final long EXPECTED = ifChainChecksum();

  private static long ifChainChecksum() {
    long sum = 0;
    long mask = (1L << W1Floors.SEVERITY_SHIFT) - 1;
    for (long[] f : RING) {
      long packed = W1Floors.ifChain(f);
      sum = W1.fold(sum, (int) (packed >>> W1Floors.SEVERITY_SHIFT), packed & mask);
    }
    return sum;
  }

  static void check(String who, long sum) {
    if (sum != EXPECTED) {
      throw new IllegalStateException(who + " checksum " + sum + " differs from the if-chain's " + EXPECTED);
    }
  }

  /** Checks a peer engine: {@code run} classifies every fact of the ring, and their checksum is the if-chain's. */
  static void check(String who, W1Fact[] facts, Consumer<W1Fact> run) {
    long sum = 0;
    for (W1Fact f : facts) {
      run.accept(f);
      sum = W1.fold(sum, f.severity(), f.matched());
    }
    check(who, sum);
  }

  /** The position in the ring, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    int next() {
      return i = (i + 1) & (W1.RING - 1);
    }
  }

  /** opsbook's compiled table. */
  @State(Scope.Benchmark)
  public static class Ours {
    RuleTable<long[]> table;
    double[] scratch;

    @Setup
    public void setup() {
      table = W1.table();
      scratch = new double[W1.FIELDS];
      long sum = 0;
      for (long[] f : RING) {
        long m = table.match(f, scratch);
        sum = W1.fold(sum, table.rank(m), m);
      }
      check("opsbook", sum);
    }
  }

  /** Drools via KieHelper, from DRL generated from the same table. */
  @State(Scope.Benchmark)
  public static class Drools {
    W1Fact[] facts;
    StatelessKieSession stateless;
    KieSession stateful;

    @Setup
    public void setup() {
      KieBase base = W1Peers.drools(W1.table());
      stateless = base.newStatelessKieSession();
      stateful = base.newKieSession();
      facts = wrap();
      check("drools stateless", facts, this::runStateless);
      check("drools stateful", facts, this::runStateful);
    }

    /** Classifies {@code f} with the stateless session. */
    void runStateless(W1Fact f) {
      f.reset();
      stateless.execute(f);
    }

    /** Classifies {@code f} with the stateful session: inserted, fired, and deleted again for the next fact. */
    void runStateful(W1Fact f) {
      f.reset();
      FactHandle h = stateful.insert(f);
      stateful.fireAllRules();
      stateful.delete(h);
    }

    @TearDown
    public void tearDown() {
      stateful.dispose();
    }
  }

  /** Easy Rules with every rule evaluated. */
  @State(Scope.Benchmark)
  public static class Easy {
    W1Fact[] facts;
    Rules rules;
    RulesEngine engine;

    @Setup
    public void setup() {
      rules = W1Peers.easyRules(W1.table());
      engine = W1Peers.easyEngine();
      facts = wrap();
      check("easy rules", facts, this::run);
    }

    /** Classifies {@code f}: every rule evaluated against a new set of facts that holds it. */
    void run(W1Fact f) {
      f.reset();
      Facts fs = new Facts();
      fs.put("f", f);
      engine.fire(rules, fs);
    }
  }

  /** Evrete with literal conditions. */
  @State(Scope.Benchmark)
  public static class Evrete {
    W1Fact[] facts;
    Knowledge knowledge;

    @Setup(Level.Trial)
    public void setup() {
      knowledge = W1Peers.evrete(W1.table());
      facts = wrap();
      check("evrete", facts, this::run);
    }

    /** Classifies {@code f} in a new stateless session. */
    void run(W1Fact f) {
      f.reset();
      knowledge.newStatelessSession().insertAndFire(f);
    }
  }

  static W1Fact[] wrap() {
    W1Fact[] out = new W1Fact[RING.length];
    for (int i = 0; i < RING.length; i++) {
      out[i] = new W1Fact(RING[i]);
    }
    return out;
  }

  @Benchmark
  public long floorIfChain(Cursor c) {
    return W1Floors.ifChain(RING[c.next()]);
  }

  @Benchmark
  public long floorBranchFree(Cursor c) {
    long m = W1Floors.branchFree(RING[c.next()]);
    return m ^ W1Floors.severity(m);
  }

  @Benchmark
  public long opsbook(Ours o, Cursor c) {
    long m = o.table.match(RING[c.next()], o.scratch);
    return m ^ o.table.rank(m);
  }

  @Benchmark
  public long opsbookThreadLocalBuffer(Ours o, Cursor c) {
    long m = o.table.match(RING[c.next()]);
    return m ^ o.table.rank(m);
  }

  @Benchmark
  public long droolsStateless(Drools d, Cursor c) {
    W1Fact f = d.facts[c.next()];
    d.runStateless(f);
    return f.matched() ^ f.severity();
  }

  @Benchmark
  public long droolsStatefulReuse(Drools d, Cursor c) {
    W1Fact f = d.facts[c.next()];
    d.runStateful(f);
    return f.matched() ^ f.severity();
  }

  @Benchmark
  public long easyRules(Easy e, Cursor c) {
    W1Fact f = e.facts[c.next()];
    e.run(f);
    return f.matched() ^ f.severity();
  }

  @Benchmark
  public long evrete(Evrete e, Cursor c) {
    W1Fact f = e.facts[c.next()];
    e.run(f);
    return f.matched() ^ f.severity();
  }
}
