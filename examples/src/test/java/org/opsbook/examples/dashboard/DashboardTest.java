package org.opsbook.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.examples.http.Texts;
import org.opsbook.json.OpsJson;
import org.opsbook.engine.OpsEngine;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.MessageType;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpState;

/**
 * The dashboard's JSON API over the demo's day: what it shows, and approving and rejecting messages. The tests share
 * one served demo and run in order: what it shows first, the refusals next, the approval that changes it last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {
  private static final String PENDING = "F-20261126-01/NOTIFICATION/1";

  @TempDir
  static Path dir;
  private static ServedDemo served;
  /** The team leader, who reviews. */
  private static ServedDemo.Client lisi;

  @BeforeAll
  static void serve() throws Exception {
    served = ServedDemo.in(dir.resolve("data"));
    lisi = served.as("lisi");
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  @Order(1)
  void showsTheDemosFaultsWithTheirNextDutiesAsOfTheEndOfItsDay() throws Exception {
    JsonNode d = dashboard();
    assertThat(d.get("now").asText()).isEqualTo("2026-11-26T10:46:00+08:00");
    assertThat(d.get("clock").asText()).as("the data's clock, later than the wall clock").isEqualTo("DATA");
    assertThat(d.get("repaired").toString()).contains("F-20261125-01");
    assertThat(d.get("faults").toString()).contains("F-20261126-01").doesNotContain("F-20261125-01");
    JsonNode boss = fault(d, "F-20261125-01");
    assertThat(boss.get("peakLevel").asText()).isEqualTo("L2");
    assertThat(boss.get("severityLabel").asText()).isEqualTo("重大");
    assertThat(boss.get("repairedAt").asText()).isEqualTo("2026-11-26T10:20:00+08:00");
    // the demo never asks 市场部 for the wording (ESC-REQ-06), which outlives the repair
    assertThat(ruleIds(boss.get("nextDuties"))).containsExactly("ESC-REQ-10", "ESC-REQ-06", "ESC-REQ-11");
    JsonNode callCenter = fault(d, "F-20261126-01");
    assertThat(callCenter.get("currentLevel").asText()).isEqualTo("L1");
    assertThat(OpsJson.write(callCenter.get("matchedRules"))).isEqualTo("[\"FAULT-CLASS-L1-10\"]");
    assertThat(ruleIds(callCenter.get("nextDuties"))).startsWith("NOTIFY-TRIG-05", "ESC-PROG-01");
    JsonNode progress = callCenter.get("nextDuties").get(1);
    assertThat(progress.get("dueAt").asText()).isEqualTo("2026-11-26T11:16:00+08:00");
    assertThat(progress.get("target").asText()).isEqualTo("赵六 (ROOM_MANAGER)");
  }

  @Test
  @Order(2)
  void listsTheMessageWaitingForReviewFirstAndTheTickets() throws Exception {
    JsonNode d = dashboard();
    JsonNode first = d.get("messages").get(0);
    assertThat(first.get("key").asText()).isEqualTo(PENDING);
    assertThat(first.get("state").asText()).isEqualTo("IN_REVIEW");
    assertThat(OpsJson.write(first.get("recipientClasses"))).isEqualTo("[\"B\",\"C\"]");
    assertThat(first.get("recipientCount").asInt()).as("the people in classes B and C").isEqualTo(14);
    assertThat(d.has("reviewers")).as("nobody's ID is listed for choosing").isFalse();
    List<String> tickets = new ArrayList<>();
    d.get("workflows").forEach(w -> tickets.add(w.get("id").asText() + " " + w.get("state").asText()));
    assertThat(tickets).contains("DM-20261125-01 CLOSED", "EX-20261125-01 CLOSED",
        "CO-20261127-01 SUPERVISOR_APPROVED", "CO-20261201-01 APPLIED");
  }

  @Test
  @Order(2)
  void SM_CUTOVER_T04_aTicketsRowShowsItsNextStepAndWhoMayTakeItInTheManualsPostNames() throws Exception {
    JsonNode d = dashboard();
    JsonNode approved = workflow(d, "CO-20261127-01");
    assertThat(approved.get("nextSteps")).as("SM-CUTOVER-T04 only, from SUPERVISOR_APPROVED").hasSize(1);
    JsonNode apply = approved.get("nextSteps").get(0);
    assertThat(apply.get("to").asText()).isEqualTo("APPLIED");
    assertThat(OpsJson.write(apply.get("roles"))).isEqualTo("[\"CUTOVER_OWNER\"]");
    JsonNode applied = workflow(d, "CO-20261201-01").get("nextSteps").get(0);
    assertThat(applied.get("to").isNull()).as("SM-CUTOVER-T05: the province's answer chooses").isTrue();
    assertThat(workflow(d, "DM-20261125-01").get("nextSteps")).as("a closed ticket has no next step").isEmpty();
    // every role a row names has its post in both bundles, so the page never shows a code
    for (JsonNode w : d.get("workflows")) {
      for (JsonNode step : w.get("nextSteps")) {
        for (JsonNode role : step.get("roles")) {
          for (Locale l : Texts.LOCALES) {
            assertThat(Texts.bundle(l).containsKey("role." + role.asText()))
                .as(role + " in " + l).isTrue();
          }
        }
      }
    }
    assertThat(Texts.bundle(Locale.SIMPLIFIED_CHINESE)
        .getString("role.CUTOVER_OWNER")).isEqualTo("工程割接管理员");
    assertThat(lisi.get("/").body()).as("the page's column").contains("下一步");
  }

  @Test
  @Order(2)
  void SM_CUTOVER_T04_aNextStepShowsItsEventAndStateInThePagesLanguageWithTheApiNamesOnHover() throws Exception {
    JsonNode apply = workflow(dashboard(), "CO-20261127-01").get("nextSteps").get(0);
    assertThat(apply.get("event").asText()).as("the API keeps the event's name").isEqualTo("applyViaAms");
    assertThat(Texts.bundle(Locale.SIMPLIFIED_CHINESE).getString("event.applyViaAms")).isEqualTo("通过 AMS 提交申请");
    assertThat(Texts.bundle(Locale.ENGLISH).getString("event.applyViaAms")).isEqualTo("apply through AMS");
    // every event of the machines the page lists has its words in both bundles, so the page never shows a name
    List<String> events = new ArrayList<>();
    for (DataOpEvent e : DataOpEvent.values()) {
      events.add(e.eventName());
    }
    for (CutoverEvent e : CutoverEvent.values()) {
      events.add(e.eventName());
    }
    List<String> states = new ArrayList<>();
    for (DataOpState st : DataOpState.values()) {
      states.add(st.name());
    }
    for (CutoverState st : CutoverState.values()) {
      states.add(st.name());
    }
    for (Locale l : Texts.LOCALES) {
      for (String e : events) {
        assertThat(Texts.bundle(l).containsKey("event." + e)).as(e + " in " + l).isTrue();
      }
      for (String st : states) {
        assertThat(Texts.bundle(l).containsKey("workflowState." + st)).as(st + " in " + l).isTrue();
      }
    }
    assertThat(Texts.bundle(Locale.SIMPLIFIED_CHINESE).getString("workflowState." + apply.get("to").asText()))
        .isEqualTo("已申请");
    assertThat(lisi.get("/").body()).as("the page carries the words").contains("event.applyViaAms",
        "workflowState.APPLIED");
    assertThat(lisi.get("/dashboard.js").body()).contains("T['event.' + name]", "T['workflowState.' + name]");
  }

  @Test
  @Order(2)
  void ESC_REQ_10_eachFaultsPageDrawsItsEscalationLadderFromItsHistoryAndLedger() throws Exception {
    HttpResponse<String> r = lisi.get("/faults/F-20261125-01");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String page = r.body();
    assertThat(page).contains("<svg", "升级阶梯", "F-20261125-01", "BOSS", "已修复")
        .doesNotContain("<script");
    assertThat(page).as("the levels as first reached").contains("class=\"level L2\"");
    assertThat(page).as("the repair").contains("class=\"repaired\"");
    assertThat(page).as("a duty of the ledger, with how it ended").contains("class=\"duty ", "data-rule=\"ESC-REQ-10\"");
    HttpResponse<String> en = lisi.send(HttpRequest.newBuilder(URI.create(served.url("/faults/F-20261125-01")))
        .header("Accept-Language", "en-GB,en;q=0.9").GET());
    assertThat(en.body()).contains("Escalation ladder", "<svg").doesNotContain("升级阶梯");
    assertThat(lisi.get("/faults/F-NOPE").statusCode()).isEqualTo(404);
    assertThat(served.anonymous().get("/faults/F-20261125-01").statusCode()).as("to the login page").isEqualTo(303);
    assertThat(lisi.get("/dashboard.js").body()).as("the fault row links to its page").contains("'/faults/'");
  }

  @Test
  @Order(3)
  void NOTIFY_REVIEW_01_theAuthorMayNotApproveTheDraft() throws Exception {
    HttpResponse<String> r = served.as("zhangsan").post("/api/messages/approve", "{'key': '" + PENDING
        + "', 'reviewerId': 'lisi'}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode err = OpsJson.parse(r.body()).get("error");
    assertThat(err.get("code").asText()).isEqualTo("REFUSED");
    assertThat(OpsJson.write(err.get("ruleIds"))).isEqualTo("[\"NOTIFY-REVIEW-01\"]");
    assertThat(err.get("message").asText()).as("the session decides, not the body's reviewerId")
        .contains("NOTIFY-REVIEW-01", "the reviewer must not be the author");
  }

  @Test
  @Order(3)
  void anApprovalWithoutASessionIsUnauthenticated() throws Exception {
    HttpResponse<String> r = served.anonymous().post("/api/messages/approve", "{'key': '" + PENDING
        + "', 'reviewerId': 'lisi'}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(OpsJson.parse(r.body()).at("/error/code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  @Order(3)
  void aCrossSiteApprovalIsRefusedEvenWithTheTeamLeadersSession() throws Exception {
    // the "simple request" a page of another site can send: text/plain, its own Origin, the browser's cookies
    HttpResponse<String> r = lisi.send(HttpRequest.newBuilder(URI.create(served.url("/api/messages/approve")))
        .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + PENDING + "\"}"))
        .header("Content-Type", "text/plain").header("Origin", "http://evil.example"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(OpsJson.parse(r.body()).at("/error/code").asText()).isEqualTo("CROSS_ORIGIN");
    HttpResponse<String> sameSiteNoToken = served.anonymousWithCookiesOf("lisi").post("/api/messages/approve",
        "{'key': '" + PENDING + "'}");
    assertThat(sameSiteNoToken.statusCode()).as("the session's cookie without its CSRF token").isEqualTo(403);
    assertThat(OpsJson.parse(sameSiteNoToken.body()).at("/error/code").asText()).isEqualTo("CSRF");
    assertThat(OpsJson.parse(dashboard().toString()).get("messages").get(0).get("state").asText())
        .isEqualTo("IN_REVIEW");
  }

  @Test
  @Order(4)
  void SM_SMS_T04_aRejectionNeedsItsReason() throws Exception {
    HttpResponse<String> r = lisi.post("/api/messages/reject", "{'key': '" + PENDING + "', 'reviewerId': 'lisi'}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(OpsJson.write(OpsJson.parse(r.body()).at("/error/ruleIds"))).isEqualTo("[\"SM-SMS-T04\"]");
  }

  @Test
  @Order(5)
  void badInputNamesTheField() throws Exception {
    assertField(lisi.post("/api/messages/approve", "{'key': 'not a key', 'reviewerId': 'lisi'}"), "key");
    assertField(lisi.post("/api/messages/approve", "{'key': 'F-9/NOTIFICATION/1', 'reviewerId': 'lisi'}"), "key");
    assertField(lisi.post("/api/messages/approve", "{'key': '" + PENDING + "', 'reviewer': 'lisi'}"), "reviewer");
    assertField(lisi.post("/api/messages/approve", "{'key': "), "");
  }

  @Test
  @Order(7)
  void NOTIFY_REVIEW_03_aNotificationWithoutTheBriefingIsApprovedButNotSent() throws Exception {
    Instant now = Instant.parse("2026-11-26T02:50:00Z");
    FaultFacts facts = FaultFacts.builder().faultId("F-UNBRIEFED").nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(now).complaintCount(30).build();
    served.host().clock().set(now);
    OpsEngine engine = served.host().engine();
    engine.faults().open("F-UNBRIEFED", facts, "zhangsan");
    Optional<Obligation> notify = engine.faults().duties("F-UNBRIEFED").stream()
        .filter(o -> MessageType.askedBy(o).isPresent()).findFirst();
    SmsKey key = engine.messages().plan(notify.orElseThrow()).key();
    engine.messages().draft(key, "zhangsan", MessageContent.builder().phenomenon("缴费失败").cause("待查").scope("全市")
        .handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build()).orThrow();
    engine.messages().submit(key, "zhangsan").orThrow();

    HttpResponse<String> r = lisi.post("/api/messages/approve", "{'key': '" + key + "', 'reviewerId': 'lisi'}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(OpsJson.parse(r.body()).get("state").asText()).isEqualTo("APPROVED");
    HttpResponse<String> early = served.as("sunba").post("/api/messages/send", "{'key': '" + key + "'}");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(OpsJson.write(OpsJson.parse(early.body()).at("/error/ruleIds"))).isEqualTo("[\"NOTIFY-REVIEW-03\"]");
    assertThat(engine.messages().find(key).orElseThrow().state().name()).isEqualTo("APPROVED");

    // each told in their own role (NOTIFY-REVIEW-03): the team leader, the room supervisor, the room manager
    engine.faults().told("F-UNBRIEFED", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    engine.faults().told("F-UNBRIEFED", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    engine.faults().told("F-UNBRIEFED", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    HttpResponse<String> send = served.as("sunba").post("/api/messages/send", "{'key': '" + key + "'}");
    assertThat(send.statusCode()).as(send.body()).isEqualTo(200);
    assertThat(OpsJson.parse(send.body()).get("state").asText()).isEqualTo("SENT");
  }

  @Test
  @Order(8)
  void theTeamLeaderApprovesAndThe68284DeskSendsThroughTheConsoleGateway() throws Exception {
    HttpResponse<String> approved = lisi.post("/api/messages/approve", "{'key': '" + PENDING + "'}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(OpsJson.parse(approved.body()).get("state").asText()).isEqualTo("APPROVED");
    assertThat(OpsJson.parse(approved.body()).get("by").asText()).isEqualTo("lisi");
    HttpResponse<String> notTheDesk = lisi.post("/api/messages/send", "{'key': '" + PENDING + "'}");
    assertThat(notTheDesk.statusCode()).as("only the 68284 desk mass-sends").isEqualTo(400);
    HttpResponse<String> r = served.as("sunba").post("/api/messages/send", "{'key': '" + PENDING + "'}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(OpsJson.parse(r.body()).get("state").asText()).isEqualTo("SENT");
    assertThat(OpsJson.parse(r.body()).get("delivered").asBoolean()).isTrue();
    assertThat(served.sms()).contains(PENDING, "14 people", "138****0116", "CALLCENTER系统故障通知")
        .doesNotContain("13800000116");
    JsonNode d = dashboard();
    JsonNode sent = null;
    for (JsonNode m : d.get("messages")) {
      sent = m.get("key").asText().equals(PENDING) ? m : sent;
    }
    assertThat(sent.get("state").asText()).isEqualTo("SENT");
    assertThat(ruleIds(fault(d, "F-20261126-01").get("nextDuties"))).doesNotContain("NOTIFY-TRIG-05");
    HttpResponse<String> again = lisi.post("/api/messages/approve", "{'key': '" + PENDING + "', 'reviewerId': 'lisi'}");
    assertThat(again.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(9)
  void SM_SMS_T05_aSendInDoubtIsListedUntilThe68284DeskConfirmsItOrSendsItAgain() throws Exception {
    assertThat(dashboard().get("inDoubt")).as("none before").isEmpty();
    SmsKey confirmed = sendInDoubt("F-DOUBT-1", Instant.parse("2026-11-26T03:00:00Z"));
    SmsKey resent = sendInDoubt("F-DOUBT-2", Instant.parse("2026-11-26T03:05:00Z"));

    JsonNode d = dashboard();
    List<String> listed = new ArrayList<>();
    d.get("inDoubt").forEach(m -> listed.add(m.get("key").asText()));
    assertThat(listed).containsExactly(confirmed.toString(), resent.toString());
    JsonNode first = d.get("inDoubt").get(0);
    assertThat(first.get("recipientCount").asInt()).isPositive();
    assertThat(first.get("text").asText()).contains("缴费失败");
    assertThat(first.get("mayResolve").asBoolean()).as("the team leader does not send it").isFalse();
    HttpResponse<String> desk = served.as("sunba").get("/api/dashboard");
    assertThat(OpsJson.parse(desk.body()).at("/inDoubt/0/mayResolve").asBoolean()).as("the 68284 desk").isTrue();
    assertThat(ruleIds(fault(d, "F-DOUBT-1").get("nextDuties"))).as("the duty stays owed while in doubt")
        .contains("NOTIFY-TRIG-05");

    String confirm = "{'key': '" + confirmed + "'}";
    HttpResponse<String> crossSite = served.anonymousWithCookiesOf("sunba").post("/api/messages/confirm-sent", confirm);
    assertThat(crossSite.statusCode()).as("the desk's cookie without its CSRF token").isEqualTo(403);
    assertField(served.as("sunba").post("/api/messages/confirm-sent", "{'key': '" + confirmed
        + "', 'personId': 'sunba'}"), "personId");
    HttpResponse<String> notTheDesk = served.as("zhangsan").post("/api/messages/confirm-sent", confirm);
    assertThat(notTheDesk.statusCode()).as(notTheDesk.body()).isEqualTo(400);
    assertThat(OpsJson.parse(notTheDesk.body()).at("/error/field").asText()).isEqualTo("personId");
    assertThat(notTheDesk.body()).contains("SM-SMS-T05");
    HttpResponse<String> ok = served.as("sunba").post("/api/messages/confirm-sent", confirm);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(OpsJson.parse(ok.body()).get("by").asText()).isEqualTo("sunba");
    HttpResponse<String> twice = served.as("sunba").post("/api/messages/confirm-sent", confirm);
    assertThat(twice.statusCode()).as("no longer in doubt").isEqualTo(409);
    assertThat(twice.body()).contains("NOT_IN_DOUBT");

    HttpResponse<String> again = served.as("sunba").post("/api/messages/resend", "{'key': '" + resent + "'}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(OpsJson.parse(again.body()).get("delivered").asBoolean()).as("the outbox sent it again").isTrue();
    assertThat(served.handedToGateway(resent.toString())).as("handed over again, on the desk's word").isEqualTo(2);
    assertThat(served.handedToGateway(confirmed.toString())).as("confirmed, never again").isOne();

    JsonNode after = dashboard();
    assertThat(after.get("inDoubt")).isEmpty();
    assertThat(ruleIds(fault(after, "F-DOUBT-1").get("nextDuties"))).as("the confirmed sending is recorded")
        .doesNotContain("NOTIFY-TRIG-05");
    assertThat(ruleIds(fault(after, "F-DOUBT-2").get("nextDuties"))).doesNotContain("NOTIFY-TRIG-05");
    assertThat(lisi.get("/").body()).as("the page's section").contains("id=\"in-doubt\"", "发送结果不明的短信");
  }

  /** A notification approved and briefed (ServedDemo), sent by the 68284 desk while the gateway times out. */
  private static SmsKey sendInDoubt(String faultId, Instant at) throws Exception {
    SmsKey key = served.approvedNotification(faultId, at);
    served.timeOutNextSend();
    HttpResponse<String> send = served.as("sunba").post("/api/messages/send", "{'key': '" + key + "'}");
    assertThat(send.statusCode()).as(send.body()).isEqualTo(200);
    assertThat(OpsJson.parse(send.body()).get("delivered").asBoolean()).isFalse();
    return key;
  }

  @Test
  @Order(6)
  void servesThePageItsScriptAndStyle() throws Exception {
    assertThat(served.anonymous().get("/").statusCode()).as("to the login page").isEqualTo(303);
    assertThat(served.anonymous().get("/api/dashboard").statusCode()).isEqualTo(401);
    HttpResponse<String> page = lisi.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<script src=\"/dashboard.js\">");
    assertThat(lisi.get("/dashboard.js").headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    assertThat(lisi.get("/dashboard.css").body()).contains(".state.SENT");
    assertThat(lisi.get("/nothing-here").statusCode()).isEqualTo(404);
    assertThat(lisi.get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(lisi.post("/", "{}").statusCode()).isEqualTo(405);
    assertThat(served.anonymous().post("/v1/classify", "{'complaintCount': 55}").statusCode()).isEqualTo(200);
  }

  private static JsonNode dashboard() throws Exception {
    HttpResponse<String> r = lisi.get("/api/dashboard");
    assertThat(r.statusCode()).isEqualTo(200);
    return OpsJson.parse(r.body());
  }

  private static JsonNode fault(JsonNode dashboard, String id) {
    for (String list : List.of("faults", "repaired")) {
      for (JsonNode f : dashboard.get(list)) {
        if (f.get("faultId").asText().equals(id)) {
          return f;
        }
      }
    }
    throw new AssertionError("no fault " + id + " on the dashboard: " + dashboard.get("faults"));
  }

  private static JsonNode workflow(JsonNode dashboard, String id) {
    for (JsonNode w : dashboard.get("workflows")) {
      if (w.get("id").asText().equals(id)) {
        return w;
      }
    }
    throw new AssertionError("no ticket " + id + " on the dashboard: " + dashboard.get("workflows"));
  }

  private static List<String> ruleIds(JsonNode duties) {
    List<String> ids = new ArrayList<>();
    duties.forEach(x -> ids.add(x.get("ruleId").asText()));
    return ids;
  }

  private static void assertField(HttpResponse<String> r, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(OpsJson.parse(r.body()).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).isEqualTo(field);
  }
}
