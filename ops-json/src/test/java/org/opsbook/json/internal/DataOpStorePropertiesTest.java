package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

/**
 * Random modification sequences by random actors through the stored workflow: after every step the repository's
 * version, history and the sealed audit chain agree with the number of accepted transitions, a refusal writes
 * nothing, and the stored ticket reads back equal to what the workflow returned.
 */
class DataOpStorePropertiesTest {
  private static final List<Actor> POOL = List.of(
      actor("zhang", Role.DATA_SUBMITTER, Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER),
      actor("li", Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER),
      actor("wang", Role.BUSINESS_APPROVER, Role.REQUESTER),
      actor("zhao", Role.DATA_REVIEWER));
  private static final List<DataOpEvent> EVENTS = List.of(DataOpEvent.SUBMIT, DataOpEvent.APPROVE_BUSINESS,
      DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, DataOpEvent.APPROVE_TECHNICAL, DataOpEvent.EXECUTE,
      DataOpEvent.PASS_REVIEW, DataOpEvent.FAIL_REVIEW, DataOpEvent.RESUBMIT_SCRIPT, DataOpEvent.NOTIFY_REQUESTER,
      DataOpEvent.CONFIRM_BUSINESS, DataOpEvent.CANCEL);
  private static final Map<DataOpEvent, DataOpEventData> DATA = Map.of(
      DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, DataOpEventData.builder().scriptRef("s").backupRef("b").build(),
      DataOpEvent.RESUBMIT_SCRIPT, DataOpEventData.builder().scriptRef("s2").backupRef("b2").build(),
      DataOpEvent.EXECUTE, DataOpEventData.builder().actualRecordCount(1200).build(),
      DataOpEvent.PASS_REVIEW, DataOpEventData.builder().scriptVerified(true).resultVerified(true)
          .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13700137000")).build(),
      DataOpEvent.NOTIFY_REQUESTER, DataOpEventData.builder().channel(NotifyChannel.EMAIL).build());

  private static Actor actor(String id, Role... roles) {
    return Actor.builder().id(id).org("运营管理室").kind(ActorKind.CITY_STAFF).addRoles(roles).build();
  }

  @Test
  void storedSequencesSealExactlyOneAuditRecordPerAcceptedTransitionInOrder() {
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(40).impactStatement("40 numbers").sideEffectsBusiness("无")
        .sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般").build();
    qt().withExamples(300).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 30)).checkAssert(steps -> {
      InMemoryAuditLog log = new InMemoryAuditLog();
      InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(log);
      WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store = new WorkflowStore<>(repo,
          DataOpWorkflow.modification(OpsParameters.defaults()), DataOpCodec.instance());
      Instant now = Instant.parse("2026-11-25T11:00:00Z");
      store.create(DataOpTicket.draft("DM", op), POOL.get(0), now);
      long accepted = 0;
      for (int x : steps) {
        DataOpEvent e = EVENTS.get(x % EVENTS.size());
        Actor a = POOL.get((x / EVENTS.size()) % POOL.size());
        now = now.plus(Duration.ofMinutes(5));
        WorkflowInstance before = repo.find("DM").orElseThrow();
        Outcome<DataOpTicket> o = store.fire("DM", e, a, DATA.getOrDefault(e, DataOpEventData.none()), now);
        if (o.isAccepted()) {
          accepted++;
          assertThat(store.find("DM")).contains(o.instance());
        } else {
          assertThat(repo.find("DM")).as("a refusal writes nothing").contains(before);
        }
        List<AuditRecord> audit = log.read("dataop:DM");
        assertThat(repo.find("DM").orElseThrow().version()).isEqualTo(accepted);
        assertThat(repo.history("DM")).hasSize((int) accepted);
        assertThat(audit).hasSize((int) accepted + 1);
        assertThat(log.verify("dataop:DM").intact()).isTrue();
        for (int i = 1; i < audit.size(); i++) {
          assertThat(audit.get(i).entry().fromState()).contains(audit.get(i - 1).entry().toState().orElseThrow());
          assertThat(audit.get(i).entry().action()).isEqualTo(repo.history("DM").get(i - 1).event());
        }
      }
    });
  }
}
