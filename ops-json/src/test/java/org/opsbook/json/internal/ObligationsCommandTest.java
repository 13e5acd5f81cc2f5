package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.json.internal.CommandAnswers.ruleIds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.json.DecisionApi;
import org.opsbook.rules.internal.fault.ObligationEngine;

/** The {@code obligations} command of the decision API, errors included. */
class ObligationsCommandTest {
  private final DecisionApi api = DecisionApi.builder()
      .register(Commands.obligations(ObligationEngine.standard())).build();

  private DecisionApi.Response call(String json) {
    return api.execute("obligations", json.replace('\'', '"'));
  }

  private JsonNode ok(String json) {
    return CommandAnswers.ok(call(json));
  }

  @Test
  void aFaultDetectedCenturiesAgoIsInvalidInputNotUnboundedWork() {
    // its daily entries and missed occurrences would be counted day by day since then
    invalid("{'facts': {'detectedAt': '-500000-01-01T00:00:00+08:00'}, 'now': '2026-11-25T08:00:00Z'}",
        "facts.detectedAt");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '+999999999-12-31T23:59:59+08:00'}",
        "now");
  }

  private void invalid(String json, String field) {
    assertThat(CommandAnswers.invalid(call(json)).get("field").asText()).isEqualTo(field);
  }

  @Test
  @DisplayName("missed: an L2 fault never reported, repaired 3 days later, lists ESC-ROOM-01, ESC-DEPT-02 and its SMS with endedAt")
  void missedDutiesOfAnUnreportedFault() {
    JsonNode body = ok("{'facts': {'faultId': 'F-1', 'nature': 'SYSTEM', 'complaintCount': 60,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'faultStartTime': '2026-11-25T08:30:00+08:00',"
        + " 'repairedAt': '2026-11-28T09:00:00+08:00'}, 'now': '2026-11-28T10:00:00+08:00'}");
    List<String> missed = new ArrayList<>();
    for (JsonNode m : body.get("missed")) {
      missed.add(m.get("ruleId").asText() + (m.has("repeat") ? "+" + m.get("repeat").asInt() : ""));
      assertThat(m.get("endedAt").asText()).isEqualTo("2026-11-28T09:00:00+08:00");
      assertThat(m.get("endedBy").asText()).isEqualTo("REPAIR");
      assertThat(m.get("dueAt").asText()).isLessThan("2026-11-28T09:00:00+08:00");
    }
    assertThat(missed).contains("ESC-ROOM-01", "ESC-DEPT-02", "NOTIFY-TRIG-05", "NOTIFY-TRIG-01", "ESC-REQ-12");
    JsonNode dept = body.get("missed").findParent("ruleId");
    assertThat(dept.has("actor")).isTrue();
    assertThat(ruleIds(body)).contains("NOTIFY-TRIG-08").doesNotContain("ESC-ROOM-01");
    DecisionApi.Response reported = call("{'facts': {'faultId': 'F-1', 'complaintCount': 25,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'reportedToRoomManagerAt': '2026-11-25T09:00:00+08:00'},"
        + " 'now': '2026-11-25T09:10:00+08:00'}");
    assertThat(reported.body().has("missed")).as("left out when nothing was missed").isFalse();
  }

  @Test
  @DisplayName("advice: a general fault with 12 same-fault customers gets FAULT-GEN-01 and the FAULT-GEN-05 checklist in the manual's words")
  void adviceOfAGeneralEmergencyFault() {
    JsonNode body = ok("{'facts': {'faultId': 'F-1', 'sameFaultCustomerCount': 12,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}");
    JsonNode advice = body.get("advice");
    assertThat(advice.get(0).get("ruleId").asText()).isEqualTo("FAULT-GEN-01");
    assertThat(advice.get(0).get("text").asText()).isEqualTo("应以将故障影响面降低到最小为原则");
    assertThat(advice.get(1).get("ruleId").asText()).isEqualTo("FAULT-GEN-05");
    assertThat(advice.get(2).get("ruleId").asText()).isEqualTo("FAULT-GEN-05.1");
    DecisionApi.Response repaired = call("{'facts': {'faultId': 'F-1', 'sameFaultCustomerCount': 12,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'repairedAt': '2026-11-25T09:20:00+08:00'},"
        + " 'now': '2026-11-25T09:30:00+08:00'}");
    assertThat(repaired.body().has("advice")).as("left out when none applies").isFalse();
  }

  @Test
  @DisplayName("An L2 fault: classification as classify, duties sorted by dueAt (nulls last) then ruleId, in +08:00")
  void l2Fault() {
    JsonNode body = ok("{'facts': {'faultId': 'F-1', 'nature': 'SYSTEM', 'complaintCount': 55,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'faultStartTime': '2026-11-25T00:30:00Z',"
        + " 'reportedToRoomManagerAt': '2026-11-25T09:10:00+08:00'},"
        + " 'now': '2026-11-25T14:30:00+08:00'}");
    assertThat(body.at("/classification/level").asText()).isEqualTo("L2");
    assertThat(body.at("/classification/severityLabel").asText()).isEqualTo("重大");
    assertThat(body.at("/classification/matchedRules/0").asText()).isEqualTo("FAULT-CLASS-L2-04");
    assertThat(ruleIds(body)).containsExactly("NOTIFY-TRIG-01", "NOTIFY-TRIG-05", "ESC-PROG-01", "ESC-DEPT-02",
        "ESC-REQ-12", "ESC-REQ-06", "FAULT-GEN-03", "FAULT-GEN-07");
    JsonNode dept = body.get("obligations").get(3);
    assertThat(dept.get("actor").asText()).isEqualTo("ROOM_MANAGER");
    assertThat(dept.get("target").asText()).isEqualTo("DEPT_MANAGER");
    assertThat(dept.get("channel").asText()).isEqualTo("PHONE");
    assertThat(dept.get("dueAt").asText()).isEqualTo("2026-11-26T08:30:00+08:00");
    assertThat(dept.get("recurring").asBoolean()).isFalse();
    JsonNode progress = body.get("obligations").get(2);
    assertThat(progress.get("dueAt").asText()).isEqualTo("2026-11-25T09:40:00+08:00");
    assertThat(progress.get("recurring").asBoolean()).isTrue();
    assertThat(progress.get("sequence").asInt()).isEqualTo(1);
    assertThat(body.get("obligations").get(6).get("dueAt").isNull()).isTrue();
  }

  @Test
  @DisplayName("Optional events add what facts cannot say: a wider impact, a completed duty")
  void events() {
    JsonNode body = ok("{'facts': {'faultId': 'F-1', 'complaintCount': 25,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'reportedToRoomManagerAt': '2026-11-25T09:10:00+08:00'},"
        + " 'now': '2026-11-25T10:00:00+08:00', 'events': ["
        + " {'type': 'PROGRESS_REPORTED', 'at': '2026-11-25T09:35:00+08:00'},"
        + " {'type': 'IMPACT_MAY_EXPAND', 'at': '2026-11-25T09:50:00+08:00'},"
        + " {'type': 'DUTY_COMPLETED', 'ruleId': 'NOTIFY-TRIG-01', 'dutySequence': 1,"
        + "  'at': '2026-11-25T09:55:00+08:00', 'actorId': 'zhang', 'note': 'posted'}]}");
    assertThat(ruleIds(body)).contains("ESC-ROOM-11", "ESC-PROG-01").doesNotContain("NOTIFY-TRIG-01",
        "ESC-ROOM-01");
    for (JsonNode o : body.get("obligations")) {
      if (o.get("ruleId").asText().equals("ESC-PROG-01")) {
        assertThat(o.get("sequence").asInt()).isEqualTo(2);
        assertThat(o.get("dueAt").asText()).isEqualTo("2026-11-25T10:05:00+08:00");
      }
    }
  }

  @Test
  @DisplayName("A repaired fault owes its recovery duties only")
  void repaired() {
    JsonNode body = ok("{'facts': {'faultId': 'F-1', 'complaintCount': 25, 'nature': 'SYSTEM',"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'notificationSentAt': '2026-11-25T09:05:00+08:00',"
        + " 'repairedAt': '2026-11-25T11:00:00+08:00'}, 'now': '2026-11-25T11:30:00+08:00'}");
    assertThat(ruleIds(body)).containsExactly("NOTIFY-TRIG-01", "NOTIFY-TRIG-08", "ESC-REQ-10", "ESC-REQ-06", "ESC-REQ-11");
  }

  @Test
  @DisplayName("ESC-HANDLE-02.1 ESC-HANDLE-02.2 ESC-HANDLE-08.1 ESC-HANDLE-08.2 sub-steps listed by their dotted IDs until the facts record them")
  void escHandleSubSteps() {
    JsonNode open = ok("{'facts': {'faultId': 'F-1', 'selfDiscovered': true, 'cannotSelfResolve': true,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}");
    assertThat(ruleIds(open)).containsSubsequence("ESC-HANDLE-02.1", "ESC-HANDLE-02.2", "ESC-HANDLE-08.1")
        .contains("ESC-HANDLE-08.2");
    for (JsonNode o : open.get("obligations")) {
      if (o.get("ruleId").asText().equals("ESC-HANDLE-08.1")) {
        assertThat(o.get("dueAt").asText()).isEqualTo("2026-11-25T09:00:00+08:00");
        assertThat(o.get("channel").asText()).isEqualTo("AMS");
      }
      if (o.get("ruleId").asText().equals("ESC-HANDLE-08.2")) {
        assertThat(o.get("dueAt").isNull()).isTrue();
      }
    }
    JsonNode done = ok("{'facts': {'faultId': 'F-1', 'selfDiscovered': true,"
        + " 'cannotSelfResolve': true, 'detectedAt': '2026-11-25T09:00:00+08:00', 'amsFaultNo': 'AMS-F-1',"
        + " 'provinceDutyNotifiedAt': '2026-11-25T09:10:00+08:00', 'reportedToProvinceAt':"
        + " '2026-11-25T09:05:00+08:00', 'amsDevTicketNo': 'AMS-D-1'}, 'now': '2026-11-25T09:30:00+08:00'}");
    assertThat(ruleIds(done)).noneMatch(id -> id.startsWith("ESC-HANDLE"));
    invalid("{'facts': {'selfDiscovered': true, 'detectedAt': '2026-11-25T09:00:00+08:00',"
        + " 'provinceDutyNotifiedAt': '2026-11-25T10:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}",
        "facts.provinceDutyNotifiedAt");
    invalid("{'facts': {'selfDiscovered': true, 'detectedAt': '2026-11-25T09:00:00+08:00',"
        + " 'provinceDutyNotifiedAt': '2026-11-25T08:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}",
        "facts.provinceDutyNotifiedAt");
  }

  @Test
  @DisplayName("Invalid input names the JSON path: negative count, missing offset, unknown enum or field, events out of order")
  void invalidInput() {
    invalid("{'facts': {'complaintCount': -3}, 'now': '2026-11-25T14:30:00+08:00'}", "facts.complaintCount");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00'}", "now");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00'}, 'now': '2026-11-25T14:30:00+08:00'}",
        "facts.detectedAt");
    invalid("{'facts': {}}", "now");
    invalid("{'now': '2026-11-25T14:30:00+08:00'}", "facts");
    invalid("{'facts': {'nature': 'OTHER'}, 'now': '2026-11-25T14:30:00+08:00'}", "facts.nature");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00', 'extra': 1}", "extra");
    invalid("{'facts': {'detectedAt': '2026-11-25T10:00:00+08:00', 'repairedAt': '2026-11-25T09:00:00+08:00'},"
        + " 'now': '2026-11-25T14:30:00+08:00'}", "facts.repairedAt");
    invalid("{'facts': {'repairedAt': '2026-11-25T15:00:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00'}",
        "facts.repairedAt");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'IMPACT_MAY_EXPAND', 'at': '2026-11-25T11:00:00+08:00'},"
        + " {'type': 'NEW_PHENOMENON', 'at': '2026-11-25T10:00:00+08:00'}]}", "events[1].at");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'REPAIRED', 'at': '2026-11-25T08:00:00+08:00'}]}", "events[0].at");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'EXPLODED', 'at': '2026-11-25T11:00:00+08:00'}]}", "events[0].type");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'OPENED', 'at': '2026-11-25T11:00:00+08:00'}]}", "events[0].type");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'DUTY_COMPLETED', 'at': '2026-11-25T11:00:00+08:00'}]}", "events[0].ruleId");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'IMPACT_MAY_EXPAND', 'ruleId': 'ESC-ROOM-11', 'at': '2026-11-25T11:00:00+08:00'}]}",
        "events[0].ruleId");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'DUTY_COMPLETED', 'ruleId': 'ESC-ROOM-01', 'at': '2026-11-25T11:00:00+08:00'}]}",
        "events[0].ruleId");
    invalid("{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'IMPACT_MAY_EXPAND', 'at': '2026-11-25T15:00:00+08:00'}]}", "events[0].at");
    invalid("{'facts': {}, 'now': '2026-11-25T14:30:00+08:00',"
        + " 'events': [{'type': 'DUTY_COMPLETED', 'ruleId': 'ESC-ROOM-01', 'dutySequence': 0,"
        + " 'at': '2026-11-25T11:00:00+08:00'}]}", "events[0].dutySequence");
  }

  private static JsonNode duty(JsonNode body, String ruleId) {
    for (JsonNode o : body.get("obligations")) {
      if (o.get("ruleId").asText().equals(ruleId)) {
        return o;
      }
    }
    throw new AssertionError(ruleId + " not owed: " + body);
  }

  private static List<String> assumptions(JsonNode body) {
    List<String> names = new ArrayList<>();
    if (body.has("assumptions")) {
      body.get("assumptions").forEach(n -> names.add(n.asText()));
    }
    return names;
  }

  @Test
  @DisplayName("NOTIFY-TRIG-03: an L2 business fault with no level-1 SMS from the centre owes the notification SMS"
      + " from detectedAt, the missing trigger flagged (OQ-06); after it, follow-up, and after the repair, recovery")
  void notifyTrig03BusinessFaultWithoutCsSms() {
    JsonNode body = ok("{'facts': {'nature': 'BUSINESS', 'complaintCount': 60,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}");
    assertThat(body.at("/classification/level").asText()).isEqualTo("L2");
    JsonNode sms = duty(body, "NOTIFY-TRIG-03");
    assertThat(sms.get("dueAt").asText()).isEqualTo("2026-11-25T09:00:00+08:00");
    assertThat(sms.get("channel").asText()).isEqualTo("SMS");
    assertThat(sms.get("action").asText()).contains("trigger missing");
    JsonNode sent = call("{'facts': {'nature': 'BUSINESS', 'complaintCount': 60,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'notificationSentAt': '2026-11-25T09:20:00+08:00'},"
        + " 'now': '2026-11-25T09:30:00+08:00'}").body();
    assertThat(duty(sent, "NOTIFY-TRIG-07").get("dueAt").asText()).isEqualTo("2026-11-25T18:00:00+08:00");
    JsonNode repaired = call("{'facts': {'nature': 'BUSINESS', 'complaintCount': 60,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00', 'repairedAt': '2026-11-25T11:00:00+08:00'},"
        + " 'now': '2026-11-25T11:30:00+08:00'}").body();
    assertThat(ruleIds(repaired)).contains("NOTIFY-TRIG-08");
  }

  @Test
  @DisplayName("TIME-02: the optional calendar moves the daily ITC entry (ESC-REQ-12) of a fault opened on"
      + " 30 September past the National Day holidays; without it the weekday calendar applies")
  void time02Calendar() {
    String facts = "'facts': {'nature': 'SYSTEM', 'complaintCount': 25,"
        + " 'detectedAt': '2026-09-30T10:00:00+08:00', 'notificationSentAt': '2026-09-30T18:30:00+08:00'},"
        + " 'now': '2026-09-30T19:00:00+08:00'";
    JsonNode plain = call("{" + facts + "}").body();
    assertThat(duty(plain, "ESC-REQ-12").get("dueAt").asText())
        .as("the entry for 1 October, due at its end").isEqualTo("2026-10-02T00:00:00+08:00");
    assertThat(duty(plain, "NOTIFY-TRIG-07").get("dueAt").asText()).isEqualTo("2026-10-01T18:00:00+08:00");
    JsonNode body = ok("{" + facts + ", 'calendar': {'holidays': ['2026-10-01', '2026-10-02',"
        + " '2026-10-05', '2026-10-06', '2026-10-07'], 'workdays': ['2026-10-10']}}");
    assertThat(duty(body, "ESC-REQ-12").get("dueAt").asText())
        .as("the entry for 8 October, the first working day after").isEqualTo("2026-10-09T00:00:00+08:00");
    assertThat(duty(body, "NOTIFY-TRIG-07").get("dueAt").asText()).isEqualTo("2026-10-08T18:00:00+08:00");
    invalid("{" + facts + ", 'calendar': {'holidays': ['2026-13-01']}}", "calendar.holidays[0]");
  }

  @Test
  @DisplayName("NOTIFY-TRIG-07: a notification sent at 18:00 (下班) has its first follow-up at the next working"
      + " day's 下班, one sent at 17:59 the same day's")
  void notifyTrig07AtWorkdayEnd() {
    String facts = "{'facts': {'nature': 'SYSTEM', 'complaintCount': 25, 'detectedAt': '2026-11-27T09:00:00+08:00',"
        + " 'notificationSentAt': '2026-11-27T%s:00+08:00'}, 'now': '2026-11-27T18:00:00+08:00'}";
    assertThat(duty(call(String.format(facts, "18:00")).body(), "NOTIFY-TRIG-07").get("dueAt").asText())
        .isEqualTo("2026-11-30T18:00:00+08:00");
    assertThat(duty(call(String.format(facts, "17:59")).body(), "NOTIFY-TRIG-07").get("dueAt").asText())
        .isEqualTo("2026-11-27T18:00:00+08:00");
  }

  @Test
  @DisplayName("ESC-ROOM-03: an absent sameTypeComplaintCount that could raise the room-manager report, an absent"
      + " nature that decides the SMS rule, are named in assumptions; given facts are not")
  void escRoom03Assumptions() {
    JsonNode body = call("{'facts': {'complaintCount': 15, 'detectedAt': '2026-11-25T09:00:00+08:00'},"
        + " 'now': '2026-11-25T09:30:00+08:00'}").body();
    assertThat(assumptions(body)).contains("sameTypeComplaintCount").doesNotContain("efficiencyDegraded");
    JsonNode given = call("{'facts': {'complaintCount': 15, 'sameTypeComplaintCount': 0, 'nature': 'SYSTEM',"
        + " 'efficiencyDegraded': false, 'detectedAt': '2026-11-25T09:00:00+08:00'},"
        + " 'now': '2026-11-25T09:30:00+08:00'}").body();
    assertThat(given.has("assumptions")).as(given.toString()).isFalse();
    JsonNode sms = call("{'facts': {'complaintCount': 25, 'sameTypeComplaintCount': 25,"
        + " 'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T09:30:00+08:00'}").body();
    assertThat(assumptions(sms)).containsExactly("nature");
  }
}
