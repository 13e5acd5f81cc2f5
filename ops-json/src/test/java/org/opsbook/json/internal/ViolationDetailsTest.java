package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.internal.catalog.RuleCatalog;

/** The {@code details} array beside {@code violations}: one JSON form, written by one helper for every command. */
class ViolationDetailsTest {
  private static final DecisionApi API = DecisionApi.standard();

  @Test
  void detailsAreSortedByRuleAndNameTheFieldsPath() {
    JsonNode details = ViolationDetails.write(List.of(
        Violation.of(RuleId.of("TICKET-13"), "assignee", "hand it to qian"),
        Violation.of(RuleId.of("SM-TICKET-T07"), "actor", "actor he holds none of [PRE_PROCESSOR]")),
        StepRun.stepField("steps[3]", java.util.Set.of("assignee")));
    assertThat(details).hasSize(2);
    assertThat(details.get(0)).isEqualTo(OpsJson.parse("""
        {"ruleId": "SM-TICKET-T07", "field": "steps[3].actor", "message": "actor he holds none of [PRE_PROCESSOR]"}
        """));
    assertThat(details.get(1).get("message").asText())
        .isEqualTo("hand it to qian " + RuleCatalog.standard().quote(RuleId.of("TICKET-13")));
    assertThat(details.get(0).get("ruleId").asText()).isEqualTo("SM-TICKET-T07");
    assertThat(details.get(1).get("field").asText()).isEqualTo("steps[3].data.assignee");
  }

  @Test
  void aMessageThatQuotesTheManualGetsNoSecondQuote_DATAOP_MOD_12() {
    Violation v = Violation.of(RuleId.of("DATAOP-MOD-12"), "actor", "may not accept it (自行验收)");
    assertThat(ViolationDetails.message(v)).isEqualTo("may not accept it (自行验收)");
  }

  @Test
  void aFieldTheInstanceHoldsIsNamedByItself_TICKET_10() {
    assertThat(StepRun.stepField("steps[1]", java.util.Set.of("assignee")).apply("cause")).isEqualTo("cause");
    assertThat(StepRun.stepField("steps[1]", java.util.Set.of()).apply("at")).isEqualTo("steps[1].at");
    assertThat(StepRun.stepField("steps[1]", java.util.Set.of()).apply("data.approvedAt"))
        .isEqualTo("steps[1].data.approvedAt");
  }

  @Test
  void cutoverDetailsSayWhatEachViolatedRuleMisses_CUTOVER_12_23_24() {
    DecisionApi.Response r = API.execute("cutover", """
        {"plannedStart": "2026-12-10T22:00:00+08:00", "applicationSubmittedAt": "2026-12-09T10:00:00+08:00",
         "affectsCustomerBusiness": true, "reportContents": ["PLAN"], "applicationContents": ["TIME"]}
        """);
    assertThat(r.exitCode()).as(r.bodyText()).isZero();
    JsonNode d = r.body().get("details");
    assertThat(d).hasSize(3);
    assertThat(d.get(0).get("ruleId").asText()).isEqualTo("CUTOVER-12");
    assertThat(d.get(0).get("field").asText()).isEqualTo("reportContents");
    assertThat(d.get(0).get("message").asText()).contains("EMERGENCY_PLAN");
    assertThat(d.get(1).get("ruleId").asText()).isEqualTo("CUTOVER-23");
    assertThat(d.get(1).get("field").asText()).isEqualTo("applicationSubmittedAt");
    assertThat(d.get(1).get("message").asText()).contains("2026-12-09T10:00:00+08:00", "2026-12-08T00:00:00+08:00",
        "三个工作日");
    assertThat(d.get(2).get("ruleId").asText()).isEqualTo("CUTOVER-24");
    assertThat(d.get(2).get("message").asText()).contains("PLAN", "PERSONNEL");
  }

  @Test
  void anAnswerWithoutViolationsHasNoDetails() {
    DecisionApi.Response r = API.execute("extraction-window", """
        {"estimatedRowCount": 80000, "estimatedExecutionMinutes": 5, "plannedStart": "2026-11-25T12:30:00+08:00"}
        """);
    assertThat(r.body().get("violations")).isEmpty();
    assertThat(r.body().has("details")).isFalse();
  }

  @Test
  void extractionWindowDetailsNameThePlannedStart_DATAOP_EXT_04() {
    DecisionApi.Response r = API.execute("extraction-window", """
        {"estimatedRowCount": 100, "estimatedExecutionMinutes": 20, "plannedStart": "2026-11-25T10:00:00+08:00"}
        """);
    JsonNode d = r.body().at("/details/0");
    assertThat(d.get("ruleId").asText()).isEqualTo("DATAOP-EXT-04");
    assertThat(d.get("field").asText()).isEqualTo("plannedStart");
    assertThat(d.get("message").asText()).startsWith("20.0 minutes is a long extraction").contains("上班高峰时间");
  }
}
