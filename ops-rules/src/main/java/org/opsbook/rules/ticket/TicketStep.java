package org.opsbook.rules.ticket;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.machine.Decision;

/**
 * The outcome of one SM-TICKET event: the machine's decision, the ticket after it (unchanged when refused) and,
 * when accepted, the audit entry to seal. A refusal carries every failed guard.
 *
 * @param event the event
 * @param decision the decision
 * @param ticket the ticket after the event, or as it was when refused
 * @param audit the audit entry of an accepted event
 */
public record TicketStep(TicketEvent event, Decision<TicketState> decision, ComplaintTicket ticket,
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
