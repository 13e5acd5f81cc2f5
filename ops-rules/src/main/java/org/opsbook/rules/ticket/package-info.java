/**
 * Ordinary complaint-ticket handling (API), TICKET-* and SM-TICKET: the ticket workflow as a declared state
 * machine whose guards name their rules (cause before routing, evidence before external coordination, the day's
 * duty roster, the reviewer alone raising a BUG, raw CDRs compressed and encrypted before mailing …), TICKET-02's
 * daily 12:00 progress-update deadlines, and {@link org.opsbook.rules.internal.ticket.TicketDuties}: the duties a ticket
 * creates (routing TICKET-01, outsourced work TICKET-04, external coordination TICKET-05, the provincial billing
 * hand-off TICKET-07/08, raw CDRs TICKET-09, the escalation trend TICKET-11 with indicators read from the obligations
 * engine's own conditions). An event answers with the core {@link org.opsbook.core.internal.machine.Outcome}: the ticket after
 * it and its audit entry, or every failed guard. Tickets are not stored here.
 */
@OpsStyle
package org.opsbook.rules.ticket;

import org.opsbook.core.internal.style.OpsStyle;
