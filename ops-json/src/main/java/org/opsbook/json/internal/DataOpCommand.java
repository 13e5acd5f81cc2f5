package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.dataop.Batch;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.OpType;

/**
 * The {@code dataop} command of the decision API: an {@code operation} (the facts of catalog §2.7) and
 * {@code steps} ({@code event}, {@code at}, {@code actor}, {@code data}) in; per step whether it was allowed, the
 * state after it and every failed guard's rule ID, plus the batch classification (DATAOP-DEF-02) and the final
 * state, out. Steps apply in order; a refused step changes nothing and the next is tried from the same state.
 *
 * <p>An event of the other machine, an unknown event or role, a data field the event does not record, a missing
 * value the event must record, or a timestamp without an offset is invalid input naming its path (for example
 * {@code steps[2].event}). An optional {@code calendar} ({@code holidays}, {@code workdays}) sets the working days
 * of the peak-hour ban (DATAOP-EXT-04). A {@code QUERY_ONLY} operation has no workflow (DATAOP-DEF-04), nor has a
 * modification of an {@code OTHER} system when the host turned {@code dataOpApplyToOtherSystems} off
 * (DATAOP-DEF-05): either answers no steps and a null final state, and steps for it are invalid input. Thread-safe.
 */
public final class DataOpCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("operation", "steps", "calendar");

  private final OpsParameters params;

  /** Creates the command with the catalog §15 defaults. */
  public DataOpCommand() {
    this(OpsParameters.defaults());
  }

  /** Creates the command with {@code params}. */
  public DataOpCommand(OpsParameters params) {
    this.params = checkNotNull(params, "params");
  }

  @Override
  public String name() {
    return "dataop";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    DataOp op = DataOpJson.readOperation(f.node("operation").orElse(null), "operation");
    StandardWorkCalendar calendar = WorkCalendarJson.read(f, "calendar");
    List<JsonNode> stepNodes = f.array("steps");
    if (op.opType() == OpType.QUERY_ONLY) {
      return noWorkflow(stepNodes, "a query that exports nothing has no workflow", "DATAOP-DEF-04");
    }
    DataOpWorkflow wf = DataOpWorkflow.of(op.opType(), params, calendar);
    if (!wf.governs(op)) {
      return noWorkflow(stepNodes, "the modification rules do not apply to an OTHER system on this host "
          + "(dataOpApplyToOtherSystems is off)", "DATAOP-DEF-05");
    }
    StepRun<DataOpTicket, DataOpEvent, DataOpEventData> steps = new StepRun<>(new Family(wf));
    StepRun.Run<DataOpTicket> run = steps.run(DataOpTicket.draft(op.ticketNo().orElse("dataop"), op), steps.read(f));
    DataOpTicket ticket = run.last();
    ObjectNode out = OpsJson.object();
    writeBatch(out, ticket);
    out.set("steps", run.results());
    out.put("finalState", ticket.state().name());
    // advisory rules that apply to the ticket as it ends (DATAOP-MOD-07, DATAOP-MOD-17), in the manual's words
    java.util.SortedMap<RuleId, String> advice = wf.advice(ticket);
    if (!advice.isEmpty()) {
      ArrayNode a = out.putArray("advice");
      advice.forEach((id, text) -> a.addObject().put("ruleId", id.value()).put("text", text));
    }
    return out;
  }

  /** The answer for an operation no workflow governs; steps for it are invalid input naming {@code rule}. */
  private static ObjectNode noWorkflow(List<JsonNode> stepNodes, String why, String rule) {
    if (!stepNodes.isEmpty()) {
      throw new InvalidInputException("steps", why, RuleId.of(rule));
    }
    ObjectNode out = OpsJson.object();
    out.put("batch", false);
    out.putArray("batchReasons");
    out.putArray("steps");
    out.putNull("finalState");
    return out;
  }

  /**
   * A modification's batch flag is DATAOP-DEF-02 on the effective record count (actual once executed). For an
   * extraction the manual's 「大批量数据提取」 is the large extraction of DATAOP-EXT-04.
   */
  private void writeBatch(ObjectNode out, DataOpTicket ticket) {
    if (ticket.op().opType() == OpType.MODIFICATION) {
      Batch b = Batch.of(ticket, params);
      out.put("batch", b.isBatch());
      out.set("batchReasons", OpsJson.ruleIds(b.reasons()));
      return;
    }
    int rows = ticket.record().actualRowCount().orElse(ticket.estimatedRowCount());
    boolean large = rows > params.extractionLargeRows();
    out.put("batch", large);
    out.set("batchReasons", large ? OpsJson.ruleIds(List.of(ExtractionWindow.EXT_04)) : OpsJson.array());
  }

  /** SM-DATAOP-MOD or SM-DATAOP-EXT as a family of steps; a run into the peak hours is recorded, not refused. */
  private record Family(DataOpWorkflow wf) implements StepRun.Family<DataOpTicket, DataOpEvent, DataOpEventData> {
    @Override
    public DataOpEvent event(String name, String path) {
      DataOpEvent event = DataOpEvent.fromName(name, path);
      if (!wf.events().contains(event)) {
        throw new InvalidInputException(path, event.eventName() + " is not an event of " + wf.machine());
      }
      return event;
    }

    @Override
    public String eventName(DataOpEvent event) {
      return event.eventName();
    }

    @Override
    public Set<String> dataFields(DataOpEvent event) {
      return wf.recordedFields(event);
    }

    @Override
    public DataOpEventData data(JsonFields data, DataOpEvent event) {
      return DataOpJson.DATA.read(data);
    }

    @Override
    public Outcome<DataOpTicket> apply(DataOpTicket ticket, DataOpEvent event, Actor actor, DataOpEventData data,
        Instant at) {
      return wf.apply(ticket, event, actor, data, at);
    }

    @Override
    public String state(DataOpTicket ticket) {
      return ticket.state().name();
    }

    /** A run reported after it went into the peak hours (DATAOP-EXT-04), dated by the step's time. */
    @Override
    public List<Violation> recorded(DataOpTicket before, DataOpTicket after,
        StepRun.Step<DataOpEvent, DataOpEventData> step) {
      return ViolationDetails.recorded(DataOpWorkflow.newlyRecordedViolations(before, after), "at");
    }
  }
}
