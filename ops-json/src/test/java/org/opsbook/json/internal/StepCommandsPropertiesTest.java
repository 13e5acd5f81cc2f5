package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;
import org.opsbook.json.DecisionApi;
import org.opsbook.rules.internal.catalog.RuleCatalog;

/**
 * Random step sequences through {@code fault}, {@code bug}, {@code ticket} and {@code dataop}: random events (some
 * unknown), actors, data (some incomplete, some with a field the event does not record) and times (some out of
 * order). Every answer is either the command's document or the typed invalid-input error; in the document every
 * refused step lists its violations and a detail for each, every rule ID among them is one of the rule reference,
 * and an allowed step of the three step commands lists none.
 */
class StepCommandsPropertiesTest {
  private static final DecisionApi API = DecisionApi.standard();
  private static final Instant START = Instant.parse("2026-11-25T01:00:00Z");

  /** One family's request head, events with candidate data, and actors. */
  record Family(String command, String head, List<String[]> moves, List<String> actors) {}

  private static final List<String> ESC_ACTORS = List.of("{'id': 'zhou', 'roles': ['ESC_DUTY']}",
      "{'id': 'ma', 'roles': ['ESC_HANDLER_A']}", "{'id': 'liu', 'roles': ['ESC_HANDLER_B']}",
      "{'id': 'gao', 'roles': ['ESC_MONITOR']}", "{'id': 'he', 'roles': ['PRE_PROCESSOR']}");

  private static final Family FAULT = new Family("fault", "'facts': {'faultId': 'F-1', 'complaintCount': 25, "
      + "'selfDiscovered': true, 'detectedAt': '2026-11-25T09:00:00+08:00'}", List.of(
          new String[] {"openFault", "{}"},
          new String[] {"openFault", "{'linkedTicketId': 'T-1'}"},
          new String[] {"declare", "{}"},
          new String[] {"declare", "{'amsFaultNo': 'AMS-9', 'provinceDutyNotifiedAt': '2026-11-25T09:01:00+08:00'}"},
          new String[] {"takeOwnership", "{'assigneeId': 'ma', 'assigneeHandler': 'A'}"},
          new String[] {"takeOwnership", "{'assigneeId': 'liu', 'assigneeHandler': 'B', 'handlerAAvailable': false}"},
          new String[] {"handover", "{'assigneeId': 'liu', 'handoverNote': 'n', 'handlerAAvailable': false}"},
          new String[] {"handover", "{'assigneeId': 'ma'}"},
          new String[] {"escalateExternally", "{'reportedToProvinceAt': '2026-11-25T09:00:00+08:00', "
              + "'amsDevTicketNo': 'D-1'}"},
          new String[] {"progressEntry", "{'conclusion': 'c', 'systemProblem': 'YES'}"},
          new String[] {"progressEntry", "{}"},
          new String[] {"markRepaired", "{'recoveryCheck': 'ok'}"},
          new String[] {"relapse", "{'reason': 'again'}"},
          new String[] {"filePostIncident", "{'dutyLogDeliveredAt': '2026-11-25T09:00:00+08:00', "
              + "'faultReportRef': 'R'}"},
          new String[] {"intervene", "{'interventionNote': 'push'}"},
          new String[] {"reassign", "{'assigneeId': 'ma', 'assigneeHandler': 'A'}"},
          new String[] {"reportAvailability", "{'handlerAAvailable': true}"},
          new String[] {"close", "{'weeklySummaryRef': 'W48'}"},
          new String[] {"close", "{'bogus': 1}"},
          new String[] {"nosuch", "{}"}), ESC_ACTORS);

  private static final Family BUG = new Family("bug", "'bugId': 'BUG-1'", List.of(
      new String[] {"raiseBug", "{'description': 'd', 'complaintNumbers': ['13800138000'], 'complaintIssue': 'i'}"},
      new String[] {"raiseBug", "{}"},
      new String[] {"submitAms", "{'amsBugTicketNo': 'A-1'}"},
      new String[] {"submitAms", "{}"},
      new String[] {"provinceAssigned", "{'recheckAccepted': true, 'developer': 'dev'}"},
      new String[] {"publishNotice", "{'channels': ['SERVICE_MARKETING_SYSTEM', 'PARTNER_PORTAL', 'BBS'], "
          + "'uploadEta': '2026-11-27T10:00:00+08:00', 'workaround': 'w', 'opsRoomAgreedBy': 'a', "
          + "'supportRoomAgreedBy': 'b'}"},
      new String[] {"publishNotice", "{'channels': ['BBS']}"},
      new String[] {"raiseCollab", "{'cmcpCollabTicketNo': 'C-1'}"},
      new String[] {"assessImpact", "{'bugAffectedCustomers': 5000}"},
      new String[] {"assessImpact", "{'bugAffectedCustomers': -3}"},
      new String[] {"developerReplied", "{'reply': 'r'}"},
      new String[] {"rejectAcceptance", "{'reason': 'r'}"},
      new String[] {"acceptAndUpload", "{'acceptancePassed': true, 'uploaded': true}"},
      new String[] {"closeWeekly", "{'weeklySummaryRef': 'W'}"},
      new String[] {"weeklyUpdate", "{'updateText': 'u'}"},
      new String[] {"needDataFix", "{'dataOpId': 'DM-1'}"},
      new String[] {"needDataFix", "{'reply': 'x'}"}), List.of("{'id': 'wang', 'roles': ['TICKET_REVIEWER']}",
          "{'id': 'li', 'roles': ['BUG_PROCESSOR']}", "{'id': 'sun', 'roles': ['BUG_FOLLOWER']}",
          "{'id': 'he', 'roles': ['PRE_PROCESSOR']}"));

  private static final Family TICKET = new Family("ticket", "'ticket': {'ticketId': 'T-1', "
      + "'receivedAt': '2026-11-25T09:00:00+08:00'}, 'roster': [{'role': 'BILLING_DECLARANT', "
      + "'date': '2026-11-25', 'personId': 'qian'}, {'role': 'DATA_MOD_DUTY', 'date': '2026-11-25', "
      + "'personId': 'zheng'}]", List.of(
          new String[] {"accept", "{}"},
          new String[] {"setCause", "{'cause': 'SYSTEM_FAULT', 'escalationTrend': false}"},
          new String[] {"setCause", "{'cause': 'BUSINESS_RULE'}"},
          new String[] {"dispatchAms", "{'amsTicketNo': 'A-1'}"},
          new String[] {"amsReplyReviewed", "{'amsReply': 'r', 'amsReplyReviewed': true}"},
          new String[] {"submitForCoordination", "{'verificationRecord': 'v', 'opinion': 'o'}"},
          new String[] {"externalResultConfirmed", "{'externalResult': 'e', 'next': 'UNDER_REVIEW'}"},
          new String[] {"submitToBillingDuty", "{'assignee': 'qian'}"},
          new String[] {"submitToDataModDuty", "{'assignee': 'zheng', 'scriptRef': 's'}"},
          new String[] {"provincialReplyReviewed", "{'provincialReply': 'p', 'provincialReplyReviewed': true}"},
          new String[] {"forwardToBillingCenter", "{'provincialRef': 'P-1'}"},
          new String[] {"dataFixClosed", "{'dataOpClosed': true}"},
          new String[] {"escalate", "{'faultId': 'F-1'}"},
          new String[] {"submitForReview", "{'handlingOpinion': 'h'}"},
          new String[] {"reviewNotDone", "{'reason': 'r'}"},
          new String[] {"raiseBug", "{'bugId': 'BUG-1'}"},
          new String[] {"linkedFlowResolved", "{'linkedFlowResolved': true}"},
          new String[] {"approveAndArchive", "{'reviewVerdict': 'DONE', 'ticketCategory': 'c'}"},
          new String[] {"replyFrontDesk", "{'replyText': 't'}"},
          new String[] {"updateProgress", "{'progress': 'p'}"},
          new String[] {"sendRawCdrs", "{'cdrCompressed': true, 'cdrEncrypted': false, 'cdrSentTo': 'm'}"},
          new String[] {"accept", "{'cause': 'OTHER'}"}), List.of("{'id': 'he', 'roles': ['PRE_PROCESSOR']}",
              "{'id': 'wang', 'roles': ['TICKET_REVIEWER']}", "{'id': 'qian', 'roles': ['BILLING_DECLARANT']}",
              "{'id': 'wu', 'roles': ['OUTSOURCED_AGENT']}"));

  private static final Family DATAOP = new Family("dataop", "'operation': {'opType': 'MODIFICATION', "
      + "'ticketNo': 'DM-9', 'ticketKind': 'AMS_DATA_MOD', 'targetSystem': 'BOSS', 'recordCount': 999, "
      + "'impactStatement': 'x', 'sideEffectStatement': {'business': '无', 'accounts': '无', 'reports': '无'}, "
      + "'urgency': '一般'}", List.of(
          new String[] {"submit", "{}"},
          new String[] {"approveBusiness", "{}"},
          new String[] {"attachScriptAndBackup", "{'scriptRef': 's', 'backupRef': 'b'}"},
          new String[] {"attachScriptAndBackup", "{'scriptRef': 's'}"},
          new String[] {"approveTechnical", "{}"},
          new String[] {"execute", "{'actualRecordCount': 999}"},
          new String[] {"passReview", "{'scriptVerified': true, 'resultVerified': true}"},
          new String[] {"notifyRequester", "{'channel': 'PHONE'}"},
          new String[] {"confirmBusiness", "{}"},
          new String[] {"cancel", "{}"}), List.of("{'id': 'zhang', 'roles': ['DATA_SUBMITTER', 'REQUESTER']}",
              "{'id': 'wang', 'roles': ['BUSINESS_APPROVER']}",
              "{'id': 'li', 'roles': ['DATA_PROCESSOR_CITY', 'DATA_REVIEWER']}",
              "{'id': 'zhao', 'roles': ['DATA_REVIEWER']}"));

  /** Builds a request from {@code moves}: each number picks an event and data, an actor and a time step. */
  static String request(Family family, List<Integer> moves) {
    List<String> steps = new ArrayList<>();
    Instant at = START;
    int m = family.moves().size();
    int a = family.actors().size();
    for (int r : moves) {
      String[] move = family.moves().get(r % m);
      String actor = family.actors().get((r / m) % a);
      at = at.plusSeconds(60L * ((r / (m * a)) % 90 - 3));
      steps.add("{'event': '" + move[0] + "', 'at': '" + OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8))
          + "', 'actor': " + actor + ", 'data': " + move[1] + "}");
    }
    return ("{" + family.head() + ", 'steps': [" + String.join(", ", steps) + "]}").replace('\'', '"');
  }

  private static void check(Family family) {
    qt().withExamples(150).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 14))
        .checkAssert(moves -> {
          String request = request(family, moves);
          DecisionApi.Response r = API.execute(family.command(), request);
          if (r.exitCode() != 0) {
            assertThat(r.exitCode()).as("%s%n%s", request, r.bodyText()).isEqualTo(2);
            assertThat(r.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
            assertThat(r.body().at("/error/field").asText()).isNotBlank();
            return;
          }
          for (JsonNode step : r.body().get("steps")) {
            Set<String> violations = texts(step.get("violations"));
            boolean allowed = step.get("allowed").asBoolean();
            if (!allowed) {
              assertThat(violations).as("%s%n%s", request, step).isNotEmpty();
            } else if (!family.command().equals("dataop")) {
              assertThat(violations).as("%s%n%s", request, step).isEmpty();
            }
            if (violations.isEmpty()) {
              assertThat(step.has("details")).as("%s", step).isFalse();
              continue;
            }
            Set<String> detailed = new TreeSet<>();
            for (JsonNode d : step.get("details")) {
              detailed.add(d.get("ruleId").asText());
              assertThat(RuleCatalog.standard().contains(RuleId.of(d.get("ruleId").asText())))
                  .as("a rule of the reference: %s", d).isTrue();
              assertThat(d.get("field").asText()).as("%s", d).isNotBlank();
              assertThat(d.get("message").asText()).as("%s", d).isNotBlank();
            }
            assertThat(detailed).as("%s", step).isEqualTo(violations);
          }
        });
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void faultStepsAnswerOrFailAsTypedInput() {
    check(FAULT);
  }

  @Test
  void bugStepsAnswerOrFailAsTypedInput() {
    check(BUG);
  }

  @Test
  void ticketStepsAnswerOrFailAsTypedInput() {
    check(TICKET);
  }

  @Test
  void dataopStepsAnswerOrFailAsTypedInput() {
    check(DATAOP);
  }
}
