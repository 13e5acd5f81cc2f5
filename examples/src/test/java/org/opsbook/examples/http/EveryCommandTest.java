package org.opsbook.examples.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.json.OpsJson;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.cli.Main;

/**
 * Every command of decision-api.md, on both faces: {@code ./opsbook <command>} (exit 0 / 2) and
 * {@code POST /v1/<command>} (200 / 400) answer a valid request and an invalid one with the same document, and the
 * invalid one names the offending field. Unknown commands answer 404 and other methods than POST 405.
 */
class EveryCommandTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static OpsHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = OpsHttpServer.builder(Commands.decisionApi()).port(0).build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /**
   * Per command: a valid request, a field of its answer and that field's value, an invalid request and the field
   * the error must name.
   */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("classify", "{'complaintCount': 55}", "/level", "L2",
            "{'complaintCount': -1}", "complaintCount"),
        Arguments.of("obligations", "{'facts': {'faultId': 'F-1', 'nature': 'SYSTEM', 'complaintCount': 24, "
                + "'faultStartTime': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}",
            "/classification/level", "L1",
            "{'facts': {'complaintCount': 24}, 'now': '2026-11-25T09:30:00'}", "now"),
        Arguments.of("notify", "{'messageType': 'RECOVERY', 'facts': {'nature': 'BUSINESS', "
                + "'faultStartTime': '2026-11-25T14:30:00+08:00'}, 'message': {'subjectName': '积分兑换', "
                + "'phenomenon': '无法兑换', 'cause': '配置错误', 'scope': '全部客户', 'handlingParty': '省公司', "
                + "'followUpPerson': '张三'}}", "/templateId", "NOTIFY-TPL-04",
            "{'messageType': 'RECOVERY', 'facts': {'nature': 'BUSINESS'}, 'message': {'phenomenon': 1}}",
            "message.phenomenon"),
        Arguments.of("dataop", "{'operation': {'opType': 'EXTRACTION', 'ticketKind': 'CMCP_IT_COLLAB', "
                + "'requirementPurpose': 'p', 'requirementContent': 'c', 'dataRequirements': 'd', "
                + "'requiredFields': ['号码']}, 'steps': [{'event': 'submit', 'at': '2026-11-25T10:00:00+08:00', "
                + "'actor': {'id': 'chen', 'roles': ['DATA_SUBMITTER'], 'org': '数据分析室'}}]}",
            "/finalState", "SUBMITTED",
            "{'operation': {'opType': 'EXTRACTION'}, 'steps': [{'event': 'execute', "
                + "'at': '2026-11-25T10:00:00+08:00', 'actor': {'id': 'chen', 'roles': ['DATA_SUBMITTER']}}]}",
            "steps[0].event"),
        Arguments.of("extraction-window", "{'estimatedRowCount': 80000, 'estimatedExecutionMinutes': 5, "
                + "'plannedStart': '2026-11-25T11:00:00+08:00'}", "/earliestAllowedStart",
            "2026-11-25T12:00:00+08:00", "{'estimatedRowCount': 80000, 'plannedStart': '2026-11-25T11:00:00+08:00', "
                + "'surprise': true}", "surprise"),
        Arguments.of("report", "{'occurrencesInWeek': 2}", "/firingRules/0", "REPORT-WEEKLY-01",
            "{'complaintsInMonth': -5}", "complaintsInMonth"),
        Arguments.of("cutover", "{'plannedStart': '2026-11-27T22:00:00+08:00', "
                + "'applicationSubmittedAt': '2026-11-25T16:00:00+08:00'}", "/violations/1", "CUTOVER-23",
            "{'plannedStart': '2026-11-27T22:00:00+08:00', 'reportContents': ['PLAN', 'SLIDES']}",
            "reportContents[1]"),
        Arguments.of("fault", "{'facts': {'complaintCount': 25, 'detectedAt': '2026-11-25T09:00:00+08:00'}, "
                + "'steps': [{'event': 'openFault', 'at': '2026-11-25T09:00:00+08:00', "
                + "'actor': {'id': 'zhou', 'roles': ['ESC_DUTY']}}]}", "/finalState", "DETECTED",
            "{'facts': {}, 'steps': [{'event': 'openFault', 'at': '2026-11-25T09:00:00+08:00', "
                + "'actor': {'id': 'zhou', 'roles': ['ESC_DUTY']}, 'data': {'handoverNote': 'x'}}]}",
            "steps[0].data.handoverNote"),
        Arguments.of("bug", "{'steps': [{'event': 'submitAms', 'at': '2026-11-25T09:00:00+08:00', "
                + "'actor': {'id': 'li', 'roles': ['BUG_PROCESSOR']}}]}", "/steps/0/violations/0", "SM-BUG-T02",
            "{'steps': [{'event': 'submitAms', 'at': '2026-11-25T09:00:00+08:00'}]}", "steps[0].actor"),
        Arguments.of("ticket", "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
                + "'steps': [{'event': 'accept', 'at': '2026-11-25T09:05:00+08:00', "
                + "'actor': {'id': 'he', 'roles': ['PRE_PROCESSOR']}}]}", "/finalState", "PREPROCESSING",
            "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00'}, 'steps': []}",
            "ticket.receivedAt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void answersTheSameOnTheCommandLineAndOverHttp(String command, String valid, String pointer, String expected,
      String invalid, String field) throws Exception {
    Answer cli = cli(command, valid);
    Answer http = http(command, valid);
    assertThat(cli.status()).as("exit status").isZero();
    assertThat(http.status()).as("HTTP status").isEqualTo(200);
    assertThat(cli.body().at(pointer).asText()).isEqualTo(expected);
    assertThat(http.body()).isEqualTo(cli.body());

    Answer badCli = cli(command, invalid);
    Answer badHttp = http(command, invalid);
    assertThat(badCli.status()).as("exit status").isEqualTo(2);
    assertThat(badHttp.status()).as("HTTP status").isEqualTo(400);
    assertThat(badCli.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(badCli.body().at("/error/field").asText()).isEqualTo(field);
    assertThat(badHttp.body()).isEqualTo(badCli.body());
  }

  @Test
  void malformedJsonIsInvalidInputOnBothFaces() throws Exception {
    Answer cli = cli("classify", "{'complaintCount': ");
    Answer http = http("classify", "{'complaintCount': ");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(http.status()).isEqualTo(400);
    assertThat(http.body()).isEqualTo(cli.body());
    assertThat(cli.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void answersJsonAndRefusesWhatIsNotACommand() throws Exception {
    HttpResponse<String> ok = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/v1/classify")))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    Answer unknown = http("nope", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
    HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/v1/classify"))).GET().build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void everyCommandOfTheContractIsServed() {
    assertThat(Commands.decisionApi().commandNames()).containsExactlyInAnyOrder("classify", "obligations", "notify",
        "dataop", "extraction-window", "report", "cutover", "fault", "bug", "ticket");
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer cli(String command, String request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {command}, new ByteArrayInputStream(json(request).getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new Answer(status, OpsJson.parse(out.toString(UTF_8)));
  }

  private static Answer http(String command, String request) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/v1/" + command)))
        .POST(HttpRequest.BodyPublishers.ofString(json(request), UTF_8)).header("Content-Type", "application/json")
        .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    return new Answer(r.statusCode(), OpsJson.parse(r.body()));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
