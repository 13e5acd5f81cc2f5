package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.PersonIds;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.DutyRoster;
import org.opsbook.rules.internal.ticket.TicketDuties;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.internal.ticket.TicketWorkflow;

/**
 * The {@code ticket} command of the decision API: an ordinary complaint ticket's course through SM-TICKET
 * (rules-catalog §4) step by step. Request: {@code ticket} ({@code ticketId}, {@code receivedAt}: the ticket exists
 * in {@code RECEIVED} from then), {@code steps}, and optional {@code roster} (who holds the day's billing-declaration
 * and data-modification duty: {@code [{"role", "date", "personId"}]}, TICKET-13/14), {@code calendar} (the days
 * TICKET-02 counts, the zone "today" is read in) and {@code now}. Answer: per step the state, {@code violations} and
 * {@code details}; the final state and the duties the ticket owes at {@code now} (default: the last step's time, else
 * {@code receivedAt}) as {@code obligations}. Thread-safe.
 */
public final class TicketCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("ticket", "steps", "roster", "calendar", "now");
  private static final Set<String> TICKET_FIELDS = Set.of("ticketId", "receivedAt");
  private static final Set<String> ROSTER_FIELDS = Set.of("role", "date", "personId");
  /** What a step states for its guards without the ticket recording it. */
  private static final Map<TicketEvent, Set<String>> CONFIRMS = Map.of(
      TicketEvent.AMS_REPLY_REVIEWED, Set.of("amsReplyReviewed"),
      TicketEvent.EXTERNAL_RESULT_CONFIRMED, Set.of("next"),
      TicketEvent.PROVINCIAL_REPLY_REVIEWED, Set.of("provincialReplyReviewed"),
      TicketEvent.DATA_FIX_CLOSED, Set.of("dataOpClosed"),
      TicketEvent.LINKED_FLOW_RESOLVED, Set.of("linkedFlowResolved"));

  private final OpsParameters params;

  /** Creates the command with the catalog §15 defaults. */
  public TicketCommand() {
    this(OpsParameters.defaults());
  }

  /** Creates the command with {@code params}. */
  public TicketCommand(OpsParameters params) {
    this.params = checkNotNull(params, "params");
  }

  @Override
  public String name() {
    return "ticket";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    JsonFields t = f.object("ticket", TICKET_FIELDS);
    String ticketId = t.requiredString("ticketId");
    ComplaintTicket received = ComplaintTicket.received(ticketId, t.requiredTimestamp("receivedAt"));
    StandardWorkCalendar calendar = WorkCalendarJson.read(f, "calendar");
    TicketWorkflow workflow = new TicketWorkflow(roster(f), calendar.zone());
    StepRun<ComplaintTicket, TicketEvent, TicketEventData> steps = new StepRun<>(new Family(workflow));
    StepRun.Run<ComplaintTicket> run = steps.run(received, steps.read(f));
    ObjectNode out = OpsJson.object();
    out.set("steps", run.results());
    out.put("finalState", run.last().state().name());
    Instant now = StepRun.now(f, run.lastAt(), received.receivedAt());
    StepRun.writeDuties(out, TicketDuties.of(run.last(), now, params, calendar), calendar.zone());
    return out;
  }

  /** Reads the optional roster: who holds a duty on a date; one person per role and date. */
  private static DutyRoster roster(JsonFields request) {
    Map<Role, Map<LocalDate, String>> byRole = new HashMap<>();
    List<JsonNode> entries = request.array("roster");
    for (int i = 0; i < entries.size(); i++) {
      JsonFields e = JsonFields.of(entries.get(i), JsonFields.element(request.path("roster"), i), ROSTER_FIELDS);
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

  /** SM-TICKET as a family of steps. */
  private record Family(TicketWorkflow workflow)
      implements StepRun.Family<ComplaintTicket, TicketEvent, TicketEventData> {
    @Override
    public TicketEvent event(String name, String path) {
      return TicketEvent.fromName(name, path);
    }

    @Override
    public String eventName(TicketEvent event) {
      return event.eventName();
    }

    @Override
    public Set<String> dataFields(TicketEvent event) {
      return StepRun.dataFields(workflow.table(), event, CONFIRMS.getOrDefault(event, Set.of()),
          TicketJson.EVENT.names());
    }

    @Override
    public TicketEventData data(JsonFields data, TicketEvent event) {
      return TicketJson.EVENT.read(data);
    }

    @Override
    public Outcome<ComplaintTicket> apply(ComplaintTicket t, TicketEvent event, Actor actor, TicketEventData data,
        Instant at) {
      return workflow.apply(t, event, actor, data, at);
    }

    @Override
    public String state(ComplaintTicket t) {
      return t.state().name();
    }
  }
}
