package org.opsbook.engine.internal;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;
import org.opsbook.engine.Bugs;
import org.opsbook.engine.Result;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.internal.bug.BugWorkflow;

/** {@link Bugs} over SM-BUG's store, its duties ({@code BugDuties}) on the engine's timers as {@code bug:<id>}. */
final class BugDesk implements Bugs {
  private final DutyFamily<BugTicket, BugEvent, BugEventData> family;

  BugDesk(DutyFamily<BugTicket, BugEvent, BugEventData> family) {
    this.family = family;
  }

  @Override
  public Result<BugTicket> raise(String bugId, BugEventData data, String personId) {
    return family.create((actor, at) -> BugWorkflow.draft(bugId, data, actor, at), personId);
  }

  @Override
  public Result<BugTicket> fire(String bugId, BugEvent event, String personId, BugEventData data) {
    return family.fire(bugId, event, personId, data);
  }

  @Override
  public Optional<BugTicket> find(String bugId) {
    return family.find(bugId);
  }

  @Override
  public List<BugTicket> list() {
    return family.list();
  }

  @Override
  public List<Obligation> duties(String bugId) {
    return family.duties(bugId);
  }
}
