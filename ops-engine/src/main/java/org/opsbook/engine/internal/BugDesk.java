package org.opsbook.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.opsbook.core.Obligation;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.engine.Bugs;
import org.opsbook.engine.Result;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.internal.bug.BugWorkflow;

/** {@link Bugs} over SM-BUG's store, its duties ({@code BugDuties}) on the engine's timers as {@code bug:<id>}. */
final class BugDesk extends DutyFamily<BugTicket, BugEvent, BugEventData> implements Bugs {
  BugDesk(WorkflowStore<BugTicket, BugEvent, BugEventData> store, ObligationRepository timers, Actors actors,
      Clock clock, BiFunction<BugTicket, Instant, List<Obligation>> duties,
      BiFunction<Obligation, Instant, Optional<Instant>> repeats) {
    // who agreed a notice for each room (BUG-10) are the directory's people, by the IDs they hold
    super(store, timers, actors, clock, "bug", duties, repeats, data -> data.withPeopleFrom(actors::actor));
  }

  @Override
  public Result<BugTicket> raise(String bugId, BugEventData data, String personId) {
    return create((actor, at) -> BugWorkflow.draft(bugId, data, actor, at), personId);
  }
}
