package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.internal.machine.Decision;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.internal.bug.BugDuties;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.internal.bug.BugWorkflow;

/**
 * The {@code bug} command of the decision API: a BUG's course through SM-BUG (rules-catalog §11) step by step.
 * Request: optional {@code bugId} (default {@code BUG}), {@code steps}, and optional {@code calendar} and
 * {@code now}. The first step is {@code raiseBug} (SM-BUG-T01), which creates the BUG; any other step before it is
 * refused, the BUG still in {@code NEW}. Answer: per step the state, {@code violations} and {@code details}; the
 * final state and the duties the BUG owes at {@code now} (default: the last step's time) as {@code obligations}
 * (BUG-02/08 weekly, BUG-03, -04, -05, -06, -07, -13), none before it is raised. Thread-safe.
 */
public final class BugCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("bugId", "steps", "calendar", "now");

  private final OpsParameters params;

  /** Creates the command with the catalog §15 defaults. */
  public BugCommand() {
    this(OpsParameters.defaults());
  }

  /** Creates the command with {@code params}. */
  public BugCommand(OpsParameters params) {
    this.params = checkNotNull(params, "params");
  }

  @Override
  public String name() {
    return "bug";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    String bugId = f.string("bugId").orElse("BUG");
    StandardWorkCalendar calendar = WorkCalendarJson.read(f, "calendar");
    StepRun<Bug, BugEvent, BugEventData> steps = new StepRun<>(new Family(bugId, new BugWorkflow(params)));
    StepRun.Run<Bug> run = steps.run(new Bug(null), steps.read(f));
    BugTicket bug = run.last().bug();
    ObjectNode out = OpsJson.object();
    out.set("steps", run.results());
    out.put("finalState", run.last().state().name());
    Instant now = StepRun.now(f, run.lastAt(), Instant.EPOCH);
    StepRun.writeDuties(out, bug == null ? List.of() : BugDuties.of(bug, now, params, calendar.zone()),
        calendar.zone());
    return out;
  }

  /** A BUG, or none before it is raised. */
  private record Bug(BugTicket bug) {
    BugState state() {
      return bug == null ? BugState.NEW : bug.state();
    }
  }

  /** SM-BUG as a family of steps: {@code raiseBug} creates the BUG. */
  private record Family(String bugId, BugWorkflow workflow) implements StepRun.Family<Bug, BugEvent, BugEventData> {
    @Override
    public BugEvent event(String name, String path) {
      return BugEvent.fromName(name, path);
    }

    @Override
    public String eventName(BugEvent event) {
      return event.eventName();
    }

    @Override
    public Set<String> dataFields(BugEvent event) {
      return StepRun.dataFields(workflow.table(), event, Set.of(), BugJson.EVENT.names());
    }

    @Override
    public BugEventData data(JsonFields data, BugEvent event) {
      return BugJson.EVENT.read(data);
    }

    @Override
    public Outcome<Bug> apply(Bug b, BugEvent event, Actor actor, BugEventData data, Instant at) {
      if (b.bug() != null) {
        Outcome<BugTicket> o = workflow.apply(b.bug(), event, actor, data, at);
        return new Outcome<>(new Bug(o.instance()), o.transitionId(), o.violations(), o.audit());
      }
      if (event == BugEvent.RAISE_BUG) {
        Outcome<BugTicket> o = workflow.raise(bugId, data, actor, at);
        return new Outcome<>(o.isAccepted() ? new Bug(o.instance()) : b, o.transitionId(), o.violations(),
            o.audit());
      }
      // only raiseBug leaves NEW: the table names the transition the event needs
      Decision<BugState> d = workflow.table().decide(BugState.NEW, event, actor, null);
      return Outcome.refused(b, d.transitionId(), d.violations());
    }

    @Override
    public String state(Bug b) {
      return b.state().name();
    }
  }
}
