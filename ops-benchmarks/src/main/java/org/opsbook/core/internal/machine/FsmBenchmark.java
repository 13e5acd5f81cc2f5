package org.opsbook.core.internal.machine;

import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;
import org.opsbook.core.internal.machine.Fsm.AuditEvent;
import org.opsbook.core.internal.machine.Fsm.Ticket;

/**
 * W5a: nanoseconds per ticket through the five-transition lifecycle, for opsbook's declared state machine, the
 * peers and the hand-written floor, over a 64k-ticket ring from seed 42. The setup runs every implementation over
 * the first 4,096 tickets and refuses to benchmark unless all produce the floor's checksum.
 *
 * <p>Run (benchmarks.md protocol, same JVM per group):
 * <pre>
 * mvn -B -ntp -Pbench -pl ops-benchmarks -am -DskipTests package
 * java -jar ops-benchmarks/target/benchmarks.jar 'machine.FsmBenchmark' -f 2 -wi 4 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 * Smoke: {@code -f 1 -wi 2 -i 2 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class FsmBenchmark {
  private static final int RING = 1 << 16;
  private static final int VERIFIED = 4096;

  private Ticket[] ring;
  private int next;
  private EnumSwitchFsm floor;
  private OpsbookFsm opsbook;
  private Stateless4jFsm stateless4j;
  private SpringStatemachineFsm spring;

  /** Builds every implementation once and checks they agree with the floor. */
  @Setup
  public void setup() {
    ring = Fsm.ring(RING, 42);
    floor = new EnumSwitchFsm();
    opsbook = new OpsbookFsm();
    stateless4j = new Stateless4jFsm();
    spring = new SpringStatemachineFsm();
    long expected = Fsm.checksum(floor, ring, VERIFIED);
    for (Fsm.Impl impl : new Fsm.Impl[] {opsbook, stateless4j, spring}) {
      long got = Fsm.checksum(impl, ring, VERIFIED);
      if (got != expected) {
        throw new IllegalStateException(impl.getClass().getSimpleName() + " checksum " + got + " != " + expected);
      }
    }
  }

  private Ticket ticket() {
    return ring[next++ & (RING - 1)];
  }

  /** The hand-written enum switch. */
  @Benchmark
  public void enumSwitch(Blackhole bh) {
    List<AuditEvent> audit = new ArrayList<>(5);
    bh.consume(floor.run(ticket(), audit));
    bh.consume(audit);
  }

  /** opsbook's {@code org.opsbook.core.internal.machine.StateMachine}. */
  @Benchmark
  public void opsbook(Blackhole bh) {
    List<AuditEvent> audit = new ArrayList<>(5);
    bh.consume(opsbook.run(ticket(), audit));
    bh.consume(audit);
  }

  /** stateless4j 2.6.0. */
  @Benchmark
  public void stateless4j(Blackhole bh) {
    List<AuditEvent> audit = new ArrayList<>(5);
    bh.consume(stateless4j.run(ticket(), audit));
    bh.consume(audit);
  }

  /** Spring Statemachine 4.0.2. */
  @Benchmark
  public void springStatemachine(Blackhole bh) {
    List<AuditEvent> audit = new ArrayList<>(5);
    bh.consume(spring.run(ticket(), audit));
    bh.consume(audit);
  }
}
