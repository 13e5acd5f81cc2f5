package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.internal.esc.EscWorkflow;

/**
 * The {@code fault} command of the decision API: a fault's lifecycle (SM-ESC, rules-catalog §7.3) step by step, with
 * A/B ownership, handover, repair, relapse and close. Request: {@code facts} (the fault's first facts, as
 * {@code classify} reads them), {@code steps} and optional {@code faultId}, {@code calendar} and {@code now}. The
 * first step is normally {@code openFault}, which takes {@code facts} unless its data brings its own; a step may bring
 * new facts in {@code data.facts}. Answer: per step the state, {@code violations} and {@code details}; the final
 * state, the owner, the current level, and the {@code obligations} open at {@code now} (default: the last step's
 * time), as the {@code obligations} command writes them. A step dated before the one it follows is invalid input
 * naming {@code steps[i].at}. Thread-safe.
 */
public final class FaultCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("faultId", "facts", "steps", "calendar", "now");

  private final ObligationEngine engine;

  /** Creates the command with the catalog defaults and the Monday-to-Friday calendar. */
  public FaultCommand() {
    this(ObligationEngine.standard());
  }

  /** Creates the command over {@code engine}. */
  public FaultCommand(ObligationEngine engine) {
    this.engine = checkNotNull(engine, "engine");
  }

  @Override
  public String name() {
    return "fault";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    FaultFacts facts = FaultFactsJson.read(f.object("facts", FaultFactsJson.FIELDS));
    String faultId = f.string("faultId").orElse(facts.faultId().orElse("fault"));
    ObligationEngine rules = f.has("calendar")
        ? new ObligationEngine(engine.parameters(), WorkCalendarJson.read(f, "calendar")) : engine;
    StepRun<FaultTracker, EscEvent, EscEventData> steps = new StepRun<>(new Lifecycle(facts));
    StepRun.Run<FaultTracker> run = steps.run(rules.replay(faultId, java.util.List.of()), steps.read(f));
    FaultTracker fault = run.last();
    Instant now = StepRun.now(f, run.lastAt(), facts.detectedAt().orElse(Instant.EPOCH));
    ObjectNode out = OpsJson.object();
    out.set("steps", run.results());
    out.put("finalState", state(fault));
    ObjectNode owner = fault.lifecycle().flatMap(EscFault::ownership).map(o -> {
      ObjectNode n = OpsJson.object();
      n.put("handler", o.handler().name());
      n.put("id", o.id());
      return n;
    }).orElse(null);
    out.set("owner", owner);
    out.put("level", fault.currentLevel().name());
    StepRun.writeDuties(out, fault.lifecycle().isPresent() ? fault.obligations(now) : java.util.List.of(),
        rules.calendar().zone());
    return out;
  }

  private static String state(FaultTracker fault) {
    return fault.lifecycle().map(EscFault::state).orElse(EscState.NEW).name();
  }

  /** SM-ESC as a family of steps; {@code openFault} takes the request's facts unless its data has its own. */
  private record Lifecycle(FaultFacts facts) implements StepRun.Family<FaultTracker, EscEvent, EscEventData> {
    @Override
    public EscEvent event(String name, String path) {
      return StepRun.byName(EscEvent.values(), EscEvent::eventName, name, path, EscWorkflow.MACHINE_ID);
    }

    @Override
    public String eventName(EscEvent event) {
      return event.eventName();
    }

    @Override
    public Set<String> dataFields(EscEvent event) {
      return EscWorkflow.recordedFields(event);
    }

    @Override
    public EscEventData data(JsonFields data, EscEvent event) {
      EscEventData.Builder b = EscCodec.DATA.newBuilder();
      EscCodec.DATA.readInto(data, b);
      if (event == EscEvent.OPEN_FAULT && !data.has("facts")) {
        b.facts(facts);
      }
      return EscCodec.DATA.build(b, data.path());
    }

    @Override
    public Outcome<FaultTracker> apply(FaultTracker fault, EscEvent event, Actor actor, EscEventData data,
        Instant at) {
      return fault.step(event, data, actor, at);
    }

    @Override
    public String state(FaultTracker fault) {
      return FaultCommand.state(fault);
    }
  }
}
