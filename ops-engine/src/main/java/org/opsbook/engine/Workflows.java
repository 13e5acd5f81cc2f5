package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Role;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;

/**
 * API: one family of stored tickets on their declared state machine: data modifications (SM-DATAOP-MOD), data
 * extractions (SM-DATAOP-EXT) or cutovers (SM-CUTOVER). Each accepted step is stored with its audit entry; a refusal
 * lists every failed rule and stores nothing. The acting person is named by ID and resolved in the directory (roles,
 * organisation and staff kind); times come from the engine's clock. Thread-safe.
 *
 * @param <I> the ticket type
 * @param <E> the event type
 * @param <D> the event data type
 */
public interface Workflows<I, E extends Enum<E>, D> {
  /** Stores a new ticket. */
  Result<I> create(I draft, String personId);

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

  /**
   * Returns the steps the declared machine allows the stored ticket from its current state, in declaration order;
   * empty for a finished or unknown ticket. Whether a step is accepted still depends on its guards.
   */
  List<NextStep> nextSteps(String id);

  /**
   * A step a ticket may take next.
   *
   * @param event the event's public name, e.g. {@code passReview}
   * @param to the state it leads to; empty when the event's data chooses
   * @param roles the roles that may take it; empty means anyone
   */
  record NextStep(String event, Optional<String> to, Set<Role> roles) {
    /** Copies the roles. */
    public NextStep {
      to = java.util.Objects.requireNonNull(to, "to");
      roles = Set.copyOf(roles);
    }
  }
}
