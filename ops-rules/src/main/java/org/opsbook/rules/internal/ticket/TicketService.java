package org.opsbook.rules.internal.ticket;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.internal.machine.StoredWorkflow;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.internal.ticket.TicketWorkflow;

/**
 * Keeps complaint tickets in the host's {@link WorkflowRepository} (machine {@code SM-TICKET}) through the core
 * {@code WorkflowStore}, like every declared workflow: each accepted event is stored with its transition record and
 * its audit entry in one atomic call; a refused event stores nothing. Thread-safe when the repository and codec are.
 *
 * <pre>{@code
 * TicketService tickets = new TicketService(repository, codec, new TicketWorkflow(roster, zone), clock);
 * tickets.receive("T-1", receivedAt, preProcessor, now);
 * Outcome<ComplaintTicket> o = tickets.fire("T-1", TicketEvent.ACCEPT, preProcessor, TicketEventData.empty(), now);
 * }</pre>
 */
public final class TicketService extends StoredWorkflow<ComplaintTicket, TicketEvent, TicketEventData> {
  /** Creates the service; steps are checked against {@code clock} (OPS-TIME-03). */
  public TicketService(WorkflowRepository repository, WorkflowCodec<ComplaintTicket, TicketEventData> codec,
      TicketWorkflow workflow, Clock clock) {
    super(new WorkflowStore<>(checkNotNull(repository, "repository"), checkNotNull(workflow, "workflow"),
        checkNotNull(codec, "codec"), checkNotNull(clock, "clock")));
  }

  /**
   * Records a ticket received at {@code receivedAt} (in RECEIVED) and stores it.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when a workflow instance with that ID exists
   */
  public Outcome<ComplaintTicket> receive(String ticketId, Instant receivedAt, Actor actor, Instant at) {
    return store().create(ComplaintTicket.received(ticketId, receivedAt), actor, at);
  }

  /**
   * Applies {@code event} to the stored ticket and stores the result when accepted.
   *
   * @throws InvalidInputException naming {@code ticketId} when no ticket has that ID
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the ticket meanwhile
   */
  public Outcome<ComplaintTicket> fire(String ticketId, TicketEvent event, Actor actor, TicketEventData data,
      Instant at) {
    return store().fire(ticketId, event, actor, data, at);
  }
}
