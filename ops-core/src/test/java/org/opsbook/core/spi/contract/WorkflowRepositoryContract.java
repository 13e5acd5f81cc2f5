package org.opsbook.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

/**
 * The contract of {@link org.opsbook.core.spi.WorkflowRepository}: instances with optimistic versions, a gap-free
 * transition history and audit sealed in the same step.
 */
public abstract class WorkflowRepositoryContract extends StorageContract {
  private static final String M = "SM-DATAOP-MOD";

  private static WorkflowInstance draft(String id, Instant at) {
    return WorkflowInstance.builder().id(id).machine(M).state("DRAFT").version(0)
        .dataJson("{\"ticket\":\"" + id + "\",\"说明\":\"改资料\"}").createdAt(at).updatedAt(at).build();
  }

  private static TransitionRecord step(String id, long seq, String event, String from, String to, Actor by) {
    return TransitionRecord.builder().instanceId(id).sequence(seq).event(event).fromState(from).toState(to)
        .transitionId(RuleId.of(String.format("SM-DATAOP-MOD-T%02d", seq))).actor(by).at(at(seq * 60))
        .dataJson("{\"step\":" + seq + "}").build();
  }

  private static List<AuditEntry> audit(String id, String action, long seq) {
    return List.of(entry("dataop:" + id, action, at(seq * 60)));
  }

  private WorkflowInstance submit(String id) {
    store.workflows().create(draft(id, at(0)), audit(id, "create", 0));
    Actor submitter = Actor.builder().id("zhang").addRoles(Role.DATA_SUBMITTER).org("深圳分公司").build();
    return store.workflows().transition(id, 0, step(id, 1, "submit", "DRAFT", "SUBMITTED", submitter),
        "{\"submitted\":true}", audit(id, "submit", 1));
  }

  @Test
  void aCreatedInstanceReadsBackWithItsAudit() {
    store.workflows().create(draft("DM-1", at(0)), audit("DM-1", "create", 0));
    assertThat(store.workflows().find("DM-1")).contains(draft("DM-1", at(0)));
    assertThat(store.workflows().history("DM-1")).isEmpty();
    assertThat(store.audit().read("dataop:DM-1")).extracting(r -> r.entry().action()).containsExactly("create");
  }

  @Test
  void creatingAnExistingInstanceIsAConcurrentUpdateAndSealsNothing() {
    store.workflows().create(draft("DM-1", at(0)), audit("DM-1", "create", 0));
    assertThatThrownBy(() -> store.workflows().create(draft("DM-1", at(5)), audit("DM-1", "again", 0)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.workflows().find("DM-1").orElseThrow().createdAt()).isEqualTo(at(0));
    assertThat(store.audit().read("dataop:DM-1")).hasSize(1);
  }

  @Test
  void aNewInstanceMustHaveVersionZero() {
    WorkflowInstance v1 = WorkflowInstance.builder().id("DM-1").machine(M).state("DRAFT").version(1).dataJson("{}")
        .createdAt(at(0)).updatedAt(at(0)).build();
    assertThatThrownBy(() -> store.workflows().create(v1, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.workflows().find("DM-1")).isEmpty();
  }

  @Test
  void aTransitionMovesTheStateBumpsTheVersionAndAppendsHistoryAndAudit() {
    WorkflowInstance after = submit("DM-1");
    assertThat(after.state()).isEqualTo("SUBMITTED");
    assertThat(after.version()).isEqualTo(1);
    assertThat(after.dataJson()).isEqualTo("{\"submitted\":true}");
    assertThat(after.createdAt()).isEqualTo(at(0));
    assertThat(after.updatedAt()).isEqualTo(at(60));
    assertThat(store.workflows().find("DM-1")).contains(after);
    assertThat(store.workflows().history("DM-1")).extracting(TransitionRecord::event).containsExactly("submit");
    assertThat(store.audit().read("dataop:DM-1")).extracting(r -> r.entry().action())
        .containsExactly("create", "submit");
  }

  @Test
  void theHistoryReadsBackExactly() {
    submit("DM-1");
    Actor dev = Actor.builder().id("dev-1").addRoles(Role.DATA_PROCESSOR_DEV).org("开发商")
        .kind(ActorKind.DEVELOPER_REMOTE).build();
    TransitionRecord t2 = step("DM-1", 2, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", processor());
    TransitionRecord t3 = TransitionRecord.builder().instanceId("DM-1").sequence(3).event("attachScriptAndBackup")
        .fromState("BUSINESS_APPROVED").toState("SCRIPT_READY").actor(dev)
        .at(Instant.parse("2026-11-25T03:00:00.000001Z")).build();
    store.workflows().transition("DM-1", 1, t2, "{}", audit("DM-1", "approveBusiness", 2));
    store.workflows().transition("DM-1", 2, t3, "{}", List.of());
    List<TransitionRecord> h = store.workflows().history("DM-1");
    assertThat(h).hasSize(3);
    assertThat(h.get(1)).isEqualTo(t2);
    assertThat(h.get(2)).isEqualTo(t3);
    assertThat(h.get(2).dataJson()).isEqualTo("{}");
    assertThat(h.get(2).transitionId()).isEmpty();
  }

  @Test
  void aStaleVersionIsRejectedAndNothingChanges() {
    submit("DM-1");
    TransitionRecord t2 = step("DM-1", 2, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", processor());
    store.workflows().transition("DM-1", 1, t2, "{\"a\":1}", audit("DM-1", "approveBusiness", 2));
    TransitionRecord stale = step("DM-1", 2, "cancel", "SUBMITTED", "CANCELLED", processor());
    assertThatThrownBy(() -> store.workflows().transition("DM-1", 1, stale, "{\"b\":1}", audit("DM-1", "cancel", 2)))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    WorkflowInstance now = store.workflows().find("DM-1").orElseThrow();
    assertThat(now.state()).isEqualTo("BUSINESS_APPROVED");
    assertThat(now.dataJson()).isEqualTo("{\"a\":1}");
    assertThat(store.workflows().history("DM-1")).hasSize(2);
    assertThat(store.audit().read("dataop:DM-1")).hasSize(3);
  }

  @Test
  void aTransitionOfAnUnknownInstanceIsAConcurrentUpdate() {
    TransitionRecord t = step("DM-9", 1, "submit", "DRAFT", "SUBMITTED", processor());
    assertThatThrownBy(() -> store.workflows().transition("DM-9", 0, t, "{}", audit("DM-9", "submit", 1)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.audit().read("dataop:DM-9")).isEmpty();
  }

  @Test
  void inconsistentTransitionsAreRefusedBeforeAnythingIsWritten() {
    submit("DM-1");
    TransitionRecord wrongSeq = step("DM-1", 3, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", processor());
    assertThatThrownBy(() -> store.workflows().transition("DM-1", 1, wrongSeq, "{}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    TransitionRecord wrongFrom = step("DM-1", 2, "execute", "TECH_APPROVED", "EXECUTED", processor());
    assertThatThrownBy(() -> store.workflows().transition("DM-1", 1, wrongFrom, "{}", audit("DM-1", "x", 2)))
        .isInstanceOf(IllegalArgumentException.class);
    TransitionRecord otherInstance = step("DM-2", 2, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED",
        processor());
    assertThatThrownBy(() -> store.workflows().transition("DM-1", 1, otherInstance, "{}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.workflows().find("DM-1").orElseThrow().version()).isEqualTo(1);
    assertThat(store.workflows().history("DM-1")).hasSize(1);
    assertThat(store.audit().read("dataop:DM-1")).hasSize(2);
  }

  @Test
  void listGivesAMachinesInstancesMostRecentlyUpdatedFirst() {
    store.workflows().create(draft("DM-1", at(10)), List.of());
    store.workflows().create(draft("DM-2", at(30)), List.of());
    store.workflows().create(draft("DM-3", at(20)), List.of());
    store.workflows().create(WorkflowInstance.builder().id("CO-1").machine("SM-CUTOVER").state("PLANNED").version(0)
        .dataJson("{}").createdAt(at(40)).updatedAt(at(40)).build(), List.of());
    assertThat(store.workflows().list(M)).extracting(WorkflowInstance::id).containsExactly("DM-2", "DM-3", "DM-1");
    assertThat(store.workflows().list("SM-CUTOVER")).extracting(WorkflowInstance::id).containsExactly("CO-1");
    assertThat(store.workflows().list("SM-NONE")).isEmpty();
  }

  @Test
  void listUpdatedSinceGivesOnlyTheInstancesChangedFromThatTimeOn() {
    int[] minutes = {10, 30, 20};
    for (int i = 0; i < minutes.length; i++) {
      store.workflows().create(draft("DM-" + (i + 1), at(minutes[i])), List.of());
    }
    store.workflows().create(WorkflowInstance.builder().id("CO-1").machine("SM-CUTOVER").state("PLANNED").version(0)
        .dataJson("{}").createdAt(at(25)).updatedAt(at(25)).build(), List.of());
    assertThat(store.workflows().listUpdatedSince(M, at(20))).extracting(WorkflowInstance::id)
        .containsExactly("DM-2", "DM-3");
    assertThat(store.workflows().listUpdatedSince(M, at(31))).isEmpty();
    assertThat(store.workflows().listUpdatedSince(M, at(0))).containsExactlyElementsOf(store.workflows().list(M));
    submit("DM-4");
    assertThat(store.workflows().listUpdatedSince(M, at(60))).extracting(WorkflowInstance::id)
        .containsExactly("DM-4");
  }

  @Test
  void pagesWalkTheListInItsOrderWhateverTheirSize() {
    // updated at minutes 10, 30, 20, 30, 20, 10, 40: ties are ordered by ID, as list orders them
    int[] minutes = {10, 30, 20, 30, 20, 10, 40};
    for (int i = 0; i < minutes.length; i++) {
      store.workflows().create(draft("DM-" + (i + 1), at(minutes[i])), List.of());
    }
    store.workflows().create(WorkflowInstance.builder().id("CO-1").machine("SM-CUTOVER").state("PLANNED").version(0)
        .dataJson("{}").createdAt(at(20)).updatedAt(at(20)).build(), List.of());
    List<WorkflowInstance> all = store.workflows().list(M);
    assertThat(all).extracting(WorkflowInstance::id)
        .containsExactly("DM-7", "DM-2", "DM-4", "DM-3", "DM-5", "DM-1", "DM-6");
    for (int size = 1; size <= all.size() + 1; size++) {
      List<WorkflowInstance> walked = new ArrayList<>();
      Optional<String> after = Optional.empty();
      for (int pages = 0; pages <= all.size(); pages++) {
        List<WorkflowInstance> page = store.workflows().listPage(M, after, size);
        assertThat(page.size()).as("page size %d", size).isLessThanOrEqualTo(size);
        walked.addAll(page);
        if (page.size() < size) {
          break;
        }
        after = Optional.of(page.get(page.size() - 1).id());
      }
      assertThat(walked).as("pages of %d", size).containsExactlyElementsOf(all);
    }
    // a position may be taken from another machine's instance (one list merged from two machines pages this way)
    assertThat(store.workflows().listPage(M, Optional.of("CO-1"), 10)).extracting(WorkflowInstance::id)
        .containsExactly("DM-3", "DM-5", "DM-1", "DM-6");
  }

  @Test
  void aPageRefusesANonPositiveSizeAndAnUnknownPosition() {
    store.workflows().create(draft("DM-1", at(10)), List.of());
    assertThatThrownBy(() -> store.workflows().listPage(M, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.workflows().listPage(M, Optional.of("DM-404"), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DM-404");
    assertThat(store.workflows().listPage(M, Optional.of("DM-1"), 5)).isEmpty();
  }

  @Test
  void listInStatesGivesTheMachinesInstancesInThoseStatesInListOrder() {
    submit("DM-1");
    store.workflows().create(draft("DM-2", at(30)), List.of());
    store.workflows().create(draft("DM-3", at(20)), List.of());
    store.workflows().create(WorkflowInstance.builder().id("CO-1").machine("SM-CUTOVER").state("DRAFT").version(0)
        .dataJson("{}").createdAt(at(40)).updatedAt(at(40)).build(), List.of());
    assertThat(store.workflows().listInStates(M, Set.of("DRAFT"))).extracting(WorkflowInstance::id)
        .containsExactly("DM-2", "DM-3");
    assertThat(store.workflows().listInStates(M, Set.of("DRAFT", "SUBMITTED"))).extracting(WorkflowInstance::id)
        .containsExactly("DM-1", "DM-2", "DM-3");
    assertThat(store.workflows().listInStates(M, Set.of("CLOSED"))).isEmpty();
    assertThat(store.workflows().listInStates(M, Set.of())).isEmpty();
  }

  @Test
  void listByIdPrefixGivesTheMachinesInstancesUnderThePrefixOnly() {
    for (String id : List.of("F-1/NOTIFICATION/1", "F-1/FOLLOW_UP/1", "F-10/NOTIFICATION/1", "F-1_x/RECOVERY/1",
        "F-1%/RECOVERY/1", "G-1/NOTIFICATION/1")) {
      store.workflows().create(draft(id, at(10)), List.of());
    }
    store.workflows().create(WorkflowInstance.builder().id("F-1/OTHER").machine("SM-CUTOVER").state("PLANNED")
        .version(0).dataJson("{}").createdAt(at(40)).updatedAt(at(40)).build(), List.of());
    assertThat(store.workflows().listByIdPrefix(M, "F-1/")).extracting(WorkflowInstance::id)
        .containsExactlyInAnyOrder("F-1/NOTIFICATION/1", "F-1/FOLLOW_UP/1");
    // LIKE's wildcards in a prefix are matched as themselves
    assertThat(store.workflows().listByIdPrefix(M, "F-1_")).extracting(WorkflowInstance::id)
        .containsExactly("F-1_x/RECOVERY/1");
    assertThat(store.workflows().listByIdPrefix(M, "F-1%")).extracting(WorkflowInstance::id)
        .containsExactly("F-1%/RECOVERY/1");
    assertThat(store.workflows().listByIdPrefix(M, "H-")).isEmpty();
  }

  @Test
  void ofConcurrentTransitionsFromOneVersionExactlyOneWins() throws Exception {
    submit("DM-1");
    List<Object> results = race(4, () -> store.workflows().transition("DM-1", 1,
        step("DM-1", 2, "approveBusiness", "SUBMITTED", "BUSINESS_APPROVED", processor()), "{}",
        audit("DM-1", "approveBusiness", 2)));
    assertThat(results).filteredOn(r -> r instanceof WorkflowInstance).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof ConcurrentUpdateException).hasSize(3);
    assertThat(store.workflows().history("DM-1")).hasSize(2);
    assertThat(store.audit().read("dataop:DM-1")).hasSize(3);
    assertThat(store.audit().verify("dataop:DM-1").intact()).isTrue();
  }
}
