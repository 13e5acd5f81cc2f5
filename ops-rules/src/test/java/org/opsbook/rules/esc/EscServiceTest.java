package org.opsbook.rules.esc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.esc.EscFixtures.A;
import static org.opsbook.rules.esc.EscFixtures.B;
import static org.opsbook.rules.esc.EscFixtures.DUTY;
import static org.opsbook.rules.esc.EscFixtures.MONITOR;
import static org.opsbook.rules.esc.EscFixtures.T0;
import static org.opsbook.rules.esc.EscFixtures.at;
import static org.opsbook.rules.esc.EscFixtures.data;
import static org.opsbook.rules.esc.EscFixtures.facts;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.Channel;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.machine.Outcome;
import org.opsbook.core.machine.WorkflowStore;
import org.opsbook.core.memory.InMemoryAuditLog;
import org.opsbook.core.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.TransitionRecord;
import org.opsbook.rules.testing.MemoCodec;

/** SM-ESC persisted through the WorkflowRepository port: one audit record per accepted transition, none on refusal. */
class EscServiceTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryWorkflowRepository repository = new InMemoryWorkflowRepository(audit);
  private final EscService service = new EscService(repository, new MemoCodec<>(), EscWorkflow.standard());

  @Test
  @DisplayName("SM-ESC-T01 SM-ESC-T02 SM-ESC-T03 accepted events are stored as machine SM-ESC with their transition and audit record")
  void acceptedEventsAreStored() {
    service.open("F-1", data().facts(facts(24)).build(), DUTY, T0);
    service.fire("F-1", EscEvent.DECLARE, EscEventData.empty(), DUTY, at("11-25 09:01"));
    Outcome<EscFault> o = service.fire("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), A, at("11-25 09:02"));
    assertThat(o.isAccepted()).isTrue();
    EscFault stored = service.find("F-1").orElseThrow();
    assertThat(stored).isEqualTo(o.instance());
    assertThat(stored.state()).isEqualTo(EscState.HANDLING_SELF);
    assertThat(repository.find("F-1").orElseThrow().machine()).isEqualTo("SM-ESC");
    assertThat(repository.find("F-1").orElseThrow().version()).isEqualTo(2);
    List<TransitionRecord> history = service.history("F-1");
    assertThat(history).extracting(TransitionRecord::event).containsExactly("declare", "takeOwnership");
    assertThat(history.get(1).transitionId()).map(Object::toString).contains("SM-ESC-T03");
    List<AuditRecord> records = audit.read("esc:F-1");
    assertThat(records).extracting(r -> r.entry().action()).containsExactly("openFault", "declare", "takeOwnership");
    assertThat(records.get(2).entry().fromState()).contains("DECLARED");
    assertThat(audit.verify("esc:F-1").intact()).isTrue();
    assertThat(service.list()).extracting(EscFault::faultId).containsExactly("F-1");
  }

  @Test
  @DisplayName("ESC-HANDLE-03 ESC-HANDLE-08 a refused event stores nothing: no state change, no history, no audit record")
  void refusalsChangeNothing() {
    service.open("F-1", data().facts(facts(0).toBuilder().selfDiscovered(true).build()).build(), DUTY, T0);
    EscFault before = service.find("F-1").orElseThrow();
    assertThat(service.fire("F-1", EscEvent.DECLARE, EscEventData.empty(), DUTY, T0).isAccepted()).isFalse();
    assertThat(service.fire("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), B, T0).isAccepted()).isFalse();
    assertThat(service.find("F-1")).contains(before);
    assertThat(repository.find("F-1").orElseThrow().version()).isZero();
    assertThat(service.history("F-1")).isEmpty();
    assertThat(audit.read("esc:F-1")).hasSize(1);
    assertThatThrownBy(() -> service.fire("F-1", EscEvent.DECLARE, data().handoverNote("x").build(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(audit.read("esc:F-1")).hasSize(1);
  }

  @Test
  @DisplayName("SM-ESC-T01 unknown faults, other machines' instances and duplicate IDs are typed errors")
  void unknownFaultsAndDuplicateIdsAreTypedErrors() {
    assertThatThrownBy(() -> service.fire("F-404", EscEvent.DECLARE, EscEventData.empty(), DUTY, T0))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("faultId");
    service.open("F-1", EscEventData.empty(), DUTY, T0);
    assertThatThrownBy(() -> service.open("F-1", EscEventData.empty(), DUTY, T0))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(service.find("F-404")).isEmpty();
  }

  @Test
  @DisplayName("SM-ESC-T04 SM-ESC-T06 the service and a core WorkflowStore over the workflow keep faults the same way")
  void theServiceIsTheSharedWorkflowStore() {
    WorkflowStore<EscFault, EscEvent, EscEventData> store = new WorkflowStore<>(repository, EscWorkflow.standard(),
        new MemoCodec<>());
    service.open("F-1", data().facts(facts(24)).build(), DUTY, T0);
    store.fire("F-1", EscEvent.DECLARE, DUTY, EscEventData.empty(), T0);
    store.fire("F-1", EscEvent.TAKE_OWNERSHIP, A, EscEventData.empty(), T0);
    service.fire("F-1", EscEvent.HANDOVER, data().assigneeId("bei").handoverNote("交接: 待开发商回复")
        .handlerAAvailable(false).build(), A, at("11-25 18:00"));
    service.fire("F-1", EscEvent.PROGRESS_ENTRY, data().conclusion("开发商修复中").systemProblem(SystemProblem.YES)
        .channel(Channel.ITC).build(), B, at("11-25 19:00"));
    assertThat(store.find("F-1")).isEqualTo(service.find("F-1"));
    EscFault f = store.find("F-1").orElseThrow();
    assertThat(f.owner()).contains(EscHandler.B);
    assertThat(f.handlerAAvailable()).isFalse();
    assertThat(f.peakLevel()).isEqualTo(Level.L1);
    assertThat(store.history("F-1").get(2).dataJson()).isEqualTo(data().assigneeId("bei")
        .handoverNote("交接: 待开发商回复").handlerAAvailable(false).build().toString());
    assertThat(audit.read("esc:F-1")).hasSize(5);
    assertThat(audit.verify("esc:F-1").intact()).isTrue();
  }
}
