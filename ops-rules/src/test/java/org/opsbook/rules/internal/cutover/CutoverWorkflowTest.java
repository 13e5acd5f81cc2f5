package org.opsbook.rules.internal.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.cutover.CutoverEvent.APPLY_VIA_AMS;
import static org.opsbook.rules.cutover.CutoverEvent.APPROVE_REPORT;
import static org.opsbook.rules.cutover.CutoverEvent.ARCHIVE;
import static org.opsbook.rules.cutover.CutoverEvent.ARRIVE;
import static org.opsbook.rules.cutover.CutoverEvent.COMPLETE_AND_POST_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.COUNTERSIGN;
import static org.opsbook.rules.cutover.CutoverEvent.CREATE;
import static org.opsbook.rules.cutover.CutoverEvent.INVOKE_EMERGENCY_PLAN;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_STAKEHOLDERS;
import static org.opsbook.rules.cutover.CutoverEvent.ORDER_START;
import static org.opsbook.rules.cutover.CutoverEvent.OWNER_REVIEW;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_MEETING;
import static org.opsbook.rules.cutover.CutoverEvent.PROVINCE_DECISION;
import static org.opsbook.rules.cutover.CutoverEvent.PUBLISH_ANNOUNCEMENT;
import static org.opsbook.rules.internal.cutover.Fixtures.LEAD;
import static org.opsbook.rules.internal.cutover.Fixtures.OPERATOR;
import static org.opsbook.rules.internal.cutover.Fixtures.OWNER;
import static org.opsbook.rules.internal.cutover.Fixtures.START;
import static org.opsbook.rules.internal.cutover.Fixtures.SUPERVISOR;
import static org.opsbook.rules.internal.cutover.Fixtures.WATCHER;
import static org.opsbook.rules.internal.cutover.Fixtures.WF;
import static org.opsbook.rules.internal.cutover.Fixtures.archive;
import static org.opsbook.rules.internal.cutover.Fixtures.at;
import static org.opsbook.rules.internal.cutover.Fixtures.data;
import static org.opsbook.rules.internal.cutover.Fixtures.facts;
import static org.opsbook.rules.internal.cutover.Fixtures.meeting;
import static org.opsbook.rules.internal.cutover.Fixtures.none;
import static org.opsbook.rules.internal.cutover.Fixtures.notice;
import static org.opsbook.rules.internal.cutover.Fixtures.postCheck;
import static org.opsbook.rules.internal.cutover.Fixtures.review;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.internal.cutover.Fixtures.Flow;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.ReportContent;

class CutoverWorkflowTest {
  private static void refusedBy(Outcome<CutoverTicket> o, String... rules) {
    assertThat(o.isAccepted()).as("refused").isFalse();
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly(rules);
    assertThat(o.audit()).isEmpty();
  }

  private static CutoverEventData ams() {
    return data().amsApplicationNo("AMS-1").build();
  }

  @Test
  void aCutoverRunsFromCreationToArchiveRecordingEveryStep() {
    Flow f = new Flow(facts().build()).toInProgress().ok(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck())
        .ok(NOTIFY_CS_FOR_BUSINESS_TEST, OWNER).ok(ARCHIVE, OWNER, archive());
    assertThat(f.state()).isEqualTo(CutoverState.ARCHIVED);
    assertThat(f.ticket.record().ownerId()).contains("qian");
    assertThat(f.ticket.record().steps()).hasSize(15).doesNotContainKey(INVOKE_EMERGENCY_PLAN);
  }

  @DisplayName("SM-CUTOVER-T01 creation records the stated facts and opens the stream")
  @Test
  void smCutoverT01CreationRecordsTheStatedFactsAndOpensTheStream() {
    Outcome<CutoverTicket> o = WF.create(CutoverTicket.draft("CO-1", facts().build()), OWNER, Fixtures.T0);
    AuditEntry a = o.audit().orElseThrow();
    assertThat(a.stream()).isEqualTo("cutover:CO-1");
    assertThat(a.fromState()).isEmpty();
    assertThat(a.toState()).contains("DRAFTING");
    assertThat(a.details()).containsEntry("system", "BOSS").containsEntry("trigger", "OM_NEED");
    assertThat(a.ruleIds()).contains(RuleId.of("SM-CUTOVER-T01"), RuleId.of("CUTOVER-04"));
  }

  @DisplayName("CUTOVER-04 the owner is from the host room and owns every owner step")
  @Test
  void cutover04TheOwnerIsFromTheHostRoomAndOwnsEveryOwnerStep() {
    Actor outsider = Fixtures.actor("ma", "支持维护室", Role.CUTOVER_OWNER);
    refusedBy(new Flow(facts().build()).fire(CREATE, outsider, none()), "CUTOVER-04");
    Actor otherOwner = Fixtures.actor("he", "运营管理室", Role.CUTOVER_OWNER);
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER);
    refusedBy(f.fire(OWNER_REVIEW, otherOwner, review()), "CUTOVER-04");
    assertThat(f.fire(OWNER_REVIEW, OWNER, review()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-10 the developers draft has plan emergency plan and dial tests")
  @Test
  void cutover10TheDevelopersDraftHasPlanEmergencyPlanAndDialTests() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER);
    refusedBy(f.fire(OWNER_REVIEW, OWNER, data().addDraftContents(ReportContent.PLAN).feasible(true)
        .businessTimeAgreed(true).generalAffairsConsulted(true).build()), "CUTOVER-10");
    assertThat(f.fire(OWNER_REVIEW, OWNER, review()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-11 the owner confirms feasibility time and the announcement with general affairs")
  @Test
  void cutover11TheOwnerConfirmsFeasibilityTimeAndTheAnnouncementWithGeneralAffairs() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER);
    refusedBy(f.fire(OWNER_REVIEW, OWNER, data().addDraftContents(ReportContent.PLAN, ReportContent.EMERGENCY_PLAN,
        ReportContent.DIAL_TEST_LIST).feasible(true).businessTimeAgreed(true).build()), "CUTOVER-11");
    Flow quiet = new Flow(facts().affectsCustomerBusiness(false).needsSocialAnnouncement(false).build())
        .ok(CREATE, OWNER);
    assertThat(quiet.fire(OWNER_REVIEW, OWNER, data().addDraftContents(ReportContent.PLAN,
        ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST).feasible(true).businessTimeAgreed(true).build())
        .isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-12 the supervisor approves only a complete report")
  @Test
  void cutover12TheSupervisorApprovesOnlyACompleteReport() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review());
    Outcome<CutoverTicket> o = f.fire(APPROVE_REPORT, SUPERVISOR, data().addReportContents(ReportContent.PLAN,
        ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST, ReportContent.TIME, ReportContent.IMPACT,
        ReportContent.BASIS, ReportContent.SYSTEM_CUTOVER_APPLICATION_DOC).build());
    refusedBy(o, "CUTOVER-12");
    assertThat(o.violations().get(0).message()).contains("DRAFT_SOCIAL_ANNOUNCEMENT");
    refusedBy(f.fire(APPROVE_REPORT, OWNER, none()), "CUTOVER-12", "SM-CUTOVER-T03");
    assertThat(f.fire(APPROVE_REPORT, SUPERVISOR, none()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-12 the owner who submits the report may not approve it as its supervisor")
  @Test
  void cutover12TheOwnerWhoSubmitsTheReportMayNotApproveIt() {
    Actor both = Fixtures.actor("qian", "运营管理室", Role.CUTOVER_OWNER, Role.APPROVING_SUPERVISOR);
    Flow f = new Flow(facts().build()).ok(CREATE, both).ok(OWNER_REVIEW, both, review());
    Outcome<CutoverTicket> o = f.fire(APPROVE_REPORT, both, none());
    refusedBy(o, "CUTOVER-12");
    assertThat(o.violations().get(0).field()).contains("actor");
    assertThat(f.fire(APPROVE_REPORT, SUPERVISOR, none()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-24 the application holds time plan personnel and impact scope")
  @Test
  void cutover24TheApplicationHoldsTimePlanPersonnelAndImpactScope() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review())
        .ok(APPROVE_REPORT, SUPERVISOR);
    refusedBy(f.fire(APPLY_VIA_AMS, OWNER, data().amsApplicationNo("A").addApplicationContents(
        ApplicationContent.TIME, ApplicationContent.PLAN).build()), "CUTOVER-24");
    assertThat(f.fire(APPLY_VIA_AMS, OWNER, ams()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-23 the application is complete by the end of the third working day before")
  @Test
  void cutover23TheApplicationIsCompleteByTheEndOfTheThirdWorkingDayBefore() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review())
        .ok(APPROVE_REPORT, SUPERVISOR);
    Instant deadline = at(2026, 11, 24, 0, 0);
    Outcome<CutoverTicket> late = f.fireAt(APPLY_VIA_AMS, OWNER, ams(), deadline.plusSeconds(1));
    refusedBy(late, "CUTOVER-23");
    Outcome<CutoverTicket> onTime = f.fireAt(APPLY_VIA_AMS, OWNER, ams(), deadline);
    assertThat(onTime.isAccepted()).isTrue();
    assertThat(onTime.audit().orElseThrow().details()).containsEntry("applicationDeadline", deadline.toString());
  }

  @DisplayName("SM-CUTOVER-T05 the province may reject which is terminal")
  @Test
  void smCutoverT05TheProvinceMayRejectWhichIsTerminal() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review())
        .ok(APPROVE_REPORT, SUPERVISOR).ok(APPLY_VIA_AMS, OWNER, ams())
        .ok(PROVINCE_DECISION, OWNER, data().approved(false).build());
    assertThat(f.state()).isEqualTo(CutoverState.REJECTED);
    for (CutoverEvent e : CutoverEvent.values()) {
      if (e == APPLY_VIA_AMS || e == PROVINCE_DECISION || e == CREATE || e == INVOKE_EMERGENCY_PLAN) {
        continue;
      }
      assertThat(f.fire(e, OWNER, none()).isAccepted()).as("%s", e).isFalse();
    }
    assertThat(f.state()).isEqualTo(CutoverState.REJECTED);
  }

  @DisplayName("CUTOVER-06 countersignature comes from the it centre and every related department by a stated medium")
  @Test
  void cutover06CountersignatureComesFromTheItCentreAndEveryRelatedDepartmentByAStatedMedium() {
    Flow f = new Flow(facts().addRelatedDepartments("客服中心").build()).ok(CREATE, OWNER)
        .ok(OWNER_REVIEW, OWNER, review()).ok(APPROVE_REPORT, SUPERVISOR).ok(APPLY_VIA_AMS, OWNER, ams())
        .ok(PROVINCE_DECISION, OWNER, data().approved(true).build());
    refusedBy(f.fire(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心")
        .countersignMedium(CountersignMedium.OFFICIAL_DOCUMENT).build()), "CUTOVER-06");
    refusedBy(f.fire(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心", "客服中心").build()), "CUTOVER-06");
    Instant provinceAt = f.ticket.record().step(PROVINCE_DECISION).orElseThrow().at();
    refusedBy(f.fireAt(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心", "客服中心")
        .countersignMedium(CountersignMedium.OFFICIAL_DOCUMENT).build(), provinceAt.minusSeconds(60)), "CUTOVER-06",
        "OPS-TIME-01");
    assertThat(f.fire(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心", "客服中心")
        .countersignMedium(CountersignMedium.OFFICIAL_DOCUMENT).build()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-07 when customers are affected the announcement comes before the notice")
  @Test
  void cutover07WhenCustomersAreAffectedTheAnnouncementComesBeforeTheNotice() {
    Flow f = new Flow(facts().build()).toCountersigned();
    refusedBy(f.fire(NOTIFY_STAKEHOLDERS, OWNER, notice()), "CUTOVER-07");
    refusedBy(f.fire(PUBLISH_ANNOUNCEMENT, OWNER, none()), "CUTOVER-07");
    f.ok(PUBLISH_ANNOUNCEMENT, OWNER, data().announcementRef("DOC-9").build());
    assertThat(f.fire(NOTIFY_STAKEHOLDERS, OWNER, notice()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-07 without customer impact the announcement may be skipped")
  @Test
  void cutover07WithoutCustomerImpactTheAnnouncementMayBeSkipped() {
    Flow f = new Flow(facts().affectsCustomerBusiness(false).build()).toCountersigned();
    assertThat(f.fire(NOTIFY_STAKEHOLDERS, OWNER, notice()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-08 the leader in charge is told the time and impact before the start")
  @Test
  void cutover08TheLeaderInChargeIsToldTheTimeAndImpactBeforeTheStart() {
    Flow f = new Flow(facts().affectsCustomerBusiness(false).build()).toCountersigned();
    refusedBy(f.fire(NOTIFY_STAKEHOLDERS, OWNER, data().leaderInChargeNotified(true)
        .addNoticeContents(ApplicationContent.TIME).build()), "CUTOVER-08");
    refusedBy(f.fire(NOTIFY_STAKEHOLDERS, OWNER, data().addNoticeContents(ApplicationContent.TIME,
        ApplicationContent.IMPACT_SCOPE).build()), "CUTOVER-08");
    refusedBy(f.fireAt(NOTIFY_STAKEHOLDERS, OWNER, notice(), START), "CUTOVER-08");
    assertThat(f.fireAt(NOTIFY_STAKEHOLDERS, OWNER, notice(), START.minusSeconds(1)).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-08 every related department is among those told")
  @Test
  void cutover08EveryRelatedDepartmentIsAmongThoseTold() {
    Flow f = new Flow(facts().affectsCustomerBusiness(false).addRelatedDepartments("客服中心", "市场部").build())
        .ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review()).ok(APPROVE_REPORT, SUPERVISOR)
        .ok(APPLY_VIA_AMS, OWNER, ams()).ok(PROVINCE_DECISION, OWNER, data().approved(true).build())
        .ok(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心", "客服中心", "市场部")
            .countersignMedium(CountersignMedium.PAPERLESS_APPROVAL_FORM).build());
    Outcome<CutoverTicket> leaderOnly = f.fire(NOTIFY_STAKEHOLDERS, OWNER, data().leaderInChargeNotified(true)
        .addRecipients("分管领导", "客服中心").addNoticeContents(ApplicationContent.TIME, ApplicationContent.IMPACT_SCOPE)
        .build());
    refusedBy(leaderOnly, "CUTOVER-08");
    assertThat(leaderOnly.violations().get(0).message()).contains("[市场部]");
    assertThat(f.fire(NOTIFY_STAKEHOLDERS, OWNER, data().leaderInChargeNotified(true)
        .addRecipients("分管领导", "客服中心", "市场部")
        .addNoticeContents(ApplicationContent.TIME, ApplicationContent.IMPACT_SCOPE).build()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-13 the meeting has the on site lead the contractors lead and the operators")
  @Test
  void cutover13TheMeetingHasTheOnSiteLeadTheContractorsLeadAndTheOperators() {
    Flow f = new Flow(facts().affectsCustomerBusiness(false).build()).toCountersigned()
        .ok(NOTIFY_STAKEHOLDERS, OWNER, notice());
    refusedBy(f.fire(PRE_MEETING, LEAD, data().addAttendeeRoles(Role.CUTOVER_ONSITE_LEAD, Role.CUTOVER_OPERATOR)
        .build()), "CUTOVER-13");
    assertThat(f.fire(PRE_MEETING, LEAD, meeting()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-14 the qualified owner arrives at least fifteen minutes early boundary")
  @Test
  void cutover14TheQualifiedOwnerArrivesAtLeastFifteenMinutesEarlyBoundary() {
    Instant[] arrivals = {START.minus(Duration.ofMinutes(16)), START.minus(Duration.ofMinutes(15)),
        START.minus(Duration.ofMinutes(14))};
    boolean[] allowed = {true, true, false};
    for (int i = 0; i < arrivals.length; i++) {
      Flow f = new Flow(facts().build()).toBriefed();
      f.fireAt(ARRIVE, OWNER, data().leadQualified(true).build(), arrivals[i]);
      Outcome<CutoverTicket> o = f.fireAt(PRE_CHECK, OPERATOR, data().preChecklistRef("p").preConditionsMet(true)
          .build(), arrivals[i].plusSeconds(1));
      assertThat(o.isAccepted()).as("arrival %s", i).isEqualTo(allowed[i]);
      if (!allowed[i]) {
        refusedBy(o, "CUTOVER-14");
      }
    }
  }

  @DisplayName("CUTOVER-14 the owner must be qualified and have arrived")
  @Test
  void cutover14TheOwnerMustBeQualifiedAndHaveArrived() {
    Flow f = new Flow(facts().build()).toBriefed();
    CutoverEventData check = data().preChecklistRef("p").preConditionsMet(true).build();
    refusedBy(f.fire(PRE_CHECK, OPERATOR, check), "CUTOVER-14");
    f.ok(ARRIVE, OWNER);
    refusedBy(f.fire(PRE_CHECK, OPERATOR, check), "CUTOVER-14");
    f.ok(ARRIVE, OWNER, data().leadQualified(true).build());
    assertThat(f.fire(PRE_CHECK, OPERATOR, check).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-15 the check list is recorded and the conditions met")
  @Test
  void cutover15TheCheckListIsRecordedAndTheConditionsMet() {
    Flow f = new Flow(facts().build()).toBriefed().ok(ARRIVE, OWNER, data().leadQualified(true).build());
    refusedBy(f.fire(PRE_CHECK, OPERATOR, data().preChecklistRef("p").build()), "CUTOVER-15");
    refusedBy(f.fire(PRE_CHECK, OPERATOR, data().preConditionsMet(true).build()), "CUTOVER-15");
    assertThat(f.fire(PRE_CHECK, OPERATOR, data().preChecklistRef("p").preConditionsMet(true).build())
        .isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-16 only the on site lead orders the start when all parties are present")
  @Test
  void cutover16OnlyTheOnSiteLeadOrdersTheStartWhenAllPartiesArePresent() {
    Flow f = new Flow(facts().build()).toBriefed().ok(ARRIVE, OWNER, data().leadQualified(true).build())
        .ok(PRE_CHECK, OPERATOR, data().preChecklistRef("p").preConditionsMet(true).build());
    refusedBy(f.fireAt(ORDER_START, LEAD, none(), START), "CUTOVER-16");
    refusedBy(f.fireAt(ORDER_START, OWNER, data().allPartiesPresent(true).build(), START), "SM-CUTOVER-T10");
    assertThat(f.fireAt(ORDER_START, LEAD, data().allPartiesPresent(true).build(), START).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-09 the cutover starts at its approved time, not before it")
  @Test
  void cutover09TheCutoverStartsAtItsApprovedTimeNotBeforeIt() {
    Flow f = new Flow(facts().build()).toBriefed().ok(ARRIVE, OWNER, data().leadQualified(true).build())
        .ok(PRE_CHECK, OPERATOR, data().preChecklistRef("p").preConditionsMet(true).build());
    CutoverEventData present = data().allPartiesPresent(true).build();
    Outcome<CutoverTicket> early = f.fireAt(ORDER_START, LEAD, present, START.minus(Duration.ofDays(10)));
    refusedBy(early, "CUTOVER-09");
    assertThat(early.violations().get(0).field()).contains("at");
    refusedBy(f.fireAt(ORDER_START, LEAD, present, START.minusSeconds(1)), "CUTOVER-09");
    assertThat(f.fireAt(ORDER_START, LEAD, present, START).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-18 one person written two ways is not an operator and a different watcher")
  @Test
  void cutover18OnePersonWrittenTwoWaysIsNotTwoPeople() {
    Flow f = new Flow(facts().build()).toInProgress();
    for (String watcher : new String[] {"WU", " ｗｕ", "Wu "}) {
      CutoverEventData same = data().addImportantOperations(ImportantOperation.of("switch DB", "wu", watcher))
          .testResultsRef("t").postChecklistRef("p").equipmentNormal(true).expectedEffectAchieved(true).build();
      refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, same), "CUTOVER-18");
    }
    assertThat(ImportantOperation.of("switch DB", " Ｗu", "zheng").operatorId()).contains("wu");
    assertThatThrownBy(() -> ImportantOperation.of("switch DB", "wu", "zh\u0435ng"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("watcherId");
  }

  @DisplayName("CUTOVER-18 every important operation has an operator and a different watcher")
  @Test
  void cutover18EveryImportantOperationHasAnOperatorAndADifferentWatcher() {
    Flow f = new Flow(facts().build()).toInProgress();
    CutoverEventData sameMan = data().addImportantOperations(ImportantOperation.of("switch DB", "wu", "wu"))
        .testResultsRef("t").postChecklistRef("p").equipmentNormal(true).expectedEffectAchieved(true).build();
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, sameMan), "CUTOVER-18");
    CutoverEventData noWatcher = data().addImportantOperations(ImportantOperation.of("switch DB", "wu", null))
        .testResultsRef("t").postChecklistRef("p").equipmentNormal(true).expectedEffectAchieved(true).build();
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, WATCHER, noWatcher), "CUTOVER-18");
    assertThat(f.fire(COMPLETE_AND_POST_CHECK, WATCHER, postCheck()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-19 CUTOVER-21 tests are recorded and the post check confirms normal running and the effect")
  @Test
  void cutover19And21TestsAreRecordedAndThePostCheckConfirmsNormalRunningAndTheEffect() {
    Flow f = new Flow(facts().build()).toInProgress();
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, data().postChecklistRef("p").equipmentNormal(true)
        .expectedEffectAchieved(true).build()), "CUTOVER-19");
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, data().testResultsRef("t").postChecklistRef("p")
        .equipmentNormal(true).build()), "CUTOVER-21");
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, data().testResultsRef("t").equipmentNormal(true)
        .expectedEffectAchieved(true).build()), "CUTOVER-21");
    assertThat(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck()).isAccepted()).isTrue();
  }

  @DisplayName("CUTOVER-22 CUTOVER-09 archiving needs cs test results the log and the archive")
  @Test
  void cutover22And09ArchivingNeedsCsTestResultsTheLogAndTheArchive() {
    Flow f = new Flow(facts().build()).toInProgress().ok(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck())
        .ok(NOTIFY_CS_FOR_BUSINESS_TEST, OWNER);
    refusedBy(f.fire(ARCHIVE, OWNER, data().processLogRef("l").archiveRef("a").build()), "CUTOVER-22");
    refusedBy(f.fire(ARCHIVE, OWNER, data().csTestResultsRef("cs").archiveRef("a").build()), "CUTOVER-09");
    assertThat(f.fire(ARCHIVE, OWNER, archive()).isAccepted()).isTrue();
  }

  @DisplayName("SM-CUTOVER-T13 the on site lead invokes the emergency plan which is terminal")
  @Test
  void smCutoverT13TheOnSiteLeadInvokesTheEmergencyPlanWhichIsTerminal() {
    Flow f = new Flow(facts().build()).toInProgress();
    refusedBy(f.fire(INVOKE_EMERGENCY_PLAN, OPERATOR, data().reason("db down").build()), "SM-CUTOVER-T13");
    f.ok(INVOKE_EMERGENCY_PLAN, LEAD, data().reason("call 13800138000: db down").rollbackSteps("restore").build());
    assertThat(f.state()).isEqualTo(CutoverState.ABORTED);
    assertThat(f.ticket.record().data(INVOKE_EMERGENCY_PLAN).reason()).contains("call 138****8000: db down");
    assertThat(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck()).isAccepted()).isFalse();
  }

  @Test
  void creationWithoutTheStartIsInvalidInputNamingTheFact() {
    CutoverTicket draft = CutoverTicket.draft("CO", Cutover.builder().system(CutoverSystem.BOSS)
        .category(CutoverCategory.HARDWARE).trigger(CutoverTrigger.SUPERIOR_ARRANGEMENT).build());
    assertThatThrownBy(() -> WF.create(draft, OWNER, Fixtures.T0)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("plannedStart"));
  }

  @Test
  void missingRequiredDataIsInvalidInputAndChangesNothing() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review())
        .ok(APPROVE_REPORT, SUPERVISOR);
    CutoverTicket before = f.ticket;
    assertThatThrownBy(() -> f.fire(APPLY_VIA_AMS, OWNER, none())).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          assertThat(((InvalidInputException) e).field()).isEqualTo("data.amsApplicationNo");
          assertThat(((InvalidInputException) e).ruleId()).contains(RuleId.of("CUTOVER-05"));
        });
    assertThatThrownBy(() -> f.fire(APPLY_VIA_AMS, OWNER, data().amsApplicationNo("A").feasible(true).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("data.feasible");
    assertThat(f.ticket).isSameAs(before);
  }

  @Test
  void theTableIsDescribedForDocumentation() {
    assertThat(WF.describe()).contains("| SM-CUTOVER-T04 | SUPERVISOR_APPROVED → APPLIED | APPLY_VIA_AMS | "
        + "[CUTOVER_OWNER] | CUTOVER-04, CUTOVER-24, CUTOVER-23 |");
  }
}
