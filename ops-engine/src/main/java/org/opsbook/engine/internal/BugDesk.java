package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.engine.Bugs;
import org.opsbook.engine.Result;
import org.opsbook.rules.bug.BugDuties;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugWorkflow;

/** {@link Bugs} over SM-BUG's {@link WorkflowStore} and {@link BugDuties}. */
final class BugDesk implements Bugs {
  private final WorkflowStore<BugTicket, BugEvent, BugEventData> store;
  private final Actors actors;
  private final Clock clock;
  private final OpsParameters parameters;
  private final ZoneId zone;

  BugDesk(WorkflowStore<BugTicket, BugEvent, BugEventData> store, Actors actors, Clock clock, OpsParameters parameters,
      ZoneId zone) {
    this.store = checkNotNull(store, "store");
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
    this.parameters = checkNotNull(parameters, "parameters");
    this.zone = checkNotNull(zone, "zone");
  }

  @Override
  public Result<BugTicket> raise(String bugId, BugEventData data, String personId) {
    var actor = actors.actor(personId);
    var at = clock.instant();
    return Results.of(store.create(BugWorkflow.draft(bugId, data, actor, at), actor, at));
  }

  @Override
  public Result<BugTicket> fire(String bugId, BugEvent event, String personId, BugEventData data) {
    return Results.of(store.fire(bugId, event, actors.actor(personId), data, clock.instant()));
  }

  @Override
  public Optional<BugTicket> find(String bugId) {
    return store.find(bugId);
  }

  @Override
  public List<BugTicket> list() {
    return store.list();
  }

  @Override
  public List<Obligation> duties(String bugId) {
    BugTicket bug = store.find(bugId).orElseThrow(() -> new InvalidInputException("bugId", "no BUG " + bugId));
    return BugDuties.of(bug, clock.instant(), parameters, zone);
  }
}
