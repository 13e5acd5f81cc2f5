/**
 * Ordinary complaint-ticket handling (API), TICKET-* and SM-TICKET: the ticket workflow as a declared state
 * machine whose guards name their rules (cause before routing, evidence before external coordination, the day's
 * duty roster, the reviewer alone raising a BUG …), and TICKET-02's daily 12:00 progress-update deadlines. An event
 * answers with the core {@link org.opsbook.core.machine.Outcome}: the ticket after it and its audit entry, or every
 * failed guard. Tickets are not stored here.
 */
@OpsStyle
package org.opsbook.rules.ticket;

import org.opsbook.core.OpsStyle;
