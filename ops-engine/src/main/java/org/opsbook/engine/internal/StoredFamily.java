package org.opsbook.engine.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opsbook.core.internal.machine.Workflow;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.engine.Result;
import org.opsbook.engine.Workflows;

/** {@link Workflows} over one family's {@link WorkflowStore}. */
final class StoredFamily<I, E extends Enum<E>, D> extends StoredInstances<I, E, D> implements Workflows<I, E, D> {
  StoredFamily(WorkflowStore<I, E, D> store, Actors actors, Clock clock, UnaryOperator<D> people) {
    super(store, actors, clock, people);
  }

  @Override
  public Result<I> create(I draft, String personId) {
    return Results.of(store().create(checkedId(draft), actors.actor(personId), clock.instant()));
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
