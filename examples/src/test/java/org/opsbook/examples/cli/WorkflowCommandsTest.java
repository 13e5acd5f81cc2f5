package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opsbook.json.OpsJson;
import org.opsbook.core.time.StandardWorkCalendar;

/** Runs {@code ./opsbook dataop|extraction-window|cutover} through {@link Main}, as the launcher does. */
class WorkflowCommandsTest {
  private record Run(int status, JsonNode out) {}

  private static Run run(String command, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {command}, new ByteArrayInputStream(stdin.replace('\'', '"').getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new Run(status, OpsJson.parse(out.toString(UTF_8)));
  }

  /** Runs {@code command} on {@code stdin} and asserts it exits 2 naming {@code field}; returns that run. */
  private static Run refusedNaming(String field, String command, String stdin) {
    Run r = run(command, stdin);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out().at("/error/field").asText()).isEqualTo(field);
    return r;
  }

  @Test
  void theWorkflowCommandsAreRegistered() {
    assertThat(Commands.decisionApi().commandNames()).contains("dataop", "extraction-window", "cutover");
  }

  @Test
  void dataopHappyPath() {
    Run r = run("dataop", "{'operation': {'opType': 'MODIFICATION', 'ticketKind': 'AMS_DATA_MOD', "
        + "'targetSystem': 'BOSS', 'recordCount': 3, 'impactStatement': '3 numbers', 'sideEffectStatement': "
        + "{'business': '无', 'accounts': '无', 'reports': '无'}, 'urgency': '一般'}, 'steps': ["
        + "{'event': 'submit', 'at': '2026-11-25T10:00:00+08:00', 'actor': {'id': 'zhang', 'roles': "
        + "['DATA_SUBMITTER'], 'org': '运营管理室', 'kind': 'CITY_STAFF'}, 'data': {}},"
        + "{'event': 'approveBusiness', 'at': '2026-11-25T10:05:00+08:00', 'actor': {'id': 'zhang', 'roles': "
        + "['DATA_SUBMITTER']}}]}");
    assertThat(r.status()).isZero();
    assertThat(r.out().get("finalState").asText()).isEqualTo("SUBMITTED");
    assertThat(r.out().at("/steps/1/violations").toString()).isEqualTo("[\"SM-DATAOP-MOD-T02\"]");
    assertThat(r.out().get("batch").asBoolean()).isFalse();
  }

  @Test
  void dataopInvalidInputExitsTwoNamingTheField() {
    Run r = refusedNaming("steps[0].at", "dataop", "{'operation': {'opType': 'MODIFICATION'}, 'steps': [{'event': "
        + "'submit', 'at': '2026-11-25T10:00:00', 'actor': {'id': 'zhang', 'roles': ['DATA_SUBMITTER']}}]}");
    assertThat(r.out().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void extractionWindowHappyPath() {
    Run r = run("extraction-window", "{'estimatedRowCount': 80000, 'estimatedExecutionMinutes': 5, "
        + "'plannedStart': '2026-11-25T10:00:00+08:00', 'calendar': {'holidays': ['2026-10-01'], "
        + "'workdays': ['2026-10-10']}}");
    assertThat(r.status()).isZero();
    assertThat(r.out().toString()).startsWith("{\"allowed\":false,\"violations\":[\"DATAOP-EXT-04\"],"
        + "\"details\":[{\"ruleId\":\"DATAOP-EXT-04\",\"field\":\"plannedStart\",")
        .endsWith("\"earliestAllowedStart\":\"2026-11-25T12:00:00+08:00\"}");
  }

  @Test
  void extractionWindowInvalidInputExitsTwoNamingTheField() {
    refusedNaming("estimatedRowCount", "extraction-window",
        "{'estimatedRowCount': 'many', 'plannedStart': '2026-11-25T10:00:00+08:00'}");
  }

  @Test
  void cutoverHappyPath() {
    Run r = run("cutover", "{'plannedStart': '2026-11-26T22:00:00+08:00', 'applicationSubmittedAt': "
        + "'2026-11-23T17:00:00+08:00', 'affectsCustomerBusiness': true, 'needsSocialAnnouncement': false, "
        + "'reportContents': ['PLAN', 'EMERGENCY_PLAN', 'DIAL_TEST_LIST', 'TIME', 'IMPACT', 'BASIS', "
        + "'SYSTEM_CUTOVER_APPLICATION_DOC'], 'applicationContents': ['TIME', 'PLAN', 'PERSONNEL', 'IMPACT_SCOPE'], "
        + "'calendar': {'holidays': [], 'workdays': []}}");
    assertThat(r.status()).isZero();
    assertThat(r.out().toString()).isEqualTo("{\"applicationDeadline\":\"2026-11-24T00:00:00+08:00\","
        + "\"leadTimeOk\":true,\"missingReportContents\":[],\"missingApplicationContents\":[],"
        + "\"announcementRequired\":true,\"violations\":[]}");
  }

  @Test
  void cutoverInvalidInputExitsTwoNamingTheField() {
    refusedNaming("applicationContents[1]", "cutover",
        "{'plannedStart': '2026-11-26T22:00:00+08:00', 'applicationContents': ['TIME', 'WHO']}");
  }

  @Test
  void theShippedExampleCalendarParses() throws Exception {
    try (InputStream in = WorkflowCommandsTest.class.getResourceAsStream("/calendar/example-calendar.txt");
        Reader reader = new InputStreamReader(in, UTF_8)) {
      StandardWorkCalendar c = StandardWorkCalendar.parse(reader);
      assertThat(c.isWorkingDay(LocalDate.of(2099, 10, 1))).isFalse();
      assertThat(c.isWorkingDay(LocalDate.of(2099, 10, 10))).isTrue();
      assertThat(c.holidays()).hasSize(12);
    }
  }
}
