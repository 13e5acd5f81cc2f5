package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.internal.cutover.CutoverWorkflow;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.ReportContent;

class CutoverStoreTest {
  private static final Instant START = ZonedDateTime.of(2026, 11, 26, 22, 0, 0, 0, StandardWorkCalendar.SHANGHAI)
      .toInstant();
  private static final Instant T0 = START.minusSeconds(10 * 24 * 3600);
  private static final Actor OWNER = Actor.builder().id("qian").org("运营管理室").addRoles(Role.CUTOVER_OWNER).build();
  private static final Actor SUPERVISOR = Actor.of("sun", Role.APPROVING_SUPERVISOR);
  private static final Actor LEAD = Actor.of("zhou", Role.CUTOVER_ONSITE_LEAD);
  private static final Actor OPERATOR = Actor.of("wu", Role.CUTOVER_OPERATOR);

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final InMemoryWorkflowRepository repo = new InMemoryWorkflowRepository(log);
  private final WorkflowStore<CutoverTicket, CutoverEvent, CutoverEventData> store = new WorkflowStore<>(repo,
      new CutoverWorkflow(StandardWorkCalendar.weekdays(), OpsParameters.defaults()), CutoverCodec.instance());
  private Instant now = T0;

  private void ok(CutoverEvent e, Actor a, CutoverEventData d) {
    now = now.plusSeconds(600);
    Outcome<CutoverTicket> o = store.fire("CO-5", e, a, d, now);
    assertThat(o.violations()).as("%s", e).isEmpty();
    CutoverTicket stored = store.find("CO-5").orElseThrow();
    assertThat(CutoverCodec.instance().decode("CO-5", stored.state().name(), CutoverCodec.instance().encode(stored)))
        .as("codec round trip").isEqualTo(stored);
  }

  @Test
  void aStoredCutoverRunsToArchiveWithASealedAuditChain() {
    Cutover facts = Cutover.builder().cutoverId("CO-5").system(CutoverSystem.MCDM)
        .category(CutoverCategory.HARDWARE).trigger(CutoverTrigger.SUPERIOR_ARRANGEMENT).plannedStart(START)
        .addReportContents(ReportContent.values()).addApplicationContents(ApplicationContent.TIME,
            ApplicationContent.PLAN, ApplicationContent.PERSONNEL, ApplicationContent.IMPACT_SCOPE)
        .addRelatedDepartments("客服中心").build();
    assertThat(store.create(CutoverTicket.draft("CO-5", facts), OWNER, T0).isAccepted()).isTrue();
    ok(CutoverEvent.OWNER_REVIEW, OWNER, CutoverEventData.builder().addDraftContents(ReportContent.PLAN,
        ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST).feasible(true).businessTimeAgreed(true).build());
    ok(CutoverEvent.APPROVE_REPORT, SUPERVISOR, CutoverEventData.none());
    ok(CutoverEvent.APPLY_VIA_AMS, OWNER, CutoverEventData.builder().amsApplicationNo("AMS-5").build());
    ok(CutoverEvent.PROVINCE_DECISION, OWNER, CutoverEventData.builder().approved(true).build());
    ok(CutoverEvent.COUNTERSIGN, OWNER, CutoverEventData.builder().addCountersigners("信息技术中心", "客服中心")
        .countersignMedium(CountersignMedium.PAPERLESS_APPROVAL_FORM).build());
    ok(CutoverEvent.NOTIFY_STAKEHOLDERS, OWNER, CutoverEventData.builder().addRecipients("分管领导", "客服中心")
        .leaderInChargeNotified(true).addNoticeContents(ApplicationContent.TIME, ApplicationContent.IMPACT_SCOPE)
        .build());
    ok(CutoverEvent.PRE_MEETING, LEAD, CutoverEventData.builder().addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD,
        Role.CONTRACTOR_LEAD, Role.CUTOVER_OPERATOR).build());
    ok(CutoverEvent.ARRIVE, OWNER, CutoverEventData.builder().leadQualified(true).build());
    ok(CutoverEvent.PRE_CHECK, OPERATOR, CutoverEventData.builder().preChecklistRef("pre").preConditionsMet(true)
        .build());
    now = START.minusSeconds(600); // the cutover starts at its approved time (CUTOVER-09)
    ok(CutoverEvent.ORDER_START, LEAD, CutoverEventData.builder().allPartiesPresent(true).build());
    ok(CutoverEvent.COMPLETE_AND_POST_CHECK, OPERATOR, CutoverEventData.builder()
        .addImportantOperations(ImportantOperation.of("swap disk", "wu", "zheng")).testResultsRef("t")
        .postChecklistRef("post").equipmentNormal(true).expectedEffectAchieved(true).build());
    ok(CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST, OWNER, CutoverEventData.none());
    ok(CutoverEvent.ARCHIVE, OWNER, CutoverEventData.builder().csTestResultsRef("cs").processLogRef("log")
        .archiveRef("arc").build());
    assertThat(repo.find("CO-5").orElseThrow().state()).isEqualTo("ARCHIVED");
    assertThat(repo.history("CO-5")).hasSize(13);
    assertThat(log.read("cutover:CO-5")).hasSize(14);
    assertThat(log.verify("cutover:CO-5").intact()).isTrue();
    assertThat(repo.history("CO-5").get(10).dataJson()).contains("\"operatorId\":\"wu\"");
  }

  @Test
  void aRefusedCreationStoresNothing() {
    Actor outsider = Actor.builder().id("ma").org("支持维护室").addRoles(Role.CUTOVER_OWNER).build();
    Cutover facts = Cutover.builder().system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).plannedStart(START).build();
    assertThat(store.create(CutoverTicket.draft("CO-6", facts), outsider, T0).isAccepted()).isFalse();
    assertThat(repo.find("CO-6")).isEmpty();
    assertThat(log.streams()).isEmpty();
  }

  @Test
  void theCodecNamesABadRecordField() {
    assertThatThrownBy(() -> CutoverCodec.instance().decode("X", "DRAFTING",
        "{\"facts\": {}, \"record\": {\"teleport\": {}}}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("record.teleport");
  }

  @Test
  void theCodecNamesABadStepOrOpenComplaintByItsPath() {
    assertThatThrownBy(() -> CutoverCodec.instance().decode("X", "DRAFTING",
        "{\"record\": {\"create\": {\"at\": \"2026-11-25T09:00:00+08:00\"}}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("record.create.actorId");
    assertThatThrownBy(() -> CutoverCodec.instance().decode("X", "DRAFTING",
        "{\"record\": {\"openComplaints\": {\"C-1\": \"2026-11-25T09:00:00\"}}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("record.openComplaints.C-1");
    assertThatThrownBy(() -> CutoverCodec.instance().decode("X", "DRAFTING",
        "{\"record\": {\"openComplaints\": [\"C-1\"]}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("record.openComplaints");
  }
}
