package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;

/**
 * Internal (not API): what a service over one family's {@link WorkflowStore} reads from it; the service adds the
 * family's own steps.
 *
 * @param <I> the instance
 * @param <E> its events
 * @param <D> what an event records
 */
public abstract class StoredWorkflow<I, E extends Enum<E>, D> {
  private final WorkflowStore<I, E, D> store;

  /** Creates the service over {@code store}. */
  protected StoredWorkflow(WorkflowStore<I, E, D> store) {
    this.store = checkNotNull(store, "store");
  }

  /** Returns the store the instances are kept in. */
  public WorkflowStore<I, E, D> store() {
    return store;
  }

  /** Returns the stored instance, if there is one. */
  public Optional<I> find(String id) {
    return store.find(id);
  }

  /** Returns the stored instances, most recently updated first. */
  public List<I> list() {
    return store.list();
  }

  /** Returns one page of the stored instances; see {@link WorkflowStore#page}. */
  public List<I> page(int size, Optional<String> after) {
    return store.page(size, after);
  }

  /** Returns the live stored instances (not in a terminal state), most recently updated first. */
  public List<I> live() {
    return store.live();
  }

  /** Returns the accepted transitions of the instance in order. */
  public List<TransitionRecord> history(String id) {
    return store.history(id);
  }
}
