package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.duty.FaultTracker.Advice;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * {@code obligations}: who must be told what, by when (decision-api.md). Request
 * {@code {"facts": {...FaultFacts...}, "now": "2026-11-25T14:30:00+08:00"}}; response
 * {@code {"classification": {...as classify...}, "obligations": [...], "missed": [...], "assumptions": [...]}}: every
 * duty that
 * exists for the fault as of
 * {@code now}, already due or still ahead, a recurring rule with its next occurrence after the last recorded
 * completion, a timely (「及时」) duty with {@code "dueAt": null}; sorted by {@code dueAt} (nulls last), then
 * {@code ruleId}. The optional {@code missed} answer lists the duties of the fault's duty ledger that fell due, were
 * never discharged, and were ended by the fault's course (the repair, the closing, a higher level, a later
 * occurrence): each an obligation plus {@code endedAt} and {@code endedBy}, and {@code repeat} for an interval of a
 * recurring series that fell due after occurrence {@code sequence}; it is left out when nothing was missed. The
 * optional {@code advice} answer lists the advisory rules and checklist steps that apply to the open fault
 * ({@code {"ruleId", "text"}}, the manual's words: FAULT-GEN-01, the checklists FAULT-GEN-05 and ESC-REQ-02).
 *
 * <p>An optional {@code calendar} ({@link WorkCalendarJson}, as {@code extraction-window} and {@code cutover} take
 * it) sets the working days the deadlines follow (下班, the next working day, the daily ITC entry). The optional
 * {@code assumptions} answer names the facts absent from the request whose default changes the classification or
 * the obligations ({@link FactAssumptions}); it is left out when there are none.
 *
 * <p>The facts are read as known since {@code detectedAt}; their report times ({@code reportedToRoomManagerAt},
 * {@code provinceDutyNotifiedAt}, {@code repairedAt} …) count as the reports made at those times, and the AMS
 * numbers {@code amsFaultNo} and {@code amsDevTicketNo} as the AMS declaration and dispatch done (ESC-HANDLE-08.1,
 * ESC-HANDLE-02.2). The request may add an optional
 * {@code events} array for what facts cannot say, in time order (an extension the contract allows as a new optional
 * field; see docs/decision-api.md):
 *
 * <pre>{@code
 * "events": [
 *   {"type": "IMPACT_MAY_EXPAND", "at": "2026-11-25T14:10:00+08:00"},
 *   {"type": "DUTY_COMPLETED", "ruleId": "ESC-PROG-01", "at": "2026-11-25T14:20:00+08:00"},
 *   {"type": "DUTY_COMPLETED", "ruleId": "NOTIFY-TRIG-01", "dutySequence": 1, "at": "...", "actorId": "zhang"}
 * ]
 * }</pre>
 *
 * <p>{@code type} is a {@link FaultEventType} other than {@code OPENED} and {@code FACTS_CHANGED}; {@code ruleId} is
 * given with {@code DUTY_COMPLETED} only; {@code dutySequence} names an occurrence of a recurring duty; {@code note}
 * and {@code actorId} are free text. Invalid input names its JSON path: {@code facts.complaintCount},
 * {@code now}, {@code events[1].at}, {@code events[0].ruleId}. Thread-safe.
 */
public final class ObligationsCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("facts", "now", "events", "calendar");
  private static final Set<String> EVENT_FIELDS = Set.of("type", "at", "ruleId", "dutySequence", "actorId", "note");

  private final ObligationEngine engine;

  /** Creates the command over {@code engine}. */
  public ObligationsCommand(ObligationEngine engine) {
    this.engine = checkNotNull(engine, "engine");
  }

  /** Creates the command with the catalog defaults and the Monday-to-Friday calendar. */
  public ObligationsCommand() {
    this(ObligationEngine.standard());
  }

  @Override
  public String name() {
    return "obligations";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    FaultFacts facts = FaultFactsJson.read(f.object("facts", FaultFactsJson.FIELDS));
    Instant now = f.requiredTimestamp("now");
    ObligationEngine engine = f.has("calendar")
        ? new ObligationEngine(this.engine.parameters(), WorkCalendarJson.read(f, "calendar")) : this.engine;
    List<FaultEvent> events = events(f, facts.faultId().orElse("fault"));
    FaultTracker fault = engine.assess(facts, events, now);
    List<Obligation> obligations = fault.obligations(now);
    ZoneId zone = engine.calendar().zone();
    ObjectNode out = OpsJson.object();
    out.set("classification", ClassificationJson.write(engine.classifier().classify(facts)));
    ArrayNode list = out.putArray("obligations");
    for (Obligation o : obligations) {
      list.add(ObligationJson.write(o, zone));
    }
    List<DutyLedger.Entry> missed = fault.ledger(now).with(DutyLedger.Status.MISSED);
    if (!missed.isEmpty()) {
      ArrayNode m = out.putArray("missed");
      for (DutyLedger.Entry e : missed) {
        m.add(ObligationJson.writeMissed(e, zone));
      }
    }
    List<Advice> advice = fault.advice();
    if (!advice.isEmpty()) {
      ArrayNode a = out.putArray("advice");
      advice.forEach(x -> a.addObject().put("ruleId", x.ruleId().value()).put("text", x.text()));
    }
    FactAssumptions.write(out, FactAssumptions.of(request.get("facts"), facts, alternative -> {
      try {
        return List.of(engine.classifier().classify(alternative), engine.assess(alternative, events, now)
            .obligations(now));
      } catch (InvalidInputException e) {
        return e.getMessage();
      }
    }));
    return out;
  }

  private static List<FaultEvent> events(JsonFields request, String faultId) {
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
        throw new InvalidInputException(e.path("type"), type + " is a step of the fault's lifecycle, not accepted here");
      }
      FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(i + 1L).type(type)
          .at(e.requiredTimestamp("at"));
      if (e.has("ruleId")) {
        if (type != FaultEventType.DUTY_COMPLETED) {
          throw new InvalidInputException(e.path("ruleId"), "only a DUTY_COMPLETED event names a rule");
        }
        try {
          b.ruleId(RuleId.of(e.requiredString("ruleId")));
        } catch (InvalidInputException x) {
          throw new InvalidInputException(e.path("ruleId"), x.reason());
        }
      }
      e.optionalInt("dutySequence", 1).ifPresent(b::dutySequence);
      e.string("actorId").ifPresent(b::actorId);
      e.string("note").ifPresent(b::note);
      try {
        out.add(b.build());
      } catch (InvalidInputException x) {
        throw x.under(path);
      }
    }
    return out;
  }
}
