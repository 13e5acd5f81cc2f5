package org.opsbook.core.internal.machine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Actor;

/**
 * A workflow over immutable instances: creating an instance and applying an event each return an {@link Outcome},
 * the new instance with its one audit entry or a refusal listing every failed guard. Implementations are pure (no
 * I/O, no clock) and thread-safe; {@link WorkflowStore} persists what they decide.
 *
 * @param <I> the instance type (a data-operation ticket, a cutover …)
 * @param <E> the event type
 * @param <D> the data an event records
 */
public interface Workflow<I, E extends Enum<E>, D> {
  /** The machine's name, e.g. {@code SM-DATAOP-MOD}; also the stored instances' machine. */
  String machine();

  /** Returns the instance's ID. */
  String idOf(I instance);

  /** Returns the name of the instance's state. */
  String stateOf(I instance);

  /** Returns the public name of an event, e.g. {@code passReview}. */
  String eventName(E event);

  /**
   * Returns the transitions declared from the state named {@code state}, in declaration order: the steps an instance
   * there may take next. Empty from a terminal or unknown state, and for a workflow without a declared table.
   */
  default List<? extends Transition<?, E, ?>> transitionsFrom(String state) {
    return List.of();
  }

  /**
   * Returns the names of the states an instance is still live in (every declared state but the terminal ones), or
   * empty for a workflow without a declared table, whose every instance then counts as live.
   */
  default Optional<Set<String>> liveStates() {
    return Optional.empty();
  }

  /**
   * Returns the name hosts know an instance's ID by, e.g. {@code bugId}: an error about an unknown instance names
   * it. {@code instanceId} unless a workflow says otherwise.
   */
  default String idField() {
    return "instanceId";
  }

  /**
   * Starts an instance from {@code draft}.
   *
   * @param draft the instance as the host describes it
   * @param actor who creates it
   * @param at when
   * @return the created instance with its first audit entry, or a refusal
   */
  Outcome<I> create(I draft, Actor actor, Instant at);

  /**
   * Applies {@code event} fired by {@code actor} with {@code data} at {@code at}.
   *
   * @return the new instance with its audit entry, or a refusal listing every failed guard
   * @throws org.opsbook.core.InvalidInputException when the event lacks data it must record, or does not belong to
   *     this machine; nothing is changed
   */
  Outcome<I> apply(I instance, E event, Actor actor, D data, Instant at);
}
