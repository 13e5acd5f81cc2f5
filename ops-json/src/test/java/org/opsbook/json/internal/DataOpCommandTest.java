package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;

class DataOpCommandTest {
  private static final DecisionApi API = DecisionApi.builder().register(Commands.dataop(OpsParameters.defaults()))
      .register(Commands.extractionWindow(OpsParameters.defaults())).build();

  private static JsonNode ok(String command, String json) {
    return CommandAnswers.ok(CommandAnswers.run(API, command, json));
  }

  private static JsonNode invalid(String command, String json) {
    return CommandAnswers.invalid(CommandAnswers.run(API, command, json));
  }

  private static final String MOD_OP = "'operation': {'opType': 'MODIFICATION', 'ticketNo': 'DM-9', "
      + "'ticketKind': 'AMS_DATA_MOD', 'targetSystem': 'BOSS', 'recordCount': 999, "
      + "'impactStatement': '999 numbers', 'sideEffectStatement': {'business': '无', 'accounts': '无', "
      + "'reports': '无'}, 'urgency': '一般'}";

  private static String step(String event, String at, String actor, String data) {
    return "{'event': '" + event + "', 'at': '2026-11-25T" + at + ":00+08:00', 'actor': " + actor + ", 'data': "
        + data + "}";
  }

  private static final String SUBMITTER = "{'id': 'zhang', 'roles': ['DATA_SUBMITTER'], 'org': '运营管理室', "
      + "'kind': 'CITY_STAFF'}";
  private static final String APPROVER = "{'id': 'wang', 'roles': ['BUSINESS_APPROVER']}";
  private static final String CITY = "{'id': 'li', 'roles': ['DATA_PROCESSOR_CITY', 'DATA_REVIEWER']}";
  private static final String REVIEWER = "{'id': 'zhao', 'roles': ['DATA_REVIEWER']}";

  @Test
  void dataopStepsApplyInOrderAndARefusedStepChangesNothing() {
    String req = "{" + MOD_OP + ", 'steps': ["
        + step("submit", "10:00", SUBMITTER, "{}") + ","
        + step("approveBusiness", "10:10", APPROVER, "{}") + ","
        + step("attachScriptAndBackup", "10:20", CITY, "{'scriptRef': 's.sql', 'backupRef': 'b'}") + ","
        + step("approveTechnical", "10:30", CITY, "{}") + ","
        + step("execute", "10:40", CITY, "{'actualRecordCount': 1200}") + ","
        + step("passReview", "10:50", CITY, "{'scriptVerified': true, 'resultVerified': true, "
            + "'sampledNumbers': ['13800138000', '13900139000', '13700137000']}") + ","
        + step("passReview", "11:00", REVIEWER, "{'scriptVerified': true, 'resultVerified': true, "
            + "'sampledNumbers': ['13800138000', '13900139000', {'number': '13700137000', 'meetsCriteria': true}]}")
        + "]}";
    JsonNode out = ok("dataop", req);
    assertThat(out.get("batch").asBoolean()).isTrue();
    assertThat(out.get("batchReasons").toString()).isEqualTo("[\"DATAOP-DEF-02\"]");
    JsonNode steps = out.get("steps");
    assertThat(steps).hasSize(7);
    assertThat(steps.get(4).get("state").asText()).isEqualTo("EXECUTED");
    assertThat(steps.get(5).get("allowed").asBoolean()).isFalse();
    assertThat(steps.get(5).get("state").asText()).isEqualTo("EXECUTED");
    assertThat(steps.get(5).get("violations").toString()).isEqualTo("[\"DATAOP-MOD-14\"]");
    assertThat(steps.get(6).get("allowed").asBoolean()).isTrue();
    assertThat(steps.get(6).get("violations")).isEmpty();
    assertThat(out.get("finalState").asText()).isEqualTo("REVIEWED");
    assertThat(steps.get(0).fieldNames()).toIterable().containsExactly("event", "allowed", "state", "violations");
  }

  @Test
  void dataopViolationsListEveryFailedGuardSortedAndUnique() {
    String req = "{'operation': {'opType': 'MODIFICATION', 'ticketKind': 'REQUIREMENT'}, 'steps': ["
        + step("submit", "10:00", CITY, "{}") + "]}";
    JsonNode out = ok("dataop", req);
    assertThat(out.at("/steps/0/violations").toString()).isEqualTo("[\"DATAOP-DEF-05\",\"DATAOP-MOD-01\","
        + "\"DATAOP-MOD-06\",\"DATAOP-ROLE-01\",\"SM-DATAOP-MOD-T01\"]");
    assertThat(out.get("finalState").asText()).isEqualTo("DRAFT");
    assertThat(out.get("batch").asBoolean()).isFalse();
    assertThat(out.get("batchReasons")).isEmpty();
  }

  @Test
  void dataopAnUnknownEventIsInvalidInputNamingTheStep() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + ","
        + step("approveBusiness", "10:10", APPROVER, "{}") + "," + step("teleport", "10:20", CITY, "{}") + "]}";
    assertThat(invalid("dataop", req).get("field").asText()).isEqualTo("steps[2].event");
  }

  @Test
  void dataopAnEventOfTheOtherMachineIsInvalidInput() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("run", "10:00", CITY, "{}") + "]}";
    assertThat(invalid("dataop", req).get("field").asText()).isEqualTo("steps[0].event");
  }

  @Test
  void dataopAnUnknownRoleIsInvalidInputNamingIt() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("submit", "10:00", "{'id': 'x', 'roles': ['WIZARD']}", "{}")
        + "]}";
    assertThat(invalid("dataop", req).get("field").asText()).isEqualTo("steps[0].actor.roles[0]");
  }

  @Test
  void dataopATimestampWithoutOffsetIsInvalidInput() {
    String req = "{" + MOD_OP + ", 'steps': [{'event': 'submit', 'at': '2026-11-25T10:00:00', 'actor': "
        + SUBMITTER + "}]}";
    JsonNode err = invalid("dataop", req);
    assertThat(err.get("field").asText()).isEqualTo("steps[0].at");
    assertThat(err.get("message").asText()).contains("offset");
  }

  @Test
  void dataopMissingDataTheEventMustRecordIsInvalidInputNamingTheFieldAndRule() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + ","
        + step("approveBusiness", "10:10", APPROVER, "{}") + ","
        + step("attachScriptAndBackup", "10:20", CITY, "{'scriptRef': 's.sql', 'backupRef': 'b'}") + ","
        + step("approveTechnical", "10:30", CITY, "{}") + "," + step("execute", "10:40", CITY, "{}") + "]}";
    JsonNode err = invalid("dataop", req);
    assertThat(err.get("field").asText()).isEqualTo("steps[4].data.actualRecordCount");
    assertThat(err.get("ruleId").asText()).isEqualTo("DATAOP-DEF-02");
  }

  @Test
  void dataopADataFieldTheEventDoesNotRecordIsInvalidInput() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{'scriptRef': 'x'}") + "]}";
    assertThat(invalid("dataop", req).get("field").asText()).isEqualTo("steps[0].data.scriptRef");
  }

  @Test
  void dataopAMissingActorOrOperationIsInvalidInput() {
    assertThat(invalid("dataop", "{'steps': []}").get("field").asText()).isEqualTo("operation");
    String req = "{" + MOD_OP + ", 'steps': [{'event': 'submit', 'at': '2026-11-25T10:00:00+08:00'}]}";
    assertThat(invalid("dataop", req).get("field").asText()).isEqualTo("steps[0].actor");
  }

  @Test
  void dataopAnApproverMustBeAnActorObject() {
    String req = "{" + MOD_OP + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + ","
        + step("approveBusiness", "10:10", APPROVER, "{}") + ","
        + step("attachScriptAndBackup", "10:20", CITY, "{'scriptRef': 's.sql', 'backupRef': 'b'}") + ","
        + step("approveTechnical", "10:30", CITY, "{'sensitiveAccessFormApprovedBy': 'boss'}") + "]}";
    assertThat(invalid("dataop", req).get("field").asText())
        .isEqualTo("steps[3].data.sensitiveAccessFormApprovedBy");
  }

  @Test
  void dataopSideEffectsMayBeOneStatementNamingAllThree() {
    String op = MOD_OP.replace("{'business': '无', 'accounts': '无', 'reports': '无'}", "'对业务有影响'");
    JsonNode out = ok("dataop", "{" + op + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + "]}");
    assertThat(out.at("/steps/0/violations").toString()).isEqualTo("[\"DATAOP-MOD-06\"]");
    String all = MOD_OP.replace("{'business': '无', 'accounts': '无', 'reports': '无'}", "'业务、帐务、报表均无影响'");
    assertThat(ok("dataop", "{" + all + ", 'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + "]}")
        .at("/steps/0/allowed").asBoolean()).isTrue();
  }

  /** An extraction for the analysis room, its operation left open for more fields. */
  private static final String EXTRACTION_OP = "'operation': {'opType': 'EXTRACTION', 'ticketKind': 'CMCP_IT_COLLAB', "
      + "'requirementPurpose': 'p', 'requirementContent': 'c', 'dataRequirements': 'd', 'requiredFields': ['号码'],"
      + " 'estimatedRowCount': 80000";

  /** The extraction's steps from its submission to its first run, at 10:00. */
  private static final String EXTRACTION_STEPS =
      step("submit", "09:00", "{'id': 'ana', 'roles': ['DATA_SUBMITTER'], 'org': '数据分析室'}", "{}") + ","
          + step("assess", "09:10", CITY, "{'estimatedEffort': '1h'}") + ","
          + step("attachScript", "09:20", CITY, "{'scriptRef': 'x.sql'}") + ","
          + step("approveScript", "09:30", "{'id': 'chen', 'roles': ['DATA_PROCESSOR_CITY']}", "{}") + ","
          + step("run", "10:00", CITY, "{'actualRowCount': 80000, 'actualExecutionMinutes': 5}");

  @Test
  void dataopAnExtractionFromTheAnalysisRoom() {
    String req = "{" + EXTRACTION_OP + ", 'estimatedExecutionMinutes': 5}, 'steps': [" + EXTRACTION_STEPS + ","
        + step("run", "12:00", CITY, "{'actualRowCount': 80000, 'actualExecutionMinutes': 5}") + "]}";
    JsonNode out = ok("dataop", req);
    // the run into peak hours happened: it is recorded with its violation, and the ticket moves on
    assertThat(out.at("/steps/4/allowed").asBoolean()).isTrue();
    assertThat(out.at("/steps/4/state").asText()).isEqualTo("EXTRACTED");
    assertThat(out.at("/steps/4/violations").toString()).isEqualTo("[\"DATAOP-EXT-04\"]");
    assertThat(out.at("/steps/5/allowed").asBoolean()).as("it ran once").isFalse();
    assertThat(out.at("/steps/5/state").asText()).isEqualTo("EXTRACTED");
    assertThat(out.get("batch").asBoolean()).isTrue();
    assertThat(out.get("batchReasons").toString()).isEqualTo("[\"DATAOP-EXT-04\"]");
  }

  @Test
  void dataopAHolidayFromTheCalendarLiftsThePeakHourBan() {
    String req = "{" + EXTRACTION_OP + "}, 'calendar': {'holidays': ['2026-11-25']}, 'steps': [" + EXTRACTION_STEPS
        + "]}";
    assertThat(ok("dataop", req).get("finalState").asText()).isEqualTo("EXTRACTED");
  }

  @DisplayName("DATAOP-DEF-04 a query only operation has no workflow")
  @Test
  void dataopDef04AQueryOnlyOperationHasNoWorkflow() {
    JsonNode out = ok("dataop", "{'operation': {'opType': 'QUERY_ONLY'}}");
    assertThat(out.get("finalState").isNull()).isTrue();
    assertThat(out.get("steps")).isEmpty();
    JsonNode err = invalid("dataop", "{'operation': {'opType': 'QUERY_ONLY'}, 'steps': ["
        + step("submit", "10:00", SUBMITTER, "{}") + "]}");
    assertThat(err.get("field").asText()).isEqualTo("steps");
    assertThat(err.get("ruleId").asText()).isEqualTo("DATAOP-DEF-04");
  }

  @Test
  void extractionWindowRefusesALargeJobInPeakHoursAndNamesTheEarliestStart() {
    JsonNode out = ok("extraction-window", "{'estimatedRowCount': 80000, 'estimatedExecutionMinutes': 5, "
        + "'plannedStart': '2026-11-25T10:00:00+08:00'}");
    assertThat(out.get("allowed").asBoolean()).isFalse();
    assertThat(out.get("violations").toString()).isEqualTo("[\"DATAOP-EXT-04\"]");
    assertThat(out.get("earliestAllowedStart").asText()).isEqualTo("2026-11-25T12:00:00+08:00");
  }

  @Test
  void extractionWindowAllowsASmallJobAndAnyJobOnAHoliday() {
    JsonNode small = ok("extraction-window", "{'estimatedRowCount': 50000, 'estimatedExecutionMinutes': 15, "
        + "'plannedStart': '2026-11-25T10:00:00Z'}");
    assertThat(small.get("allowed").asBoolean()).isTrue();
    assertThat(small.get("violations")).isEmpty();
    assertThat(small.get("earliestAllowedStart").asText()).isEqualTo("2026-11-25T18:00:00+08:00");
    JsonNode holiday = ok("extraction-window", "{'estimatedRowCount': 80000, 'estimatedExecutionMinutes': 30, "
        + "'plannedStart': '2026-10-01T10:00:00+08:00', 'calendar': {'holidays': ['2026-10-01'], "
        + "'workdays': ['2026-10-10']}}");
    assertThat(holiday.get("allowed").asBoolean()).isTrue();
    JsonNode makeUp = ok("extraction-window", "{'estimatedRowCount': 80000, 'estimatedExecutionMinutes': 30, "
        + "'plannedStart': '2026-10-10T10:00:00+08:00', 'calendar': {'holidays': ['2026-10-01'], "
        + "'workdays': ['2026-10-10']}}");
    assertThat(makeUp.get("allowed").asBoolean()).isFalse();
  }

  @Test
  void extractionWindowBadInputNamesTheField() {
    assertThat(invalid("extraction-window", "{'estimatedRowCount': -1, 'plannedStart': '2026-11-25T10:00:00Z'}")
        .get("field").asText()).isEqualTo("estimatedRowCount");
    assertThat(invalid("extraction-window", "{'estimatedRowCount': 1}").get("field").asText())
        .isEqualTo("plannedStart");
    assertThat(invalid("extraction-window", "{'plannedStart': '2026-11-25T10:00:00'}").get("field").asText())
        .isEqualTo("plannedStart");
    assertThat(invalid("extraction-window", "{'plannedStart': '2026-11-25T10:00:00Z', 'calendar': "
        + "{'holidays': ['2026-13-01']}}").get("field").asText()).isEqualTo("calendar.holidays[0]");
    assertThat(invalid("extraction-window", "{'plannedStart': '2026-11-25T10:00:00Z', 'calendar': "
        + "{'holidays': ['2026-10-10'], 'workdays': ['2026-10-10']}}").get("field").asText())
        .isEqualTo("calendar.workdays[0]");
    assertThat(invalid("extraction-window", "{'plannedStart': '2026-11-25T10:00:00Z', 'rows': 3}")
        .get("field").asText()).isEqualTo("rows");
  }

  @Test
  void responsesAreWellFormedJson() {
    JsonNode out = ok("extraction-window", "{'estimatedRowCount': 1, 'plannedStart': '2026-11-25T10:00:00Z'}");
    assertThat(OpsJson.parse(OpsJson.write(out))).isEqualTo(out);
  }

  @Test
  @DisplayName("DATAOP-DEF-05 an OTHER system: governed by default, outside the workflow when dataOpApplyToOtherSystems is off")
  void dataopDef05OtherSystems() {
    String other = MOD_OP.replace("'targetSystem': 'BOSS'", "'targetSystem': 'OTHER'");
    String submit = "'steps': [" + step("submit", "10:00", SUBMITTER, "{}") + "]";
    JsonNode governed = ok("dataop", "{" + other + ", " + submit + "}");
    assertThat(governed.at("/steps/0/allowed").asBoolean()).isTrue();
    assertThat(governed.at("/finalState").asText()).isEqualTo("SUBMITTED");

    DecisionApi off = DecisionApi.builder().register(Commands.dataop(OpsParameters.builder()
        .dataOpApplyToOtherSystems(false).build())).build();
    DecisionApi.Response refused = off.execute("dataop", ("{" + other + ", " + submit + "}").replace('\'', '"'));
    assertThat(refused.exitCode()).as(refused.bodyText()).isEqualTo(2);
    assertThat(refused.body().at("/error/field").asText()).isEqualTo("steps");
    assertThat(refused.body().at("/error/message").asText()).contains("dataOpApplyToOtherSystems");
    DecisionApi.Response outside = off.execute("dataop", ("{" + other + ", 'steps': []}").replace('\'', '"'));
    assertThat(outside.exitCode()).as(outside.bodyText()).isZero();
    assertThat(outside.body().at("/finalState").isNull()).isTrue();
    assertThat(outside.body().at("/steps").size()).isZero();
    DecisionApi.Response boss = off.execute("dataop", ("{" + MOD_OP + ", " + submit + "}").replace('\'', '"'));
    assertThat(boss.body().at("/finalState").asText()).as(boss.bodyText()).isEqualTo("SUBMITTED");
  }
}
