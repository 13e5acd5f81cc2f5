package org.opsbook.rules.bug;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.machine.Decision;

/**
 * The outcome of one SM-BUG event: the machine's decision, and when it was accepted the BUG after it and the audit
 * entry to seal; a refusal carries every failed guard and changes nothing.
 *
 * @param event the event
 * @param decision the decision: states, transition and violations
 * @param bug the BUG after the event when accepted, or as it was when refused (empty for a refused raise)
 * @param audit the audit entry of an accepted event
 */
public record BugStep(BugEvent event, Decision<BugState> decision, Optional<BugTicket> bug,
    Optional<AuditEntry> audit) {
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
