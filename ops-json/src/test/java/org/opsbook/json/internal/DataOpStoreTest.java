package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

class DataOpStoreTest {
  private static final Instant T0 = ZonedDateTime.of(2026, 11, 25, 19, 0, 0, 0, StandardWorkCalendar.SHANGHAI)
      .toInstant();
  private static final Actor SUBMITTER = actor("zhang", ActorKind.CITY_STAFF, Role.DATA_SUBMITTER);
  private static final Actor BUSINESS = actor("wang", ActorKind.CITY_STAFF, Role.BUSINESS_APPROVER);
  private static final Actor CITY = actor("li", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY);
  private static final Actor DEV = actor("dev1", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_DEV);
  private static final Actor REVIEWER = actor("zhao", ActorKind.CITY_STAFF, Role.DATA_REVIEWER);
  private static final Actor MANAGER = actor("mgr", ActorKind.CITY_STAFF, Role.ROOM_MANAGER);
  private static final Actor BOSS = actor("boss", ActorKind.CITY_STAFF, Role.SUPERIOR_SUPERVISOR);

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(log);
  private final WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store = new WorkflowStore<>(repo,
      DataOpWorkflow.modification(OpsParameters.defaults()), DataOpCodec.instance());
  private Instant now = T0;

  private static Actor actor(String id, ActorKind kind, Role... roles) {
    return Actor.builder().id(id).org("运营管理室").kind(kind).addRoles(roles).build();
  }

  private static DataOp op() {
    return DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-7").ticketKind(TicketKind.CMCP_IT_COLLAB)
        .targetSystem(TargetSystem.IBOSS).recordCount(2500).involvesLevel1Sensitive(true).impactStatement("2500 条")
        .sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("月报").urgency("紧急")
        .linkedFaultId("F-3").fullScopeExtractionRef("extract.csv").build();
  }

  private Outcome<DataOpTicket> fire(DataOpEvent e, Actor a, DataOpEventData d) {
    now = now.plus(Duration.ofMinutes(7));
    Outcome<DataOpTicket> o = store.fire("DM-7", e, a, d, now);
    DataOpTicket stored = store.find("DM-7").orElseThrow();
    assertThat(DataOpCodec.instance().decode("DM-7", stored.state().name(), DataOpCodec.instance().encode(stored)))
        .as("codec round trip").isEqualTo(stored);
    return o;
  }

  @Test
  void aStoredTicketRunsThroughTheDeveloperPathWithOneSealedAuditRecordPerTransition() {
    store.create(DataOpTicket.draft("DM-7", op()), SUBMITTER, T0);
    List<DataOpEventData> data = List.of(
        DataOpEventData.none(), DataOpEventData.none(),
        DataOpEventData.builder().scriptRef("s.sql").backupRef("b").addAttachments(Attachment.SCRIPT,
            Attachment.BACKUP).build(),
        DataOpEventData.builder().sensitiveAccessFormApprovedBy(BOSS).batchSensitiveFormApprovedBy(MANAGER).build(),
        DataOpEventData.builder().developerId("dev1").executorKind(ActorKind.DEVELOPER_ONSITE).cityMonitorId("li")
            .cityMonitorPresentThroughout(true).build(),
        DataOpEventData.builder().impactReply("报表需重出, 联系 13800138000").build(),
        DataOpEventData.none(),
        DataOpEventData.builder().actualRecordCount(2400).build(),
        DataOpEventData.builder().scriptVerified(true).resultVerified(true).addSampledNumbers(
            Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13700137000")).build(),
        DataOpEventData.builder().channel(NotifyChannel.PHONE).build(),
        DataOpEventData.none());
    List<DataOpEvent> events = List.of(DataOpEvent.SUBMIT, DataOpEvent.APPROVE_BUSINESS,
        DataOpEvent.ATTACH_SCRIPT_AND_BACKUP, DataOpEvent.APPROVE_TECHNICAL, DataOpEvent.ASSIGN_TO_DEVELOPER,
        DataOpEvent.REPLY_IMPACT, DataOpEvent.CONSENT, DataOpEvent.EXECUTE, DataOpEvent.PASS_REVIEW,
        DataOpEvent.NOTIFY_REQUESTER, DataOpEvent.CONFIRM_BUSINESS);
    List<Actor> actors = List.of(SUBMITTER, BUSINESS, DEV, CITY, CITY, DEV, SUBMITTER, DEV, REVIEWER, REVIEWER,
        SUBMITTER);
    for (int i = 0; i < events.size(); i++) {
      assertThat(fire(events.get(i), actors.get(i), data.get(i)).violations()).as("%s", events.get(i)).isEmpty();
    }
    WorkflowInstance stored = repo.find("DM-7").orElseThrow();
    assertThat(stored.state()).isEqualTo("CLOSED");
    assertThat(stored.machine()).isEqualTo("SM-DATAOP-MOD");
    assertThat(stored.version()).isEqualTo(11);
    List<TransitionRecord> history = repo.history("DM-7");
    assertThat(history).extracting(TransitionRecord::event).containsExactly("submit", "approveBusiness",
        "attachScriptAndBackup", "approveTechnical", "assignToDeveloper", "replyImpact", "consent", "execute",
        "passReview", "notifyRequester", "confirmBusiness");
    assertThat(history.get(8).dataJson()).contains("138****8000").doesNotContain("13800138000");
    List<AuditRecord> audit = log.read("dataop:DM-7");
    assertThat(audit).hasSize(12);
    assertThat(audit.get(0).entry().action()).isEqualTo("create");
    assertThat(log.verify("dataop:DM-7").intact()).isTrue();
    assertThat(audit.get(6).entry().details().get("impactReply")).contains("138****8000");
    assertThat(stored.dataJson()).doesNotContain("13800138000");
  }

  @Test
  void aRefusedEventWritesNothing() {
    store.create(DataOpTicket.draft("DM-7", op()), SUBMITTER, T0);
    Outcome<DataOpTicket> o = fire(DataOpEvent.SUBMIT, CITY, DataOpEventData.none());
    assertThat(o.isAccepted()).isFalse();
    assertThat(repo.find("DM-7").orElseThrow().version()).isZero();
    assertThat(repo.history("DM-7")).isEmpty();
    assertThat(log.read("dataop:DM-7")).hasSize(1);
  }

  @Test
  void badInputWritesNothing() {
    store.create(DataOpTicket.draft("DM-7", op()), SUBMITTER, T0);
    assertThatThrownBy(() -> store.fire("DM-7", DataOpEvent.RUN, CITY, DataOpEventData.none(), T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> store.fire("nope", DataOpEvent.SUBMIT, SUBMITTER, DataOpEventData.none(), T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("instanceId");
    assertThat(repo.find("DM-7").orElseThrow().state()).isEqualTo(DataOpState.DRAFT.name());
    assertThat(log.read("dataop:DM-7")).hasSize(1);
  }

  @Test
  void anInstanceOfAnotherMachineIsNotFound() {
    WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> ext = new WorkflowStore<>(repo,
        DataOpWorkflow.extraction(OpsParameters.defaults(), StandardWorkCalendar.weekdays()), DataOpCodec.instance());
    store.create(DataOpTicket.draft("DM-7", op()), SUBMITTER, T0);
    assertThat(ext.find("DM-7")).isEmpty();
    assertThatThrownBy(() -> ext.fire("DM-7", DataOpEvent.SUBMIT, SUBMITTER, DataOpEventData.none(), T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("SM-DATAOP-MOD");
  }

  @Test
  void theCodecRejectsAStoredDocumentWithAnUnknownField() {
    assertThatThrownBy(() -> DataOpCodec.instance().decode("X", "DRAFT",
        "{\"op\": {\"opType\": \"MODIFICATION\"}, \"record\": {\"bogus\": 1}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("record.bogus");
  }
}
