package org.opsbook.engine.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.machine.Workflow;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.engine.Result;
import org.opsbook.engine.Workflows;

/**
 * {@link Workflows} over one family's {@link WorkflowStore}. A new instance is created from a draft that records
 * nothing yet: its steps (an approval, an arrival …) are recorded by firing them, each with its guards and its audit
 * entry, never carried in by the draft.
 */
final class StoredFamily<I, E extends Enum<E>, D> extends StoredInstances<I, E, D> implements Workflows<I, E, D> {
  private final UnaryOperator<I> newDraft;
  private final String draftMethod;

  /**
   * Creates the family.
   *
   * @param newDraft the family's new draft with the same ID and stated facts as the one given (nothing recorded)
   * @param draftMethod how a host builds that draft, for the error, e.g. {@code DataOpTicket.draft(id, op)}
   */
  StoredFamily(WorkflowStore<I, E, D> store, Actors actors, Clock clock, UnaryOperator<D> people,
      UnaryOperator<I> newDraft, String draftMethod) {
    super(store, actors, clock, people);
    this.newDraft = newDraft;
    this.draftMethod = draftMethod;
  }

  @Override
  public Result<I> create(I draft, String personId) {
    I checked = checkedId(draft);
    if (!checked.equals(newDraft.apply(checked))) {
      throw new InvalidInputException("draft", "a new instance records nothing yet: build it with " + draftMethod
          + "; an approval, an arrival or any other step is recorded by firing it, with its guards and audit entry");
    }
    return Results.of(store().create(checked, actors.actor(personId), clock.instant()));
  }

  @Override
  public Result<I> fire(String id, E event, String personId, D data) {
    var actor = actors.actor(personId);
    return Results.of(store().fire(id, event, actor, withPeople(data), clock.instant()));
  }

  @Override
  public Result<I> fire(String id, long ifVersion, E event, String personId, D data) {
    var actor = actors.actor(personId);
    return Results.of(store().fire(id, ifVersion, event, actor, withPeople(data), clock.instant()));
  }

  @Override
  public List<NextStep> nextSteps(String id) {
    Workflow<I, E, D> w = store().workflow();
    return store().find(id).map(i -> w.transitionsFrom(w.stateOf(i)).stream()
        .map(t -> new NextStep(w.eventName(t.event()), Optional.ofNullable(t.to()).map(Enum::name), t.roles()))
        .toList()).orElse(List.of());
  }
}
