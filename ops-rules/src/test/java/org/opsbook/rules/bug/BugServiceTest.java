package org.opsbook.rules.bug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.bug.BugFixtures.FOLLOWER;
import static org.opsbook.rules.bug.BugFixtures.PRE_PROCESSOR;
import static org.opsbook.rules.bug.BugFixtures.PROCESSOR;
import static org.opsbook.rules.bug.BugFixtures.REVIEWER;
import static org.opsbook.rules.bug.BugFixtures.WEDNESDAY;
import static org.opsbook.rules.bug.BugFixtures.raiseData;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.testing.MemoCodec;
import org.opsbook.rules.internal.bug.BugService;

/** SM-BUG persisted through the WorkflowRepository port: one audit record per accepted transition, none on refusal. */
class BugServiceTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryWorkflowRepository repository = new InMemoryWorkflowRepository(audit);
  private final BugService service = new BugService(repository, MemoCodec.bugs(), BugWorkflow.standard(),
      BugFixtures.CLOCK);

  @Test
  @DisplayName("SM-BUG-T01 SM-BUG-T02 accepted events are stored with their transition and audit record")
  void acceptedEventsAreStored() {
    service.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY);
    Outcome<BugTicket> s = service.fire("BUG-1", BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("AMS-9"),
        WEDNESDAY.plusSeconds(60));
    assertThat(s.isAccepted()).isTrue();
    assertThat(service.find("BUG-1").orElseThrow().state()).isEqualTo(BugState.SUBMITTED_TO_PROVINCE);
    assertThat(service.find("BUG-1").orElseThrow().amsBugTicketNo()).contains("AMS-9");
    assertThat(repository.find("BUG-1").orElseThrow().machine()).isEqualTo("SM-BUG");
    assertThat(repository.find("BUG-1").orElseThrow().version()).isEqualTo(1);
    List<TransitionRecord> history = repository.history("BUG-1");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).event()).isEqualTo("submitAms");
    assertThat(history.get(0).transitionId()).map(Object::toString).contains("SM-BUG-T02");
    assertThat(history.get(0).dataJson()).isEqualTo(BugFixtures.ams("AMS-9").toString());
    List<AuditRecord> records = audit.read("bug:BUG-1");
    assertThat(records).extracting(r -> r.entry().action()).containsExactly("raiseBug", "submitAms");
    assertThat(records.get(1).entry().fromState()).contains("IDENTIFIED");
    assertThat(records.get(1).entry().toState()).contains("SUBMITTED_TO_PROVINCE");
    assertThat(audit.verify("bug:BUG-1").intact()).isTrue();
    assertThat(service.list()).extracting(BugTicket::bugId).containsExactly("BUG-1");
  }

  @Test
  @DisplayName("TICKET-06 BUG-09 a refused event stores nothing: no state change, no history, no audit record")
  void refusalsChangeNothing() {
    assertThat(service.raise("BUG-1", raiseData(), PRE_PROCESSOR, WEDNESDAY).isAccepted()).isFalse();
    assertThat(repository.find("BUG-1")).isEmpty();
    assertThat(audit.streams()).isEmpty();
    service.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY);
    Outcome<BugTicket> refused = service.fire("BUG-1", BugEvent.REJECT_ACCEPTANCE, FOLLOWER, BugEventData.empty(), WEDNESDAY);
    assertThat(refused.isAccepted()).isFalse();
    assertThat(repository.find("BUG-1").orElseThrow().version()).isZero();
    assertThat(repository.history("BUG-1")).isEmpty();
    assertThat(audit.read("bug:BUG-1")).hasSize(1);
  }

  @Test
  void unknownBugsAndDuplicateIdsAreTypedErrors() {
    assertThatThrownBy(() -> service.fire("BUG-404", BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("A"),
        WEDNESDAY)).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("bugId");
    service.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY);
    assertThatThrownBy(() -> service.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(service.find("BUG-404")).isEmpty();
  }

  @Test
  @DisplayName("SM-BUG-T01 SM-BUG-T03 the service and a core WorkflowStore over the workflow keep BUGs the same way")
  void theServiceIsTheSharedWorkflowStore() {
    WorkflowStore<BugTicket, BugEvent, BugEventData> store = new WorkflowStore<>(repository,
        BugWorkflow.standard(), MemoCodec.bugs(), BugFixtures.CLOCK);
    service.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY);
    store.fire("BUG-1", BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("AMS-9"), WEDNESDAY.plusSeconds(60));
    Outcome<BugTicket> s = service.fire("BUG-1", BugEvent.PROVINCE_ASSIGNED, PROCESSOR, BugFixtures.recheck(true),
        WEDNESDAY.plusSeconds(120));
    assertThat(s.audit().orElseThrow().fromState()).contains("SUBMITTED_TO_PROVINCE");
    assertThat(s.instance().state()).isEqualTo(BugState.WITH_DEVELOPER);
    assertThat(store.find("BUG-1")).isEqualTo(service.find("BUG-1"));
    assertThat(store.list()).isEqualTo(service.list());
    assertThat(store.history("BUG-1")).extracting(TransitionRecord::event)
        .containsExactly("submitAms", "provinceAssigned");
    assertThat(audit.read("bug:BUG-1")).extracting(r -> r.entry().action())
        .containsExactly("raiseBug", "submitAms", "provinceAssigned");
    Outcome<BugTicket> refused = service.fire("BUG-1", BugEvent.DEVELOPER_REPLIED, PROCESSOR, BugEventData.empty(),
        WEDNESDAY.plusSeconds(180));
    assertThat(refused.instance().state()).isEqualTo(BugState.WITH_DEVELOPER);
    assertThat(refused.audit()).isEmpty();
    assertThat(refused.violatedRules()).containsExactly(RuleId.of("SM-BUG-T07"));
  }
}
