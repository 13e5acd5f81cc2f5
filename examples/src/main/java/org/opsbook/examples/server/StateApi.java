package org.opsbook.examples.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.Result;
import org.opsbook.engine.TicketFamily;
import org.opsbook.engine.Workflows;
import org.opsbook.examples.http.OpsHttpServer;
import org.opsbook.examples.http.OpsHttpServer.Access;
import org.opsbook.examples.http.OpsHttpServer.Exchange;
import org.opsbook.examples.http.OpsHttpServer.Reply;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.StateJson;
import org.opsbook.json.Timestamps;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.duty.ComplianceReport;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.ticket.TicketEvent;
import org.slf4j.MDC;

/**
 * The stateful JSON API under {@code /api/v1}: faults, SMS, data operations, cutovers, BUGs, complaint tickets, the
 * duty ledger and duty compliance, over the engine, acting as the signed-in person (never a person a body names).
 * One route table ({@link #ROUTES}); {@code /openapi.json} documents each route.
 *
 * <p>Answers: 200 with the instance, 201 for a new one; 400 {@code INVALID_INPUT} naming the field; 404 for an
 * unknown instance; 409 when the instance changed meanwhile; 412 {@code PRECONDITION_FAILED} when a fault write's
 * {@code If-Match} names a version the fault is no longer at; 422 {@code REFUSED} with {@code details}, one
 * {@code {"ruleId", "field", "message"}} per violated rule, as the decision API writes them. While a fault's request
 * runs, its ID is in the SLF4J MDC under {@code faultId}. Thread-safe.
 */
public final class StateApi {
  /** The MDC key of the fault a request or a duty concerns. */
  public static final String MDC_FAULT = "faultId";
  /**
   * The routes that take {@code If-Match}: the writes to a fault's history, applied only to the fault at the version
   * its {@code ETag} gave ({@link org.opsbook.engine.Faults}' {@code ifVersion} writes), and the steps of the stored
   * tickets ({@link TicketFamily#fire(String, long, Enum, String, Object)}).
   */
  static final Set<String> CONDITIONAL = Set.of("/faults/{faultId}/facts", "/faults/{faultId}/events",
      "/faults/{faultId}/lifecycle", "/faults/{faultId}/duties/{ruleId}/done", "/dataops/{id}/steps",
      "/cutovers/{id}/steps", "/bugs/{id}/steps", "/tickets/{id}/steps");

  /**
   * One route: a method, a path pattern with {@code {name}} segments, what it does, the names of its request body's and
   * its answer's schemas in {@code /openapi.json} (request null when it reads no body), and its handler.
   */
  record Route(String method, String pattern, String summary, String request, String response,
      BiFunction<StateApi, Call, Reply> handler) {}

  /** A matched request: the exchange and the path's named segments. */
  record Call(Exchange ex, Map<String, String> params) {
    String param(String name) {
      return params.get(name);
    }

    JsonFields body(Set<String> allowed) {
      String text = ex.body().isBlank() ? "{}" : ex.body();
      return JsonFields.of(OpsJson.parse(text), "", allowed);
    }

    String person() {
      return ex.signedIn().id();
    }

    /**
     * The fault version the request's {@code If-Match} names: one strong entity tag, {@code "7"}, as the fault's
     * {@code ETag} gave it; empty without the header or with {@code *} (any: the fault exists).
     *
     * @throws InvalidInputException naming {@code If-Match} for anything else
     */
    OptionalLong ifMatch() {
      Optional<String> given = ex.header("If-Match").map(String::strip);
      if (given.isEmpty() || given.get().equals("*")) {
        return OptionalLong.empty();
      }
      String tag = given.get();
      if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        String digits = tag.substring(1, tag.length() - 1);
        if (digits.length() <= 18 && digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
          return OptionalLong.of(Long.parseLong(digits));
        }
      }
      throw new InvalidInputException("If-Match", "expected one fault version as its ETag gives it, e.g. \"7\", "
          + "or *; not '" + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "'");
    }

    Optional<String> query(String name) {
      for (String pair : ex.query().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    }
  }

  /** Every route of the API, below {@code /api/v1}. */
  static final List<Route> ROUTES = List.of(
      new Route("GET", "/faults", "List the open faults (state=open) or the repaired ones (state=repaired)",
          null, "FaultList", StateApi::faults),
      new Route("POST", "/faults", "Open a fault with its first facts",
          "OpenFault", "Fault", StateApi::openFault),
      new Route("GET", "/faults/{faultId}", "A fault as its history derives it",
          null, "Fault", StateApi::fault),
      new Route("POST", "/faults/{faultId}/facts", "Record a new snapshot of the fault's facts",
          "Facts", "Fault", StateApi::facts),
      new Route("POST", "/faults/{faultId}/events", "Record an event (a report, the repair …)",
          "FaultEvent", "Fault", StateApi::event),
      new Route("POST", "/faults/{faultId}/lifecycle", "Apply an SM-ESC lifecycle step",
          "StepRequest", "Step", StateApi::lifecycle),
      new Route("GET", "/faults/{faultId}/duties", "The duties open now",
          null, "DutyList", StateApi::duties),
      new Route("POST", "/faults/{faultId}/duties/{ruleId}/done", "Record that the duty of ruleId is done",
          null, "Fault", StateApi::dutyDone),
      new Route("GET", "/faults/{faultId}/ledger", "The duty ledger: every duty the fault owed and how it ended",
          null, "Ledger", StateApi::ledger),
      new Route("GET", "/faults/{faultId}/messages", "The fault's SMS",
          null, "MessageList", StateApi::faultMessages),
      new Route("POST", "/faults/{faultId}/messages", "Plan the SMS a NOTIFY-TRIG duty asks for",
          "Plan", "Message", StateApi::plan),
      new Route("GET", "/messages", "Every SMS",
          null, "MessageList", StateApi::messages),
      new Route("POST", "/messages/{faultId}/{type}/{n}/draft", "Draft the SMS from its template",
          "Draft", "Step", StateApi::draft),
      new Route("POST", "/messages/{faultId}/{type}/{n}/submit", "Submit the draft for review",
          null, "Step", StateApi::submit),
      new Route("POST", "/messages/{faultId}/{type}/{n}/approve", "Approve exactly the drafted text (NOTIFY-REVIEW-01/02)",
          "Approve", "Step", StateApi::approve),
      new Route("POST", "/messages/{faultId}/{type}/{n}/reject", "Send the draft back with a reason",
          "Reject", "Step", StateApi::reject),
      new Route("POST", "/messages/{faultId}/{type}/{n}/release", "Mass-send the approved SMS through the outbox (68284 desk)",
          null, "Step", StateApi::release),
      new Route("GET", "/messages/in-doubt", "The SMS whose send is in doubt, oldest first, for the 68284 desk",
          null, "MessageList", StateApi::inDoubt),
      new Route("POST", "/messages/{faultId}/{type}/{n}/confirm-sent",
          "Confirm an SMS in doubt as delivered (who sends it, SM-SMS-T05: the 68284 desk, or 地球村 for its own draft); "
              + "its sending is recorded on the fault",
          null, "Message", StateApi::confirmSent),
      new Route("POST", "/messages/{faultId}/{type}/{n}/resend",
          "Release an SMS in doubt that was not delivered, for the outbox to send again (who sends it, SM-SMS-T05)",
          null, "Message", StateApi::resend),
      new Route("GET", "/dataops", "Every data modification (MOD) and extraction (EXT)",
          null, "DataOpList", StateApi::dataOps),
      new Route("POST", "/dataops", "Create a data-operation ticket",
          "CreateDataOp", "Step", StateApi::createDataOp),
      new Route("POST", "/dataops/{id}/steps", "Apply a step to a data-operation ticket",
          "StepRequest", "Step", StateApi::dataOpStep),
      new Route("GET", "/cutovers", "Every cutover",
          null, "CutoverList", StateApi::cutovers),
      new Route("POST", "/cutovers", "Create a cutover ticket",
          "CreateCutover", "Step", StateApi::createCutover),
      new Route("POST", "/cutovers/{id}/steps", "Apply a step to a cutover",
          "StepRequest", "Step", StateApi::cutoverStep),
      new Route("GET", "/bugs", "Every BUG",
          null, "BugList", StateApi::bugs),
      new Route("POST", "/bugs", "Raise a BUG (SM-BUG-T01)",
          "RaiseBug", "Step", StateApi::raiseBug),
      new Route("POST", "/bugs/{id}/steps", "Apply a step to a BUG",
          "StepRequest", "Step", StateApi::bugStep),
      new Route("GET", "/tickets", "Every complaint ticket",
          null, "TicketList", StateApi::tickets),
      new Route("POST", "/tickets", "Record a complaint ticket received",
          "ReceiveTicket", "Step", StateApi::receiveTicket),
      new Route("POST", "/tickets/{id}/steps", "Apply a step to a complaint ticket",
          "StepRequest", "Step", StateApi::ticketStep),
      new Route("GET", "/compliance", "Duty compliance for a period [from, to) (default: the last 7 days)",
          null, "Compliance", StateApi::compliance),
      new Route("GET", "/reminders", "The dashboard's reminder feed after a sequence number",
          null, "ReminderFeed", StateApi::reminders));

  private final OpsEngine engine;
  private final ZoneId zone;
  private final Function<String, ArrayNode> reminders;

  /**
   * Creates the API over {@code engine}.
   *
   * @param reminders the dashboard's reminder feed: the entries after a sequence number
   */
  public StateApi(OpsEngine engine, Function<String, ArrayNode> reminders) {
    this.engine = checkNotNull(engine, "engine");
    this.zone = engine.calendar().zone();
    this.reminders = checkNotNull(reminders, "reminders");
  }

  /**
   * Adds to a server under construction, before the dashboard's routes: this API at {@code /api/v1} (signed in), the
   * reminder feed in it, {@code /openapi.json} and {@code /health} (public), and {@code /metrics} (public when
   * {@code metricsPublic}, else signed in).
   */
  public static OpsHttpServer.Builder install(OpsHttpServer.Builder server, OpsEngine engine, Operability operability,
      Reminders reminders, boolean metricsPublic) {
    return server.route("/api/v1", Access.SIGNED_IN, new StateApi(engine, reminders::feedAfter)::handle)
        .route("/openapi.json", Access.PUBLIC, new OpenApi()::handle)
        .route("/health", Access.PUBLIC, operability::health)
        .route("/metrics", metricsPublic ? Access.PUBLIC : Access.SIGNED_IN, operability::metrics);
  }

  /** Answers one request below {@code /api/v1}. */
  public Reply handle(Exchange ex) {
    boolean pathKnown = false;
    for (Route r : ROUTES) {
      Optional<Map<String, String>> params = match(r.pattern(), ex.path());
      if (params.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (!r.method().equals(ex.method()) && !(r.method().equals("GET") && ex.method().equals("HEAD"))) {
        continue;
      }
      String fault = params.get().get("faultId");
      if (fault != null) {
        MDC.put(MDC_FAULT, fault);
      }
      boolean conditional = ex.header("If-Match").isPresent();
      try {
        if (conditional && !CONDITIONAL.contains(r.pattern())) {
          throw new InvalidInputException("If-Match", "only the writes to a fault's history (its facts, events, "
              + "lifecycle steps and duties done) and the steps of data operations, cutovers, BUGs and complaint "
              + "tickets take If-Match");
        }
        return r.handler().apply(this, new Call(ex, params.get()));
      } catch (InvalidInputException e) {
        return Reply.json(400, OpsJson.write(ErrorJson.invalidInput(e)));
      } catch (NotFound e) {
        return Reply.error(404, "NOT_FOUND", e.getMessage());
      } catch (ConcurrentUpdateException e) {
        if (conditional) {
          Reply stale = Reply.error(412, "PRECONDITION_FAILED", e.subjectId() + " is at version " + e.actualVersion()
              + ", not " + e.expectedVersion() + ": it changed since it was read; nothing was written. Reload it and "
              + "decide again");
          return e.actualVersion() >= 0 ? tagged(stale, e.actualVersion()) : stale;
        }
        return Reply.error(409, "CONFLICT", e.expectedVersion() == 0 ? e.getMessage()
            : "the instance changed meanwhile; reload and try again");
      } finally {
        MDC.remove(MDC_FAULT);
      }
    }
    return pathKnown ? Reply.error(405, "METHOD_NOT_ALLOWED", "no " + ex.method() + " on /api/v1" + ex.path())
        : Reply.error(404, "NOT_FOUND", "no route /api/v1" + ex.path());
  }

  /** Returns the path's named segments when {@code path} fits {@code pattern}. */
  static Optional<Map<String, String>> match(String pattern, String path) {
    String[] want = pattern.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(want[i].substring(1, want[i].length() - 1), URLDecoder.decode(got[i], StandardCharsets.UTF_8));
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  // ---- faults ----

  private Reply faults(Call c) {
    String state = c.query("state").orElse("open");
    if (!state.equals("open") && !state.equals("repaired")) {
      throw new InvalidInputException("state", "expected open or repaired, not '" + state + "'");
    }
    ArrayNode out = OpsJson.array();
    for (FaultSummary f : engine.faults().openFaults()) {
      if (f.repairedAt().isPresent() == state.equals("repaired")) {
        ObjectNode o = out.addObject().put("faultId", f.faultId()).put("currentLevel", f.currentLevel().name())
            .put("peakLevel", f.peakLevel().name()).put("subject", f.subjectName().orElse(""))
            .put("updatedAt", time(f.updatedAt()));
        optionalTime(o, "repairedAt", f.repairedAt());
        optionalTime(o, "nextDueAt", f.nextDueAt());
      }
    }
    return ok(OpsJson.object().set("faults", out));
  }

  private Reply openFault(Call c) {
    JsonFields f = c.body(Set.of("faultId", "facts"));
    String id = f.requiredString("faultId");
    if (engine.faults().openFaults().stream().anyMatch(s -> s.faultId().equals(id))) {
      throw new InvalidInputException("faultId", "a fault " + id + " is already open");
    }
    MDC.put(MDC_FAULT, id);
    FaultTracker t = engine.faults().open(id, StateJson.facts(f.node("facts").orElse(null), "facts"), c.person());
    return Reply.json(201, OpsJson.write(fault(t)));
  }

  private Reply fault(Call c) {
    return faultReply(load(c.param("faultId")));
  }

  /** A fault's answer, with its version as the {@code ETag} a later write's {@code If-Match} gives back. */
  private Reply faultReply(FaultTracker t) {
    return tagged(ok(fault(t)), t.version());
  }

  private static Reply tagged(Reply r, long version) {
    return r.withHeader("ETag", "\"" + version + "\"");
  }

  private Reply facts(Call c) {
    String id = load(c.param("faultId")).faultId();
    OptionalLong ifVersion = c.ifMatch();
    JsonFields f = c.body(Set.of("facts"));
    FaultFacts facts = StateJson.facts(f.node("facts").orElse(null), "facts");
    return faultReply(ifVersion.isPresent() ? engine.faults().updateFacts(id, ifVersion.getAsLong(), facts, c.person())
        : engine.faults().updateFacts(id, facts, c.person()));
  }

  private Reply event(Call c) {
    String id = load(c.param("faultId")).faultId();
    OptionalLong ifVersion = c.ifMatch();
    FaultEventType type = c.body(Set.of("type")).requiredEnum("type", FaultEventType.class);
    return faultReply(ifVersion.isPresent() ? engine.faults().record(id, ifVersion.getAsLong(), type, c.person())
        : engine.faults().record(id, type, c.person()));
  }

  /**
   * A lifecycle step; with {@code If-Match}, its answer's {@code ETag} is the version the step left the fault at (one
   * more when accepted, the same when refused).
   */
  private Reply lifecycle(Call c) {
    String id = load(c.param("faultId")).faultId();
    OptionalLong ifVersion = c.ifMatch();
    JsonFields f = c.body(Set.of("event", "data"));
    EscEvent event = event(f, EscEvent.values(), EscEvent::eventName);
    EscEventData data = StateJson.escData(data(f), "data");
    if (ifVersion.isEmpty()) {
      return step(engine.faults().lifecycle(id, event, data, c.person()), StateJson::esc);
    }
    var result = engine.faults().lifecycle(id, ifVersion.getAsLong(), event, data, c.person());
    return tagged(step(result, StateJson::esc), ifVersion.getAsLong() + (result.accepted() ? 1 : 0));
  }

  private Reply duties(Call c) {
    String id = load(c.param("faultId")).faultId();
    return ok(OpsJson.object().set("duties", duties(engine.faults().duties(id))));
  }

  private Reply dutyDone(Call c) {
    String id = load(c.param("faultId")).faultId();
    RuleId rule = rule(c.param("ruleId"));
    if (engine.faults().duties(id).stream().noneMatch(d -> d.ruleId().equals(rule))) {
      throw new InvalidInputException("ruleId", "the fault owes no open duty of " + rule);
    }
    OptionalLong ifVersion = c.ifMatch();
    return faultReply(ifVersion.isPresent() ? engine.faults().complete(id, ifVersion.getAsLong(), rule, c.person())
        : engine.faults().complete(id, rule, c.person()));
  }

  private Reply ledger(Call c) {
    DutyLedger ledger = engine.faults().ledger(load(c.param("faultId")).faultId());
    ObjectNode o = OpsJson.object().put("faultId", ledger.faultId()).put("asOf", time(ledger.asOf()));
    ArrayNode entries = o.putArray("entries");
    for (DutyLedger.Entry e : ledger.entries()) {
      ObjectNode x = entries.addObject().put("status", e.status().name()).put("repeat", e.repeat());
      x.set("duty", StateJson.duty(e.duty(), zone));
      optionalTime(x, "doneAt", e.doneAt());
      optionalTime(x, "endedAt", e.endedAt());
      e.lateBy().ifPresent(d -> x.put("lateBySeconds", d.toSeconds()));
    }
    o.set("compliance", tallies(ledger.compliance()));
    return ok(o);
  }

  private Reply compliance(Call c) {
    Instant to = c.query("to").map(t -> Timestamps.parse(t, "to")).orElse(engine.clock().instant());
    Instant from = c.query("from").map(t -> Timestamps.parse(t, "from")).orElse(to.minusSeconds(7 * 86400));
    if (!to.isAfter(from)) {
      throw new InvalidInputException("to", "the period ends before it starts");
    }
    ObjectNode o = tallies(engine.faults().compliance(from, to));
    o.put("from", time(from)).put("to", time(to));
    return ok(o);
  }

  private ObjectNode tallies(ComplianceReport r) {
    ObjectNode o = OpsJson.object().put("faults", r.faults());
    o.set("total", tally(r.total()));
    ObjectNode byRule = o.putObject("byRule");
    r.byRule().forEach((rule, t) -> byRule.set(rule.value(), tally(t)));
    ObjectNode byRole = o.putObject("byRole");
    r.byRole().forEach((role, t) -> byRole.set(role.name(), tally(t)));
    return o;
  }

  private static ObjectNode tally(ComplianceReport.Tally t) {
    return OpsJson.object().put("onTime", t.onTime()).put("late", t.late()).put("missed", t.missed())
        .put("superseded", t.superseded()).put("open", t.open()).put("latenessSeconds", t.lateness().toSeconds());
  }

  private ObjectNode fault(FaultTracker t) {
    ObjectNode o = OpsJson.object().put("faultId", t.faultId()).put("version", t.version())
        .put("currentLevel", t.currentLevel().name()).put("peakLevel", t.peakLevel().name())
        .put("severityLabel", t.classification().severityLabel()).put("closed", t.isClosed());
    o.set("matchedRules", OpsJson.ruleIds(t.classification().matchedRules()));
    o.set("facts", StateJson.facts(t.facts(), zone));
    optionalTime(o, "openedAt", t.openedAt());
    optionalTime(o, "repairedAt", t.repairedAt());
    o.set("duties", duties(t.obligations(t.readAt(engine.clock().instant()))));
    return o;
  }

  private ArrayNode duties(List<Obligation> duties) {
    ArrayNode a = OpsJson.array();
    duties.forEach(d -> a.add(StateJson.duty(d, zone)));
    return a;
  }

  private FaultTracker load(String faultId) {
    if (engine.faults().openFaults().stream().noneMatch(s -> s.faultId().equals(faultId))) {
      throw new NotFound("no fault " + faultId);
    }
    return engine.faults().load(faultId);
  }

  // ---- SMS ----

  private Reply faultMessages(Call c) {
    String id = load(c.param("faultId")).faultId();
    return ok(messages(engine.messages().ofFault(id)));
  }

  private Reply messages(Call c) {
    Paging p = Paging.of(c);
    List<SmsMessage> fetched = engine.messages().page(p.size() + 1, p.after().map(a -> messageKey(a, "after")));
    ObjectNode o = messages(fetched.subList(0, Math.min(p.size(), fetched.size())));
    p.next(o, fetched, m -> m.key().toString());
    return ok(o);
  }

  /**
   * The page a list endpoint answers: {@code ?size=} (1 to {@value #MAX_PAGE}, default {@value #PAGE}) items after the
   * item {@code ?after=} names (the {@code next} of the page before), newest first. A list answers {@code next} only
   * when another page follows, so a year of history is read a page at a time, never whole.
   */
  record Paging(int size, Optional<String> after) {
    static Paging of(Call c) {
      int size = c.query("size").map(s -> {
        try {
          return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
          throw new InvalidInputException("size", "not a whole number: '" + s + "'");
        }
      }).orElse(PAGE);
      if (size < 1 || size > MAX_PAGE) {
        throw new InvalidInputException("size", "a page holds 1 to " + MAX_PAGE + " items, not " + size);
      }
      return new Paging(size, c.query("after").filter(a -> !a.isBlank()));
    }

    /** Puts {@code next} on {@code o} when {@code fetched} (at most {@code size + 1} items) holds a further page. */
    <T> void next(ObjectNode o, List<T> fetched, java.util.function.Function<T, String> id) {
      if (fetched.size() > size) {
        o.put("next", id.apply(fetched.get(size - 1)));
      }
    }
  }

  private static final int PAGE = 100;
  private static final int MAX_PAGE = 500;

  private static SmsKey messageKey(String text, String field) {
    try {
      return SmsKey.parse(text);
    } catch (InvalidInputException | IllegalArgumentException e) {
      // the key's own error names "key"; here the text came as the query parameter named by field
      throw new InvalidInputException(field, "not an SMS key (faultId/TYPE/n): '" + text + "'");
    }
  }

  private Reply plan(Call c) {
    String id = load(c.param("faultId")).faultId();
    JsonFields f = c.body(Set.of("ruleId"));
    RuleId rule = rule(f.requiredString("ruleId"));
    Obligation duty = engine.faults().duties(id).stream().filter(d -> d.ruleId().equals(rule)).findFirst()
        .orElseThrow(() -> new InvalidInputException("ruleId", "the fault owes no open duty of " + rule));
    return Reply.json(201, OpsJson.write(message(engine.messages().plan(duty))));
  }

  private Reply draft(Call c) {
    JsonFields f = c.body(Set.of("content"));
    return step(engine.messages().draft(key(c), c.person(),
        StateJson.messageContent(f.node("content").orElse(OpsJson.object()), "content")), this::message);
  }

  private Reply submit(Call c) {
    return step(engine.messages().submit(key(c), c.person()), this::message);
  }

  private Reply approve(Call c) {
    JsonFields f = c.body(Set.of("text"));
    return step(engine.messages().approve(key(c), c.person(), f.requiredString("text")), this::message);
  }

  private Reply reject(Call c) {
    JsonFields f = c.body(Set.of("reason"));
    return step(engine.messages().reject(key(c), c.person(), f.requiredString("reason")), this::message);
  }

  private Reply release(Call c) {
    return step(engine.messages().release(key(c), c.person()), this::message);
  }

  private Reply inDoubt(Call c) {
    return ok(messages(engine.messages().inDoubt()));
  }

  private Reply confirmSent(Call c) {
    return resolved(key(c), k -> engine.messages().confirmSent(k, c.person()));
  }

  private Reply resend(Call c) {
    return resolved(key(c), k -> engine.messages().resend(k, c.person()));
  }

  /** The SMS after {@code resolution}, or 409 {@code NOT_IN_DOUBT} when its send was not in doubt. */
  private Reply resolved(SmsKey key, Predicate<SmsKey> resolution) {
    if (!resolution.test(key)) {
      return Reply.error(409, "NOT_IN_DOUBT", "the send of " + key + " is not in doubt");
    }
    return ok(message(engine.messages().find(key).orElseThrow()));
  }

  private SmsKey key(Call c) {
    MessageType type = JsonFields.parseEnum(c.param("type"), MessageType.class, "type");
    int n;
    try {
      n = Integer.parseInt(c.param("n"));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("n", "not a sequence number: " + c.param("n"));
    }
    SmsKey key = SmsKey.of(c.param("faultId"), type, n);
    if (engine.messages().find(key).isEmpty()) {
      throw new NotFound("no message " + key);
    }
    return key;
  }

  private ObjectNode messages(List<SmsMessage> list) {
    ObjectNode o = OpsJson.object();
    ArrayNode a = o.putArray("messages");
    list.forEach(m -> a.add(message(m)));
    return o;
  }

  private ObjectNode message(SmsMessage m) {
    ObjectNode o = OpsJson.object().put("key", m.key().toString()).put("faultId", m.key().faultId())
        .put("messageType", m.key().type().name()).put("sequence", m.key().sequence()).put("state", m.state().name())
        .put("version", m.version()).put("text", m.record().text().orElse(""))
        .put("updatedAt", time(m.updatedAt()));
    ArrayNode classes = o.putArray("recipientClasses");
    (m.record().recipientClasses().isEmpty() ? m.record().baseClasses() : m.record().recipientClasses())
        .forEach(x -> classes.add(x.name()));
    return o;
  }

  // ---- data operations and cutovers ----

  /** The modifications, newest first, then the extractions, newest first; a page may span the two. */
  private Reply dataOps(Call c) {
    Paging p = Paging.of(c);
    boolean afterExtraction = false;
    if (p.after().isPresent()) {
      Optional<Workflows<DataOpTicket, DataOpEvent, org.opsbook.rules.dataop.DataOpEventData>> family =
          dataOpFamily(p.after().get());
      if (family.isEmpty()) {
        throw new InvalidInputException("after", "no data operation " + p.after().get());
      }
      afterExtraction = family.get() == engine.extractions();
    }
    List<ObjectNode> fetched = new ArrayList<>();
    if (!afterExtraction) {
      engine.modifications().page(p.size() + 1, p.after())
          .forEach(t -> fetched.add(StateJson.dataOp(t).put("kind", "MOD")));
    }
    if (fetched.size() <= p.size()) {
      engine.extractions().page(p.size() + 1 - fetched.size(), afterExtraction ? p.after() : Optional.empty())
          .forEach(t -> fetched.add(StateJson.dataOp(t).put("kind", "EXT")));
    }
    ObjectNode o = OpsJson.object();
    ArrayNode a = o.putArray("dataops");
    fetched.subList(0, Math.min(p.size(), fetched.size())).forEach(a::add);
    p.next(o, fetched, t -> t.get("id").asText());
    return ok(o);
  }

  private Reply createDataOp(Call c) {
    JsonFields f = c.body(Set.of("id", "kind", "operation"));
    String id = f.requiredString("id");
    String kind = f.requiredString("kind");
    Workflows<DataOpTicket, DataOpEvent, ?> family = switch (kind) {
      case "MOD" -> engine.modifications();
      case "EXT" -> engine.extractions();
      default -> throw new InvalidInputException("kind", "expected MOD or EXT, not '" + kind + "'");
    };
    if (dataOpFamily(id).isPresent()) {
      throw new InvalidInputException("id", "a data operation " + id + " exists");
    }
    DataOpTicket draft = DataOpTicket.draft(id, StateJson.dataOp(f.node("operation").orElse(null), "operation"));
    return firstVersion(created(family.create(draft, c.person()), t -> StateJson.dataOp(t).put("kind", kind)));
  }

  private Reply dataOpStep(Call c) {
    String id = c.param("id");
    Workflows<DataOpTicket, DataOpEvent, org.opsbook.rules.dataop.DataOpEventData> family = dataOpFamily(id)
        .orElseThrow(() -> new NotFound("no data operation " + id));
    JsonFields f = c.body(Set.of("event", "data"));
    DataOpEvent event = event(f, DataOpEvent.values(), DataOpEvent::eventName);
    return step(c, family, id, event, StateJson.dataOpData(data(f), "data"), StateJson::dataOp);
  }

  private Optional<Workflows<DataOpTicket, DataOpEvent, org.opsbook.rules.dataop.DataOpEventData>> dataOpFamily(
      String id) {
    if (engine.modifications().find(id).isPresent()) {
      return Optional.of(engine.modifications());
    }
    return engine.extractions().find(id).isPresent() ? Optional.of(engine.extractions()) : Optional.empty();
  }

  private Reply cutovers(Call c) {
    Paging p = Paging.of(c);
    var fetched = engine.cutovers().page(p.size() + 1, p.after());
    ObjectNode o = OpsJson.object();
    ArrayNode a = o.putArray("cutovers");
    fetched.subList(0, Math.min(p.size(), fetched.size())).forEach(t -> a.add(StateJson.cutover(t)));
    p.next(o, fetched, t -> t.id());
    return ok(o);
  }

  private Reply createCutover(Call c) {
    JsonFields f = c.body(Set.of("id", "facts"));
    String id = f.requiredString("id");
    if (engine.cutovers().find(id).isPresent()) {
      throw new InvalidInputException("id", "a cutover " + id + " exists");
    }
    CutoverTicket draft = CutoverTicket.draft(id, StateJson.cutover(f.node("facts").orElse(null), "facts"));
    return firstVersion(created(engine.cutovers().create(draft, c.person()), StateJson::cutover));
  }

  private Reply cutoverStep(Call c) {
    String id = c.param("id");
    if (engine.cutovers().find(id).isEmpty()) {
      throw new NotFound("no cutover " + id);
    }
    JsonFields f = c.body(Set.of("event", "data"));
    CutoverEvent event = event(f, CutoverEvent.values(), CutoverEvent::eventName);
    return step(c, engine.cutovers(), id, event, StateJson.cutoverData(data(f), "data"), StateJson::cutover);
  }

  // ---- BUGs and complaint tickets ----

  private Reply bugs(Call c) {
    Paging p = Paging.of(c);
    var fetched = engine.bugs().page(p.size() + 1, p.after());
    ObjectNode o = OpsJson.object();
    ArrayNode a = o.putArray("bugs");
    fetched.subList(0, Math.min(p.size(), fetched.size())).forEach(b -> a.add(StateJson.bug(b)));
    p.next(o, fetched, b -> b.bugId());
    return ok(o);
  }

  private Reply raiseBug(Call c) {
    JsonFields f = c.body(Set.of("id", "data"));
    String id = f.requiredString("id");
    if (engine.bugs().find(id).isPresent()) {
      throw new InvalidInputException("id", "a BUG " + id + " exists");
    }
    return firstVersion(created(engine.bugs().raise(id, StateJson.bugData(data(f), "data"), c.person()),
        StateJson::bug));
  }

  private Reply bugStep(Call c) {
    String id = c.param("id");
    if (engine.bugs().find(id).isEmpty()) {
      throw new NotFound("no BUG " + id);
    }
    JsonFields f = c.body(Set.of("event", "data"));
    BugEvent event = event(f, BugEvent.values(), BugEvent::eventName);
    return step(c, engine.bugs(), id, event, StateJson.bugData(data(f), "data"), StateJson::bug);
  }

  private Reply tickets(Call c) {
    Paging p = Paging.of(c);
    var fetched = engine.tickets().page(p.size() + 1, p.after());
    ObjectNode o = OpsJson.object();
    ArrayNode a = o.putArray("tickets");
    fetched.subList(0, Math.min(p.size(), fetched.size())).forEach(t -> a.add(StateJson.ticket(t, zone)));
    p.next(o, fetched, t -> t.ticketId());
    return ok(o);
  }

  private Reply receiveTicket(Call c) {
    JsonFields f = c.body(Set.of("id", "receivedAt"));
    String id = f.requiredString("id");
    if (engine.tickets().find(id).isPresent()) {
      throw new InvalidInputException("id", "a ticket " + id + " exists");
    }
    Instant at = f.timestamp("receivedAt").orElse(engine.clock().instant());
    return firstVersion(created(engine.tickets().receive(id, at, c.person()), t -> StateJson.ticket(t, zone)));
  }

  private Reply ticketStep(Call c) {
    String id = c.param("id");
    if (engine.tickets().find(id).isEmpty()) {
      throw new NotFound("no ticket " + id);
    }
    JsonFields f = c.body(Set.of("event", "data"));
    TicketEvent event = event(f, TicketEvent.values(), TicketEvent::eventName);
    return step(c, engine.tickets(), id, event, StateJson.ticketData(data(f), "data"), t -> StateJson.ticket(t, zone));
  }

  // ---- the dashboard's reminder feed ----

  private Reply reminders(Call c) {
    ObjectNode o = OpsJson.object();
    o.set("reminders", reminders.apply(c.query("after").orElse("0")));
    return ok(o);
  }

  // ---- plumbing ----

  /** Reads a step's {@code event} by the decision API's name ({@code raiseBug}). */
  private static <E extends Enum<E>> E event(JsonFields f, E[] values, Function<E, String> name) {
    String given = f.requiredString("event");
    for (E e : values) {
      if (name.apply(e).equals(given)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : values) {
      names.add(name.apply(e));
    }
    throw new InvalidInputException(f.path("event"), "unknown event '" + given + "'; expected one of " + names);
  }

  private static JsonNode data(JsonFields f) {
    return f.node("data").filter(n -> !n.isNull()).orElse(OpsJson.object());
  }

  private static RuleId rule(String text) {
    try {
      return RuleId.of(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("ruleId", "not a rule ID: " + text);
    }
  }

  private static <T> Reply created(Result<T> r, Function<T, ? extends JsonNode> write) {
    Reply reply = step(r, write);
    return reply.status() == 200 ? Reply.json(201, reply.body()) : reply;
  }

  /** A stored ticket's creation: when stored, its {@code ETag} is its first version, 0. */
  private static Reply firstVersion(Reply created) {
    return created.status() == 201 ? tagged(created, 0) : created;
  }

  /**
   * Fires a step at the stored ticket {@code id} of {@code family}; with {@code If-Match}, only while it is at that
   * version, and the answer's {@code ETag} is the version the step left it at (one more when accepted, the same when
   * refused).
   */
  private <I, E extends Enum<E>, D> Reply step(Call c, TicketFamily<I, E, D> family, String id, E event, D data,
      Function<I, ? extends JsonNode> write) {
    OptionalLong ifVersion = c.ifMatch();
    if (ifVersion.isEmpty()) {
      return step(family.fire(id, event, c.person(), data), write);
    }
    Result<I> r = family.fire(id, ifVersion.getAsLong(), event, c.person(), data);
    return tagged(step(r, write), ifVersion.getAsLong() + (r.accepted() ? 1 : 0));
  }

  /** Answers a step: the instance after it, or 422 with every violated rule's details. */
  static <T> Reply step(Result<T> r, Function<T, ? extends JsonNode> write) {
    if (r.accepted()) {
      ObjectNode o = OpsJson.object();
      o.set("value", write.apply(r.value()));
      r.transition().ifPresent(t -> o.put("transition", t.value()));
      return ok(o);
    }
    return refused(r.violations());
  }

  /** Returns 422 {@code {"error": {"code": "REFUSED", "message", "details": [{ruleId, field, message}]}}}. */
  static Reply refused(List<Violation> violations) {
    ObjectNode root = OpsJson.object();
    ObjectNode err = root.putObject("error").put("code", "REFUSED");
    List<String> lines = new ArrayList<>();
    violations.forEach(v -> lines.add(v.ruleId() + ": " + v.message()));
    err.put("message", "refused: " + String.join("; ", lines));
    err.set("details", StateJson.details(violations, field -> field));
    return Reply.json(422, OpsJson.write(root));
  }

  private static Reply ok(JsonNode body) {
    return Reply.json(200, OpsJson.write(body));
  }

  private String time(Instant t) {
    return Timestamps.format(t, zone);
  }

  private void optionalTime(ObjectNode o, String name, Optional<Instant> t) {
    t.ifPresentOrElse(x -> o.put(name, time(x)), () -> o.putNull(name));
  }

  /** An unknown instance named in the path: 404. */
  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message, null, false, false);
    }
  }
}
