package org.opsbook.rules.internal.ticket;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of TICKET-02's daily progress duty for a ticket.
 *
 * @param date the day {@code d}
 * @param deadline {@code d} at the daily update time (12:00), inclusive (TIME-08)
 * @param required the ticket was still open at the deadline: {@code closedAt == null OR closedAt > deadline}
 * @param satisfied an update was written on {@code d} at or before the deadline
 * @param breached required, not satisfied, and the deadline has passed
 */
record ProgressDay(LocalDate date, Instant deadline, boolean required, boolean satisfied, boolean breached) {}
