package org.opsbook.examples.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.Role;
import org.opsbook.examples.http.OpsHttpServer.Exchange;
import org.opsbook.examples.http.OpsHttpServer.Reply;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.SmsState;

/**
 * The OpenAPI 3.1 document at {@code /openapi.json}: every route of {@link StateApi#ROUTES} under {@code /api/v1}
 * (signed in: the session cookie, and the {@code X-CSRF-Token} header on a POST), {@code /health}, {@code /metrics}
 * and the decision API {@code POST /v1/<command>} (no sign-in). Built from the route table, so a route cannot go
 * undocumented. Public. Stateless.
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
  private static final String REFS = "#/components/schemas/";

  private final String text;

  /** Builds the document. */
  public OpenApi() {
    this.text = OpsJson.writePretty(document());
  }

  /** {@code GET /openapi.json}. */
  public Reply handle(Exchange ex) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return Reply.error(405, "METHOD_NOT_ALLOWED", "use GET /openapi.json");
    }
    return Reply.json(200, text);
  }

  /** Returns the document. */
  static ObjectNode document() {
    ObjectNode doc = OpsJson.object().put("openapi", "3.1.0");
    doc.putObject("info").put("title", "opsbook server").put("version", "1")
        .put("description", "The stateful API of ./opsbook serve (signed in), its health and metrics, and the "
            + "decision API (no sign-in). A refusal answers 422 with error.details: one {ruleId, field, message} "
            + "per violated rule.");
    // signed in unless an operation says otherwise (the public ones carry an empty requirement)
    doc.putArray("security").addObject().putArray("session");
    ObjectNode paths = doc.putObject("paths");
    for (StateApi.Route r : StateApi.ROUTES) {
      String path = "/api/v1" + r.pattern();
      ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
      item.set(r.method().toLowerCase(Locale.ROOT), operation(r));
    }
    ObjectNode health = paths.putObject("/health").putObject("get").put("operationId", "health")
        .put("summary", "Whether the database answers and the engine's loops run (no sign-in)");
    health.putArray("security").addObject();
    ObjectNode hr = health.putObject("responses");
    hr.set("200", json("UP", "Health"));
    hr.set("503", json("DOWN", "Health"));
    ObjectNode metrics = paths.putObject("/metrics").putObject("get").put("operationId", "metrics")
        .put("summary", "Prometheus text: opsbook_duties_due, opsbook_duties_overdue, opsbook_duties_missed{rule}, "
            + "opsbook_sms_awaiting_review, opsbook_sms_in_doubt, opsbook_outbox_lag_seconds, opsbook_scheduler_claim_latency_seconds, "
            + "opsbook_storage_errors_total (no sign-in on a loopback --host)");
    metrics.putArray("security").addObject();
    metrics.putObject("responses").putObject("200").put("description", "the metrics").putObject("content")
        .putObject("text/plain").putObject("schema").put("type", "string");
    ObjectNode decision = paths.putObject("/v1/{command}").putObject("post").put("operationId", "decision")
        .put("summary", "The decision API: classify, obligations, notify, dataop, fault, bug, ticket … (no sign-in; "
            + "docs/decision-api.md)");
    decision.putArray("security").addObject();
    decision.putArray("parameters").add(pathParam("command"));
    decision.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
        .putObject("schema").put("type", "object");
    ObjectNode dr = decision.putObject("responses");
    dr.set("200", json("the answer", "DecisionAnswer"));
    dr.set("400", json("invalid input", "Error"));
    dr.set("404", json("no such command", "Error"));
    doc.set("components", components());
    return doc;
  }

  private static ObjectNode operation(StateApi.Route r) {
    ObjectNode op = OpsJson.object().put("operationId", operationId(r)).put("summary", r.summary());
    ArrayNode params = op.putArray("parameters");
    Matcher m = PARAM.matcher(r.pattern());
    while (m.find()) {
      params.add(pathParam(m.group(1)));
    }
    switch (r.pattern()) {
      case "/faults" -> {
        if (r.method().equals("GET")) {
          ObjectNode p = queryParam("state");
          ((ObjectNode) p.get("schema")).putArray("enum").add("open").add("repaired");
          params.add(p);
        }
      }
      case "/compliance" -> params.add(queryParam("from")).add(queryParam("to"));
      case "/reminders" -> params.add(queryParam("after"));
      case "/messages", "/dataops", "/cutovers", "/bugs", "/tickets" -> {
        if (r.method().equals("GET")) {
          params.add(queryParam("size")).add(queryParam("after"));
        }
      }
      default -> { }
    }
    if (r.method().equals("POST")) {
      params.addObject().put("name", "X-CSRF-Token").put("in", "header").put("required", true)
          .put("description", "the session's token, from GET /api/session").putObject("schema").put("type", "string");
    }
    boolean conditional = StateApi.CONDITIONAL.contains(r.pattern());
    if (conditional) {
      params.addObject().put("name", "If-Match").put("in", "header").put("required", false)
          .put("description", "the version as an ETag gave it (\"7\"), or *: the write is applied only to the fault or "
              + "ticket at that version, else 412 and nothing is written. Only the writes to a fault's history and "
              + "the steps of stored tickets take it.")
          .putObject("schema").put("type", "string");
    }
    if (r.request() != null) {
      op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
          .putObject("schema").put("$ref", REFS + r.request());
    }
    ObjectNode responses = op.putObject("responses");
    boolean creates = r.method().equals("POST") && (!r.pattern().contains("{")
        || r.pattern().equals("/faults/{faultId}/messages"));
    ObjectNode done = json("done", r.response());
    boolean createsTicket = creates && List.of("/dataops", "/cutovers", "/bugs", "/tickets").contains(r.pattern());
    if (r.pattern().equals("/faults/{faultId}") || conditional || createsTicket) {
      boolean onlyWithIfMatch = r.pattern().endsWith("/lifecycle") || r.pattern().endsWith("/steps");
      done.putObject("headers").putObject("ETag").put("description", "the version of the fault or ticket, for "
          + "If-Match" + (onlyWithIfMatch ? " (given only when the request had If-Match)" : ""))
          .putObject("schema").put("type", "string");
    }
    responses.set(creates ? "201" : "200", done);
    responses.set("400", json("invalid input: error.field names it", "Error"));
    responses.set("401", json("not signed in", "Error"));
    if (r.method().equals("POST")) {
      responses.set("403", json("no CSRF token, or a cross-site request", "Error"));
      responses.set("409", json(r.pattern().endsWith("/confirm-sent") || r.pattern().endsWith("/resend")
          ? "the send is not in doubt (error.code NOT_IN_DOUBT), or changed meanwhile" : "changed meanwhile", "Error"));
      responses.set("422", json("refused: every violated rule in error.details", "Refusal"));
      if (conditional) {
        responses.set("412", json("If-Match names a version the fault is no longer at (error.code PRECONDITION_FAILED; "
            + "the ETag header gives the version it is at): nothing was written", "Error"));
      }
    }
    if (r.pattern().contains("{")) {
      responses.set("404", json("no such instance", "Error"));
    }
    return op;
  }

  private static String operationId(StateApi.Route r) {
    StringBuilder b = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
    for (String part : r.pattern().split("[/{}]")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }

  private static ObjectNode pathParam(String name) {
    ObjectNode p = OpsJson.object().put("name", name).put("in", "path").put("required", true);
    p.putObject("schema").put("type", "string");
    return p;
  }

  private static ObjectNode queryParam(String name) {
    ObjectNode p = OpsJson.object().put("name", name).put("in", "query").put("required", false);
    p.putObject("schema").put("type", "string");
    return p;
  }

  private static ObjectNode json(String description, String schema) {
    ObjectNode o = OpsJson.object().put("description", description);
    o.putObject("content").putObject("application/json").putObject("schema").put("$ref", REFS + schema);
    return o;
  }

  // ---- schemas ----

  private static ObjectNode components() {
    ObjectNode c = OpsJson.object();
    ObjectNode security = c.putObject("securitySchemes");
    security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "opsbook-session")
        .put("description", "the session cookie set by POST /login (__Host-opsbook-session over TLS)");
    ObjectNode s = c.putObject("schemas");
    ObjectNode error = object(s, "Error", "error");
    object((ObjectNode) error.get("properties"), "error", "code", "message");
    ObjectNode refusal = object(s, "Refusal", "error");
    ObjectNode refusalError = object((ObjectNode) refusal.get("properties"), "error", "code", "message", "details");
    ObjectNode detail = object(OpsJson.object(), "detail", "ruleId", "field", "message");
    array(refusalError, "details", detail).put("minItems", 1);
    ((ObjectNode) refusalError.get("properties").get("code")).put("const", "REFUSED");

    ObjectNode duty = object(s, "Duty", "ruleId", "actor", "target", "channel", "dueAt", "recurring", "action");
    enumOf(duty, "actor", Role.values());
    enumOf(duty, "channel", Channel.values());
    nullableString(duty, "dueAt");
    type(duty, "recurring", "boolean");
    ObjectNode fault = object(s, "Fault", "faultId", "version", "currentLevel", "peakLevel", "severityLabel",
        "closed", "matchedRules", "facts", "openedAt", "repairedAt", "duties");
    type(fault, "version", "integer");
    type(fault, "closed", "boolean");
    type(fault, "facts", "object");
    strings(fault, "matchedRules");
    nullableString(fault, "openedAt");
    nullableString(fault, "repairedAt");
    array(fault, "duties", ref("Duty"));
    ObjectNode summary = object(OpsJson.object(), "summary", "faultId", "currentLevel", "peakLevel", "subject",
        "updatedAt", "repairedAt", "nextDueAt");
    ObjectNode summaryObject = summary;
    nullableString(summaryObject, "repairedAt");
    nullableString(summaryObject, "nextDueAt");
    array(object(s, "FaultList", "faults"), "faults", summaryObject);
    array(object(s, "DutyList", "duties"), "duties", ref("Duty"));

    ObjectNode tally = object(s, "Tally", "onTime", "late", "missed", "superseded", "open", "latenessSeconds");
    for (String f : new String[] {"onTime", "late", "missed", "superseded", "open", "latenessSeconds"}) {
      type(tally, f, "integer");
    }
    ObjectNode compliance = object(s, "Compliance", "faults", "total", "byRule", "byRole");
    type(compliance, "faults", "integer");
    props(compliance).set("total", ref("Tally"));
    props(compliance).putObject("byRule").put("type", "object").set("additionalProperties", ref("Tally"));
    props(compliance).putObject("byRole").put("type", "object").set("additionalProperties", ref("Tally"));
    ObjectNode entry = object(OpsJson.object(), "entry", "status", "repeat", "duty", "doneAt", "endedAt");
    ObjectNode entryObject = entry;
    type(entryObject, "repeat", "integer");
    props(entryObject).set("duty", ref("Duty"));
    nullableString(entryObject, "doneAt");
    nullableString(entryObject, "endedAt");
    ObjectNode ledger = object(s, "Ledger", "faultId", "asOf", "entries", "compliance");
    array(ledger, "entries", entryObject);
    props(ledger).set("compliance", ref("Compliance"));

    ObjectNode message = object(s, "Message", "key", "faultId", "messageType", "sequence", "state", "version",
        "text", "recipientClasses", "updatedAt");
    type(message, "sequence", "integer");
    type(message, "version", "integer");
    enumOf(message, "state", SmsState.values());
    strings(message, "recipientClasses");
    pagedList(s, "MessageList", "messages", ref("Message"));

    ObjectNode step = object(s, "Step", "value");
    type(step, "value", "object");
    props(step).putObject("transition").put("type", "string");
    ObjectNode ticketish = object(OpsJson.object(), "t", "id", "state");
    ObjectNode dataOp = ticketish.deepCopy();
    dataOp.withArray("required").add("kind");
    props(dataOp).putObject("kind").putArray("enum").add("MOD").add("EXT");
    pagedList(s, "DataOpList", "dataops", dataOp);
    pagedList(s, "CutoverList", "cutovers", ticketish);
    pagedList(s, "BugList", "bugs", OpsJson.object().put("type", "object"));
    pagedList(s, "TicketList", "tickets", OpsJson.object().put("type", "object"));
    ObjectNode reminder = object(OpsJson.object(), "r", "seq", "ruleId", "subjectId", "actor", "text", "at", "dueAt",
        "people");
    ObjectNode reminderObject = reminder;
    type(reminderObject, "seq", "integer");
    nullableString(reminderObject, "dueAt");
    strings(reminderObject, "people");
    array(object(s, "ReminderFeed", "reminders"), "reminders", reminderObject);

    ObjectNode health = object(s, "Health", "status", "database", "loops");
    props(health).putObject("status").putArray("enum").add("UP").add("DOWN");
    ObjectNode db = object((ObjectNode) health.get("properties"), "database", "status");
    db.put("additionalProperties", true);
    ObjectNode loops = object((ObjectNode) health.get("properties"), "loops", "status", "running");
    type(loops, "running", "boolean");
    // absent when the database does not answer
    ObjectNode audit = props(health).putObject("audit").put("type", "object");
    audit.putArray("required").add("status").add("key");
    ObjectNode auditProps = audit.putObject("properties");
    auditProps.putObject("status").putArray("enum").add("UP").add("DOWN");
    auditProps.putObject("key").putArray("enum").add("HOST").add("DEMO");
    ArrayNode seals = auditProps.putObject("seal").putArray("enum");
    for (OpsJdbc.AuditSeal seal : OpsJdbc.AuditSeal.values()) {
      seals.add(seal.name());
    }
    s.putObject("DecisionAnswer").put("type", "object");

    // request bodies
    ObjectNode open = object(s, "OpenFault", "faultId", "facts");
    type(open, "facts", "object");
    type(object(s, "Facts", "facts"), "facts", "object");
    enumOf(object(s, "FaultEvent", "type"), "type", FaultEventType.values());
    ObjectNode stepRequest = object(s, "StepRequest", "event");
    type(stepRequest, "data", "object");
    object(s, "Plan", "ruleId");
    ObjectNode draft = object(s, "Draft");
    type(draft, "content", "object");
    object(s, "Approve", "text");
    object(s, "Reject", "reason");
    ObjectNode createDataOp = object(s, "CreateDataOp", "id", "kind", "operation");
    props(createDataOp).putObject("kind").putArray("enum").add("MOD").add("EXT");
    type(createDataOp, "operation", "object");
    ObjectNode createCutover = object(s, "CreateCutover", "id", "facts");
    type(createCutover, "facts", "object");
    ObjectNode raiseBug = object(s, "RaiseBug", "id");
    type(raiseBug, "data", "object");
    ObjectNode receive = object(s, "ReceiveTicket", "id");
    props(receive).putObject("receivedAt").put("type", "string");
    return c;
  }

  /** Adds an object schema {@code name} to {@code parent} with {@code required} string properties. */
  private static ObjectNode object(ObjectNode parent, String name, String... required) {
    ObjectNode o = parent.putObject(name).put("type", "object");
    ArrayNode req = o.putArray("required");
    ObjectNode props = o.putObject("properties");
    for (String r : required) {
      req.add(r);
      props.putObject(r).put("type", "string");
    }
    return o;
  }

  private static ObjectNode props(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  private static void type(ObjectNode schema, String field, String type) {
    props(schema).putObject(field).put("type", type);
  }

  private static void nullableString(ObjectNode schema, String field) {
    props(schema).putObject(field).putArray("type").add("string").add("null");
  }

  private static void strings(ObjectNode schema, String field) {
    array(schema, field, OpsJson.object().put("type", "string"));
  }

  private static ObjectNode array(ObjectNode schema, String field, com.fasterxml.jackson.databind.JsonNode items) {
    ObjectNode a = props(schema).putObject(field).put("type", "array");
    a.set("items", items);
    return a;
  }

  /** A list answered a page at a time: its items, and {@code next}, present only when another page follows. */
  private static void pagedList(ObjectNode parent, String name, String field,
      com.fasterxml.jackson.databind.JsonNode items) {
    ObjectNode list = object(parent, name, field);
    array(list, field, items);
    props(list).putObject("next").put("type", "string").put("description",
        "present only when another page follows: pass it as ?after= for that page");
  }

  private static void enumOf(ObjectNode schema, String field, Enum<?>[] values) {
    ArrayNode e = props(schema).putObject(field).putArray("enum");
    for (Enum<?> v : values) {
      e.add(v.name());
    }
  }

  private static ObjectNode ref(String schema) {
    return OpsJson.object().put("$ref", REFS + schema);
  }
}
