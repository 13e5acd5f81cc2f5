package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;

/**
 * What every stored family reads from its {@link WorkflowStore}, and what its steps need: the directory's actors and
 * the engine's clock.
 *
 * @param <I> the instance
 * @param <E> its events
 * @param <D> what an event records
 */
abstract class StoredInstances<I, E extends Enum<E>, D> {
  final WorkflowStore<I, E, D> store;
  final Actors actors;
  final Clock clock;

  StoredInstances(WorkflowStore<I, E, D> store, Actors actors, Clock clock) {
    this.store = checkNotNull(store, "store");
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
  }

  /** Returns the stored instance, if any. */
  public Optional<I> find(String id) {
    return store.find(id);
  }

  /** Returns every stored instance. */
  public List<I> list() {
    return store.list();
  }

  /** Returns the instance's transitions. */
  public List<TransitionRecord> history(String id) {
    return store.history(id);
  }
}
