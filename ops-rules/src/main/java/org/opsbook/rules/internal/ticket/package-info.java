/**
 * Complaint-ticket handling's implementation (internal): the duties a ticket creates
 * ({@link org.opsbook.rules.internal.ticket.TicketDuties}), TICKET-02's daily progress deadlines, and the service that
 * keeps tickets in a {@link org.opsbook.core.spi.WorkflowRepository}. Not API: hosts reach tickets through the
 * engine's {@code tickets()}; library modules may use it, hosts and examples may not.
 */
@OpsStyle
package org.opsbook.rules.internal.ticket;

import org.opsbook.core.internal.style.OpsStyle;
