package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.ReportThresholdPolicy;
import org.opsbook.json.DecisionApi;
import org.opsbook.rules.report.ReportRules;

/** {@code report} through the decision API, as decision-api.md specifies it, errors included. */
class ReportCommandTest {
  private final DecisionApi api = DecisionApi.builder().register(Commands.report(ReportRules.standard())).build();

  @Test
  @DisplayName("REPORT-WEEKLY-01 the documented example answers exactly the documented response")
  void documentedExample() {
    DecisionApi.Response r = api.execute("report", "{ \"occurrencesInWeek\": 2, \"complaintsInWeek\": 0, "
        + "\"occurrencesInMonth\": 2, \"complaintsInMonth\": 0, \"faultCategory\": \"OTHER\", "
        + "\"categoryOccurrencesInMonth\": 0 }");
    assertThat(r.exitCode()).isZero();
    assertThat(r.bodyText()).isEqualTo("{\"weekly\":true,\"monthly\":false,\"firingRules\":[\"REPORT-WEEKLY-01\"]}");
  }

  @Test
  @DisplayName("REPORT-MONTHLY-02 firing rules are sorted; absent fields are 0 and OTHER")
  void sortedRulesAndDefaults() {
    JsonNode body = api.execute("report", "{\"occurrencesInMonth\": 4, \"complaintsInMonth\": 501}").body();
    assertThat(body.toString()).isEqualTo(
        "{\"weekly\":true,\"monthly\":true,\"firingRules\":[\"REPORT-MONTHLY-01\",\"REPORT-MONTHLY-02\"]}");
    assertThat(api.execute("report", "{}").bodyText())
        .isEqualTo("{\"weekly\":false,\"monthly\":false,\"firingRules\":[]}");
  }

  @Test
  @DisplayName("REPORT-MONTHLY-03 a listed category with 3 occurrences in the month")
  void category() {
    assertThat(api.execute("report", "{\"faultCategory\": \"TOPUP_NOT_CREDITED\", \"categoryOccurrencesInMonth\": 3}")
        .bodyText()).isEqualTo("{\"weekly\":false,\"monthly\":true,\"firingRules\":[\"REPORT-MONTHLY-03\"]}");
  }

  @Test
  @DisplayName("REPORT-POLICY-01 the command follows the configured policy")
  void policy() {
    DecisionApi only4 = DecisionApi.builder().register(Commands.report(new ReportRules(OpsParameters.builder()
        .reportThresholdPolicy(ReportThresholdPolicy.SECTION_4_ONLY).build()))).build();
    assertThat(only4.execute("report", "{\"occurrencesInWeek\": 2}").bodyText())
        .isEqualTo("{\"weekly\":false,\"monthly\":false,\"firingRules\":[]}");
  }

  @ParameterizedTest(name = "{0} -> field {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"occurrencesInWeek\": -1}|occurrencesInWeek",
      "{\"complaintsInMonth\": -3}|complaintsInMonth",
      "{\"categoryOccurrencesInMonth\": 1.5}|categoryOccurrencesInMonth",
      "{\"complaintsInWeek\": \"20\"}|complaintsInWeek",
      "{\"faultCategory\": \"LOGIN\"}|faultCategory",
      "{\"faultCategory\": 3}|faultCategory",
      "{\"signature\": \"x\"}|signature",
      "\"report\"|''",
      "not json|''"})
  @DisplayName("REPORT-POLICY-01 bad input is INVALID_INPUT naming the field")
  void invalidInput(String request, String field) {
    assertThat(CommandAnswers.invalid(api.execute("report", request)).get("field").asText()).isEqualTo(field);
  }
}
