package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * The writes that take a fault's version apply only to the fault at that version, in one step with the append: a
 * request the network repeats is written once, and of two people who decided on the same fault, one writes and the
 * other is told it changed.
 */
class ConditionalWritesTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final javax.sql.DataSource db = EngineFixture.freshH2();
  private OpsEngine ops;

  @BeforeEach
  void aFaultHandledByA() {
    ops = OpsEngine.builder().dataSource(db)
        .directory(InMemoryDirectory.of(List.of(person("zhi", Role.ESC_DUTY), person("an", Role.ESC_HANDLER_A),
            person("jian", Role.ESC_MONITOR), person("he", Role.PRE_PROCESSOR))))
        .gateway(new RecordingMessageGateway(clock)).clock(clock).build();
    ops.faults().lifecycle("F-1", EscEvent.OPEN_FAULT, EscEventData.builder().facts(EngineFixture.l1("F-1")).build(),
        "zhi").orThrow();
    ops.faults().lifecycle("F-1", EscEvent.DECLARE, EscEventData.empty(), "zhi").orThrow();
    ops.faults().lifecycle("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), "an").orThrow();
  }

  private static EscEventData entry() {
    return EscEventData.builder().conclusion("开发商修复中").systemProblem(EscFault.SystemProblem.YES).build();
  }

  private long stored(FaultEventType type) {
    return OpsJdbc.create(db).faults().events("F-1").stream().filter(e -> e.type() == type).count();
  }

  @Test
  @DisplayName("FAULT-GEN-09 a progress entry the network sends twice at one version is written once")
  void aRepeatedStepIsWrittenOnce() {
    long v = ops.faults().load("F-1").version();
    Result<EscFault> first = ops.faults().lifecycle("F-1", v, EscEvent.PROGRESS_ENTRY, entry(), "an");
    assertThat(first.accepted()).isTrue();
    assertThat(ops.faults().load("F-1").version()).isEqualTo(v + 1);

    clock.advance(java.time.Duration.ofSeconds(2));
    ConcurrentUpdateException again = catchThrowableOfType(
        () -> ops.faults().lifecycle("F-1", v, EscEvent.PROGRESS_ENTRY, entry(), "an"),
        ConcurrentUpdateException.class);

    assertThat(again.expectedVersion()).isEqualTo(v);
    assertThat(again.actualVersion()).isEqualTo(v + 1);
    assertThat(stored(EscEvent.PROGRESS_ENTRY.type())).isEqualTo(1);
    assertThat(ops.faults().load("F-1").version()).isEqualTo(v + 1);
  }

  @Test
  @DisplayName("SM-ESC-T06 a refused step at a version leaves the fault there, and the same version then writes")
  void aRefusalKeepsTheVersion() {
    long v = ops.faults().load("F-1").version();
    Result<EscFault> noConclusion = ops.faults().lifecycle("F-1", v, EscEvent.PROGRESS_ENTRY,
        EscEventData.builder().systemProblem(EscFault.SystemProblem.YES).build(), "an");
    assertThat(noConclusion.accepted()).isFalse();
    assertThat(ops.faults().load("F-1").version()).isEqualTo(v);
    assertThat(ops.faults().lifecycle("F-1", v, EscEvent.PROGRESS_ENTRY, entry(), "an").accepted()).isTrue();
  }

  @Test
  @DisplayName("every write to the history takes the version: facts, events and duties done")
  void everyHistoryWriteTakesTheVersion() {
    long v = ops.faults().load("F-1").version();
    assertThat(ops.faults().record("F-1", v, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhi").version())
        .isEqualTo(v + 1);
    assertThatThrownBy(() -> ops.faults().record("F-1", v, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhi"))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> ops.faults().updateFacts("F-1", v, EngineFixture.l1("F-1"), "zhi"))
        .isInstanceOf(ConcurrentUpdateException.class);
    RuleId owed = ops.faults().duties("F-1").get(0).ruleId();
    assertThatThrownBy(() -> ops.faults().complete("F-1", v, owed, "zhi"))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(ops.faults().load("F-1").version()).isEqualTo(v + 1);
    assertThat(ops.faults().updateFacts("F-1", v + 1, EngineFixture.l1("F-1"), "zhi").version()).isEqualTo(v + 2);
    assertThat(ops.faults().complete("F-1", v + 2, owed, "zhi").version()).isEqualTo(v + 3);
    assertThatThrownBy(() -> ops.faults().record("F-1", -1, FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhi"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("ESC-HANDLE-05 of eight interventions decided on the same version at once, one is written")
  void ofConcurrentWritersAtOneVersionOneWrites() throws Exception {
    long v = ops.faults().load("F-1").version();
    int writers = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        outcomes.add(pool.submit(() -> {
          go.await();
          try {
            return ops.faults().lifecycle("F-1", v, EscEvent.INTERVENE,
                EscEventData.builder().interventionNote("催办").build(), "jian").accepted();
          } catch (ConcurrentUpdateException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int written = 0;
      for (Future<Boolean> f : outcomes) {
        written += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(written).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ops.faults().load("F-1").version()).isEqualTo(v + 1);
    assertThat(stored(EscEvent.INTERVENE.type())).isEqualTo(1);
  }

  @Test
  @DisplayName("TICKET-02 a ticket's progress the network sends twice at one version is written once, and the "
      + "ticket's version counts its steps")
  void aTicketStepAtAVersionIsWrittenOnce() {
    ops.tickets().receive("T-1", T0, "he").orThrow();
    assertThat(ops.tickets().version("T-1")).hasValue(0);
    assertThat(ops.tickets().version("T-404")).isEmpty();
    ops.tickets().fire("T-1", 0, TicketEvent.ACCEPT, "he", TicketEventData.empty()).orThrow();
    TicketEventData progress = TicketEventData.builder().progress("等待开发商回复").build();

    Result<ComplaintTicket> first = ops.tickets().fire("T-1", 1, TicketEvent.UPDATE_PROGRESS, "he", progress);
    ConcurrentUpdateException again = catchThrowableOfType(
        () -> ops.tickets().fire("T-1", 1, TicketEvent.UPDATE_PROGRESS, "he", progress),
        ConcurrentUpdateException.class);

    assertThat(first.accepted()).isTrue();
    assertThat(again.actualVersion()).isEqualTo(2);
    assertThat(ops.tickets().history("T-1")).hasSize(2);
    assertThat(ops.tickets().version("T-1")).hasValue(2);
    Result<ComplaintTicket> refused = ops.tickets().fire("T-1", 2, TicketEvent.UPDATE_PROGRESS, "he",
        TicketEventData.empty());
    assertThat(refused.violatedRules()).extracting(RuleId::value).contains("TICKET-02");
    assertThat(ops.tickets().version("T-1")).as("a refusal keeps the version").hasValue(2);
    assertThatThrownBy(() -> ops.tickets().fire("T-1", -1, TicketEvent.UPDATE_PROGRESS, "he", progress))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
