package org.opsbook.rules.internal.dataop;

import java.time.Duration;
import java.time.Instant;
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
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

/**
 * Informational, beside W5a: one single data modification through the real SM-DATAOP-MOD, eight transitions from
 * submit to close, each with every guard of the catalog checked, a new immutable ticket and a full audit entry
 * (the W5a shape keeps the action to appending a small event, as the peers do).
 *
 * <pre>
 * java -jar ops-benchmarks/target/benchmarks.jar 'fsm.DataOpWorkflowBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class DataOpWorkflowBenchmark {
  private static final Instant T0 = Instant.parse("2026-11-25T11:00:00Z");

  private record Step(DataOpEvent event, Actor actor, DataOpEventData data) {}

  private DataOpWorkflow workflow;
  private DataOp op;
  private List<Step> steps;

  /** Builds the workflow and the eight steps; refuses to run unless they reach CLOSED. */
  @Setup
  public void setup() {
    workflow = DataOpWorkflow.modification(OpsParameters.defaults());
    op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-B").ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(12).impactStatement("12 numbers").sideEffectsBusiness("无")
        .sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般").build();
    Actor submitter = actor("zhang", Role.DATA_SUBMITTER);
    Actor city = actor("li", Role.DATA_PROCESSOR_CITY);
    Actor reviewer = actor("zhao", Role.DATA_REVIEWER);
    steps = List.of(
        new Step(DataOpEvent.SUBMIT, submitter, DataOpEventData.none()),
        new Step(DataOpEvent.APPROVE_BUSINESS, actor("wang", Role.BUSINESS_APPROVER), DataOpEventData.none()),
        new Step(DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, city,
            DataOpEventData.builder().scriptRef("s.sql").backupRef("b").build()),
        new Step(DataOpEvent.APPROVE_TECHNICAL, city, DataOpEventData.none()),
        new Step(DataOpEvent.EXECUTE, city, DataOpEventData.builder().actualRecordCount(12).build()),
        new Step(DataOpEvent.PASS_REVIEW, reviewer,
            DataOpEventData.builder().scriptVerified(true).resultVerified(true).build()),
        new Step(DataOpEvent.NOTIFY_REQUESTER, reviewer,
            DataOpEventData.builder().channel(NotifyChannel.SMS).build()),
        new Step(DataOpEvent.CONFIRM_BUSINESS, submitter, DataOpEventData.none()));
    if (run(null) != DataOpState.CLOSED) {
      throw new IllegalStateException("the benchmark ticket does not reach CLOSED");
    }
  }

  private static Actor actor(String id, Role role) {
    return Actor.builder().id(id).addRoles(role).kind(ActorKind.CITY_STAFF).build();
  }

  private DataOpState run(Blackhole bh) {
    DataOpTicket t = DataOpTicket.draft("DM-B", op);
    Instant at = T0;
    for (Step s : steps) {
      at = at.plus(Duration.ofMinutes(5));
      Outcome<DataOpTicket> o = workflow.apply(t, s.event(), s.actor(), s.data(), at);
      if (bh != null) {
        bh.consume(o.audit());
      }
      t = o.instance();
    }
    return t.state();
  }

  /** Eight transitions with guards, new tickets and audit entries. */
  @Benchmark
  public DataOpState modificationLifecycle(Blackhole bh) {
    return run(bh);
  }
}
