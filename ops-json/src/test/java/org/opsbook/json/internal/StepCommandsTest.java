package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.json.DecisionApi;

/** The {@code fault}, {@code bug} and {@code ticket} commands: each example names the rule it checks. */
class StepCommandsTest {
  private static final DecisionApi API = DecisionApi.standard();

  private static final String DUTY = "{'id': 'zhou', 'roles': ['ESC_DUTY']}";
  private static final String HANDLER_A = "{'id': 'ma', 'roles': ['ESC_HANDLER_A']}";
  private static final String HANDLER_B = "{'id': 'liu', 'roles': ['ESC_HANDLER_B']}";
  private static final String REVIEWER = "{'id': 'wang', 'roles': ['TICKET_REVIEWER']}";
  private static final String PROCESSOR = "{'id': 'li', 'roles': ['BUG_PROCESSOR']}";
  private static final String FOLLOWER = "{'id': 'sun', 'roles': ['BUG_FOLLOWER']}";
  private static final String PRE = "{'id': 'he', 'roles': ['PRE_PROCESSOR']}";

  static String step(String event, String hhmm, String actor, String data) {
    return "{'event': '" + event + "', 'at': '2026-11-25T" + hhmm + ":00+08:00', 'actor': " + actor
        + (data == null ? "" : ", 'data': " + data) + "}";
  }

  private static JsonNode ok(String command, String json) {
    return CommandAnswers.ok(CommandAnswers.run(API, command, json));
  }

  private static JsonNode invalid(String command, String json) {
    return CommandAnswers.invalid(CommandAnswers.run(API, command, json));
  }

  private static String steps(String... steps) {
    return "'steps': [" + String.join(", ", steps) + "]";
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> duties(JsonNode out) {
    return CommandAnswers.ruleIds(out);
  }

  /** Asserts that step {@code i} was refused for exactly {@code ruleId}, and returns the first detail it gave. */
  private static JsonNode refused(JsonNode out, int i, String ruleId) {
    assertThat(texts(out.at("/steps/" + i + "/violations"))).as("violations of steps[%d]", i).containsExactly(ruleId);
    return out.at("/steps/" + i + "/details/0");
  }

  // ------------------------------------------------------------------------------------------------------ fault

  private static final String FAULT = "'facts': {'faultId': 'F-9', 'complaintCount': 25, "
      + "'detectedAt': '2026-11-25T09:00:00+08:00'}";

  private static String opened(String... more) {
    List<String> all = new ArrayList<>(List.of(step("openFault", "09:00", DUTY, null),
        step("declare", "09:05", DUTY, null)));
    all.addAll(List.of(more));
    return "{" + FAULT + ", " + steps(all.toArray(String[]::new)) + "}";
  }

  @Test
  void faultBTakesOwnershipOnlyWhileAIsAway_ESC_HANDLE_03() {
    JsonNode out = ok("fault", opened(
        step("takeOwnership", "09:10", HANDLER_B, "{'assigneeId': 'liu', 'assigneeHandler': 'B'}"),
        step("reportAvailability", "09:12", DUTY, "{'handlerAAvailable': false}"),
        step("takeOwnership", "09:15", HANDLER_B, "{'assigneeId': 'liu', 'assigneeHandler': 'B', "
            + "'handlerAAvailable': false}")));
    assertThat(out.at("/steps/2/allowed").asBoolean()).isFalse();
    JsonNode detail = refused(out, 2, "ESC-HANDLE-03");
    assertThat(detail.get("ruleId").asText()).isEqualTo("ESC-HANDLE-03");
    assertThat(detail.get("message").asText()).contains("A角");
    assertThat(out.at("/steps/4/state").asText()).isEqualTo("HANDLING_SELF");
    assertThat(out.at("/owner/handler").asText()).isEqualTo("B");
    assertThat(out.at("/owner/id").asText()).isEqualTo("liu");
  }

  @Test
  void faultHandoverWithoutItsNoteIsRefused_ESC_HANDLE_04_andRepairRelapseAndCloseFollowTheTable() {
    JsonNode out = ok("fault", opened(
        step("takeOwnership", "09:10", HANDLER_A, "{'assigneeId': 'ma', 'assigneeHandler': 'A'}"),
        step("handover", "12:00", HANDLER_A, "{'assigneeId': 'liu', 'handlerAAvailable': false}"),
        step("handover", "12:05", HANDLER_A, "{'assigneeId': 'liu', 'handlerAAvailable': false, "
            + "'handoverNote': '交接: 计费模块已定位'}"),
        step("markRepaired", "15:00", HANDLER_B, "{'recoveryCheck': '拨测正常'}"),
        step("relapse", "15:30", HANDLER_B, "{'reason': '再次出现'}"),
        step("markRepaired", "16:00", HANDLER_B, "{'recoveryCheck': '用户确认'}"),
        step("close", "16:10", DUTY, null)));
    assertThat(refused(out, 3, "ESC-HANDLE-04").get("field").asText()).isEqualTo("steps[3].data.handoverNote");
    assertThat(out.at("/steps/4/state").asText()).isEqualTo("HANDLING_SELF");
    assertThat(out.at("/steps/5/state").asText()).isEqualTo("RECOVERED");
    assertThat(out.at("/steps/6/state").asText()).isEqualTo("HANDLING_SELF");
    // SM-ESC-T11: a fault is closed from POST_INCIDENT only
    assertThat(refused(out, 8, "SM-ESC-T11").get("field").asText()).isEqualTo("steps[8].event");
    assertThat(out.get("finalState").asText()).isEqualTo("RECOVERED");
    assertThat(out.get("level").asText()).isEqualTo("L1");
    // the repair raised the recovery duties (NOTIFY-TRIG-08, ESC-REQ-10)
    assertThat(duties(out)).contains("NOTIFY-TRIG-08", "ESC-REQ-10");
  }

  @Test
  void faultStepsBeforeTheOpeningAreRefusedAndNoDutyIsOwed_SM_ESC_T02() {
    JsonNode out = ok("fault", "{" + FAULT + ", " + steps(step("declare", "09:05", DUTY, null)) + "}");
    refused(out, 0, "SM-ESC-T02");
    assertThat(out.get("finalState").asText()).isEqualTo("NEW");
    assertThat(out.get("owner").isNull()).isTrue();
    assertThat(out.get("obligations")).isEmpty();
  }

  @Test
  void faultBadInputNamesItsPath() {
    assertThat(invalid("fault", opened(step("takeOwnership", "09:10", HANDLER_A, "{'bogus': 1}")))
        .get("field").asText()).isEqualTo("steps[2].data.bogus");
    assertThat(invalid("fault", opened(step("takeOwnership", "09:10", HANDLER_A, "{'recoveryCheck': 'x'}")))
        .get("field").asText()).isEqualTo("steps[2].data.recoveryCheck");
    JsonNode unknown = invalid("fault", opened(step("fly", "09:10", HANDLER_A, null)));
    assertThat(unknown.get("field").asText()).isEqualTo("steps[2].event");
    assertThat(unknown.get("message").asText()).isEqualTo("unknown SM-ESC event 'fly'; events: [openFault, declare, "
        + "takeOwnership, handover, escalateExternally, progressEntry, markRepaired, relapse, filePostIncident, "
        + "intervene, reassign, close, reportAvailability]");
    assertThat(invalid("fault", opened(step("takeOwnership", "08:10", HANDLER_A, null))).get("field").asText())
        .isEqualTo("steps[2].at");
    assertThat(invalid("fault", "{'steps': []}").get("field").asText()).isEqualTo("facts");
    assertThat(invalid("fault", "{" + FAULT + ", 'steps': [], 'extra': 1}").get("field").asText())
        .isEqualTo("extra");
  }

  @Test
  void faultDutiesAreListedAtNowAndAStepMayBringNewFacts_FAULT_CLASS_L1_04() {
    JsonNode out = ok("fault", "{'facts': {'faultId': 'F-2', 'complaintCount': 3, "
        + "'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00', " + steps(
            step("openFault", "09:00", DUTY, null),
            step("declare", "09:05", DUTY, "{'facts': {'faultId': 'F-2', 'complaintCount': 25, "
                + "'detectedAt': '2026-11-25T09:00:00+08:00'}}")) + "}");
    assertThat(out.get("level").asText()).isEqualTo("L1");
    assertThat(out.get("owner").isNull()).isTrue();
    assertThat(duties(out)).contains("ESC-ROOM-01");
  }

  // -------------------------------------------------------------------------------------------------------- bug

  private static final String RAISE = step("raiseBug", "10:00", REVIEWER, "{'description': '充值失败', "
      + "'complaintNumbers': ['13800138000'], 'complaintIssue': '充值不到账'}");

  @Test
  void bugStepsBeforeItIsRaisedAreRefused_SM_BUG_T02_andARaiseWithoutItsIssue_NOTIFY_TPL_06() {
    JsonNode out = ok("bug", "{'bugId': 'BUG-7', " + steps(
        step("submitAms", "09:50", PROCESSOR, "{'amsBugTicketNo': 'AMS-1'}"),
        step("raiseBug", "09:55", REVIEWER, "{'description': '充值失败', 'complaintNumbers': ['13800138000']}"),
        RAISE) + "}");
    refused(out, 0, "SM-BUG-T02");
    assertThat(out.at("/steps/0/state").asText()).isEqualTo("NEW");
    assertThat(refused(out, 1, "NOTIFY-TPL-06").get("field").asText()).isEqualTo("steps[1].data.complaintIssue");
    assertThat(out.at("/steps/2/state").asText()).isEqualTo("IDENTIFIED");
    // BUG-03: submit it in AMS; BUG-02/08: the weekly follow-up at the end of the ISO week
    assertThat(duties(out)).contains("BUG-02", "BUG-03", "BUG-04", "BUG-05", "BUG-08");
  }

  @Test
  void bugAmsSubmissionNeedsItsNumber_BUG_03_andTheNoticeGoesOnEveryChannel_BUG_04() {
    JsonNode out = ok("bug", "{" + steps(RAISE,
        step("submitAms", "10:10", PROCESSOR, "{}"),
        step("submitAms", "10:15", PROCESSOR, "{'amsBugTicketNo': 'AMS-1'}"),
        step("publishNotice", "10:20", FOLLOWER, "{'channels': ['BBS'], 'uploadEta': '2026-11-27T10:00:00+08:00', "
            + "'workaround': '手工补充值', 'opsRoomAgreedBy': 'zhang', 'supportRoomAgreedBy': 'wu'}")) + "}");
    refused(out, 1, "BUG-03");
    assertThat(out.at("/steps/2/state").asText()).isEqualTo("SUBMITTED_TO_PROVINCE");
    assertThat(refused(out, 3, "BUG-04").get("message").asText()).contains("服务营销系统", "合作伙伴门户");
    assertThat(duties(out)).doesNotContain("BUG-03").contains("BUG-04");
  }

  @Test
  void bugOnlyTheProcessorReturnsAFixToTheDeveloper_BUG_09_andALargeImpactOwesTheRoomManager_BUG_06() {
    JsonNode out = ok("bug", "{" + steps(RAISE,
        step("submitAms", "10:10", PROCESSOR, "{'amsBugTicketNo': 'AMS-1'}"),
        step("provinceAssigned", "10:20", PROCESSOR, "{'recheckAccepted': true, 'developer': 'dev'}"),
        step("assessImpact", "10:30", FOLLOWER, "{'bugAffectedCustomers': 5000}"),
        step("developerReplied", "11:00", PROCESSOR, "{'reply': 'fixed', 'version': 'v2'}"),
        step("rejectAcceptance", "11:10", FOLLOWER, "{'reason': '仍失败'}")) + "}");
    refused(out, 5, "BUG-09");
    assertThat(out.get("finalState").asText()).isEqualTo("FIX_DELIVERED");
    assertThat(duties(out)).contains("BUG-06");
  }

  @Test
  void bugBadInputNamesItsPath() {
    assertThat(invalid("bug", "{" + steps(step("raiseBug", "10:00", REVIEWER, "{'amsBugTicketNo': 'x'}")) + "}")
        .get("field").asText()).isEqualTo("steps[0].data.amsBugTicketNo");
    assertThat(invalid("bug", "{" + steps(RAISE, step("assessImpact", "10:30", FOLLOWER,
        "{'bugAffectedCustomers': -1}")) + "}").get("field").asText())
        .isEqualTo("steps[1].data.bugAffectedCustomers");
    assertThat(invalid("bug", "{" + steps(RAISE.replace("10:00:00+08:00", "10:00:00")) + "}").get("field").asText())
        .isEqualTo("steps[0].at");
  }

  // ----------------------------------------------------------------------------------------------------- ticket

  private static final String TICKET = "'ticket': {'ticketId': 'T-5', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
      + "'roster': [{'role': 'BILLING_DECLARANT', 'date': '2026-11-25', 'personId': 'qian'}]";

  @Test
  void ticketIsRoutedOnlyOnceItsCauseIsJudged_TICKET_10_andToTheDaysBillingDuty_TICKET_13() {
    JsonNode out = ok("ticket", "{" + TICKET + ", " + steps(
        step("accept", "09:05", PRE, null),
        step("submitToBillingDuty", "09:10", PRE, "{'assignee': 'qian'}"),
        step("setCause", "09:20", PRE, "{'cause': 'BUSINESS_RULE', 'escalationTrend': false}"),
        step("submitToBillingDuty", "09:30", PRE, "{'assignee': 'sun'}"),
        step("submitToBillingDuty", "09:35", PRE, "{'assignee': 'qian'}")) + "}");
    assertThat(refused(out, 1, "TICKET-10").get("field").asText()).isEqualTo("cause");
    assertThat(refused(out, 3, "TICKET-13").get("message").asText()).contains("qian", "sun");
    assertThat(out.get("finalState").asText()).isEqualTo("AWAITING_BILLING_CENTER");
    // TICKET-02: not finished on the day it arrived, its progress is due by 12:00 the next day
    JsonNode progress = out.get("obligations").get(0);
    assertThat(progress.get("ruleId").asText()).isEqualTo("TICKET-02");
    assertThat(progress.get("dueAt").asText()).isEqualTo("2026-11-26T12:00:00+08:00");
    assertThat(duties(out)).contains("TICKET-07");
  }

  @Test
  void ticketOnlyTheReviewerRaisesABug_TICKET_06_andArchivesOnlyWhatIsDone_TICKET_21() {
    JsonNode out = ok("ticket", "{" + TICKET + ", " + steps(
        step("accept", "09:05", PRE, null),
        step("setCause", "09:10", PRE, "{'cause': 'SYSTEM_FAULT', 'escalationTrend': false, "
            + "'needsDeveloper': false}"),
        step("submitForReview", "09:20", PRE, "{'handlingOpinion': '系统问题'}"),
        step("raiseBug", "09:30", PRE, "{'bugId': 'BUG-7'}"),
        step("approveAndArchive", "09:40", REVIEWER, "{'ticketCategory': '计费'}"),
        step("raiseBug", "09:50", REVIEWER, "{'bugId': 'BUG-7'}")) + "}");
    assertThat(refused(out, 3, "TICKET-06").get("field").asText()).isEqualTo("steps[3].actor");
    refused(out, 4, "TICKET-21");
    assertThat(out.at("/steps/5/state").asText()).isEqualTo("IN_BUG_FLOW");
  }

  @Test
  void ticketBadInputNamesItsPath() {
    assertThat(invalid("ticket", "{" + TICKET + ", " + steps(step("accept", "09:05", PRE, "{'cause': 'OTHER'}"))
        + "}").get("field").asText()).isEqualTo("steps[0].data.cause");
    assertThat(invalid("ticket", "{" + TICKET + ", " + steps(step("setCause", "09:05", PRE, "{'cause': 'X'}"))
        + "}").get("field").asText()).isEqualTo("steps[0].data.cause");
    assertThat(invalid("ticket", "{'ticket': {'ticketId': 'T-1'}, 'steps': []}").get("field").asText())
        .isEqualTo("ticket.receivedAt");
    assertThat(invalid("ticket", "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
        + "'roster': [{'role': 'ESC_DUTY', 'date': '2026-11-25', 'personId': 'x'}], 'steps': []}")
        .get("field").asText()).isEqualTo("roster[0].role");
    assertThat(invalid("ticket", "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
        + "'roster': [{'role': 'DATA_MOD_DUTY', 'date': '2026-11-25', 'personId': 'x'}, "
        + "{'role': 'DATA_MOD_DUTY', 'date': '2026-11-25', 'personId': 'y'}], 'steps': []}")
        .get("field").asText()).isEqualTo("roster[1].date");
  }

  @Test
  void ticketWithoutStepsOwesItsCauseJudgement_TICKET_11() {
    JsonNode out = ok("ticket", "{'ticket': {'ticketId': 'T-2', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
        + "'steps': []}");
    assertThat(out.get("finalState").asText()).isEqualTo("RECEIVED");
    assertThat(duties(out)).contains("TICKET-11.1");
  }
}
