package org.opsbook.examples.dashboard;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.Result;
import org.opsbook.engine.Workflows;
import org.opsbook.engine.Workflows.NextStep;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.http.OpsHttpServer;
import org.opsbook.examples.http.OpsHttpServer.Access;
import org.opsbook.examples.http.OpsHttpServer.Exchange;
import org.opsbook.examples.http.OpsHttpServer.Reply;
import org.opsbook.examples.http.Texts;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.SmsMessage;
import org.opsbook.rules.duty.FaultTracker;

/**
 * The operations dashboard of {@code ./opsbook serve}: the page at {@code /} (plain HTML, CSS and JavaScript from
 * {@code classpath:/dashboard/}, no build step) and its JSON API under {@code /api}:
 *
 * <ul>
 *   <li>{@code GET /api/dashboard}: the faults not yet repaired and the repaired ones apart, each with its level, peak
 *       level and next duties; the SMS messages, those waiting for review first, each with its recipient classes and
 *       the number of people in them; the data-operation tickets and cutovers with their states and next steps (each
 *       with the roles that may take it, from the machine's declared transitions); the clock in use; when the demo ran
 *       several times on the database, its latest run only, with the number of earlier runs stored
 *       ({@code earlierRuns});
 *   <li>{@code POST /api/messages/approve} {@code {key}}: the signed-in person approves exactly the drafted text
 *       (NOTIFY-REVIEW-01/02 decide who may: the team leader, not the duty officer who drafted it);
 *   <li>{@code POST /api/messages/send} {@code {key}}: the signed-in person of the 68284 desk mass-sends an approved
 *       message with the fault's recorded briefing (NOTIFY-REVIEW-03); the outbox delivers it through the console
 *       gateway, so the message ends SENT (the page asks for confirmation first, naming the classes and the count);
 *   <li>{@code POST /api/messages/reject} {@code {key, reason}} sends it back (SM-SMS-T04).
 * </ul>

 *
 * <p>{@code GET /api/dashboard} also lists every send in doubt ({@code inDoubt}: the gateway failed after the SMS
 * platform may have taken it), which the page shows above the messages, each saying whether the signed-in person
 * resolves it ({@code mayResolve}). The 68284 desk, having checked the platform,
 * resolves one (SM-SMS-T05; anyone else is refused naming {@code personId}); a send not in doubt answers 409
 * {@code NOT_IN_DOUBT}:
 *
 * <ul>
 *   <li>{@code POST /api/messages/confirm-sent} {@code {key}}: it was delivered; the fault's history records the
 *       sending;
 *   <li>{@code POST /api/messages/resend} {@code {key}}: it was not; the outbox sends it again (the page asks for
 *       confirmation first, naming the classes and the count).
 * </ul>
 *
 * <p>Every route needs a signed-in person ({@link OpsHttpServer.Access#SIGNED_IN}); the person acting is the session's,
 * whatever the body says ({@code reviewerId} in a body is ignored). The page's words come from the bundle of the
 * browser's language (zh-CN by default, or English).
 *
 * <p>Refusals answer 400 with {@code {"error": {"code": "REFUSED", "message", "ruleIds", "violations"}}}; bad input
 * answers 400 {@code INVALID_INPUT} naming the field; a concurrent change of the same message answers 409.
 *
 * <p>Its clock never runs behind the data: {@code now} is the later of the wall clock and the latest stored change,
 * so a simulated day (the demo's) is shown as of its end. Thread-safe.
 */
public final class Dashboard {
  private static final int LIST_LIMIT = 40;
  private static final int NEXT_DUTIES = 4;
  /** {@code reviewerId} is accepted for old clients and ignored: the session names the person. */
  private static final Set<String> APPROVE_FIELDS = Set.of("key", "reviewerId");
  private static final Set<String> REJECT_FIELDS = Set.of("key", "reviewerId", "reason");
  /** A send in doubt is named by its key alone: the session names the person. */
  private static final Set<String> RESOLVE_FIELDS = Set.of("key");

  private final OpsHost host;
  private final OpsEngine engine;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, Reply> assets;
  private final Map<Locale, Reply> pages;
  private final String faultTemplate;

  /**
   * Creates the dashboard over {@code host}.
   *
   * @param clock the wall clock; the data's latest change overrides it when later
   */
  public Dashboard(OpsHost host, Clock clock) {
    this.host = checkNotNull(host, "host");
    this.clock = checkNotNull(clock, "clock");
    this.zone = host.engine().calendar().zone();
    this.engine = host.engine();
    this.assets = Map.of(
        "/dashboard.js", asset("dashboard.js", "text/javascript; charset=utf-8"),
        "/dashboard.css", asset("dashboard.css", "text/css; charset=utf-8"));
    String page = asset("index.html", "text/html; charset=utf-8").body();
    Map<Locale, Reply> byLocale = new HashMap<>();
    for (Locale l : Texts.LOCALES) {
      byLocale.put(l, Reply.html(200, Texts.fill(page, l)));
    }
    this.pages = Map.copyOf(byLocale);
    this.faultTemplate = asset("fault.html", "text/html; charset=utf-8").body();
  }

  /**
   * Adds the page at {@code /} (signed in), its script and style (public) and the API at {@code /api} (signed in) to
   * a server under construction.
   */
  public OpsHttpServer.Builder install(OpsHttpServer.Builder server) {
    return server.route("/api", Access.SIGNED_IN, this::api)
        .route("/faults", Access.SIGNED_IN_PAGE, this::faultPage)
        .route("/dashboard.js", ex -> asset(ex, "/dashboard.js"))
        .route("/dashboard.css", ex -> asset(ex, "/dashboard.css"))
        .route("/", Access.SIGNED_IN_PAGE, this::page);
  }

  private Reply asset(Exchange ex, String name) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return error(405, "METHOD_NOT_ALLOWED", "use GET " + name);
    }
    return ex.path().isEmpty() ? assets.get(name) : error(404, "NOT_FOUND", "no page " + name + ex.path());
  }

  /** Serves the page at {@code /} in the browser's language. */
  Reply page(Exchange ex) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return error(405, "METHOD_NOT_ALLOWED", "use GET /" + ex.path());
    }
    return ex.path().isEmpty() || ex.path().equals("index.html") ? pages.get(ex.locale())
        : error(404, "NOT_FOUND", "no page /" + ex.path());
  }

  /**
   * Serves {@code /faults/{faultId}}: the fault's page in the browser's language, with the picture of its escalation
   * ladder ({@link FaultTimeline}) as of {@link #now}.
   */
  synchronized Reply faultPage(Exchange ex) {
    if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
      return error(405, "METHOD_NOT_ALLOWED", "use GET /faults" + ex.path());
    }
    String id = ex.path().startsWith("/") ? ex.path().substring(1) : "";
    if (engine.faults().openFaults().stream().noneMatch(f -> f.faultId().equals(id))) {
      return error(404, "NOT_FOUND", "no fault " + id);
    }
    host.advanceClockTo(now());
    FaultTracker t = engine.faults().load(id);
    List<SmsMessage> sent = engine.messages().ofFault(id).stream().filter(m -> m.record().sentAt().isPresent())
        .toList();
    Locale l = ex.locale();
    String summary = t.currentLevel().name() + " " + t.classification().severityLabel() + " · "
        + Texts.text(l, "page.peak") + " " + t.peakLevel().name()
        + t.repairedAt().map(r -> " · " + Texts.text(l, "page.repaired") + " " + Timestamps.format(r, zone)).orElse("")
        + " · " + t.facts().subjectName().orElse("");
    String page = Texts.fill(faultTemplate, l).replace("@@id@@", Texts.html(id))
        .replace("@@summary@@", Texts.html(summary))
        .replace("@@svg@@", FaultTimeline.svg(t, engine.faults().ledger(id), sent, zone, l));
    return Reply.html(200, page);
  }

  /** Serves the JSON API below {@code /api}, acting as the signed-in person. */
  Reply api(Exchange ex) {
    String method = ex.method();
    String path = ex.path();
    try {
      return switch (method + " " + path) {
        case "GET /dashboard" -> Reply.json(200, OpsJson.write(snapshot(Optional.of(ex.signedIn().id()))));
        case "POST /messages/approve" -> approve(ex.signedIn(), ex.body());
        case "POST /messages/send" -> send(ex.signedIn(), ex.body());
        case "POST /messages/reject" -> reject(ex.signedIn(), ex.body());
        case "POST /messages/confirm-sent" -> resolve(ex.signedIn(), ex.body(), true);
        case "POST /messages/resend" -> resolve(ex.signedIn(), ex.body(), false);
        default -> error(404, "NOT_FOUND", "no route " + method + " /api" + path);
      };
    } catch (InvalidInputException e) {
      return Reply.json(400, OpsJson.write(ErrorJson.invalidInput(e)));
    } catch (ConcurrentUpdateException e) {
      return error(409, "CONFLICT", "the message changed meanwhile; reload and try again");
    }
  }

  /** Returns the dashboard document as of {@link #now}, for nobody signed in: no send in doubt is theirs to resolve. */
  public ObjectNode snapshot() {
    return snapshot(Optional.empty());
  }

  /**
   * Returns the dashboard document as of {@link #now} for the person signed in: each send in doubt says whether they
   * resolve it ({@code mayResolve}: the 68284 desk, or 地球村 for its own draft), so the page offers its two answers
   * only to them.
   */
  public ObjectNode snapshot(Optional<String> signedIn) {
    List<FaultSummary> faults = new ArrayList<>(engine.faults().openFaults());
    List<SmsMessage> messages = inView(engine.messages().live(),
        engine.messages().page(LIST_LIMIT, Optional.empty()), m -> m.key().toString());
    List<Row> workflows = workflows();
    List<String> ids = new ArrayList<>();
    faults.forEach(f -> ids.add(f.faultId()));
    workflows.forEach(w -> ids.add(w.id()));
    DemoRuns runs = DemoRuns.of(ids);
    faults.removeIf(f -> !runs.latest(f.faultId()));
    messages.removeIf(m -> !runs.latest(m.key().faultId()));
    workflows.removeIf(w -> !runs.latest(w.id()));
    Instant now = clock.instant();
    for (FaultSummary f : faults) {
      now = later(now, f.updatedAt());
    }
    for (SmsMessage w : messages) {
      now = later(now, w.updatedAt());
    }
    for (Row w : workflows) {
      now = later(now, w.updatedAt());
    }
    ObjectNode root = OpsJson.object();
    root.put("now", Timestamps.format(now, zone));
    root.put("zone", zone.getId());
    root.put("clock", now.isAfter(clock.instant()) ? "DATA" : "WALL");
    root.put("earlierRuns", runs.earlierRuns());
    faults.sort(Comparator.comparing(FaultSummary::peakLevel).reversed()
        .thenComparing(FaultSummary::updatedAt, Comparator.reverseOrder()));
    ArrayNode faultsOut = root.putArray("faults");
    ArrayNode repairedOut = root.putArray("repaired");
    for (FaultSummary f : faults) {
      FaultTracker t = engine.faults().load(f.faultId());
      ArrayNode out = t.repairedAt().isPresent() ? repairedOut : faultsOut;
      if (out.size() < LIST_LIMIT) {
        out.add(fault(f, t, now));
      }
    }
    messages.sort(Comparator.comparing((SmsMessage w) -> w.state() != SmsState.IN_REVIEW)
        .thenComparing(SmsMessage::updatedAt, Comparator.reverseOrder()));
    ArrayNode messagesOut = root.putArray("messages");
    for (SmsMessage m : messages.subList(0, Math.min(LIST_LIMIT, messages.size()))) {
      messagesOut.add(message(m));
    }
    ArrayNode inDoubt = root.putArray("inDoubt");
    // every send in doubt, whichever run it is of: each waits for the 68284 desk
    engine.messages().inDoubt().forEach(m -> inDoubt.add(message(m).put("mayResolve",
        signedIn.isPresent() && resolvesDoubt(m.key(), signedIn.get()))));
    workflows.sort(Comparator.comparing(Row::updatedAt, Comparator.reverseOrder()));
    ArrayNode workflowsOut = root.putArray("workflows");
    for (Row w : workflows.subList(0, Math.min(LIST_LIMIT, workflows.size()))) {
      ObjectNode o = workflowsOut.addObject().put("id", w.id()).put("machine", w.machine()).put("state", w.state())
          .put("updatedAt", Timestamps.format(w.updatedAt(), zone));
      ArrayNode next = o.putArray("nextSteps");
      for (NextStep step : w.next()) {
        ObjectNode x = next.addObject().put("event", step.event());
        step.to().ifPresentOrElse(to -> x.put("to", to), () -> x.putNull("to"));
        ArrayNode roles = x.putArray("roles");
        step.roles().stream().map(Role::name).sorted().forEach(roles::add);
      }
    }
    return root;
  }

  /**
   * Whether the signed-in person resolves the doubt of {@code key}; false, not an error, for a person the directory
   * no longer lets act (the page still shows, without the two answers).
   */
  private boolean resolvesDoubt(SmsKey key, String personId) {
    try {
      return engine.messages().resolvesDoubt(key, personId);
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private ObjectNode message(SmsMessage m) {
    ObjectNode o = OpsJson.object().put("key", m.key().toString()).put("messageType", m.key().type().name())
        .put("state", m.state().name()).put("text", m.record().text().orElse(""))
        .put("updatedAt", Timestamps.format(m.updatedAt(), zone));
    ArrayNode classes = o.putArray("recipientClasses");
    Set<RecipientClass> to = m.record().recipientClasses().isEmpty() ? m.record().baseClasses()
        : m.record().recipientClasses();
    to.forEach(c -> classes.add(c.name()));
    return o.put("recipientCount", engine.messages().recipients(m.key()).size());
  }

  private ObjectNode fault(FaultSummary f, FaultTracker t, Instant now) {
    ObjectNode o = OpsJson.object().put("faultId", f.faultId()).put("subject", f.subjectName().orElse(""))
        .put("currentLevel", t.currentLevel().name()).put("peakLevel", t.peakLevel().name())
        .put("severityLabel", t.classification().severityLabel());
    o.set("matchedRules", OpsJson.ruleIds(t.classification().matchedRules()));
    t.repairedAt().ifPresentOrElse(r -> o.put("repairedAt", Timestamps.format(r, zone)), () -> o.putNull("repairedAt"));
    ArrayNode duties = o.putArray("nextDuties");
    List<Obligation> open = t.obligations(now);
    for (Obligation d : open.subList(0, Math.min(NEXT_DUTIES, open.size()))) {
      ObjectNode x = duties.addObject().put("ruleId", d.ruleId().value())
          .put("actor", host.people().label(d.actor().name())).put("target", host.people().label(d.target()))
          .put("channel", d.channel().name()).put("action", d.action());
      d.dueAt().ifPresentOrElse(due -> x.put("dueAt", Timestamps.format(due, zone)), () -> x.putNull("dueAt"));
    }
    return o;
  }

  /**
   * Approves the drafted text as the signed-in person. The engine's clock is set to {@link #now} first; one request at
   * a time moves it.
   */
  private synchronized Reply approve(Person reviewer, String body) {
    JsonFields f = JsonFields.of(OpsJson.parse(body), "", APPROVE_FIELDS);
    SmsKey key = SmsKey.parse(f.requiredString("key"));
    SmsMessage m = message(key);
    host.advanceClockTo(now());
    Result<SmsMessage> approved = engine.messages().approve(key, reviewer.id(), m.record().text().orElse(""));
    if (!approved.accepted()) {
      return refused("approve " + key, approved.violations());
    }
    return Reply.json(200, OpsJson.write(OpsJson.object().put("key", key.toString())
        .put("state", approved.value().state().name()).put("by", reviewer.id())));
  }

  /**
   * Mass-sends an approved message as the signed-in person (the 68284 desk, SM-SMS) and lets the engine deliver it
   * (the fault then records the sending).
   */
  private synchronized Reply send(Person sender, String body) {
    JsonFields f = JsonFields.of(OpsJson.parse(body), "", APPROVE_FIELDS);
    SmsKey key = SmsKey.parse(f.requiredString("key"));
    message(key);
    host.advanceClockTo(now());
    Result<SmsMessage> released = engine.messages().release(key, sender.id());
    if (!released.accepted()) {
      return refused("send " + key, released.violations());
    }
    boolean delivered = deliverNow();
    ObjectNode out = OpsJson.object().put("key", key.toString())
        .put("state", engine.messages().find(key).orElseThrow().state().name()).put("delivered", delivered)
        .put("by", sender.id());
    return Reply.json(200, OpsJson.write(out));
  }

  private synchronized Reply reject(Person reviewer, String body) {
    JsonFields f = JsonFields.of(OpsJson.parse(body), "", REJECT_FIELDS);
    SmsKey key = SmsKey.parse(f.requiredString("key"));
    message(key);
    host.advanceClockTo(now());
    Result<SmsMessage> step = engine.messages().reject(key, reviewer.id(), f.string("reason").orElse(""));
    if (!step.accepted()) {
      return refused("reject " + key, step.violations());
    }
    return Reply.json(200, OpsJson.write(OpsJson.object().put("key", key.toString())
        .put("state", step.value().state().name()).put("by", reviewer.id())));
  }

  /**
   * Resolves a send in doubt as the signed-in person of the 68284 desk: {@code delivered}, confirmed sent; otherwise
   * released for the outbox to send again (which the dashboard runs at once when the engine's loops are not running).
   */
  private synchronized Reply resolve(Person desk, String body, boolean delivered) {
    JsonFields f = JsonFields.of(OpsJson.parse(body), "", RESOLVE_FIELDS);
    SmsKey key = SmsKey.parse(f.requiredString("key"));
    message(key);
    host.advanceClockTo(now());
    boolean resolved = delivered ? engine.messages().confirmSent(key, desk.id())
        : engine.messages().resend(key, desk.id());
    if (!resolved) {
      return error(409, "NOT_IN_DOUBT", "the send of " + key + " is not in doubt");
    }
    boolean sent = delivered || deliverNow();
    return Reply.json(200, OpsJson.write(OpsJson.object().put("key", key.toString())
        .put("state", engine.messages().find(key).orElseThrow().state().name()).put("delivered", sent)
        .put("by", desk.id())));
  }

  /**
   * Runs the outbox at once when the engine's loops are not running (a server that runs them leaves the sending to its
   * outbox loop); returns true when an SMS went out.
   */
  private boolean deliverNow() {
    return !engine.isRunning() && engine.runDueWork().messagesSent() > 0;
  }

  private SmsMessage message(SmsKey key) {
    return engine.messages().find(key).orElseThrow(() -> new InvalidInputException("key", "no message " + key));
  }

  /** Returns the later of the wall clock and the latest stored change. */
  private Instant now() {
    Instant now = clock.instant();
    for (FaultSummary f : engine.faults().openFaults()) {
      now = later(now, f.updatedAt());
    }
    for (SmsMessage w : engine.messages().page(1, Optional.empty())) {
      now = later(now, w.updatedAt());
    }
    return now;
  }

  /**
   * A data-operation or cutover ticket as the page lists it, with the steps its machine declares from its state and
   * the roles that may take each.
   */
  private record Row(String id, String machine, String state, Instant updatedAt, List<NextStep> next) {}

  /**
   * The tickets the page can show: the newest {@value #LIST_LIMIT} of each family (the page lists the newest
   * {@value #LIST_LIMIT} of all), read a page at a time so the finished history stays out of every refresh.
   */
  private List<Row> workflows() {
    List<Row> rows = new ArrayList<>();
    engine.modifications().page(LIST_LIMIT, Optional.empty()).forEach(t -> rows.add(row(engine.modifications(),
        t.id(), "SM-DATAOP-MOD", t.state().name())));
    engine.extractions().page(LIST_LIMIT, Optional.empty()).forEach(t -> rows.add(row(engine.extractions(), t.id(),
        "SM-DATAOP-EXT", t.state().name())));
    engine.cutovers().page(LIST_LIMIT, Optional.empty()).forEach(t -> rows.add(row(engine.cutovers(), t.id(),
        "SM-CUTOVER", t.state().name())));
    return rows;
  }

  /**
   * The messages the page can show: every message in hand (those in review come first on the page) and the newest
   * {@value #LIST_LIMIT}, each once; the sent history beyond them is not read.
   */
  private static <T> List<T> inView(List<T> live, List<T> newest, java.util.function.Function<T, String> key) {
    Map<String, T> out = new java.util.LinkedHashMap<>();
    live.forEach(t -> out.put(key.apply(t), t));
    newest.forEach(t -> out.putIfAbsent(key.apply(t), t));
    return new ArrayList<>(out.values());
  }

  /** The ticket's last change is its last recorded transition. */
  private static Row row(Workflows<?, ?, ?> family, String id, String machine, String state) {
    List<TransitionRecord> history = family.history(id);
    return new Row(id, machine, state, history.isEmpty() ? Instant.EPOCH : history.get(history.size() - 1).at(),
        family.nextSteps(id));
  }

  private static Reply refused(String what, List<Violation> violations) {
    ObjectNode root = OpsJson.object();
    ObjectNode err = root.putObject("error");
    err.put("code", "REFUSED");
    List<String> lines = new ArrayList<>();
    ArrayNode rules = err.putArray("ruleIds");
    ArrayNode list = err.putArray("violations");
    SortedSet<RuleId> ids = new TreeSet<>();
    for (Violation v : violations) {
      ids.add(v.ruleId());
      lines.add(v.ruleId() + ": " + v.message());
      ObjectNode x = list.addObject().put("ruleId", v.ruleId().value()).put("message", v.message());
      v.field().ifPresent(field -> x.put("field", field));
    }
    ids.forEach(id -> rules.add(id.value()));
    err.put("message", "cannot " + what + ": " + String.join("; ", lines));
    return Reply.json(400, OpsJson.write(root));
  }

  private static Reply error(int status, String code, String message) {
    return Reply.json(status, OpsJson.write(ErrorJson.error(code, message)));
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  private static Reply asset(String name, String contentType) {
    try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard resource " + name + " is missing from the classpath");
      }
      return new Reply(200, contentType, new String(in.readAllBytes(), UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
