package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;

/**
 * API: what every family of stored tickets answers, whether it runs a declared state machine ({@link Workflows}) or
 * owes timed duties ({@link DutyWorkflows}): firing an event at a stored ticket and reading the tickets back. The
 * acting person is named by ID and resolved in the directory; times come from the engine's clock. Thread-safe.
 *
 * @param <I> the ticket type
 * @param <E> the event type
 * @param <D> the event data type
 */
public interface TicketFamily<I, E extends Enum<E>, D> {
  /** Applies {@code event} with {@code data} to the stored ticket. */
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
}
