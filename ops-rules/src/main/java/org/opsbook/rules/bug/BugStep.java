package org.opsbook.rules.bug;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.machine.Decision;
import org.opsbook.core.machine.Outcome;

/**
 * The outcome of one SM-BUG event: the machine's decision, and when it was accepted the BUG after it and the audit
 * entry to seal; a refusal carries every failed guard and changes nothing. It is the workflow's {@link Outcome} with
 * the states before and after beside it.
 *
 * @param event the event
 * @param decision the decision: states, transition and violations
 * @param bug the BUG after the event when accepted, or as it was when refused (empty for a refused raise)
 * @param audit the audit entry of an accepted event
 */
public record BugStep(BugEvent event, Decision<BugState> decision, Optional<BugTicket> bug,
    Optional<AuditEntry> audit) {
  /**
   * Returns the step of an outcome of {@code event} decided in state {@code before}; a refused raise (from
   * {@link BugState#NEW}) has no BUG.
   */
  static BugStep of(BugEvent event, BugState before, Outcome<BugTicket> o) {
    BugState after = o.isAccepted() ? o.instance().state() : before;
    Decision<BugState> d = new Decision<>(before, after, o.transitionId(), o.violations());
    Optional<BugTicket> bug = !o.isAccepted() && before == BugState.NEW ? Optional.empty() : Optional.of(o.instance());
    return new BugStep(event, d, bug, o.audit());
  }

  /**
   * Returns the step of an outcome of {@code event} on a stored BUG; the state before is the unchanged BUG's when
   * refused, and the one its audit entry names when accepted.
   */
  static BugStep of(BugEvent event, Outcome<BugTicket> o) {
    BugState before = o.audit().flatMap(AuditEntry::fromState).map(BugState::valueOf)
        .orElse(o.instance().state());
    return of(event, before, o);
  }

  /** Returns true when the event was accepted. */
  public boolean isAllowed() {
    return decision.isAllowed();
  }

  /** Returns every failed guard, in the order checked. */
  public List<Violation> violations() {
    return decision.violations();
  }

  /** Returns the IDs of the failed guards, sorted. */
  public SortedSet<RuleId> violatedRules() {
    return decision.violatedRules();
  }
}
