package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverRecord;
import org.opsbook.rules.cutover.CutoverRecord.RecordedStep;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;
import org.opsbook.rules.dataop.DataOpRecord;
import org.opsbook.rules.dataop.DataOpRecord.Approval;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;

/**
 * What the engine holds is the engine's to say, not the caller's: a new instance carries no step it did not fire (a
 * sensitive-data approval, the owner's arrival), an SMS is planned only for a duty the fault owes, the briefing is
 * told by the duty desk to the people in the roles named, and a ticket is received by the pre-processors by now.
 */
class EngineFactsTest {
  private final MutableClock clock = MutableClock.at(T0);
  private OpsEngine ops;

  private static Person person(String id, String org, Role role) {
    return Person.builder().id(id).name(id).org(org).phone(String.format("137%08d", Math.floorMod(id.hashCode(),
        100_000_000))).addRoles(role).addRecipientClasses(RecipientClass.C).build();
  }

  @BeforeEach
  void engine() {
    ops = OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(List.of(person("zhangsan", "运营管理室", Role.ESC_DUTY),
            person("lisi", "运营管理室", Role.FAULT_TEAM_LEADER), person("wangwu", "运营管理室", Role.ROOM_SUPERVISOR),
            person("zhaoliu", "运营管理室", Role.ROOM_MANAGER), person("sunba", "运营管理室", Role.DUTY_68284),
            person("zhang", "运营管理室", Role.DATA_SUBMITTER), person("qian", "运营管理室", Role.CUTOVER_OWNER),
            person("he", "运营管理室", Role.PRE_PROCESSOR), person("chu", "运营管理室", Role.CUTOVER_OWNER),
            person("wei", "运营管理室", Role.APPROVING_SUPERVISOR), person("zhou", "运营管理室", Role.CUTOVER_ONSITE_LEAD),
            person("wu", "运营管理室", Role.CUTOVER_OPERATOR))))
        .gateway(new RecordingMessageGateway(clock)).clock(clock).build();
  }

  @AfterEach
  void close() {
    ops.close();
  }

  @Test
  @DisplayName("DATAOP-SENS-01 CUTOVER-14 a new instance carries no approval and no step it did not fire")
  void dataopSens01AndCutover14ANewInstanceRecordsNothing() {
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-1").ticketKind(TicketKind.AMS_DATA_MOD)
        .targetSystem(TargetSystem.BOSS).recordCount(5000).impactStatement("5000 numbers' package end date")
        .sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般")
        .involvesLevel1Sensitive(true).build();
    Actor ghost = Actor.builder().id("ghost").addRoles(Role.SUPERIOR_SUPERVISOR, Role.ROOM_MANAGER).build();
    DataOpRecord forged = DataOpRecord.builder().sensitiveAccessForm(new Approval(ghost, T0.minusSeconds(3600)))
        .build();
    InvalidInputException e = catchThrowableOfType(() -> ops.modifications().create(
        DataOpTicket.of("DM-1", DataOpState.DRAFT, op, forged), "zhang"), InvalidInputException.class);
    assertThat(e.field()).isEqualTo("draft");
    assertThat(ops.modifications().find("DM-1")).as("nothing stored").isEmpty();
    assertThat(ops.modifications().create(DataOpTicket.draft("DM-1", op), "zhang").accepted()).isTrue();

    Cutover facts = Cutover.builder().cutoverId("CO-1").plannedStart(T0.plus(Duration.ofDays(10))).build();
    CutoverRecord arrived = CutoverRecord.empty().with(CutoverEvent.ARRIVE, new RecordedStep("qian",
        T0.minusSeconds(60), CutoverEventData.builder().leadQualified(true).build()));
    assertThat(catchThrowableOfType(() -> ops.cutovers().create(CutoverTicket.of("CO-1", CutoverState.INITIAL, facts,
        arrived), "qian"), InvalidInputException.class).field()).isEqualTo("draft");
    assertThat(ops.cutovers().find("CO-1")).isEmpty();
  }

  @Test
  @DisplayName("NOTIFY-TRIG-08 no recovery SMS is planned for a fault not repaired, whatever duty the caller builds")
  void notifyTrig08OnlyAnOwedDutyIsPlanned() {
    ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    Obligation madeUp = Obligation.builder().ruleId(RuleId.of("NOTIFY-TRIG-08")).subjectId("F-1")
        .channel(Channel.SMS).actor(Role.DUTY_68284).action("mass-send the recovery SMS").target("A,B,C").build();
    InvalidInputException e = catchThrowableOfType(() -> ops.messages().plan(madeUp), InvalidInputException.class);
    assertThat(e.field()).isEqualTo("duty");
    assertThat(ops.messages().plan(EngineFixture.notifyDuty(ops, "F-1")).key().toString())
        .isEqualTo("F-1/NOTIFICATION/1");
  }

  @Test
  @DisplayName("NOTIFY-REVIEW-03 the duty desk briefs, and each listener holds the role they are told in")
  void notifyReview03TheBriefingIsTheDutyDesksToThePeopleNamed() {
    ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
    InvalidInputException teller = catchThrowableOfType(() -> ops.faults().told("F-1", Role.FAULT_TEAM_LEADER,
        "lisi", "sunba"), InvalidInputException.class);
    assertThat(teller.field()).isEqualTo("personId");
    assertThat(teller.ruleId()).contains(RuleId.of("NOTIFY-REVIEW-03"));
    InvalidInputException listener = catchThrowableOfType(() -> ops.faults().told("F-1", Role.ROOM_MANAGER,
        "sunba", "zhangsan"), InvalidInputException.class);
    assertThat(listener.field()).isEqualTo("listenerId");
    assertThat(ops.faults().briefing("F-1").teamLeaderInformedAt()).isEmpty();
    ops.faults().told("F-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    assertThat(ops.faults().briefing("F-1").teamLeaderInformedAt()).isPresent();
  }

  @Test
  @DisplayName("TICKET-01 a ticket is received by a pre-processor, by now")
  void ticket01ATicketIsReceivedByAPreProcessorByNow() {
    InvalidInputException who = catchThrowableOfType(() -> ops.tickets().receive("T-1", T0, "zhang"),
        InvalidInputException.class);
    assertThat(who.field()).isEqualTo("personId");
    assertThat(who.ruleId()).contains(RuleId.of("TICKET-01"));
    InvalidInputException when = catchThrowableOfType(() -> ops.tickets().receive("T-1", T0.plus(Duration.ofDays(30)),
        "he"), InvalidInputException.class);
    assertThat(when.field()).isEqualTo("receivedAt");
    assertThat(ops.tickets().find("T-1")).isEmpty();
    assertThat(ops.tickets().receive("T-1", T0.minusSeconds(600), "he").accepted()).isTrue();
  }

  private void cutoverStep(CutoverEvent event, String who, CutoverEventData data) {
    clock.advance(Duration.ofMinutes(5));
    ops.cutovers().fire("CO-2", event, who, data).orThrow();
  }

  @Test
  @DisplayName("CUTOVER-18 the operator and the watcher of an important operation are people of the directory")
  void cutover18TheTwoPeopleAreTheDirectorys() {
    java.time.Instant start = T0.plus(Duration.ofDays(10));
    Cutover facts = Cutover.builder().cutoverId("CO-2").system(org.opsbook.rules.cutover.CutoverSystem.BOSS)
        .category(org.opsbook.rules.cutover.CutoverCategory.SOFTWARE)
        .trigger(org.opsbook.rules.cutover.CutoverTrigger.OM_NEED).plannedStart(start)
        .addReportContents(org.opsbook.rules.cutover.ReportContent.values())
        .addApplicationContents(org.opsbook.rules.cutover.ApplicationContent.TIME,
            org.opsbook.rules.cutover.ApplicationContent.PLAN, org.opsbook.rules.cutover.ApplicationContent.PERSONNEL,
            org.opsbook.rules.cutover.ApplicationContent.IMPACT_SCOPE).build();
    ops.cutovers().create(CutoverTicket.draft("CO-2", facts), "chu").orThrow();
    cutoverStep(CutoverEvent.OWNER_REVIEW, "chu", CutoverEventData.builder().addDraftContents(
        org.opsbook.rules.cutover.ReportContent.PLAN, org.opsbook.rules.cutover.ReportContent.EMERGENCY_PLAN,
        org.opsbook.rules.cutover.ReportContent.DIAL_TEST_LIST).feasible(true).businessTimeAgreed(true).build());
    cutoverStep(CutoverEvent.APPROVE_REPORT, "wei", CutoverEventData.none());
    cutoverStep(CutoverEvent.APPLY_VIA_AMS, "chu", CutoverEventData.builder().amsApplicationNo("AMS-2").build());
    cutoverStep(CutoverEvent.PROVINCE_DECISION, "chu", CutoverEventData.builder().approved(true).build());
    cutoverStep(CutoverEvent.COUNTERSIGN, "chu", CutoverEventData.builder().addCountersigners("信息技术中心")
        .countersignMedium(org.opsbook.rules.cutover.CutoverEventData.CountersignMedium.PAPERLESS_APPROVAL_FORM)
        .build());
    cutoverStep(CutoverEvent.NOTIFY_STAKEHOLDERS, "chu", CutoverEventData.builder().addRecipients("分管领导")
        .leaderInChargeNotified(true).addNoticeContents(org.opsbook.rules.cutover.ApplicationContent.TIME,
            org.opsbook.rules.cutover.ApplicationContent.IMPACT_SCOPE).build());
    cutoverStep(CutoverEvent.PRE_MEETING, "zhou", CutoverEventData.builder().addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD,
        Role.CONTRACTOR_LEAD, Role.CUTOVER_OPERATOR).build());
    cutoverStep(CutoverEvent.ARRIVE, "chu", CutoverEventData.builder().leadQualified(true).build());
    cutoverStep(CutoverEvent.PRE_CHECK, "wu", CutoverEventData.builder().preChecklistRef("pre.xls")
        .preConditionsMet(true).build());
    clock.set(start.minus(Duration.ofMinutes(5)));
    cutoverStep(CutoverEvent.ORDER_START, "zhou", CutoverEventData.builder().allPartiesPresent(true).build());
    clock.advance(Duration.ofMinutes(5));
    InvalidInputException ghosts = catchThrowableOfType(() -> ops.cutovers().fire("CO-2",
        CutoverEvent.COMPLETE_AND_POST_CHECK, "wu", CutoverEventData.builder().addImportantOperations(
            org.opsbook.rules.cutover.CutoverEventData.ImportantOperation.of("switch DB", "ghost-a", "ghost-b"))
            .testResultsRef("dial.xls").postChecklistRef("post.xls").equipmentNormal(true)
            .expectedEffectAchieved(true).build()), InvalidInputException.class);
    assertThat(ghosts.field()).isEqualTo("data.importantOperations[0].operatorId");
    assertThat(ops.cutovers().find("CO-2").orElseThrow().state()).isEqualTo(CutoverState.IN_PROGRESS);
    assertThat(ops.cutovers().fire("CO-2", CutoverEvent.COMPLETE_AND_POST_CHECK, "wu", CutoverEventData.builder()
        .addImportantOperations(org.opsbook.rules.cutover.CutoverEventData.ImportantOperation.of("switch DB", "WU",
            "zhou")).testResultsRef("dial.xls").postChecklistRef("post.xls").equipmentNormal(true)
        .expectedEffectAchieved(true).build()).accepted()).isTrue();
  }
}
