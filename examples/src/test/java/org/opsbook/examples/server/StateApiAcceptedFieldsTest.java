package org.opsbook.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;

/**
 * Every field a route of the state API accepts in its body is read, and read strictly: each route lists its body's
 * fields apart from the code that reads them, so a field listed and never read would be silently ignored. For each
 * POST route with a body, the fields it names in its "unknown field" error are each given a value no field takes (an
 * array holding {@code true}) on top of a body it would act on, and each must be refused with 400 naming that field,
 * the stored state unchanged.
 */
class StateApiAcceptedFieldsTest {
  @TempDir
  static Path dir;
  static ServedApi served;
  static ServedApi.Client zhangsan;

  /** Each route with a body, and a body the route would act on (the tickets and the message stepped exist). */
  private static final Map<String, String> ROUTES = new LinkedHashMap<>();

  @BeforeAll
  static void serve() throws Exception {
    served = new ServedApi(dir, Reminders.Config.dashboardOnly());
    zhangsan = served.as("zhangsan");
    created(zhangsan.post("/api/v1/faults", "{'faultId': 'F-1', 'facts': {'faultId': 'F-1', 'nature': 'SYSTEM', "
        + "'subjectName': 'BOSS', 'faultStartTime': '2026-11-26T08:40:00+08:00', 'complaintCount': 30}}"));
    String message = "/api/v1/messages/" + plannedMessage();
    created(served.as("zheng11").post("/api/v1/dataops", "{'id': 'DP-1', 'kind': 'MOD', 'operation': {'opType': "
        + "'MODIFICATION', 'ticketKind': 'AMS_DATA_MOD', 'targetSystem': 'BOSS', 'recordCount': 3, 'impactStatement': "
        + "'3 numbers', 'sideEffectStatement': {'business': '无', 'accounts': '无', 'reports': '无'}, 'urgency': "
        + "'一般'}}"));
    created(served.as("chu14").post("/api/v1/cutovers", "{'id': 'CO-1', 'facts': {'system': 'BOSS', 'category': "
        + "'SOFTWARE', 'trigger': 'OM_NEED', 'plannedStart': '2026-12-10T22:00:00+08:00'}}"));
    created(zhangsan.post("/api/v1/bugs", "{'id': 'BUG-1', 'data': {'description': '充值不到账', "
        + "'complaintIssue': '充值不到账', 'complaintNumbers': ['13800138000']}}"));
    created(served.as("you22").post("/api/v1/tickets", "{'id': 'T-1'}"));

    ROUTES.put("/api/v1/faults", "{'faultId': 'F-9', 'facts': {}}");
    ROUTES.put("/api/v1/faults/F-1/facts", "{'facts': {}}");
    ROUTES.put("/api/v1/faults/F-1/events", "{'type': 'IMPACT_MAY_EXPAND'}");
    ROUTES.put("/api/v1/faults/F-1/lifecycle", "{'event': 'declare', 'data': {}}");
    ROUTES.put("/api/v1/faults/F-1/messages", "{'ruleId': 'X-1'}");
    ROUTES.put(message + "/draft", "{'content': {}}");
    ROUTES.put(message + "/approve", "{'text': 'x'}");
    ROUTES.put(message + "/reject", "{'reason': 'x'}");
    ROUTES.put("/api/v1/dataops", "{'id': 'DP-9', 'kind': 'MOD', 'operation': {}}");
    ROUTES.put("/api/v1/dataops/DP-1/steps", "{'event': 'submit', 'data': {}}");
    ROUTES.put("/api/v1/cutovers", "{'id': 'CO-9', 'facts': {}}");
    ROUTES.put("/api/v1/cutovers/CO-1/steps", "{'event': 'create', 'data': {}}");
    ROUTES.put("/api/v1/bugs", "{'id': 'BUG-9', 'data': {}}");
    ROUTES.put("/api/v1/bugs/BUG-1/steps", "{'event': 'submitAms', 'data': {}}");
    ROUTES.put("/api/v1/tickets", "{'id': 'T-9', 'receivedAt': '2026-11-26T09:00:00+08:00'}");
    ROUTES.put("/api/v1/tickets/T-1/steps", "{'event': 'setCause', 'data': {}}");
  }

  /** Plans the SMS the fault's notification duty asks for, and returns its key. */
  private static String plannedMessage() throws Exception {
    String trigger = null;
    for (JsonNode d : OpsJson.parse(zhangsan.get("/api/v1/faults/F-1/duties").body()).get("duties")) {
      if (d.get("ruleId").asText().startsWith("NOTIFY-TRIG")) {
        trigger = d.get("ruleId").asText();
      }
    }
    HttpResponse<String> planned = zhangsan.post("/api/v1/faults/F-1/messages", "{'ruleId': '" + trigger + "'}");
    created(planned);
    return OpsJson.parse(planned.body()).get("key").asText();
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static void created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Test
  void everyFieldARouteAcceptsIsReadAndABadValueOfItIsRefusedNamingItWithNothingStored() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, String> route : ROUTES.entrySet()) {
      for (String field : accepted(route.getKey(), route.getValue())) {
        String before = state();
        ObjectNode body = (ObjectNode) OpsJson.parse(route.getValue().replace('\'', '"'));
        body.putArray(field).add(true);
        HttpResponse<String> r = zhangsan.post(route.getKey(), OpsJson.write(body));
        assertThat(r.statusCode()).as("%s accepts %s = [true]: %s", route.getKey(), field, r.body()).isEqualTo(400);
        assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).as("%s: %s", route.getKey(), field)
            .startsWith(field);
        assertThat(state()).as("%s: %s = [true] stored something", route.getKey(), field).isEqualTo(before);
        checked.add(route.getKey() + " " + field);
      }
    }
    assertThat(checked).contains("/api/v1/faults faultId", "/api/v1/faults/F-1/lifecycle data",
        "/api/v1/dataops operation", "/api/v1/tickets receivedAt").hasSizeGreaterThanOrEqualTo(27);
  }

  /** The fields the route's body may have, as its error for an unknown field lists them. */
  private static List<String> accepted(String route, String body) throws Exception {
    ObjectNode request = (ObjectNode) OpsJson.parse(body.replace('\'', '"'));
    request.put("notAFieldOfAnyRoute", 1);
    HttpResponse<String> r = zhangsan.post(route, OpsJson.write(request));
    assertThat(r.statusCode()).as("%s: %s", route, r.body()).isEqualTo(400);
    JsonNode error = OpsJson.parse(r.body()).get("error");
    assertThat(error.get("field").asText()).isEqualTo("notAFieldOfAnyRoute");
    String message = error.get("message").asText();
    String known = message.substring(message.indexOf("known fields: [") + "known fields: [".length(),
        message.length() - 1);
    return List.of(known.split(", "));
  }

  /** What the API shows of every family and of the fault's history and messages. */
  private static String state() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String list : List.of("/api/v1/faults", "/api/v1/faults/F-1", "/api/v1/faults/F-1/messages",
        "/api/v1/dataops", "/api/v1/cutovers", "/api/v1/bugs", "/api/v1/tickets")) {
      all.append(zhangsan.get(list).body()).append('\n');
    }
    return all.toString();
  }
}
