package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;

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
public interface DutyWorkflows<I, E extends Enum<E>, D> {
  /** Applies {@code event} to the stored ticket. */
  Result<I> fire(String id, E event, String personId, D data);

  /** Returns the ticket, if stored. */
  Optional<I> find(String id);

  /** Returns every ticket of the family, most recently updated first. */
  List<I> list();

  /**
   * Returns the tickets still open (in a state that is not terminal), most recently updated first. What a dashboard
   * shows as the work at hand: the finished history is not read, so the cost stays flat as the years pile up.
   */
  List<I> live();

  /**
   * Returns one page of the family's tickets in the order of {@link #list}: at most {@code size}, after the ticket
   * {@code after} when given (the last ticket of the page before). A page costs its own rows, however long the
   * history.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code size} when it is not positive, or {@code after}
   *     when no ticket of that ID is stored
   */
  List<I> page(int size, Optional<String> after);


  /** Returns the ticket's transitions. */
  List<TransitionRecord> history(String id);

  /**
   * Returns the duties the ticket owes now, subject {@code <family>:<id>}.
   *
   * @throws org.opsbook.core.InvalidInputException naming the family's ID field ({@code bugId}, {@code ticketId})
   *     when no ticket has that ID
   */
  List<Obligation> duties(String id);
}
