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
 * For each command, the fields it names in its "unknown field" error are each given a value no field takes (an
 * array holding {@code true}) on top of a request the command answers, and each must be refused naming that field.
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

  @Test
  void everyFieldACommandAcceptsIsReadAndABadValueOfItIsRefusedNamingIt() {
    List<String> checked = new ArrayList<>();
    ANSWERED.forEach((command, request) -> {
      for (String field : accepted(command)) {
        ObjectNode bad = (ObjectNode) OpsJson.parse(request.replace('\'', '"'));
        bad.putArray(field).add(true);
        DecisionApi.Response r = API.execute(command, OpsJson.write(bad));
        assertThat(r.exitCode()).as("%s accepts %s = [true]: %s", command, field, r.bodyText()).isEqualTo(2);
        JsonNode error = invalid(r);
        assertThat(error.get("field").asText()).as("%s: %s = [true]", command, field).startsWith(field);
        checked.add(command + "." + field);
      }
    });
    // the fields named in the contract's command sections, so that the list read from the errors is not empty
    assertThat(checked).contains("obligations.events", "obligations.calendar", "notify.message", "dataop.steps",
        "extraction-window.calendar", "report.complaintsInWeek", "cutover.applicationSubmittedAt", "fault.now",
        "bug.bugId", "ticket.roster", "classify.complaintCount").hasSizeGreaterThan(130);
  }

  /** The fields {@code command} accepts, as its error for an unknown field lists them. */
  private static List<String> accepted(String command) {
    ObjectNode request = (ObjectNode) OpsJson.parse(ANSWERED.get(command).replace('\'', '"'));
    request.put("notAFieldOfAnyCommand", 1);
    String message = invalid(API.execute(command, OpsJson.write(request))).get("message").asText();
    Matcher m = KNOWN.matcher(message);
    assertThat(m.find()).as(message).isTrue();
    return List.of(m.group(1).split(", "));
  }
}
