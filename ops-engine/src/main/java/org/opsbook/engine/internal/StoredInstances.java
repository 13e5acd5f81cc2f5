package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.opsbook.core.internal.InstanceIds;
import org.opsbook.core.internal.machine.StoredWorkflow;
import org.opsbook.core.internal.machine.WorkflowStore;

/**
 * A stored family as the engine offers it: what it reads from its {@link WorkflowStore}, and what its steps need,
 * the directory's actors and the engine's clock.
 *
 * @param <I> the instance
 * @param <E> its events
 * @param <D> what an event records
 */
abstract class StoredInstances<I, E extends Enum<E>, D> extends StoredWorkflow<I, E, D> {
  final Actors actors;
  final Clock clock;
  private final UnaryOperator<D> people;

  /**
   * Creates the family.
   *
   * @param people puts the people a step's data names as the directory knows them
   */
  StoredInstances(WorkflowStore<I, E, D> store, Actors actors, Clock clock, UnaryOperator<D> people) {
    super(store);
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
    this.people = checkNotNull(people, "people");
  }

  /** Returns the stored instance's version, the number of steps it has taken; empty when none has that ID. */
  public final OptionalLong version(String id) {
    return store().findStored(id).map(s -> OptionalLong.of(s.version())).orElse(OptionalLong.empty());
  }

  /**
   * Returns {@code draft} once its ID, as the host gave it, fits storage and is one line a person can read.
   *
   * @throws org.opsbook.core.InvalidInputException naming the family's ID field when it is longer than
   *     {@link InstanceIds#MAX_LENGTH} or holds what {@link InstanceIds#checkNew} refuses
   */
  final I checkedId(I draft) {
    InstanceIds.checkNew(store().workflow().idField(), store().workflow().idOf(checkNotNull(draft, "draft")));
    return draft;
  }

  /** Returns a step's data with the people it names as the directory knows them, before the step is decided. */
  final D withPeople(D data) {
    return people.apply(checkNotNull(data, "data"));
  }
}
