package org.opsbook.engine;

import java.time.Instant;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * API: ordinary complaint tickets (SM-TICKET) stored with their audit trail (stream {@code ticket:<id>}), and the
 * duties each owes (routing TICKET-01, the daily progress update TICKET-02, the billing hand-off TICKET-07/08 …). A
 * timed duty waits on the engine's duty timers under the subject {@code ticket:<id>} and reaches the host's reminder
 * when due. The day's billing-declaration and data-modification duties come from the builder's
 * {@link OpsEngine.Builder#dutyRoster duty roster}. The acting person is named by ID and resolved in the directory;
 * times come from the engine's clock. Thread-safe.
 */
public interface Tickets extends DutyWorkflows<ComplaintTicket, TicketEvent, TicketEventData> {
  /**
   * Records a ticket received at {@code receivedAt} (in RECEIVED).
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code personId} (TICKET-01) when the person is neither a
   *     pre-processor nor an outsourced agent, and {@code receivedAt} when it lies ahead of the engine's clock
   * @throws org.opsbook.core.ConcurrentUpdateException when a ticket with that ID exists ("T-1 exists already")
   */
  Result<ComplaintTicket> receive(String ticketId, Instant receivedAt, String personId);
}
