package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.PersonIds;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.MessageRenderer;
import org.opsbook.notify.internal.RecipientDecision;
import org.opsbook.notify.internal.RecipientRules;
import org.opsbook.notify.internal.Rendered;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.classify.FaultClassifier;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.duty.FaultTracker.Advice;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.duty.SameTypeComplaints;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.internal.bug.BugDuties;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.internal.cutover.CutoverReadiness;
import org.opsbook.rules.internal.cutover.CutoverRules;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;
import org.opsbook.rules.internal.esc.EscWorkflow;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.ticket.TicketDuties;
import org.opsbook.rules.internal.ticket.TicketWorkflow;
import org.opsbook.rules.report.ReportFacts;
import org.opsbook.rules.report.ReportInclusion;
import org.opsbook.rules.report.ReportRules;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.DutyRoster;
import org.opsbook.rules.ticket.TicketEvent;

/**
 * The commands of the decision API (decision-api.md) as one table: each a name, the fields its request may have
 * (any other is invalid input naming it) and how it answers. The step commands ({@code dataop}, {@code fault},
 * {@code bug}, {@code ticket}) are each a {@link StepRun} descriptor of their family run by the one runner. Invalid
 * input names its exact JSON path. Every command is stateless and thread-safe.
 */
public final class Commands {
  private Commands() {}

  /**
   * The tables of the {@code report} command, built when that command is first built: a process that runs another
   * command (the command line) does not derive them.
   */
  static final class Report {
    /** The {@code report} request: every field optional ({@code 0}, {@code OTHER}). */
    static final Schema<ReportFacts, ReportFacts.Builder> REQUEST =
        Schema.of(ReportFacts::builder, ReportFacts.Builder::build).derive(ReportFacts.class);

    /** The {@code report} response: every field written. */
    static final Schema<ReportInclusion, ReportInclusion.Builder> RESPONSE =
        Schema.of(ReportInclusion::builder, ReportInclusion.Builder::build)
        .always("weekly", Schema.Kind.BOOL, ReportInclusion::weekly, ReportInclusion.Builder::weekly)
        .always("monthly", Schema.Kind.BOOL, ReportInclusion::monthly, ReportInclusion.Builder::monthly)
        .always("firingRules", Schema.Kind.listOf(Schema.Kind.RULE), r -> List.copyOf(r.firingRules()),
            ReportInclusion.Builder::addAllFiringRules);

    private Report() {}
  }

  /** What a {@code ticket} step states for its guards without the ticket recording it (built with that command). */
  private static final class Confirms {
    static final Map<TicketEvent, Set<String>> BY_EVENT = Map.of(
        TicketEvent.AMS_REPLY_REVIEWED, Set.of("amsReplyReviewed"),
        TicketEvent.EXTERNAL_RESULT_CONFIRMED, Set.of("next"),
        TicketEvent.PROVINCIAL_REPLY_REVIEWED, Set.of("provincialReplyReviewed"),
        TicketEvent.DATA_FIX_CLOSED, Set.of("dataOpClosed"),
        TicketEvent.LINKED_FLOW_RESOLVED, Set.of("linkedFlowResolved"));

    private Confirms() {}
  }

  /**
   * A row of the table.
   *
   * @param name the command's name
   * @param fields the fields its request may have
   * @param answer answers a request opened with {@code fields}
   */
  private record Command(String name, Set<String> fields, Function<JsonFields, JsonNode> answer)
      implements DecisionCommand {
    @Override
    public JsonNode handle(JsonNode request) {
      return answer.apply(JsonFields.of(request, "", fields));
    }
  }

  /**
   * Returns every command of the decision API with the catalog defaults and the Monday-to-Friday calendar, by name,
   * each as a factory: a process that runs one command (the command line) builds that one only.
   */
  public static Map<String, Supplier<DecisionCommand>> standard() {
    Map<String, Supplier<DecisionCommand>> all = new LinkedHashMap<>();
    for (String name : List.of("classify", "obligations", "notify", "dataop", "extraction-window", "report",
        "cutover", "fault", "bug", "ticket")) {
      all.put(name, new Standard(name));
    }
    return all;
  }

  /**
   * The factory of one standard command: a switch rather than a lambda per command, and the default parameters
   * made only by a command that uses them, so that a process running {@code classify} (the command line, at every
   * start) links no call site and builds no parameters for the nine others.
   */
  private static final class Standard implements Supplier<DecisionCommand> {
    private final String name;

    Standard(String name) {
      this.name = name;
    }

    @Override
    public DecisionCommand get() {
      switch (name) {
        case "classify": return classify(FaultClassifier.standard());
        case "obligations": return obligations(ObligationEngine.standard());
        case "notify": return notification(MessageRenderer.defaults());
        case "dataop": return dataop(OpsParameters.defaults());
        case "extraction-window": return extractionWindow(OpsParameters.defaults());
        case "report": return report(ReportRules.standard());
        case "cutover": return cutover(OpsParameters.defaults());
        case "fault": return fault(ObligationEngine.standard());
        case "bug": return bug(OpsParameters.defaults());
        case "ticket": return ticket(OpsParameters.defaults());
        default: throw new IllegalArgumentException("no standard command " + name);
      }
    }
  }

  /**
   * {@code classify}: a {@code FaultFacts} document in, the fault's level out: {@code {"level", "severityLabel",
   * "escalated", "matchedRules", "matchedRulesAllLevels"}}, and {@code "assumptions"} naming the absent facts whose
   * default changes the level ({@link FactAssumptions}).
   */
  public static DecisionCommand classify(FaultClassifier classifier) {
    return new Command("classify", FaultFactsJson.FIELDS, new Classify(classifier));
  }

  /**
   * The answer of {@code classify}, and the classifier as the function {@link FactAssumptions} asks: a class rather
   * than a lambda and a method reference, two call sites the command line linked at every run of the command.
   */
  private static final class Classify implements Function<JsonFields, JsonNode> {
    private final FaultClassifier classifier;
    private final Function<FaultFacts, Classification> outcome;

    Classify(FaultClassifier classifier) {
      this.classifier = classifier;
      this.outcome = new Outcome(classifier);
    }

    @Override
    public JsonNode apply(JsonFields f) {
      FaultFacts facts = FaultFactsJson.SCHEMA.read(f);
      ObjectNode out = ClassificationJson.SCHEMA.write(classifier.classify(facts), ZoneOffset.UTC);
      FactAssumptions.write(out, FactAssumptions.of(f, facts, outcome));
      return out;
    }
  }

  /** {@link FaultClassifier#classify} as a function. */
  private static final class Outcome implements Function<FaultFacts, Classification> {
    private final FaultClassifier classifier;

    Outcome(FaultClassifier classifier) {
      this.classifier = classifier;
    }

    @Override
    public Classification apply(FaultFacts facts) {
      return classifier.classify(facts);
    }
  }

  /**
   * {@code report}: weekly and monthly report inclusion. Request {@code {"occurrencesInWeek", "complaintsInWeek",
   * "occurrencesInMonth", "complaintsInMonth", "faultCategory", "categoryOccurrencesInMonth"}}, every field optional;
   * response {@code {"weekly", "monthly", "firingRules"}} under the configured REPORT-POLICY-01 policy.
   */
  public static DecisionCommand report(ReportRules rules) {
    checkNotNull(rules, "rules");
    return new Command("report", Report.REQUEST.names(),
        f -> Report.RESPONSE.write(rules.evaluate(Report.REQUEST.read(f)), ZoneOffset.UTC));
  }

  /**
   * {@code obligations}: who must be told what, by when. Request {@code {"facts", "now"}} and optional
   * {@code calendar} (the working days the deadlines follow) and {@code events} (what facts cannot say, in time
   * order: {@code type} a {@link FaultEventType} other than {@code OPENED}, {@code FACTS_CHANGED} and the lifecycle
   * steps; {@code ruleId} with {@code DUTY_COMPLETED} only; {@code dutySequence}, {@code actorId}, {@code note}). The
   * facts are known since {@code detectedAt}; their report times count as the reports made then, and the AMS numbers
   * as the AMS declaration and dispatch done (ESC-HANDLE-08.1, ESC-HANDLE-02.2). Response {@code {"classification",
   * "obligations"}}: every duty that exists as of {@code now}, due or ahead, a timely duty with {@code "dueAt": null},
   * sorted by {@code dueAt} (nulls last), then {@code ruleId}; and, when not empty, {@code missed} (duties of the
   * ledger that fell due undischarged and were ended by the fault's course, with {@code endedAt}, {@code endedBy}
   * and {@code repeat}), {@code advice} (FAULT-GEN-01, the checklists FAULT-GEN-05 and ESC-REQ-02) and
   * {@code assumptions} ({@link FactAssumptions}). For example:
   *
   * <pre>{@code
   * "events": [
   *   {"type": "IMPACT_MAY_EXPAND", "at": "2026-11-25T14:10:00+08:00"},
   *   {"type": "DUTY_COMPLETED", "ruleId": "ESC-PROG-01", "at": "2026-11-25T14:20:00+08:00"},
   *   {"type": "DUTY_COMPLETED", "ruleId": "NOTIFY-TRIG-01", "dutySequence": 1, "at": "...", "actorId": "zhang"}
   * ]
   * }</pre>
   */
  public static DecisionCommand obligations(ObligationEngine standard) {
    checkNotNull(standard, "engine");
    return new Command("obligations", Set.of("facts", "now", "events", "calendar"), f -> {
      JsonFields given = f.object("facts", FaultFactsJson.FIELDS);
      FaultFacts facts = FaultFactsJson.SCHEMA.read(given);
      Instant now = f.requiredTimestamp("now");
      ObligationEngine engine = withCalendar(standard, f);
      List<FaultEvent> events = events(f, facts.faultId().orElse("fault"));
      FaultTracker fault = engine.assess(facts, events, now);
      ZoneId zone = engine.calendar().zone();
      ObjectNode out = OpsJson.object();
      Classification classification = engine.classifier().classify(facts);
      List<Obligation> duties = fault.obligations(now);
      out.set("classification", ClassificationJson.SCHEMA.write(classification, zone));
      StepRun.writeDuties(out, duties, zone);
      List<DutyLedger.Entry> missed = fault.ledger(now).with(DutyLedger.Status.MISSED);
      if (!missed.isEmpty()) {
        ArrayNode m = out.putArray("missed");
        missed.forEach(e -> m.add(Documents.missed(e, zone)));
      }
      List<Advice> advice = fault.advice();
      if (!advice.isEmpty()) {
        ArrayNode a = out.putArray("advice");
        advice.forEach(x -> a.addObject().put("ruleId", x.ruleId().value()).put("text", x.text()));
      }
      FactAssumptions.write(out, FactAssumptions.ofClassifiedFirst(given, facts, classification, duties,
          engine.classifier()::classify, alternative -> engine.assess(alternative, events, now).obligations(now),
          duties.stream().anyMatch(d -> d.ruleId().equals(UNKNOWN_NATURE_SMS)),
          SameTypeComplaints.mayChangeObligations(engine.parameters(), facts, facts.complaintCount(), events)));
      return out;
    });
  }

  /**
   * NOTIFY-TRIG-02, the notification SMS of an escalated fault of unknown nature: a fault of either known nature is
   * told by NOTIFY-TRIG-03/04/05/06 instead and never owes it, so a list holding it changes under either nature.
   */
  private static final RuleId UNKNOWN_NATURE_SMS = RuleId.of("NOTIFY-TRIG-02");

  /**
   * The {@code assumptions} of {@code obligations} by the definition: the whole outcome, classification and
   * obligations, computed again for the given facts and for every alternative. The command computes the same names
   * with {@link FactAssumptions#ofClassifiedFirst}; the property test holds it to this.
   */
  static List<String> obligationsAssumptionsByDefinition(JsonFields given, FaultFacts facts, ObligationEngine engine,
      List<FaultEvent> events, Instant now) {
    return FactAssumptions.of(given, facts, alternative -> {
      try {
        return List.of(engine.classifier().classify(alternative),
            engine.assess(alternative, events, now).obligations(now));
      } catch (InvalidInputException e) {
        return e.getMessage();
      }
    });
  }

  private static ObligationEngine withCalendar(ObligationEngine engine, JsonFields f) {
    return f.has("calendar") ? new ObligationEngine(engine.parameters(), Documents.calendar(f, "calendar"))
        : engine;
  }

  /** The fields of an event of {@code obligations}: one set for every event (it was built per event). */
  private static final Set<String> EVENT_FIELDS = Set.of("type", "at", "ruleId", "dutySequence", "actorId", "note");

  static List<FaultEvent> events(JsonFields request, String faultId) {
    List<JsonNode> nodes = request.array("events");
    List<FaultEvent> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String path = JsonFields.element(request.path("events"), i);
      JsonFields e = JsonFields.of(nodes.get(i), path, EVENT_FIELDS);
      FaultEventType type = e.requiredEnum("type", FaultEventType.class);
      if (type == FaultEventType.OPENED || type == FaultEventType.FACTS_CHANGED) {
        throw new InvalidInputException(e.path("type"), type + " is not accepted here: the facts say what it would");
      }
      if (type.isLifecycleStep()) {
        throw new InvalidInputException(e.path("type"),
            type + " is a step of the fault's lifecycle, not accepted here");
      }
      FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(i + 1L).type(type)
          .at(e.requiredTimestamp("at"));
      if (e.has("ruleId")) {
        if (type != FaultEventType.DUTY_COMPLETED) {
          throw new InvalidInputException(e.path("ruleId"), "only a DUTY_COMPLETED event names a rule");
        }
        b.ruleId(Schema.Kind.RULE.reader().apply(e, "ruleId"));
      }
      e.optionalInt("dutySequence", 1).ifPresent(b::dutySequence);
      e.string("actorId").ifPresent(b::actorId);
      e.string("note").ifPresent(b::note);
      out.add(Schema.built(b::build, path));
    }
    return out;
  }

  /**
   * {@code notify}: renders the message of {@code messageType} ({@code NOTIFICATION}, {@code FOLLOW_UP},
   * {@code RECOVERY}, {@code BUG_NOTICE}) for a fault and says who receives it. Request {@code {"messageType",
   * "facts", "message"}}; {@code message.subjectName} falls back to {@code facts.subjectName}, the fault time comes
   * from {@code facts.faultStartTime}; a placeholder the template uses and the request lacks is invalid input naming
   * {@code message.<field>} (or {@code facts.faultStartTime}) and the template's rule ID. Response
   * {@code {"templateId", "text", "recipientClasses", "characters", "smsSegments", "matchedRules"}} (the template and
   * the recipient rules, sorted), and {@code "assumptions"} naming the absent facts whose default decides the template
   * or the recipients ({@link FactAssumptions#ofNotify}); the BUG notice is posted, not sent (BUG-04), so it has no
   * recipients.
   */
  public static DecisionCommand notification(MessageRenderer renderer) {
    checkNotNull(renderer, "renderer");
    return new Command("notify", Set.of("messageType", "facts", "message"), f -> {
      MessageType type = f.requiredEnum("messageType", MessageType.class);
      FaultFacts facts = f.node("facts").map(n -> FaultFactsJson.read(n, "facts")).orElse(FaultFacts.empty());
      JsonFields given = f.has("facts") ? f.object("facts", FaultFactsJson.FIELDS)
          : JsonFields.of(OpsJson.object(), "facts", FaultFactsJson.FIELDS);
      MessageContent message = f.node("message").map(n -> Documents.message(n, "message"))
          .orElse(MessageContent.builder().build());
      RuleId templateId;
      RecipientDecision recipients;
      try {
        templateId = renderer.templateFor(type, facts.nature());
        recipients = RecipientRules.forMessage(type, facts, renderer.config().parameters());
      } catch (InvalidInputException e) {
        throw e.under("facts");
      }
      Rendered rendered;
      try {
        rendered = renderer.render(templateId, message.withFallbacks(facts));
      } catch (InvalidInputException e) {
        throw e.under(e.field().equals("faultStartTime") ? "facts" : "message");
      }
      ObjectNode out = OpsJson.object();
      out.put("templateId", rendered.templateId().value());
      out.put("text", rendered.text());
      ArrayNode classes = out.putArray("recipientClasses");
      recipients.classes().forEach(c -> classes.add(c.name()));
      out.put("characters", rendered.length().characters());
      out.put("smsSegments", rendered.length().segments());
      Set<RuleId> rules = new TreeSet<>(recipients.ruleIds());
      rules.add(rendered.templateId());
      out.set("matchedRules", OpsJson.ruleIds(rules));
      FactAssumptions.write(out, FactAssumptions.ofNotify(given, facts, alternative -> {
        try {
          return List.of(renderer.templateFor(type, alternative.nature()),
              RecipientRules.forMessage(type, alternative, renderer.config().parameters()).classes());
        } catch (InvalidInputException e) {
          return e.getMessage();
        }
      }));
      return out;
    });
  }

  /**
   * {@code extraction-window} (DATAOP-EXT-04): {@code estimatedRowCount}, {@code estimatedExecutionMinutes},
   * {@code plannedStart} and an optional {@code calendar} in; {@code {"allowed", "violations", "details",
   * "earliestAllowedStart"}} out. The earliest allowed start is the planned start itself when that is allowed, and
   * {@code null} when no off-peak gap within 400 days is long enough.
   */
  public static DecisionCommand extractionWindow(OpsParameters params) {
    checkNotNull(params, "params");
    return new Command("extraction-window",
        Set.of("estimatedRowCount", "estimatedExecutionMinutes", "plannedStart", "calendar"), f -> {
          int rows = f.count("estimatedRowCount");
          double minutes = f.amount("estimatedExecutionMinutes");
          Instant start = f.requiredTimestamp("plannedStart");
          StandardWorkCalendar calendar = Documents.calendar(f, "calendar");
          ExtractionWindow.Decision d = new ExtractionWindow(calendar, params).decide(rows, minutes, start);
          ObjectNode out = OpsJson.object();
          out.put("allowed", d.allowed());
          out.set("violations", OpsJson.ruleIds(d.violations()));
          ViolationDetails.put(out, d.violations().stream().map(rule -> Violation.of(rule, "plannedStart",
              (d.large() ? rows + " rows is a large extraction" : minutes + " minutes is a long extraction")
                  + ": it may not run in the peak hours of a working day")).toList(), field -> field);
          out.set("earliestAllowedStart", d.earliestAllowedStart()
              .map(at -> (JsonNode) OpsJson.object().textNode(Timestamps.format(at, calendar.zone())))
              .orElse(OpsJson.object().nullNode()));
          return out;
        });
  }

  /**
   * {@code cutover}: the facts of catalog §2.8 ({@code plannedStart} required) and an optional {@code calendar} in;
   * {@code applicationDeadline}, {@code leadTimeOk}, {@code missingReportContents},
   * {@code missingApplicationContents}, {@code announcementRequired}, {@code violations} and {@code details} out
   * (CUTOVER-07, -12, -23, -24). Without {@code applicationSubmittedAt} the application is not complete, so the lead
   * time is not met.
   */
  public static DecisionCommand cutover(OpsParameters params) {
    checkNotNull(params, "params");
    return new Command("cutover", ImmutableSet.<String>builder().addAll(CutoverCodec.FACTS.names())
        .add("calendar").build(), f -> {
          f.requiredTimestamp("plannedStart");
          Cutover facts = CutoverCodec.FACTS.read(f);
          StandardWorkCalendar calendar = Documents.calendar(f, "calendar");
          ZoneId zone = calendar.zone();
          CutoverReadiness r = new CutoverRules(calendar, params).check(facts);
          ObjectNode out = OpsJson.object();
          out.put("applicationDeadline", Timestamps.format(r.applicationDeadline(), zone));
          out.put("leadTimeOk", r.leadTimeOk());
          ArrayNode report = out.putArray("missingReportContents");
          r.missingReportContents().forEach(c -> report.add(c.name()));
          ArrayNode application = out.putArray("missingApplicationContents");
          r.missingApplicationContents().forEach(c -> application.add(c.name()));
          out.put("announcementRequired", r.announcementRequired());
          out.set("violations", OpsJson.ruleIds(r.violations()));
          ViolationDetails.put(out, r.explained(facts, zone), field -> field);
          return out;
        });
  }

  /**
   * {@code dataop}: an {@code operation} (the facts of catalog §2.7), {@code steps} through SM-DATAOP-MOD or
   * SM-DATAOP-EXT and an optional {@code calendar} (the working days of the peak-hour ban, DATAOP-EXT-04) in; the batch
   * classification ({@code batch}, {@code batchReasons}: DATAOP-DEF-02 on the effective record count for a
   * modification, the large extraction of DATAOP-EXT-04 for an extraction), the steps, the final state and the advisory
   * rules that apply to the ticket as it ends ({@code advice}: DATAOP-MOD-07, DATAOP-MOD-17) out. An event of the other
   * machine is invalid input; a run into the peak hours is recorded, not refused. A {@code QUERY_ONLY} operation
   * (DATAOP-DEF-04), or a modification of an {@code OTHER} system when the host turned
   * {@code dataOpApplyToOtherSystems} off (DATAOP-DEF-05), has no workflow: it answers no steps and a null final
   * state, and steps for it are invalid input.
   */
  public static DecisionCommand dataop(OpsParameters params) {
    checkNotNull(params, "params");
    return new Command("dataop", Set.of("operation", "steps", "calendar"), f -> {
      DataOp op = DataOpCodec.OPERATION.read(f.node("operation").orElse(null), "operation");
      StandardWorkCalendar calendar = Documents.calendar(f, "calendar");
      if (op.opType() == OpType.QUERY_ONLY) {
        return noWorkflow(f, "a query that exports nothing has no workflow", "DATAOP-DEF-04");
      }
      DataOpWorkflow wf = DataOpWorkflow.of(op.opType(), params, calendar);
      if (!wf.governs(op)) {
        return noWorkflow(f, "the modification rules do not apply to an OTHER system on this host "
            + "(dataOpApplyToOtherSystems is off)", "DATAOP-DEF-05");
      }
      StepRun.Run<DataOpTicket> run = new StepRun<DataOpTicket, DataOpEvent, DataOpEventData>(
          (name, path) -> {
            DataOpEvent event = DataOpEvent.fromName(name, path);
            if (!wf.events().contains(event)) {
              throw new InvalidInputException(path, event.eventName() + " is not an event of " + wf.machine());
            }
            return event;
          }, DataOpEvent::eventName, wf::recordedFields, (data, event) -> DataOpCodec.DATA.read(data), wf::apply,
          DataOpTicket::state, (before, after) -> ViolationDetails.recorded(
              DataOpWorkflow.newlyRecordedViolations(before, after), "at"))
          .run(DataOpTicket.draft(op.ticketNo().orElse("dataop"), op), f);
      DataOpTicket ticket = run.last();
      SortedSet<RuleId> batch = wf.batchReasons(ticket);
      ObjectNode out = OpsJson.object().put("batch", !batch.isEmpty());
      out.set("batchReasons", OpsJson.ruleIds(batch));
      run.into(out);
      SortedMap<RuleId, String> advice = wf.advice(ticket);
      if (!advice.isEmpty()) {
        ArrayNode a = out.putArray("advice");
        advice.forEach((id, text) -> a.addObject().put("ruleId", id.value()).put("text", text));
      }
      return out;
    });
  }

  /** The answer for an operation no workflow governs; steps for it are invalid input naming {@code rule}. */
  private static ObjectNode noWorkflow(JsonFields f, String why, String rule) {
    if (!f.array("steps").isEmpty()) {
      throw new InvalidInputException("steps", why, RuleId.of(rule));
    }
    ObjectNode out = OpsJson.object().put("batch", false);
    out.putArray("batchReasons");
    out.putArray("steps");
    return out.putNull("finalState");
  }

  /**
   * {@code fault}: a fault's lifecycle (SM-ESC, rules-catalog §7.3) step by step, with A/B ownership, handover,
   * repair, relapse and close. Request {@code facts} (the fault's first facts, as {@code classify} reads them),
   * {@code steps} and optional {@code faultId}, {@code calendar} and {@code now}; {@code openFault} takes
   * {@code facts} unless its data brings its own. Answer: the steps, the final state, the {@code owner}, the current
   * {@code level} and the {@code obligations} open at {@code now} (default: the last step's time). A step dated
   * before the one it follows is invalid input naming {@code steps[i].at}.
   */
  public static DecisionCommand fault(ObligationEngine engine) {
    checkNotNull(engine, "engine");
    return new Command("fault", Set.of("faultId", "facts", "steps", "calendar", "now"), f -> {
      FaultFacts facts = FaultFactsJson.SCHEMA.read(f.object("facts", FaultFactsJson.FIELDS));
      ObligationEngine rules = withCalendar(engine, f);
      StepRun.Run<FaultTracker> run = new StepRun<FaultTracker, EscEvent, EscEventData>(
          EscEvent::fromName, EscEvent::eventName, EscWorkflow::recordedFields, (data, event) -> {
            EscEventData.Builder b = EscCodec.DATA.newBuilder();
            EscCodec.DATA.readInto(data, b);
            if (event == EscEvent.OPEN_FAULT && !data.has("facts")) {
              b.facts(facts);
            }
            return EscCodec.DATA.build(b, data.path());
          }, (t, event, actor, data, at) -> t.step(event, data, actor, at),
          t -> t.lifecycle().map(EscFault::state).orElse(EscFault.EscState.NEW), null)
          .run(rules.replay(f.string("faultId").orElse(facts.faultId().orElse("fault")), List.of()), f);
      FaultTracker fault = run.last();
      Instant now = run.now(f, facts.detectedAt().orElse(Instant.EPOCH));
      ObjectNode out = run.into(OpsJson.object());
      out.set("owner", fault.lifecycle().flatMap(EscFault::ownership)
          .map(o -> (JsonNode) OpsJson.object().put("handler", o.handler().name()).put("id", o.id()))
          .orElse(null));
      out.put("level", fault.currentLevel().name());
      return StepRun.writeDuties(out, fault.lifecycle().isPresent() ? fault.obligations(now) : List.of(),
          rules.calendar().zone());
    });
  }

  /**
   * {@code bug}: a BUG's course through SM-BUG (rules-catalog §11) step by step. Request optional {@code bugId}
   * (default {@code BUG}), {@code steps}, and optional {@code calendar} and {@code now}. The first step is
   * {@code raiseBug} (SM-BUG-T01), which creates the BUG; any other step before it is refused, the BUG still in
   * {@code NEW}. Answer: the steps, the final state and the duties the BUG owes at {@code now} (default: the last
   * step's time) as {@code obligations} (BUG-02/08 weekly, BUG-03, -04, -05, -06, -07, -13), none before it is raised.
   */
  public static DecisionCommand bug(OpsParameters params) {
    checkNotNull(params, "params");
    return new Command("bug", Set.of("bugId", "steps", "calendar", "now"), f -> {
      String bugId = f.string("bugId").orElse("BUG");
      StandardWorkCalendar calendar = Documents.calendar(f, "calendar");
      BugWorkflow workflow = new BugWorkflow(params);
      StepRun.Run<Optional<BugTicket>> run = new StepRun<Optional<BugTicket>, BugEvent, BugEventData>(
          BugEvent::fromName, BugEvent::eventName,
          event -> StepRun.dataFields(workflow.table(), event, Set.of(), BugJson.EVENT.names()),
          (data, event) -> BugJson.EVENT.read(data),
          (b, event, actor, data, at) -> workflow.step(bugId, b, event, actor, data, at),
          b -> b.map(BugTicket::state).orElse(BugState.NEW), null).run(Optional.empty(), f);
      Instant now = run.now(f, Instant.EPOCH);
      return StepRun.writeDuties(run.into(OpsJson.object()), run.last()
          .map(bug -> BugDuties.of(bug, now, params, calendar.zone())).orElse(List.of()), calendar.zone());
    });
  }

  /**
   * {@code ticket}: an ordinary complaint ticket's course through SM-TICKET (rules-catalog §4) step by step. Request
   * {@code ticket} ({@code ticketId}, {@code receivedAt}: the ticket exists in {@code RECEIVED} from then),
   * {@code steps}, and optional {@code roster} (who holds the day's billing-declaration and data-modification duty:
   * {@code [{"role", "date", "personId"}]}, TICKET-13/14), {@code calendar} (the days TICKET-02 counts, the zone
   * "today" is read in) and {@code now}. Answer: the steps, the
   * final state and the duties the ticket owes at {@code now} (default: the last step's time, else
   * {@code receivedAt}) as {@code obligations}.
   */
  public static DecisionCommand ticket(OpsParameters params) {
    checkNotNull(params, "params");
    return new Command("ticket", Set.of("ticket", "steps", "roster", "calendar", "now"), f -> {
      JsonFields t = f.object("ticket", Set.of("ticketId", "receivedAt"));
      String ticketId = t.requiredString("ticketId");
      ComplaintTicket received = ComplaintTicket.received(ticketId, t.requiredTimestamp("receivedAt"));
      StandardWorkCalendar calendar = Documents.calendar(f, "calendar");
      TicketWorkflow workflow = new TicketWorkflow(roster(f), calendar.zone());
      StepRun.Run<ComplaintTicket> run = new StepRun<>(TicketEvent::fromName, TicketEvent::eventName,
          event -> StepRun.dataFields(workflow.table(), event, Confirms.BY_EVENT.getOrDefault(event, Set.of()),
              TicketJson.EVENT.names()), (data, event) -> TicketJson.EVENT.read(data), workflow::apply,
          ComplaintTicket::state, null).run(received, f);
      Instant now = run.now(f, received.receivedAt());
      return StepRun.writeDuties(run.into(OpsJson.object()), TicketDuties.of(run.last(), now, params, calendar),
          calendar.zone());
    });
  }

  /** Reads the optional roster: who holds a duty on a date; one person per role and date. */
  private static DutyRoster roster(JsonFields request) {
    Map<Role, Map<LocalDate, String>> byRole = new HashMap<>();
    List<JsonNode> entries = request.array("roster");
    for (int i = 0; i < entries.size(); i++) {
      JsonFields e = JsonFields.of(entries.get(i), JsonFields.element(request.path("roster"), i),
          Set.of("role", "date", "personId"));
      Role role = e.requiredEnum("role", Role.class);
      if (role != Role.BILLING_DECLARANT && role != Role.DATA_MOD_DUTY) {
        throw new InvalidInputException(e.path("role"), "a roster lists BILLING_DECLARANT or DATA_MOD_DUTY, not "
            + role);
      }
      LocalDate date;
      try {
        date = LocalDate.parse(e.requiredString("date"));
      } catch (DateTimeParseException x) {
        throw new InvalidInputException(e.path("date"), "not a date YYYY-MM-DD: " + e.requiredString("date"));
      }
      String person = PersonIds.canonical(e.path("personId"), e.requiredString("personId"));
      if (byRole.computeIfAbsent(role, r -> new HashMap<>()).putIfAbsent(date, person) != null) {
        throw new InvalidInputException(e.path("date"), role + " on " + date + " is listed twice");
      }
    }
    return (duty, date) -> Optional.ofNullable(byRole.getOrDefault(duty, Map.of()).get(date));
  }
}
