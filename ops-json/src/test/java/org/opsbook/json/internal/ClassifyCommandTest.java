package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.classify.FaultClassifier;

/** {@code classify} through the decision API, as decision-api.md specifies it, errors included. */
class ClassifyCommandTest {
  private final DecisionApi api = DecisionApi.builder().register(Commands.classify(FaultClassifier.standard())).build();

  @Test
  @DisplayName("FAULT-CLASS-L2-01 classify answers exactly the documented document")
  void exactResponse() {
    DecisionApi.Response r = api.execute("classify",
        "{\"affectsNormalCommunication\": true, \"affectedCustomersConfirmed\": 620, \"keyInterfaceOutageMinutes\": 10}");
    assertThat(r.exitCode()).isZero();
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"level\":\"L2\",\"severityLabel\":\"重大\",\"escalated\":true,"
        + "\"matchedRules\":[\"FAULT-CLASS-L2-01\"],"
        + "\"matchedRulesAllLevels\":[\"FAULT-CLASS-L1-10\",\"FAULT-CLASS-L2-01\"]}");
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-01 an empty fault is NONE / 一般, not escalated, with no rules")
  void emptyFactsAreNone() {
    JsonNode body = api.execute("classify", "{}").body();
    assertThat(fieldNames(body)).containsExactly("level", "severityLabel", "escalated", "matchedRules",
        "matchedRulesAllLevels");
    assertThat(body.get("level").asText()).isEqualTo("NONE");
    assertThat(body.get("severityLabel").asText()).isEqualTo("一般");
    assertThat(body.get("escalated").asBoolean()).isFalse();
    assertThat(body.get("matchedRules")).isEmpty();
    assertThat(body.get("matchedRulesAllLevels")).isEmpty();
  }

  @Test
  @DisplayName("FAULT-CLASS-L1-04 an L1 fault is labelled 严重 and lists its rules sorted")
  void l1IsSevere() {
    JsonNode body = api.execute("classify",
        "{\"complaintCount\": 30, \"severeSystemOrDbAlarm\": true, \"faultId\": \"F-1\"}").body();
    assertThat(body.get("level").asText()).isEqualTo("L1");
    assertThat(body.get("severityLabel").asText()).isEqualTo("严重");
    assertThat(body.get("matchedRules").toString()).isEqualTo("[\"FAULT-CLASS-L1-04\",\"FAULT-CLASS-L1-11\"]");
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-05 a manual assessment is echoed as a rule and flagged as overriding")
  void manualAssessment() {
    JsonNode body = api.execute("classify",
        "{\"manualLevelAssessment\": \"L2\", \"manualLevelJustification\": \"全省计费中断\"}").body();
    assertThat(body.get("level").asText()).isEqualTo("L2");
    assertThat(body.get("matchedRules").toString()).isEqualTo("[\"FAULT-CLASS-DEF-05\"]");
    assertThat(body.get("overriddenByManual").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> field {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"complaintCount\": -1}|complaintCount",
      "{\"hotBusinessOutageMinutes\": -0.5}|hotBusinessOutageMinutes",
      "{\"faultStartTime\": \"2026-11-25T14:30:00\"}|faultStartTime",
      "{\"networkOutageScope\": \"TOTAL\"}|networkOutageScope",
      "{\"manualLevelAssessment\": \"L3\"}|manualLevelAssessment",
      "{\"complaintCount\": \"many\"}|complaintCount",
      "{\"complaintCount\": 2.5}|complaintCount",
      "{\"csComplaintLevel\": 0}|csComplaintLevel",
      "{\"unknownFact\": 1}|unknownFact",
      "{\"manualLevelAssessment\": \"L1\"}|manualLevelJustification",
      "{\"loginOutageMinutes\": {\"CRM\": 5}}|loginOutageMinutes.CRM",
      "[1, 2]|''",
      "{\"complaintCount\": 1|''"})
  @DisplayName("FAULT-CLASS-DEF-04 bad input is INVALID_INPUT naming the field")
  void invalidInput(String request, String field) {
    JsonNode error = CommandAnswers.invalid(api.execute("classify", request));
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).isNotBlank();
  }

  @Test
  void theCommandIsNamedClassify() {
    assertThat(Commands.classify(FaultClassifier.standard()).name()).isEqualTo("classify");
    assertThat(OpsJson.parse(api.execute("nope", "{}").bodyText()).get("error").get("code").asText())
        .isEqualTo("UNKNOWN_COMMAND");
  }

  @Test
  @DisplayName("FAULT-CLASS-L2-12 a 61 s wait without efficiencyDegraded names the flag in assumptions; with it given,"
      + " no assumptions")
  void l2_12Assumptions() {
    JsonNode body = api.execute("classify", "{\"waitSecondsPerTransaction\": 61}").body();
    assertThat(body.get("level").asText()).isEqualTo("NONE");
    assertThat(body.get("assumptions")).hasSize(1);
    assertThat(body.get("assumptions").get(0).asText()).isEqualTo("efficiencyDegraded");
    JsonNode given = api.execute("classify", "{\"waitSecondsPerTransaction\": 61, \"efficiencyDegraded\": false}")
        .body();
    assertThat(given.has("assumptions")).isFalse();
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
