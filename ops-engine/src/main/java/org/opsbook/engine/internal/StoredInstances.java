package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
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

  StoredInstances(WorkflowStore<I, E, D> store, Actors actors, Clock clock) {
    super(store);
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
  }
}
