package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;

class CutoverCommandTest {
  private static final DecisionApi API = DecisionApi.builder()
      .register(Commands.cutover(OpsParameters.defaults())).build();

  private static final String FULL_REPORT = "['PLAN', 'EMERGENCY_PLAN', 'DIAL_TEST_LIST', 'TIME', 'IMPACT', 'BASIS', "
      + "'SYSTEM_CUTOVER_APPLICATION_DOC']";
  private static final String FULL_APPLICATION = "['TIME', 'PLAN', 'PERSONNEL', 'IMPACT_SCOPE']";

  private static DecisionApi.Response run(String json) {
    return CommandAnswers.run(API, "cutover", json);
  }

  private static JsonNode ok(String json) {
    return CommandAnswers.ok(run(json));
  }

  private static String invalidField(String json) {
    return CommandAnswers.invalid(run(json)).get("field").asText();
  }

  private static String request(String submitted, String calendar) {
    return "{'plannedStart': '2026-11-26T22:00:00+08:00', " + submitted + "'affectsCustomerBusiness': true, "
        + "'needsSocialAnnouncement': false, 'reportContents': " + FULL_REPORT + ", 'applicationContents': "
        + FULL_APPLICATION + ", 'calendar': " + calendar + "}";
  }

  @Test
  void cutoverTheDocumentedExampleIsReadyAndOnTime() {
    JsonNode out = ok(request("'applicationSubmittedAt': '2026-11-23T17:00:00+08:00', ",
        "{'holidays': [], 'workdays': []}"));
    assertThat(out.toString()).isEqualTo(OpsJson.parse(("{'applicationDeadline': '2026-11-24T00:00:00+08:00', "
        + "'leadTimeOk': true, 'missingReportContents': [], 'missingApplicationContents': [], "
        + "'announcementRequired': true, 'violations': []}").replace('\'', '"')).toString());
  }

  @DisplayName("CUTOVER-23 a late application and a holiday move the deadline")
  @Test
  void cutover23ALateApplicationAndAHolidayMoveTheDeadline() {
    JsonNode late = ok(request("'applicationSubmittedAt': '2026-11-24T00:00:01+08:00', ", "{}"));
    assertThat(late.get("leadTimeOk").asBoolean()).isFalse();
    assertThat(late.get("violations").toString()).isEqualTo("[\"CUTOVER-23\"]");
    JsonNode holiday = ok(request("'applicationSubmittedAt': '2026-11-23T17:00:00+08:00', ",
        "{'holidays': ['2026-11-23']}"));
    assertThat(holiday.get("applicationDeadline").asText()).isEqualTo("2026-11-21T00:00:00+08:00");
    assertThat(holiday.get("leadTimeOk").asBoolean()).isFalse();
    JsonNode makeUp = ok(request("'applicationSubmittedAt': '2026-11-22T17:00:00+08:00', ",
        "{'holidays': ['2026-11-23'], 'workdays': ['2026-11-22']}"));
    assertThat(makeUp.get("applicationDeadline").asText()).isEqualTo("2026-11-23T00:00:00+08:00");
    assertThat(makeUp.get("leadTimeOk").asBoolean()).isTrue();
  }

  @DisplayName("CUTOVER-23 no submission yet is not on time")
  @Test
  void cutover23NoSubmissionYetIsNotOnTime() {
    JsonNode out = ok(request("", "{}"));
    assertThat(out.get("leadTimeOk").asBoolean()).isFalse();
    assertThat(out.get("applicationDeadline").asText()).isEqualTo("2026-11-24T00:00:00+08:00");
  }

  @DisplayName("CUTOVER-12 CUTOVER-24 missing contents are listed in catalog order")
  @Test
  void cutover12And24MissingContentsAreListedInCatalogOrder() {
    JsonNode out = ok("{'plannedStart': '2026-11-26T22:00:00+08:00', 'applicationSubmittedAt': "
        + "'2026-11-20T10:00:00+08:00', 'needsSocialAnnouncement': true, 'reportContents': ['PLAN', 'TIME'], "
        + "'applicationContents': ['PLAN']}");
    assertThat(out.get("missingReportContents").toString()).isEqualTo("[\"EMERGENCY_PLAN\",\"DIAL_TEST_LIST\","
        + "\"IMPACT\",\"BASIS\",\"SYSTEM_CUTOVER_APPLICATION_DOC\",\"DRAFT_SOCIAL_ANNOUNCEMENT\"]");
    assertThat(out.get("missingApplicationContents").toString())
        .isEqualTo("[\"TIME\",\"PERSONNEL\",\"IMPACT_SCOPE\"]");
    assertThat(out.get("announcementRequired").asBoolean()).isFalse();
    assertThat(out.get("violations").toString()).isEqualTo("[\"CUTOVER-12\",\"CUTOVER-24\"]");
  }

  @Test
  void cutoverBadInputNamesTheField() {
    assertThat(invalidField("{'applicationSubmittedAt': '2026-11-20T10:00:00+08:00'}")).isEqualTo("plannedStart");
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00'}")).isEqualTo("plannedStart");
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00+08:00', 'reportContents': ['PLAN', 'MAP']}"))
        .isEqualTo("reportContents[1]");
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00+08:00', 'calendar': {'holidays': 3}}"))
        .isEqualTo("calendar.holidays");
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00+08:00', 'owner': 'x'}")).isEqualTo("owner");
    // a null element is invalid input naming its index, not an internal error
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00+08:00', 'reportContents': ['PLAN', null]}"))
        .isEqualTo("reportContents[1]");
    assertThat(invalidField("{'plannedStart': '2026-11-26T22:00:00+08:00', 'applicationContents': [null]}"))
        .isEqualTo("applicationContents[0]");
  }
}
