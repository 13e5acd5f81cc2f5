package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  /**
   * As {@link #fire(String, Enum, String, Object)}, only while the ticket is at version {@code ifVersion} (see
   * {@link #version}), checked in one step with the write: a step a host decided on the ticket as it showed it to a
   * person, or a request its network repeats, is written once and never over a colleague's step taken meanwhile. An
   * accepted step leaves the ticket at {@code ifVersion + 1}, a refused one where it was.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when it is at another version (nothing written)
   */
  Result<I> fire(String id, long ifVersion, E event, String personId, D data);

  /**
   * Returns the stored ticket's version: the number of steps it has taken since it was created (0 before the first),
   * which {@link #fire(String, long, Enum, String, Object)} expects; empty when no ticket of the family has that ID.
   */
  OptionalLong version(String id);

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
