package org.opsbook.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;

/**
 * Every route {@code /openapi.json} documents is called (signed in where it needs it), and each answer is validated
 * against the schema the document gives for its status with networknt's JSON Schema validator (draft 2020-12, the
 * dialect of OpenAPI 3.1). An answer with an undocumented status fails, and so does a documented route no call
 * reached.
 */
class OpenApiContractTest {
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private JsonNode doc;
  private final Set<String> called = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();

  @Test
  void everyDocumentedRouteAnswersAsItsSchemaSays(@TempDir Path dir) throws Exception {
    try (ServedApi served = new ServedApi(dir, Reminders.Config.dashboardOnly())) {
      ServedApi.Client anonymous = served.anonymous();
      HttpResponse<String> openapi = anonymous.get("/openapi.json");
      assertThat(openapi.statusCode()).isEqualTo(200);
      doc = OpsJson.parse(openapi.body());
      assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

      check("GET", "/health", anonymous.get("/health"));
      check("GET", "/metrics", anonymous.get("/metrics"));
      check("POST", "/v1/{command}", anonymous.post("/v1/classify", "{'faultId': 'F-1', 'complaintCount': 25, "
          + "'detectedAt': '2026-11-25T09:00:00+08:00'}"));
      check("POST", "/v1/{command}", anonymous.post("/v1/no-such-command", "{}"));

      ServedApi.Client zhangsan = served.as("zhangsan");
      ServedApi.Client lisi = served.as("lisi");
      String v1 = "/api/v1";
      check("POST", v1 + "/faults", zhangsan.post(v1 + "/faults", "{'faultId': 'F-C', 'facts': {'faultId': 'F-C', "
          + "'nature': 'SYSTEM', 'subjectName': 'BOSS', 'faultStartTime': '2026-11-26T08:40:00+08:00', "
          + "'complaintCount': 30}}"));
      check("POST", v1 + "/faults", zhangsan.post(v1 + "/faults", "{'faultId': 'F-C'}"));
      check("GET", v1 + "/faults", zhangsan.get(v1 + "/faults"));
      check("GET", v1 + "/faults/{faultId}", zhangsan.get(v1 + "/faults/F-C"));
      check("GET", v1 + "/faults/{faultId}", zhangsan.get(v1 + "/faults/F-NONE"));
      check("POST", v1 + "/faults/{faultId}/facts", zhangsan.post(v1 + "/faults/F-C/facts", "{'facts': {'faultId': "
          + "'F-C', 'nature': 'SYSTEM', 'subjectName': 'BOSS', 'faultStartTime': '2026-11-26T08:40:00+08:00', "
          + "'complaintCount': 40}}"));
      check("POST", v1 + "/faults/{faultId}/events", zhangsan.post(v1 + "/faults/F-C/events",
          "{'type': 'REPORTED_TO_ROOM_MANAGER'}"));
      check("POST", v1 + "/faults/{faultId}/lifecycle", zhangsan.post(v1 + "/faults/F-C/lifecycle",
          "{'event': 'openFault'}"));
      HttpResponse<String> duties = zhangsan.get(v1 + "/faults/F-C/duties");
      check("GET", v1 + "/faults/{faultId}/duties", duties);
      String trigger = null;
      String other = null;
      for (JsonNode d : OpsJson.parse(duties.body()).get("duties")) {
        String rule = d.get("ruleId").asText();
        if (rule.startsWith("NOTIFY-TRIG")) {
          trigger = rule;
        } else {
          other = rule;
        }
      }
      assertThat(trigger).isNotNull();
      check("POST", v1 + "/faults/{faultId}/messages", zhangsan.post(v1 + "/faults/F-C/messages",
          "{'ruleId': '" + trigger + "'}"));
      check("POST", v1 + "/faults/{faultId}/duties/{ruleId}/done", zhangsan.post(v1 + "/faults/F-C/duties/"
          + (other == null ? "ESC-PROG-01" : other) + "/done", ""));
      check("GET", v1 + "/faults/{faultId}/ledger", zhangsan.get(v1 + "/faults/F-C/ledger"));
      HttpResponse<String> messages = zhangsan.get(v1 + "/faults/F-C/messages");
      check("GET", v1 + "/faults/{faultId}/messages", messages);
      check("GET", v1 + "/messages", zhangsan.get(v1 + "/messages"));
      String key = OpsJson.parse(messages.body()).at("/messages/0/key").asText();
      String m = v1 + "/messages/{faultId}/{type}/{n}";
      String at = v1 + "/messages/" + key;
      HttpResponse<String> drafted = zhangsan.post(at + "/draft", "{'content': {'phenomenon': '缴费失败', "
          + "'cause': '待查', 'scope': '全市', 'handlingParty': 'IT中心', 'eta': '待定', 'followUpPerson': '张三'}}");
      check("POST", m + "/draft", drafted);
      check("POST", m + "/submit", zhangsan.post(at + "/submit", ""));
      String text = OpsJson.parse(drafted.body()).at("/value/text").asText();
      ObjectNode approve = OpsJson.object().put("text", text);
      check("POST", m + "/approve", lisi.post(at + "/approve", OpsJson.write(approve)));
      check("POST", m + "/reject", lisi.post(at + "/reject", "{'reason': '措辞'}"));
      check("POST", m + "/release", served.as("sunba").post(at + "/release", ""));
      check("GET", v1 + "/messages/in-doubt", zhangsan.get(v1 + "/messages/in-doubt"));
      check("POST", m + "/confirm-sent", served.as("sunba").post(at + "/confirm-sent", ""));
      check("POST", m + "/resend", zhangsan.post(at + "/resend", ""));

      check("POST", v1 + "/dataops", served.as("zheng11").post(v1 + "/dataops", "{'id': 'D-1', 'kind': 'EXT', "
          + "'operation': {'opType': 'EXTRACTION', 'ticketKind': 'CMCP_IT_COLLAB', 'requirementPurpose': '核对欠费用户', "
          + "'requirementContent': '本月欠费用户清单', 'dataRequirements': '号码、欠费金额', 'requiredFields': ['号码']}}"));
      check("POST", v1 + "/dataops", zhangsan.post(v1 + "/dataops", "{'id': 'D-2', 'kind': 'SOMETHING'}"));
      check("GET", v1 + "/dataops", zhangsan.get(v1 + "/dataops"));
      check("POST", v1 + "/dataops/{id}/steps", served.as("zheng11").post(v1 + "/dataops/D-1/steps",
          "{'event': 'submit'}"));
      check("POST", v1 + "/cutovers", served.as("chu14").post(v1 + "/cutovers", "{'id': 'C-1', 'facts': "
          + "{'system': 'BOSS', 'plannedStart': '2026-12-10T22:00:00+08:00', 'applicationSubmittedAt': '2026-12-01T10:00:00+08:00', "
          + "'affectsCustomerBusiness': true}}"));
      check("GET", v1 + "/cutovers", zhangsan.get(v1 + "/cutovers"));
      check("POST", v1 + "/cutovers/{id}/steps", served.as("chu14").post(v1 + "/cutovers/C-1/steps",
          "{'event': 'ownerReview'}"));
      check("POST", v1 + "/bugs", zhangsan.post(v1 + "/bugs", "{'id': 'BUG-1', 'data': {'description': '充值不到账', "
          + "'complaintNumbers': ['13800138000'], 'complaintIssue': '充值不到账'}}"));
      check("GET", v1 + "/bugs", zhangsan.get(v1 + "/bugs"));
      check("POST", v1 + "/bugs/{id}/steps", zhangsan.post(v1 + "/bugs/BUG-1/steps", "{'event': 'submitAms', "
          + "'data': {'amsBugTicketNo': 'AMS-311'}}"));
      check("POST", v1 + "/tickets", zhangsan.post(v1 + "/tickets", "{'id': 'T-1'}"));
      check("GET", v1 + "/tickets", zhangsan.get(v1 + "/tickets"));
      check("POST", v1 + "/tickets/{id}/steps", zhangsan.post(v1 + "/tickets/T-1/steps", "{'event': 'accept'}"));
      check("GET", v1 + "/compliance", zhangsan.get(v1 + "/compliance"));
      check("GET", v1 + "/reminders", zhangsan.get(v1 + "/reminders?after=0"));
      check("GET", v1 + "/faults", served.anonymous().get(v1 + "/faults"));
    }

    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " "
          + path.getKey()));
    }
    assertThat(problems).isEmpty();
    assertThat(called).as("every documented route is called").isEqualTo(documented);
  }

  @Test
  void theValidatorCatchesAnAnswerOffItsSchema() {
    JsonNode document = OpenApi.document();
    Schema fault = schema(document, OpsJson.object().put("$ref", "#/components/schemas/Fault"));

    assertThat(fault.validate("{\"faultId\": \"F-1\"}", InputFormat.JSON)).isNotEmpty();
    assertThat(schema(document, OpsJson.object().put("$ref", "#/components/schemas/Refusal"))
        .validate("{\"error\": {\"code\": \"REFUSED\", \"message\": \"m\", \"details\": [{\"ruleId\": 1}]}}",
            InputFormat.JSON)).isNotEmpty();
  }

  /** Returns {@code schema} of the document as a draft 2020-12 schema, its references resolved in the document. */
  private static Schema schema(JsonNode document, JsonNode schema) {
    ObjectNode s = OpsJson.object().put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.setAll((ObjectNode) schema);
    s.set("$defs", document.at("/components/schemas"));
    return SCHEMAS.getSchema(OpsJson.write(s).replace("#/components/schemas/", "#/$defs/"), InputFormat.JSON);
  }

  /** Validates an answer of {@code method template} against the document. */
  private void check(String method, String template, HttpResponse<String> r) {
    called.add(method + " " + template);
    JsonNode op = doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (op.isMissingNode()) {
      problems.add(method + " " + template + ": not documented");
      return;
    }
    JsonNode response = op.path("responses").path(Integer.toString(r.statusCode()));
    if (response.isMissingNode()) {
      problems.add(method + " " + template + ": status " + r.statusCode() + " is not documented: " + r.body());
      return;
    }
    JsonNode content = response.path("content");
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (content.has("application/json")) {
      assertThat(type).startsWith("application/json");
      List<Error> errors = schema(doc, content.get("application/json").get("schema")).validate(r.body(),
          InputFormat.JSON);
      if (!errors.isEmpty()) {
        problems.add(method + " " + template + " " + r.statusCode() + ": " + errors + " in " + r.body());
      }
    } else {
      assertThat(type).startsWith("text/plain");
    }
  }
}
