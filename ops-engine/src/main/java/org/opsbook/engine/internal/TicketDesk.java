package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.TimeOrder;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.engine.Result;
import org.opsbook.engine.Tickets;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.ticket.TicketState;

/**
 * {@link Tickets} over SM-TICKET's store, its duties ({@code TicketDuties}) on the engine's timers as
 * {@code ticket:<id>}.
 *
 * <p>Two steps are the system's (SM-TICKET-T10 「when SM-DATAOP-MOD reaches CLOSED」, SM-TICKET-T15 「linked instance
 * resolved」): the engine holds the linked data modification, BUG and fault, so whether they are done is its to say,
 * never the caller's. A step's {@code dataOpClosed} or {@code linkedFlowResolved} is replaced by what the stored flow
 * shows: a ticket goes back to pre-processing or review only once its linked flow is done. For the same reason a
 * ticket is linked only to a flow the engine holds: the escalated fault (TICKET-11), the BUG (TICKET-20), the data
 * modification (TICKET-14); a link to nothing would leave the ticket waiting on a flow that can never end.
 */
final class TicketDesk extends DutyFamily<ComplaintTicket, TicketEvent, TicketEventData> implements Tickets {
  /**
   * The linked flows by ID: empty when the engine holds none with that ID, else whether it is done (the escalated
   * fault repaired, the BUG resolved, the change CLOSED).
   */
  record LinkedFlows(Function<String, Optional<Boolean>> fault, Function<String, Optional<Boolean>> bug,
      Function<String, Optional<Boolean>> dataOp) {
    LinkedFlows {
      checkNotNull(fault, "fault");
      checkNotNull(bug, "bug");
      checkNotNull(dataOp, "dataOp");
    }
  }

  private final LinkedFlows linked;

  TicketDesk(WorkflowStore<ComplaintTicket, TicketEvent, TicketEventData> store, ObligationRepository timers,
      Actors actors, Clock clock, BiFunction<ComplaintTicket, Instant, List<Obligation>> duties,
      BiFunction<Obligation, Instant, Optional<Instant>> repeats, LinkedFlows linked) {
    super(store, timers, actors, clock, "ticket", duties, repeats, UnaryOperator.identity());
    this.linked = checkNotNull(linked, "linked");
  }

  @Override
  public Result<ComplaintTicket> receive(String ticketId, Instant receivedAt, String personId) {
    return create((receiver, now) -> {
      if (!receiver.hasRole(Role.PRE_PROCESSOR) && !receiver.hasRole(Role.OUTSOURCED_AGENT)) {
        throw new InvalidInputException("personId", "tickets are received by the pre-processors (预处理人员负责接收"
            + "并处理…各种工单) or the outsourced agents, not " + Masking.name(receiver.id()), RuleId.of("TICKET-01"));
      }
      if (receivedAt != null && receivedAt.isAfter(now.plus(TimeOrder.DEFAULT_SKEW))) {
        throw new InvalidInputException("receivedAt", "a ticket is received by now (" + now + "), not at "
            + receivedAt + ": its duties (TICKET-02) count from it", TimeOrder.WITHIN_SKEW_OF_CLOCK);
      }
      return ComplaintTicket.received(ticketId, receivedAt);
    }, personId);
  }

  @Override
  public Result<ComplaintTicket> fire(String id, TicketEvent event, String personId, TicketEventData data) {
    return super.fire(id, event, personId, asStored(id, event, data));
  }

  @Override
  public Result<ComplaintTicket> fire(String id, long ifVersion, TicketEvent event, String personId,
      TicketEventData data) {
    return super.fire(id, ifVersion, event, personId, asStored(id, event, data));
  }

  /**
   * The step's data with SM-TICKET-T10's and T15's premise as the stored linked flow shows it; a link is refused when
   * the engine holds no such flow.
   */
  private TicketEventData asStored(String id, TicketEvent event, TicketEventData data) {
    if (data == null) {
      return null;
    }
    switch (event) {
      case ESCALATE -> known(data.faultId(), linked.fault(), "faultId", "fault", "TICKET-11");
      case RAISE_BUG -> known(data.bugId(), linked.bug(), "bugId", "BUG", "TICKET-20");
      case SUBMIT_TO_DATA_MOD_DUTY -> known(data.dataOpId(), linked.dataOp(), "dataOpId", "data modification",
          "TICKET-14");
      default -> { }
    }
    if (event != TicketEvent.DATA_FIX_CLOSED && event != TicketEvent.LINKED_FLOW_RESOLVED) {
      return data;
    }
    Optional<ComplaintTicket> ticket = find(id);
    if (ticket.isEmpty()) {
      return data; // the store refuses a step on no ticket, naming it
    }
    ComplaintTicket t = ticket.get();
    if (event == TicketEvent.DATA_FIX_CLOSED) {
      return data.withDataOpClosed(done(t.linkedDataOpId(), linked.dataOp()));
    }
    boolean done = t.state() == TicketState.IN_BUG_FLOW ? done(t.linkedBugId(), linked.bug())
        : done(t.linkedFaultId(), linked.fault());
    return data.withLinkedFlowResolved(done);
  }

  private static boolean done(Optional<String> id, Function<String, Optional<Boolean>> flows) {
    return id.flatMap(flows).orElse(false);
  }

  /** Refuses a link to a flow the engine does not hold. */
  private static void known(Optional<String> id, Function<String, Optional<Boolean>> flows, String field,
      String what, String rule) {
    if (id.isPresent() && !id.get().isBlank() && flows.apply(id.get()).isEmpty()) {
      throw new InvalidInputException("data." + field, "no " + what + " " + id.get() + " is stored: a ticket is "
          + "linked to a " + what + " the engine holds", RuleId.of(rule));
    }
  }
}
