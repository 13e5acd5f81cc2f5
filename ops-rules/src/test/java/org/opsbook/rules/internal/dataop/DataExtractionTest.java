package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.dataop.DataOpEvent.APPROVE_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.ASSESS;
import static org.opsbook.rules.dataop.DataOpEvent.ATTACH_SCRIPT;
import static org.opsbook.rules.dataop.DataOpEvent.CANCEL;
import static org.opsbook.rules.dataop.DataOpEvent.CONFIRM_BUSINESS;
import static org.opsbook.rules.dataop.DataOpEvent.DELIVER;
import static org.opsbook.rules.dataop.DataOpEvent.EXECUTE;
import static org.opsbook.rules.dataop.DataOpEvent.FAIL_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.NOTIFY_REQUESTER;
import static org.opsbook.rules.dataop.DataOpEvent.PASS_REVIEW;
import static org.opsbook.rules.dataop.DataOpEvent.RESUBMIT;
import static org.opsbook.rules.dataop.DataOpEvent.RUN;
import static org.opsbook.rules.dataop.DataOpEvent.SUBMIT;
import static org.opsbook.rules.internal.dataop.Fixtures.ANALYST;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY;
import static org.opsbook.rules.internal.dataop.Fixtures.CITY2;
import static org.opsbook.rules.internal.dataop.Fixtures.DEV;
import static org.opsbook.rules.internal.dataop.Fixtures.EXT;
import static org.opsbook.rules.internal.dataop.Fixtures.REMOTE_DEV;
import static org.opsbook.rules.internal.dataop.Fixtures.REVIEWER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.SUPERIOR;
import static org.opsbook.rules.internal.dataop.Fixtures.T0;
import static org.opsbook.rules.internal.dataop.Fixtures.actor;
import static org.opsbook.rules.internal.dataop.Fixtures.data;
import static org.opsbook.rules.internal.dataop.Fixtures.extraction;
import static org.opsbook.rules.internal.dataop.Fixtures.none;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.dataop.Fixtures.Flow;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TicketKind;

class DataExtractionTest {
  private static final Actor REQUESTER_ANALYST = actor("ana2", "数据分析室", ActorKind.CITY_STAFF, Role.REQUESTER);

  private static void refusedBy(Outcome<DataOpTicket> o, String... rules) {
    assertThat(o.isAccepted()).as("refused").isFalse();
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly(rules);
  }

  private static DataOpEventData ran(int rows, double minutes) {
    return data().actualRowCount(rows).actualExecutionMinutes(minutes).build();
  }

  private static DataOpEventData checked(String... numbers) {
    DataOpEventData.Builder b = data().logicVerified(true).countVerified(true);
    for (String n : numbers) {
      b.addSampledNumbers(Sample.of(n));
    }
    return b.build();
  }

  /** The Wednesday after the flows start (T0): a run is dated after the steps before it (OPS-TIME-01). */
  private static Instant wed(int h, int m) {
    return ZonedDateTime.of(2026, 12, 2, h, m, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();
  }

  @Test
  void anExtractionRunsToClosedAndStoresSampledNumbersMasked() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(1800, 2))
        .ok(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000"))
        .ok(DELIVER, CITY, data().deliveredTo("数据分析室").build())
        .ok(NOTIFY_REQUESTER, CITY, data().channel(NotifyChannel.EMAIL).build())
        .ok(CONFIRM_BUSINESS, ANALYST);
    assertThat(f.state()).isEqualTo(DataOpState.CLOSED);
    assertThat(f.ticket.record().reviewSampledNumbers()).extracting(Sample::maskedNumber)
        .containsExactly("138****8000", "139****9000", "137****7000");
    assertThat(f.ticket.record().toString()).doesNotContain("13800138000");
  }

  @DisplayName("DATAOP-EXT-01 only data analysis room requests and only on a cmcp collaboration ticket")
  @Test
  void dataopExt01OnlyDataAnalysisRoomRequestsAndOnlyOnACmcpCollaborationTicket() {
    refusedBy(Flow.ext(extraction().build()).fire(SUBMIT, SUBMITTER, none()), "DATAOP-EXT-01");
    refusedBy(Flow.ext(extraction().ticketKind(TicketKind.AMS_DATA_MOD).build()).fire(SUBMIT, ANALYST, none()),
        "DATAOP-EXT-01");
    assertThat(Flow.ext(extraction().build()).fire(SUBMIT, ANALYST, none()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-01 only data analysis room confirms the result")
  @Test
  void dataopExt01OnlyDataAnalysisRoomConfirmsTheResult() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(10, 1))
        .ok(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000"))
        .ok(DELIVER, CITY, data().deliveredTo("数据分析室").build())
        .ok(NOTIFY_REQUESTER, REVIEWER, data().channel(NotifyChannel.PHONE).build());
    Actor marketingRequester = actor("mk", "市场部", ActorKind.CITY_STAFF, Role.REQUESTER);
    refusedBy(f.fire(CONFIRM_BUSINESS, marketingRequester, none()), "DATAOP-EXT-01");
    assertThat(f.fire(CONFIRM_BUSINESS, REQUESTER_ANALYST, none()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-03 the requirement must be complete")
  @Test
  void dataopExt03TheRequirementMustBeComplete() {
    DataOp incomplete = DataOp.builder().opType(OpType.EXTRACTION).ticketKind(TicketKind.CMCP_IT_COLLAB)
        .requirementPurpose("x").build();
    Outcome<DataOpTicket> o = Flow.ext(incomplete).fire(SUBMIT, ANALYST, none());
    refusedBy(o, "DATAOP-EXT-03");
    assertThat(o.violations()).hasSize(3);
    assertThat(Flow.ext(extraction().build()).fire(SUBMIT, ANALYST, none()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-08 the processor tells the estimated effort")
  @Test
  void dataopExt08TheProcessorTellsTheEstimatedEffort() {
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST);
    refusedBy(f.fire(ASSESS, CITY, none()), "DATAOP-EXT-08");
    assertThat(f.fire(ASSESS, CITY, data().estimatedEffort("2 hours").build()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-09 the script is on the ticket")
  @Test
  void dataopExt09TheScriptIsOnTheTicket() {
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST).ok(ASSESS, CITY, data().estimatedEffort("1h")
        .build());
    refusedBy(f.fire(ATTACH_SCRIPT, CITY, none()), "DATAOP-EXT-09");
    assertThat(f.fire(ATTACH_SCRIPT, DEV, data().scriptRef("x.sql").build()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-10 the city processor approves the script never a developer")
  @Test
  void dataopExt10TheCityProcessorApprovesTheScriptNeverADeveloper() {
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST).ok(ASSESS, CITY, data().estimatedEffort("1h")
        .build()).ok(ATTACH_SCRIPT, DEV, data().scriptRef("x.sql").build());
    Actor devWithCityRole = actor("dev9", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_PROCESSOR_CITY);
    refusedBy(f.fire(APPROVE_SCRIPT, devWithCityRole, none()), "DATAOP-EXT-10");
    refusedBy(f.fire(APPROVE_SCRIPT, DEV, none()), "DATAOP-EXT-10", "SM-DATAOP-EXT-T04");
    assertThat(f.fire(APPROVE_SCRIPT, CITY, none()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-04 a large run started in peak hours on its estimate is recorded with the violation")
  @Test
  void dataopExt04ALargeRunStartedInPeakHoursOnItsEstimateIsRecordedWithTheViolation() {
    Flow f = Flow.ext(extraction().estimatedRowCount(80_000).build()).toScriptApproved();
    Outcome<DataOpTicket> o = f.fireAt(RUN, CITY, ran(100, 1), wed(10, 0));
    assertThat(o.isAccepted()).isTrue();
    assertThat(f.state()).isEqualTo(DataOpState.EXTRACTED);
    assertThat(f.ticket.record().recordedViolations()).extracting(RuleId::value).containsExactly("DATAOP-EXT-04");
    assertThat(o.audit().orElseThrow().ruleIds()).extracting(RuleId::value).contains("DATAOP-EXT-04");
    assertThat(o.audit().orElseThrow().details().get("recordedViolation")).startsWith("DATAOP-EXT-04: ")
        .contains("estimate");
    Flow atNoon = Flow.ext(extraction().estimatedRowCount(80_000).build()).toScriptApproved();
    assertThat(atNoon.fireAt(RUN, CITY, ran(80_000, 5), wed(12, 5)).isAccepted()).isTrue();
    assertThat(atNoon.ticket.record().recordedViolations()).isEmpty();
  }

  @DisplayName("DATAOP-EXT-04 a run that broke the peak-hour ban by its actual duration moves on and keeps the "
      + "violation for the review")
  @Test
  void dataopExt04ARunThatBrokeTheBanByItsActualDurationMovesOnAndKeepsTheViolationForTheReview() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    Outcome<DataOpTicket> run = f.fireAt(RUN, CITY, ran(100, 16), wed(11, 50));
    assertThat(run.isAccepted()).isTrue();
    assertThat(f.state()).isEqualTo(DataOpState.EXTRACTED);
    assertThat(DataOpWorkflow.newlyRecordedViolations(f.ticket, f.ticket)).isEmpty();
    assertThat(f.ticket.record().recordedViolations()).extracting(RuleId::value).containsExactly("DATAOP-EXT-04");
    assertThat(run.audit().orElseThrow().details().get("recordedViolation")).contains("16.0 minutes");
    Outcome<DataOpTicket> review = f.fireAt(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000",
        "13700137000"), wed(13, 0));
    assertThat(review.violations()).isEmpty();
    assertThat(review.audit().orElseThrow().details()).containsEntry("recordedViolations", "DATAOP-EXT-04");
    assertThat(review.audit().orElseThrow().ruleIds()).extracting(RuleId::value).contains("DATAOP-EXT-04");

    Flow large = Flow.ext(extraction().build()).toScriptApproved();
    assertThat(large.fireAt(RUN, CITY, ran(50_001, 3), wed(10, 0)).isAccepted()).isTrue();
    assertThat(large.ticket.record().recordedViolations()).extracting(RuleId::value)
        .containsExactly("DATAOP-EXT-04");
    Flow kept = Flow.ext(extraction().build()).toScriptApproved();
    assertThat(kept.fireAt(RUN, CITY, ran(50_000, 15), wed(10, 0)).isAccepted()).isTrue();
    assertThat(kept.ticket.record().recordedViolations()).isEmpty();
  }

  @DisplayName("DATAOP-EXT-04 a run reported after the peak hours without its start ran into them")
  @Test
  void dataopExt04ARunReportedAfterThePeakHoursRanIntoThem() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    Outcome<DataOpTicket> run = f.fireAt(RUN, CITY, ran(90_000, 20), wed(18, 5));
    assertThat(run.isAccepted()).isTrue();
    assertThat(f.ticket.record().executedAt()).as("20 minutes before the report").contains(wed(17, 45));
    assertThat(f.ticket.record().recordedViolations()).extracting(RuleId::value).containsExactly("DATAOP-EXT-04");
    assertThat(run.audit().orElseThrow().details().get("recordedViolation")).contains(wed(17, 45).toString());
    Flow after = Flow.ext(extraction().build()).toScriptApproved();
    assertThat(after.fireAt(RUN, CITY, ran(90_000, 20), wed(18, 20)).isAccepted()).isTrue();
    assertThat(after.ticket.record().recordedViolations()).as("18:00 to 18:20 keeps the ban").isEmpty();
  }

  @DisplayName("DATAOP-EXT-04 a run cannot have started after its report")
  @Test
  void dataopExt04ARunCannotHaveStartedAfterItsReport() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    Outcome<DataOpTicket> o = f.fireAt(RUN, CITY, data().actualRowCount(90_000).actualExecutionMinutes(20)
        .startedAt(wed(18, 10)).build(), wed(18, 5));
    refusedBy(o, "DATAOP-EXT-04");
    assertThat(o.violations().get(0).field()).contains("startedAt");
    assertThat(f.state()).isEqualTo(DataOpState.SCRIPT_APPROVED);
  }

  @DisplayName("DATAOP-EXT-04 the runs start may be given explicitly")
  @Test
  void dataopExt04TheRunsStartMayBeGivenExplicitly() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    DataOpEventData lateStart = data().actualRowCount(90_000).actualExecutionMinutes(20).startedAt(wed(18, 0))
        .build();
    assertThat(f.fireAt(RUN, CITY, lateStart, wed(18, 30)).isAccepted()).isTrue();
    assertThat(f.ticket.record().executedAt()).contains(wed(18, 0));
  }

  @DisplayName("DATAOP-EXT-05 the reviewer is never the author the approver or the executor")
  @Test
  void dataopExt05TheReviewerIsNeverTheAuthorTheApproverOrTheExecutor() {
    Actor reviewingProcessor = actor("li", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY,
        Role.DATA_REVIEWER);
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST).ok(ASSESS, CITY2, data().estimatedEffort("1h")
        .build()).ok(ATTACH_SCRIPT, reviewingProcessor, data().scriptRef("x").build()).ok(APPROVE_SCRIPT, CITY2)
        .ok(RUN, CITY2, ran(10, 1));
    refusedBy(f.fire(PASS_REVIEW, reviewingProcessor, checked("13800138000", "13900139000", "13700137000")),
        "DATAOP-EXT-05");
    assertThat(f.fire(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000")).isAccepted())
        .isTrue();
  }

  @DisplayName("DATAOP-EXT-05 the processor who assessed the request does not review it "
      + "(「数据操作处理人核实需求并评估需求所需时间」)")
  @Test
  void dataopExt05TheAssessorDoesNotReview() {
    Actor assessingReviewer = actor("zhao", "运营管理室", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_CITY,
        Role.DATA_REVIEWER);
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST).ok(ASSESS, assessingReviewer,
        data().estimatedEffort("1h").build()).ok(ATTACH_SCRIPT, CITY, data().scriptRef("x").build())
        .ok(APPROVE_SCRIPT, CITY2).ok(RUN, CITY, ran(10, 1));
    refusedBy(f.fire(PASS_REVIEW, assessingReviewer, checked("13800138000", "13900139000", "13700137000")),
        "DATAOP-EXT-05");
  }

  @DisplayName("DATAOP-EXT-10 the script is approved, and run, only after it is on the ticket (OPS-TIME-01)")
  @Test
  void theScriptIsApprovedAfterItIsAttached() {
    Flow f = Flow.ext(extraction().build()).ok(SUBMIT, ANALYST).ok(ASSESS, CITY, data().estimatedEffort("1h")
        .build()).ok(ATTACH_SCRIPT, CITY, data().scriptRef("x").build());
    Instant attached = f.ticket.record().scriptAttachedAt().orElseThrow();
    refusedBy(f.fireAt(APPROVE_SCRIPT, CITY2, none(), attached.minusSeconds(60)), "OPS-TIME-01");
    assertThat(f.fireAt(APPROVE_SCRIPT, CITY2, none(), attached).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-SENS-03 the developer who runs a sensitive extraction is not its city monitor")
  @Test
  void dataopSens03TheDeveloperIsNotHisOwnMonitor() {
    Flow f = Flow.ext(extraction().involvesLevel1Sensitive(true).routineOperation(true).build()).toScriptApproved();
    refusedBy(f.fire(RUN, DEV, data().actualRowCount(10).actualExecutionMinutes(1).cityMonitorId(DEV.id())
        .cityMonitorPresentThroughout(true).build()), "DATAOP-SENS-03");
  }

  @DisplayName("DATAOP-ROLE-02 a developer's processor role with the kind of city staff is refused, not read as city "
      + "staff (it would pass DATAOP-SENS-03 unmonitored)")
  @Test
  void dataopRole02ADeveloperStatesWhereHeWorks() {
    Actor unstated = actor("dev9", "开发商", ActorKind.CITY_STAFF, Role.DATA_PROCESSOR_DEV);
    Flow f = Flow.ext(extraction().involvesLevel1Sensitive(true).routineOperation(true).build()).toScriptApproved();
    refusedBy(f.fire(RUN, unstated, ran(10, 1)), "DATAOP-ROLE-02");
  }

  @DisplayName("DATAOP-EXT-06 logic count and at least three samples boundary")
  @Test
  void dataopExt06LogicCountAndAtLeastThreeSamplesBoundary() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(1800, 2));
    refusedBy(f.fire(PASS_REVIEW, REVIEWER, data().logicVerified(true).addSampledNumbers(Sample.of("13800138000"),
        Sample.of("13900139000"), Sample.of("13700137000")).build()), "DATAOP-EXT-06");
    refusedBy(f.fire(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000")), "DATAOP-EXT-06");
    refusedBy(f.fire(PASS_REVIEW, REVIEWER, data().logicVerified(true).countVerified(true)
        .addSampledNumbers(Sample.of("13800138000"), Sample.of("13900139000"), Sample.of("13700137000", false))
        .build()), "DATAOP-EXT-06");
    assertThat(f.fire(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000", "13600136000"))
        .isAccepted()).isTrue();
    Flow three = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(1800, 2));
    assertThat(three.fire(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000"))
        .isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-06 the refusal names what the review left unverified, in order")
  @Test
  void dataopExt06TheRefusalNamesWhatTheReviewLeftUnverified() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(1800, 2));
    f.reviewRefusedNaming("the reviewer must verify the extraction logic and the record count",
        data().logicVerified(true).build(), "the reviewer must verify the record count");
    // each refusal names the field the review got wrong, not one fixed field of the rule
    assertThat(f.fire(PASS_REVIEW, REVIEWER, data().addSampledNumbers(Sample.of("13800138000"),
        Sample.of("13900139000"), Sample.of("13700137000")).build()).violations()).singleElement()
        .satisfies(v -> assertThat(v.field()).contains("logicVerified"));
    assertThat(f.fire(PASS_REVIEW, REVIEWER, data().logicVerified(true).build()).violations()).singleElement()
        .satisfies(v -> assertThat(v.field()).contains("countVerified"));
  }

  @DisplayName("DATAOP-EXT-06 three samples or all rows when fewer")
  @Test
  void dataopExt06ThreeSamplesOrAllRowsWhenFewer() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(2, 1));
    refusedBy(f.fire(PASS_REVIEW, REVIEWER, checked("13800138000")), "DATAOP-EXT-06");
    assertThat(f.fire(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000")).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-02 data goes only to data analysis room")
  @Test
  void dataopExt02DataGoesOnlyToDataAnalysisRoom() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(10, 1))
        .ok(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000"));
    refusedBy(f.fire(DELIVER, CITY, data().deliveredTo("市场部").build()), "DATAOP-EXT-02");
    refusedBy(f.fire(DELIVER, CITY, none()), "DATAOP-EXT-02");
    assertThat(f.fire(DELIVER, CITY, data().deliveredTo("数据分析室").build()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-EXT-07 the requester is told by a stated channel")
  @Test
  void dataopExt07TheRequesterIsToldByAStatedChannel() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(10, 1))
        .ok(PASS_REVIEW, REVIEWER, checked("13800138000", "13900139000", "13700137000"))
        .ok(DELIVER, CITY, data().deliveredTo("数据分析室").build());
    refusedBy(f.fire(NOTIFY_REQUESTER, CITY, none()), "DATAOP-EXT-07");
    assertThat(f.fire(NOTIFY_REQUESTER, CITY, data().channel(NotifyChannel.SMS).build()).isAccepted()).isTrue();
    assertThat(f.ticket.record().requesterNotifiedVia()).contains(NotifyChannel.SMS);
  }

  @DisplayName("DATAOP-SENS-01 applies to non routine sensitive extractions")
  @Test
  void dataopSens01AppliesToNonRoutineSensitiveExtractions() {
    Flow f = Flow.ext(extraction().involvesLevel1Sensitive(true).build()).ok(SUBMIT, ANALYST)
        .ok(ASSESS, CITY, data().estimatedEffort("1h").build()).ok(ATTACH_SCRIPT, CITY, data().scriptRef("x").build());
    refusedBy(f.fire(APPROVE_SCRIPT, CITY2, none()), "DATAOP-SENS-01");
    assertThat(f.fire(APPROVE_SCRIPT, CITY2, data().sensitiveAccessFormApprovedBy(SUPERIOR).build()).isAccepted())
        .isTrue();
  }

  @DisplayName("DATAOP-SENS-03 a sensitive extraction is not run by a remote developer nor unmonitored")
  @Test
  void dataopSens03ASensitiveExtractionIsNotRunByARemoteDeveloperNorUnmonitored() {
    Flow f = Flow.ext(extraction().involvesLevel1Sensitive(true).routineOperation(true).build()).toScriptApproved();
    refusedBy(f.fire(RUN, REMOTE_DEV, ran(10, 1)), "DATAOP-SENS-03");
    refusedBy(f.fire(RUN, DEV, ran(10, 1)), "DATAOP-SENS-03");
    assertThat(f.fire(RUN, DEV, data().actualRowCount(10).actualExecutionMinutes(1).cityMonitorId("li")
        .cityMonitorPresentThroughout(true).build()).isAccepted()).isTrue();
  }

  @DisplayName("DATAOP-ROLE-03 a developer never reviews an extraction")
  @Test
  void dataopRole03ADeveloperNeverReviewsAnExtraction() {
    Actor devReviewer = actor("dev5", "开发商", ActorKind.DEVELOPER_ONSITE, Role.DATA_REVIEWER);
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(10, 1));
    refusedBy(f.fire(PASS_REVIEW, devReviewer, checked("13800138000", "13900139000", "13700137000")),
        "DATAOP-ROLE-03");
  }

  @DisplayName("SM-DATAOP-EXT-T07 a failed review goes back for a new script")
  @Test
  void smDataopExtT07AFailedReviewGoesBackForANewScript() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved().ok(RUN, CITY, ran(10, 1))
        .ok(FAIL_REVIEW, REVIEWER, data().findings("wrong month").build());
    assertThat(f.state()).isEqualTo(DataOpState.REWORK);
    refusedBy(f.fire(RESUBMIT, CITY, none()), "DATAOP-EXT-09");
    f.ok(RESUBMIT, CITY, data().scriptRef("x2.sql").estimatedRowCount(70_000).build());
    assertThat(f.state()).isEqualTo(DataOpState.SCRIPT_READY);
    assertThat(f.ticket.estimatedRowCount()).isEqualTo(70_000);
  }

  @DisplayName("SM-DATAOP-EXT-T11 the analyst cancels before the run")
  @Test
  void smDataopExtT11TheAnalystCancelsBeforeTheRun() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    assertThat(f.fire(CANCEL, ANALYST, data().reason("no longer needed").build()).isAccepted()).isTrue();
    assertThat(f.state()).isEqualTo(DataOpState.CANCELLED);
  }

  @Test
  void runWithoutActualCountsIsInvalidInputNamingTheFieldAndRule() {
    Flow f = Flow.ext(extraction().build()).toScriptApproved();
    assertThatThrownBy(() -> f.fire(RUN, CITY, data().actualRowCount(10).build()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          assertThat(((InvalidInputException) e).field()).isEqualTo("data.actualExecutionMinutes");
          assertThat(((InvalidInputException) e).ruleId()).contains(ExtractionWindow.EXT_04);
        });
  }

  @Test
  void aModificationEventIsNotAnExtractionEvent() {
    DataOpTicket t = DataOpTicket.draft("E", extraction().build());
    assertThatThrownBy(() -> EXT.apply(t, EXECUTE, CITY, none(), T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Fixtures.MOD.apply(t, SUBMIT, ANALYST, none(), T0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("opType");
  }
}
