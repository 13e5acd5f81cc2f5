package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Role;

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
public interface Workflows<I, E extends Enum<E>, D> extends TicketFamily<I, E, D> {
  /** Stores a new ticket. */
  Result<I> create(I draft, String personId);

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
