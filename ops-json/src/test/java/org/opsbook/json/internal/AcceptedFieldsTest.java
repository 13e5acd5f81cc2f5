package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.json.internal.CommandAnswers.invalid;
import static org.opsbook.json.internal.CommandAnswers.ok;
import static org.opsbook.json.internal.CommandAnswers.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.OpsJson;

/**
 * Every field a decision command accepts is read, and read strictly: a command lists the fields its request may
 * have apart from the code that reads them, so a field listed and never read would be accepted and silently ignored.
 * For each command, and for the objects inside its requests whose fields are listed by hand (events, steps, their
 * actor and data, the roster, the calendar …), the fields it names in its "unknown field" error are each given a
 * value no field takes (an array holding {@code true}) on top of a request the command answers, and each must be
 * refused naming that field.
 */
class AcceptedFieldsTest {
  private static final DecisionApi API = DecisionApi.standard();
  private static final Pattern KNOWN = Pattern.compile("known fields: \\[(.*)]$");

  /** A request each command answers: the least it needs. */
  private static final Map<String, String> ANSWERED = new TreeMap<>(Map.of(
      "classify", "{}",
      "obligations", "{'facts': {'detectedAt': '2026-11-25T09:00:00+08:00'}, 'now': '2026-11-25T10:00:00+08:00'}",
      "notify", "{'messageType': 'RECOVERY', 'facts': {'nature': 'SYSTEM', 'faultStartTime': "
          + "'2026-11-25T09:00:00+08:00'}, 'message': {'subjectName': 'CRM', 'scope': '全市', 'phenomenon': '无法登录', "
          + "'cause': '数据库故障', 'handlingParty': 'IT中心', 'followUpPerson': '张三'}}",
      "dataop", "{'operation': {'opType': 'QUERY_ONLY'}}",
      "extraction-window", "{'estimatedRowCount': 10, 'estimatedExecutionMinutes': 1, "
          + "'plannedStart': '2026-11-28T22:00:00+08:00'}",
      "report", "{}",
      "cutover", "{'plannedStart': '2026-12-10T22:00:00+08:00'}",
      "fault", "{'facts': {}}",
      "bug", "{}",
      "ticket", "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00+08:00'}}"));

  @Test
  void everyCommandHasARequestItAnswers() {
    assertThat(ANSWERED.keySet()).containsExactlyInAnyOrderElementsOf(API.commandNames());
    ANSWERED.forEach((command, request) -> ok(run(API, command, request)));
  }

  /** An object inside a request that a command answers: the command, the request, the object's JSON pointer. */
  private record Target(String command, String request, String pointer) {
    /** The object's JSON path as errors name it: {@code steps[0].data}. */
    String path() {
      return pointer.substring(Math.min(1, pointer.length())).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    String pathOf(String field) {
      return path().isEmpty() ? field : path() + "." + field;
    }

    ObjectNode request(String field, JsonNode value) {
      ObjectNode root = (ObjectNode) OpsJson.parse(request.replace('\'', '"'));
      ((ObjectNode) root.at(pointer)).set(field, value);
      return root;
    }
  }

  private static final String STEP = "{'event': '%s', 'at': '2026-11-25T09:10:00+08:00', "
      + "'actor': {'id': 'li', 'roles': ['%s']}, 'data': %s}";

  /** The objects inside requests whose fields a command lists by hand, beside every request's top level. */
  private static List<Target> targets() {
    List<Target> all = new ArrayList<>();
    ANSWERED.forEach((command, request) -> all.add(new Target(command, request, "")));
    String obligations = ANSWERED.get("obligations");
    String events = obligations.substring(0, obligations.length() - 1)
        + ", 'events': [{'type': 'IMPACT_MAY_EXPAND', 'at': '2026-11-25T09:30:00+08:00'}], 'calendar': {}}";
    all.add(new Target("obligations", events, "/events/0"));
    all.add(new Target("obligations", events, "/calendar"));
    all.add(new Target("notify", ANSWERED.get("notify"), "/message"));
    all.add(new Target("dataop", ANSWERED.get("dataop"), "/operation"));
    String ticket = "{'ticket': {'ticketId': 'T-1', 'receivedAt': '2026-11-25T09:00:00+08:00'}, "
        + "'roster': [{'role': 'BILLING_DECLARANT', 'date': '2026-11-25', 'personId': 'sun'}]}";
    all.add(new Target("ticket", ticket, "/ticket"));
    all.add(new Target("ticket", ticket, "/roster/0"));
    String bug = "{'steps': [" + String.format(STEP, "raiseBug", "TICKET_REVIEWER", "{'description': '充值失败'}")
        + "]}";
    all.add(new Target("bug", bug, "/steps/0"));
    all.add(new Target("bug", bug, "/steps/0/actor"));
    all.add(new Target("bug", bug, "/steps/0/data"));
    all.add(new Target("fault", "{'facts': {}, 'steps': [" + String.format(STEP, "openFault", "ESC_DUTY", "{}")
        + "]}", "/steps/0/data"));
    return all;
  }

  @Test
  void everyFieldACommandAcceptsIsReadAndABadValueOfItIsRefusedNamingIt() {
    List<String> checked = new ArrayList<>();
    for (Target t : targets()) {
      ok(run(API, t.command(), t.request()));
      for (String field : accepted(t)) {
        DecisionApi.Response r = API.execute(t.command(),
            OpsJson.write(t.request(field, OpsJson.array().add(true))));
        assertThat(r.exitCode()).as("%s accepts %s = [true]: %s", t.command(), t.pathOf(field), r.bodyText())
            .isEqualTo(2);
        assertThat(invalid(r).get("field").asText()).as("%s: %s = [true]", t.command(), t.pathOf(field))
            .startsWith(t.pathOf(field));
        checked.add(t.command() + " " + t.pathOf(field));
      }
    }
    // fields the contract names, so that the lists read from the errors cannot all be empty
    assertThat(checked).contains("obligations events", "obligations events[0].note", "obligations calendar.holidays",
        "notify message.workaround", "dataop operation.recordCount", "extraction-window calendar",
        "report complaintsInWeek", "cutover applicationSubmittedAt", "fault now", "bug steps[0].actor",
        "bug steps[0].data.description", "ticket roster[0].personId", "ticket ticket.receivedAt",
        "classify complaintCount").hasSizeGreaterThan(190);
  }

  /** The fields the object at {@code t} may have, as the command's error for an unknown field there lists them. */
  private static List<String> accepted(Target t) {
    JsonNode error = invalid(API.execute(t.command(), OpsJson.write(t.request("notAFieldOfAnyCommand",
        OpsJson.object().numberNode(1)))));
    assertThat(error.get("field").asText()).isEqualTo(t.pathOf("notAFieldOfAnyCommand"));
    String message = error.get("message").asText();
    Matcher m = KNOWN.matcher(message);
    assertThat(m.find()).as(message).isTrue();
    return List.of(m.group(1).split(", "));
  }
}
