package org.opsbook.engine;

import java.util.List;
import org.opsbook.core.Obligation;

/**
 * API: a family of stored tickets that owe duties, BUGs ({@link Bugs}) and complaint tickets ({@link Tickets}). Each
 * accepted step is stored with its audit entry; the ticket's timed duties then wait on the engine's duty timers under
 * the subject {@code <family>:<id>} ({@code bug:<id>}, {@code ticket:<id>}) and reach the host's reminder when due.
 * The acting person is named by ID and resolved in the directory; times come from the engine's clock. Thread-safe.
 *
 * @param <I> the ticket
 * @param <E> its events
 * @param <D> what an event records
 */
public interface DutyWorkflows<I, E extends Enum<E>, D> extends TicketFamily<I, E, D> {
  /**
   * Returns the duties the ticket owes now, subject {@code <family>:<id>}.
   *
   * @throws org.opsbook.core.InvalidInputException naming the family's ID field ({@code bugId}, {@code ticketId})
   *     when no ticket has that ID
   */
  List<Obligation> duties(String id);
}
