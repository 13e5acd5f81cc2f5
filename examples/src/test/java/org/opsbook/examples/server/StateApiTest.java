package org.opsbook.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.SmsKey;

/**
 * The stateful API under {@code /api/v1}: a fault is opened, its notification planned, drafted, submitted, refused to
 * the duty officer who drafted it (NOTIFY-REVIEW-01/02, with rule, field and message), approved by the team leader and
 * refused release until the briefing (NOTIFY-REVIEW-03); every change is attributed to the session's person.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateApiTest {
  @TempDir
  static Path dir;
  static ServedApi served;
  static ServedApi.Client zhangsan;
  static ServedApi.Client lisi;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    served = new ServedApi(dir, Reminders.Config.dashboardOnly());
    zhangsan = served.as("zhangsan");
    lisi = served.as("lisi");
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  @Order(1)
  void withoutASessionOrItsTokenTheApiRefuses() throws Exception {
    assertThat(served.anonymous().get("/api/v1/faults").statusCode()).isEqualTo(401);
    assertThat(served.anonymous().post("/api/v1/faults", "{}").statusCode()).isIn(401, 403);
  }

  @Test
  @Order(2)
  void aFaultIsOpenedByTheSignedInPersonAndListedOpen() throws Exception {
    HttpResponse<String> r = zhangsan.post("/api/v1/faults", "{'faultId': 'F-1', 'facts': {'faultId': 'F-1', "
        + "'nature': 'SYSTEM', 'subjectName': 'BOSS', 'faultStartTime': '2026-11-26T08:40:00+08:00', "
        + "'complaintCount': 30}}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode fault = OpsJson.parse(r.body());
    assertThat(fault.get("faultId").asText()).isEqualTo("F-1");
    assertThat(fault.get("duties").size()).isPositive();
    assertThat(OpsJson.parse(zhangsan.get("/api/v1/faults").body()).get("faults").toString()).contains("F-1");
    assertThat(OpsJson.parse(zhangsan.get("/api/v1/faults?state=repaired").body()).get("faults").size()).isZero();
    HttpResponse<String> bad = zhangsan.get("/api/v1/faults?state=closed");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(OpsJson.parse(bad.body()).at("/error/field").asText()).isEqualTo("state");
    assertThat(zhangsan.get("/api/v1/faults/F-404").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void NOTIFY_REVIEW_01_theDrafterMayNotApproveAndTheRefusalCarriesRuleFieldAndMessage() throws Exception {
    JsonNode duties = OpsJson.parse(zhangsan.get("/api/v1/faults/F-1/duties").body()).get("duties");
    String trigger = null;
    for (JsonNode d : duties) {
      if (d.get("ruleId").asText().startsWith("NOTIFY-TRIG")) {
        trigger = d.get("ruleId").asText();
      }
    }
    assertThat(trigger).as(duties.toString()).isNotNull();
    HttpResponse<String> planned = zhangsan.post("/api/v1/faults/F-1/messages", "{'ruleId': '" + trigger + "'}");
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    key = OpsJson.parse(planned.body()).get("key").asText();
    String at = "/api/v1/messages/" + key;
    HttpResponse<String> drafted = zhangsan.post(at + "/draft", "{'content': {'phenomenon': '缴费失败', "
        + "'cause': '待查', 'scope': '全市', 'handlingParty': 'IT中心', 'eta': '待定', 'followUpPerson': '张三'}}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
    assertThat(zhangsan.post(at + "/submit", "").statusCode()).isEqualTo(200);
    String text = OpsJson.parse(drafted.body()).at("/value/text").asText();

    HttpResponse<String> own = zhangsan.post(at + "/approve", "{'text': " + OpsJson.write(
        OpsJson.mapper().getNodeFactory().textNode(text)).replace('"', '\'') + "}");

    assertThat(own.statusCode()).as(own.body()).isEqualTo(422);
    JsonNode detail = OpsJson.parse(own.body()).at("/error/details/0");
    assertThat(detail.get("ruleId").asText()).startsWith("NOTIFY-REVIEW-0");
    assertThat(detail.get("field").asText()).isNotBlank();
    assertThat(detail.get("message").asText()).isNotBlank();
  }

  @Test
  @Order(4)
  void theTeamLeaderApprovesAsHimselfWhateverTheBodySays() throws Exception {
    String at = "/api/v1/messages/" + key;
    HttpResponse<String> claimed = lisi.post(at + "/approve", "{'text': 'x', 'reviewerId': 'zhaoliu'}");
    assertThat(claimed.statusCode()).isEqualTo(400);
    assertThat(OpsJson.parse(claimed.body()).at("/error/field").asText()).isEqualTo("reviewerId");
    String text = served.host().engine().messages().find(SmsKey.parse(key)).orElseThrow().record().text()
        .orElseThrow();

    HttpResponse<String> r = lisi.post(at + "/approve", "{'text': " + OpsJson.write(OpsJson.mapper()
        .getNodeFactory().textNode(text)).replace('"', '\'') + "}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(OpsJson.parse(r.body()).at("/value/state").asText()).isEqualTo("APPROVED");
    assertThat(served.host().engine().messages().find(SmsKey.parse(key)).orElseThrow().record().reviewer())
        .contains("lisi");
  }

  @Test
  @Order(5)
  void NOTIFY_REVIEW_03_theDeskMayNotReleaseBeforeTheBriefing() throws Exception {
    HttpResponse<String> r = served.as("sunba").post("/api/v1/messages/" + key + "/release", "");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("NOTIFY-REVIEW-03");
  }

  @Test
  @Order(6)
  void theLedgerComplianceAndLifecycleAnswer() throws Exception {
    assertThat(zhangsan.get("/api/v1/faults/F-1/ledger").statusCode()).isEqualTo(200);
    assertThat(zhangsan.get("/api/v1/compliance?from=2026-11-20T00:00:00Z&to=2026-11-27T00:00:00Z").statusCode())
        .isEqualTo(200);
    HttpResponse<String> backwards = zhangsan.get("/api/v1/compliance?from=2026-11-27T00:00:00Z&to=2026-11-20T00:00:00Z");
    assertThat(backwards.statusCode()).isEqualTo(400);
    // opening the fault through the API began its lifecycle: opening it again is refused by the machine
    HttpResponse<String> step = zhangsan.post("/api/v1/faults/F-1/lifecycle", "{'event': 'openFault'}");
    assertThat(step.statusCode()).as(step.body()).isEqualTo(422);
    assertThat(OpsJson.parse(step.body()).at("/error/details/0/ruleId").asText()).isEqualTo("SM-ESC-T01");
    HttpResponse<String> unknown = zhangsan.post("/api/v1/faults/F-1/lifecycle", "{'event': 'explode'}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(OpsJson.parse(unknown.body()).at("/error/field").asText()).isEqualTo("event");
    assertThat(zhangsan.post("/api/v1/faults/F-1/events", "{'type': 'REPORTED_TO_ROOM_MANAGER'}").statusCode())
        .isEqualTo(200);
    assertThat(zhangsan.get("/api/v1/faults/F-1/lifecycle").statusCode()).as("GET on a POST route")
        .isEqualTo(405);
  }

  @Test
  @Order(7)
  void bugsAndTicketsAreCreatedAndStepped() throws Exception {
    HttpResponse<String> ticket = served.as("you22").post("/api/v1/tickets", "{'id': 'T-1'}");
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
    HttpResponse<String> unnumbered = zhangsan.post("/api/v1/bugs", "{'id': 'BUG-1', 'data': {'description': "
        + "'充值不到账', 'complaintIssue': '充值不到账'}}");
    assertThat(unnumbered.statusCode()).as(unnumbered.body()).isEqualTo(422);
    assertThat(OpsJson.parse(unnumbered.body()).at("/error/details/0/field").asText()).isEqualTo("complaintNumbers");
    HttpResponse<String> bug = zhangsan.post("/api/v1/bugs", "{'id': 'BUG-1', 'data': {'description': '充值不到账', "
        + "'complaintIssue': '充值不到账', 'complaintNumbers': ['13800138000']}}");
    assertThat(bug.statusCode()).as(bug.body()).isEqualTo(201);
    HttpResponse<String> again = zhangsan.post("/api/v1/bugs", "{'id': 'BUG-1', 'data': {'description': '充值不到账', "
        + "'complaintIssue': '充值不到账', 'complaintNumbers': ['13800138000']}}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
    assertThat(OpsJson.parse(again.body()).at("/error/field").asText()).isEqualTo("id");
    assertThat(OpsJson.parse(again.body()).at("/error/message").asText()).contains("BUG-1 exists");
    assertThat(OpsJson.parse(zhangsan.get("/api/v1/bugs").body()).get("bugs")).hasSize(1);
    assertThat(OpsJson.parse(zhangsan.get("/api/v1/tickets").body()).get("tickets")).hasSize(1);
    assertThat(zhangsan.post("/api/v1/bugs/BUG-404/steps", "{'event': 'submitAms'}").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(8)
  void listsComeAPageAtATimeSpanningModificationsAndExtractionsAndNameTheNextPageOnlyWhenThereIsOne()
      throws Exception {
    ServedApi.Client zheng = served.as("zheng11");
    for (int i = 1; i <= 3; i++) {
      String kind = i == 2 ? "EXT" : "MOD";
      String operation = kind.equals("EXT")
          ? "{'opType': 'EXTRACTION', 'ticketKind': 'CMCP_IT_COLLAB', 'requirementPurpose': '核对欠费用户', "
              + "'requirementContent': '本月欠费用户清单', 'dataRequirements': '号码、欠费金额', 'requiredFields': ['号码']}"
          : "{'opType': 'MODIFICATION', 'ticketKind': 'AMS_DATA_MOD', 'targetSystem': 'BOSS', 'recordCount': 3, "
              + "'impactStatement': '3 numbers', 'sideEffectStatement': {'business': '无', 'accounts': '无', "
              + "'reports': '无'}, 'urgency': '一般'}";
      HttpResponse<String> r = zheng.post("/api/v1/dataops", "{'id': 'DP-" + i + "', 'kind': '" + kind
          + "', 'operation': " + operation + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    JsonNode all = OpsJson.parse(zhangsan.get("/api/v1/dataops?size=500").body());
    assertThat(all.has("next")).isFalse();
    List<String> ids = new ArrayList<>();
    all.get("dataops").forEach(t -> ids.add(t.get("kind").asText() + ":" + t.get("id").asText()));
    assertThat(ids).contains("MOD:DP-1", "EXT:DP-2", "MOD:DP-3");
    for (int size = 1; size <= ids.size() + 1; size++) {
      List<String> walked = new ArrayList<>();
      String after = null;
      for (int pages = 0; pages <= ids.size(); pages++) {
        HttpResponse<String> r = zhangsan.get("/api/v1/dataops?size=" + size + (after == null ? "" : "&after="
            + after));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = OpsJson.parse(r.body());
        assertThat(page.get("dataops").size()).isLessThanOrEqualTo(size);
        page.get("dataops").forEach(t -> walked.add(t.get("kind").asText() + ":" + t.get("id").asText()));
        if (!page.has("next")) {
          break;
        }
        after = page.get("next").asText();
      }
      assertThat(walked).as("pages of %d", size).isEqualTo(ids);
    }

    for (String query : List.of("/api/v1/cutovers?size=0", "/api/v1/bugs?size=501", "/api/v1/tickets?size=ten")) {
      HttpResponse<String> r = zhangsan.get(query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).as(r.body()).isEqualTo("size");
    }
    for (String query : List.of("/api/v1/dataops?after=DP-404", "/api/v1/cutovers?after=C-404",
        "/api/v1/messages?after=F-404/NOTIFICATION/1", "/api/v1/messages?after=not-a-key")) {
      HttpResponse<String> r = zhangsan.get(query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).as(r.body()).isEqualTo("after");
    }
  }

  @Test
  @Order(9)
  void SM_SMS_T05_onlyThe68284DeskResolvesASendInDoubtAndASendNotInDoubtIsAConflict() throws Exception {
    assertThat(OpsJson.parse(zhangsan.get("/api/v1/messages/in-doubt").body()).get("messages").size()).isZero();
    String at = "/api/v1/messages/" + key;

    for (String resolution : new String[] {"/confirm-sent", "/resend"}) {
      HttpResponse<String> notTheDesk = zhangsan.post(at + resolution, "");
      assertThat(notTheDesk.statusCode()).as(notTheDesk.body()).isEqualTo(400);
      assertThat(OpsJson.parse(notTheDesk.body()).at("/error/field").asText()).isEqualTo("personId");
      assertThat(notTheDesk.body()).contains("SM-SMS-T05");

      HttpResponse<String> notInDoubt = served.as("sunba").post(at + resolution, "");
      assertThat(notInDoubt.statusCode()).as(notInDoubt.body()).isEqualTo(409);
      assertThat(notInDoubt.body()).contains("NOT_IN_DOUBT");
    }
    assertThat(served.host().engine().messages().find(SmsKey.parse(key)).orElseThrow().state().name())
        .isEqualTo("APPROVED");
  }

  @Test
  @Order(10)
  void SM_ESC_T11_aSignedInPersonWithNoRoleInFaultHandlingNeitherOpensRepairsClosesNorDischargesDuties()
      throws Exception {
    ServedApi.Client submitter = served.as("zheng11");
    String before = zhangsan.get("/api/v1/faults/F-1").body();
    String owed = null;
    for (JsonNode d : OpsJson.parse(zhangsan.get("/api/v1/faults/F-1/duties").body()).get("duties")) {
      String rule = d.get("ruleId").asText();
      owed = owed == null && !rule.matches("NOTIFY-TRIG-0[2-8]") ? rule : owed;
    }
    assertThat(owed).as("F-1 owes a duty done by hand").isNotNull();
    String[][] writes = {
        {"/api/v1/faults", "{'faultId': 'F-Z', 'facts': {'faultId': 'F-Z', 'complaintCount': 30}}", "SM-ESC-T01"},
        {"/api/v1/faults/F-1/events", "{'type': 'REPAIRED'}", "SM-ESC-T07"},
        {"/api/v1/faults/F-1/events", "{'type': 'CLOSED'}", "SM-ESC-T11"},
        {"/api/v1/faults/F-1/events", "{'type': 'REPORTED_TO_ROOM_MANAGER'}", ""},
        {"/api/v1/faults/F-1/duties/" + owed + "/done", "", ""}};
    for (String[] w : writes) {
      HttpResponse<String> r = submitter.post(w[0], w[1]);
      assertThat(r.statusCode()).as("%s %s: %s", w[0], w[1], r.body()).isEqualTo(400);
      assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).isEqualTo("personId");
      assertThat(r.body()).contains(w[2]);
    }
    HttpResponse<String> sent = zhangsan.post("/api/v1/faults/F-1/events", "{'type': 'NOTIFICATION_SENT'}");
    assertThat(sent.statusCode()).as("an SMS is recorded as sent by its sending alone").isEqualTo(400);
    assertThat(sent.body()).contains("NOTIFY-REVIEW-01");
    assertThat(zhangsan.get("/api/v1/faults/F-1").body()).as("nothing written").isEqualTo(before);
    assertThat(zhangsan.get("/api/v1/faults/F-Z").statusCode()).isEqualTo(404);
  }
}
