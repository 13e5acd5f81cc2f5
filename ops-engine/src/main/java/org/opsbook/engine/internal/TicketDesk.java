package org.opsbook.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.opsbook.core.Obligation;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.engine.Result;
import org.opsbook.engine.Tickets;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import java.util.function.UnaryOperator;

/**
 * {@link Tickets} over SM-TICKET's store, its duties ({@code TicketDuties}) on the engine's timers as
 * {@code ticket:<id>}.
 */
final class TicketDesk extends DutyFamily<ComplaintTicket, TicketEvent, TicketEventData> implements Tickets {
  TicketDesk(WorkflowStore<ComplaintTicket, TicketEvent, TicketEventData> store, ObligationRepository timers,
      Actors actors, Clock clock, BiFunction<ComplaintTicket, Instant, List<Obligation>> duties) {
    super(store, timers, actors, clock, "ticket", duties, UnaryOperator.identity());
  }

  @Override
  public Result<ComplaintTicket> receive(String ticketId, Instant receivedAt, String personId) {
    return create((actor, at) -> ComplaintTicket.received(ticketId, receivedAt), personId);
  }
}
