package org.opsbook.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;

/**
 * A fault's answers carry its version as an {@code ETag}; a write to its history with {@code If-Match} is applied
 * only to the fault at that version. A request the network repeats is written once (412 the second time), and the
 * duty officer who acted on a page a colleague has since changed is told so, not written over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConditionalWritesApiTest {
  @TempDir
  static Path dir;
  static ServedApi served;
  static ServedApi.Client zhangsan;

  @BeforeAll
  static void serve() throws Exception {
    served = new ServedApi(dir, Reminders.Config.dashboardOnly());
    zhangsan = served.as("zhangsan");
    HttpResponse<String> opened = zhangsan.post("/api/v1/faults", "{'faultId': 'F-1', 'facts': {'faultId': 'F-1', "
        + "'nature': 'SYSTEM', 'subjectName': 'BOSS', 'faultStartTime': '2026-11-26T08:40:00+08:00', "
        + "'complaintCount': 30}}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static String etag(HttpResponse<String> r) {
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r.headers()));
  }

  private static long version() {
    return served.host().engine().faults().load("F-1").version();
  }

  @Test
  @Order(1)
  @DisplayName("a report to the room manager the network sends twice with the fault's ETag is recorded once")
  void aRepeatedReportIsRecordedOnce() throws Exception {
    HttpResponse<String> read = zhangsan.get("/api/v1/faults/F-1");
    String tag = etag(read);
    long v = version();
    assertThat(tag).isEqualTo("\"" + OpsJson.parse(read.body()).get("version").asLong() + "\"");
    String report = "{'type': 'REPORTED_TO_ROOM_MANAGER'}";

    HttpResponse<String> first = zhangsan.post("/api/v1/faults/F-1/events", report, Map.of("If-Match", tag));
    HttpResponse<String> again = zhangsan.post("/api/v1/faults/F-1/events", report, Map.of("If-Match", tag));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(etag(first)).isEqualTo("\"" + OpsJson.parse(first.body()).get("version").asLong() + "\"")
        .isNotEqualTo(tag);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(412);
    assertThat(OpsJson.parse(again.body()).at("/error/code").asText()).isEqualTo("PRECONDITION_FAILED");
    assertThat(etag(again)).as("the version it is at now").isEqualTo(etag(first));
    assertThat(version()).as("the history gained the one report").isEqualTo(v + 1);
  }

  @Test
  @Order(2)
  @DisplayName("SM-ESC-T02 a step with If-Match answers the version it left: one more, or the same when refused")
  void aLifecycleStepAnswersTheVersionItLeft() throws Exception {
    String tag = etag(zhangsan.get("/api/v1/faults/F-1"));
    long v = Long.parseLong(tag.replace("\"", ""));

    HttpResponse<String> refused = zhangsan.post("/api/v1/faults/F-1/lifecycle", "{'event': 'close'}",
        Map.of("If-Match", tag));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(etag(refused)).isEqualTo(tag);

    HttpResponse<String> declared = zhangsan.post("/api/v1/faults/F-1/lifecycle", "{'event': 'declare'}",
        Map.of("If-Match", tag));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
    assertThat(etag(declared)).isEqualTo("\"" + (v + 1) + "\"");
    assertThat(version()).isEqualTo(v + 1);

    HttpResponse<String> stale = zhangsan.post("/api/v1/faults/F-1/lifecycle", "{'event': 'declare'}",
        Map.of("If-Match", tag));
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
  }

  @Test
  @Order(3)
  @DisplayName("If-Match: * writes whatever the version; a header that is not one version is refused naming it")
  void theHeaderIsOneVersionOrAnyAndNothingElse() throws Exception {
    long before = version();
    HttpResponse<String> any = zhangsan.post("/api/v1/faults/F-1/events", "{'type': 'PROGRESS_REPORTED'}",
        Map.of("If-Match", "*"));
    assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
    for (String bad : new String[] {"7", "W/\"7\"", "\"7\", \"8\"", "\"-1\"", "\"x\"", "\"99999999999999999999\""}) {
      HttpResponse<String> r = zhangsan.post("/api/v1/faults/F-1/events", "{'type': 'PROGRESS_REPORTED'}",
          Map.of("If-Match", bad));
      assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
      JsonNode error = OpsJson.parse(r.body()).get("error");
      assertThat(error.get("field").asText()).isEqualTo("If-Match");
    }
    assertThat(version()).isEqualTo(before + 1);
  }

  @Test
  @Order(4)
  @DisplayName("If-Match on a route that does not take it is refused, not ignored")
  void aRouteWithoutVersionsRefusesTheHeader() throws Exception {
    String tag = etag(zhangsan.get("/api/v1/faults/F-1"));
    HttpResponse<String> open = zhangsan.post("/api/v1/faults", "{'faultId': 'F-2', 'facts': {'faultId': 'F-2', "
        + "'complaintCount': 1}}", Map.of("If-Match", tag));
    assertThat(open.statusCode()).as(open.body()).isEqualTo(400);
    assertThat(OpsJson.parse(open.body()).at("/error/field").asText()).isEqualTo("If-Match");
    assertThat(served.host().engine().faults().openFaults()).extracting(f -> f.faultId()).doesNotContain("F-2");
  }

  @Test
  @Order(5)
  @DisplayName("SM-DATAOP-EXT-T01 a data operation is created at ETag 0, and a step repeated with its ETag is "
      + "written once")
  void aStepRepeatedWithItsEtagIsWrittenOnce() throws Exception {
    ServedApi.Client chen = served.as("chen13");
    HttpResponse<String> created = chen.post("/api/v1/dataops", "{'id': 'D-1', 'kind': 'EXT', 'operation': "
        + "{'opType': 'EXTRACTION', 'ticketKind': 'CMCP_IT_COLLAB', 'requirementPurpose': '核对欠费用户', "
        + "'requirementContent': '本月欠费用户清单', 'dataRequirements': '号码、欠费金额', 'requiredFields': ['号码']}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(etag(created)).isEqualTo("\"0\"");

    HttpResponse<String> submitted = chen.post("/api/v1/dataops/D-1/steps", "{'event': 'submit'}",
        Map.of("If-Match", "\"0\""));
    HttpResponse<String> again = chen.post("/api/v1/dataops/D-1/steps", "{'event': 'submit'}",
        Map.of("If-Match", "\"0\""));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(etag(submitted)).isEqualTo("\"1\"");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(412);
    assertThat(OpsJson.parse(again.body()).at("/error/message").asText()).startsWith("D-1 is at version 1");
    assertThat(etag(again)).isEqualTo("\"1\"");
    assertThat(served.host().engine().extractions().history("D-1")).hasSize(1);
  }
}
