package org.opsbook.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.engine.Result;
import org.opsbook.engine.Tickets;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * {@link Tickets} over SM-TICKET's store, its duties ({@code TicketDuties}) on the engine's timers as
 * {@code ticket:<id>}.
 */
final class TicketDesk implements Tickets {
  private final DutyFamily<ComplaintTicket, TicketEvent, TicketEventData> family;

  TicketDesk(DutyFamily<ComplaintTicket, TicketEvent, TicketEventData> family) {
    this.family = family;
  }

  @Override
  public Result<ComplaintTicket> receive(String ticketId, Instant receivedAt, String personId) {
    return family.create((actor, at) -> ComplaintTicket.received(ticketId, receivedAt), personId);
  }

  @Override
  public Result<ComplaintTicket> fire(String ticketId, TicketEvent event, String personId, TicketEventData data) {
    return family.fire(ticketId, event, personId, data);
  }

  @Override
  public Optional<ComplaintTicket> find(String ticketId) {
    return family.find(ticketId);
  }

  @Override
  public List<ComplaintTicket> list() {
    return family.list();
  }

  @Override
  public List<TransitionRecord> history(String ticketId) {
    return family.history(ticketId);
  }

  @Override
  public List<Obligation> duties(String ticketId) {
    return family.duties(ticketId);
  }
}
