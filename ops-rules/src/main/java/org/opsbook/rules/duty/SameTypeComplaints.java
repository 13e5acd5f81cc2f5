package org.opsbook.rules.duty;

import java.util.List;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.OpsParameters;
import org.opsbook.rules.duty.Duty.Contact;
import org.opsbook.rules.internal.classify.ImpliedFacts;

/**
 * Whether the number of same-type complaints can change a fault's obligations, decided from the rules without
 * folding the history twice. Stateless.
 *
 * <p>The fold reads {@code sameTypeComplaintCount} in two places: the classification, as one of the complaint counts
 * of which it takes the highest ({@link ImpliedFacts#complaints}), and ESC-ROOM-03's condition
 * (「已收到十单以上的同类客户投诉」, {@code >= roomSameTypeComplaints}, on an open fault within the scope of ESC-ROOM-16). Where
 * the two counts give the classification different complaint counts, the count may matter. Otherwise, of two
 * histories that differ only in that count:
 * <ol>
 *   <li>when both counts fall on the same side of the threshold, or the fault is outside ESC-ROOM-16's scope, the
 *       condition has the same value at every state: the folds are the same fold;
 *   <li>otherwise ESC-ROOM-03 is raised at the opening (the opening event carries no repair) in exactly one of them,
 *       and nothing else differs as long as nothing reads that duty. Its readers are: its own completion by name
 *       ({@code DUTY_COMPLETED}, refused where it is not owed); the first room reasons of ESC-ROOM-09, asked only
 *       once the developer was told; and the listing, while it is open. A report to the room manager
 *       ({@code reportedToRoomManagerAt}, {@code REPORTED_TO_ROOM_MANAGER}) discharges it, and the repair
 *       ({@code repairedAt}, {@code REPAIRED}) ends it; both come no earlier than the opening. So with one of them
 *       in the history, no completion naming ESC-ROOM-03, and no way for the developer to be told, the obligations
 *       listed at any time after the history are the same.
 * </ol>
 * Anything else (a lifecycle step, a relapse) is answered conservatively: the count may matter.
 */
public final class SameTypeComplaints {
  private SameTypeComplaints() {}

  /**
   * Returns false when {@code ObligationEngine.assess(facts, events, now).obligations(now)} is certainly the same,
   * outcome or refusal, with {@code facts.sameTypeComplaintCount()} replaced by {@code alternative}; true when it
   * may differ. {@code events} are the events given to {@code assess} (no opening, no facts of their own).
   */
  public static boolean mayChangeObligations(OpsParameters parameters, FaultFacts facts, int alternative,
      List<FaultEvent> events) {
    if (ImpliedFacts.complaints(facts) != ImpliedFacts.complaints(facts, alternative)) {
      return true;
    }
    int threshold = parameters.roomSameTypeComplaints();
    if ((facts.sameTypeComplaintCount() >= threshold) == (alternative >= threshold)) {
      return false;
    }
    if (!inScope(facts)) {
      return false;
    }
    boolean ended = facts.reportedToRoomManagerAt().isPresent() || facts.repairedAt().isPresent();
    if (facts.reportedToDeveloperAt().isPresent()) {
      return true;
    }
    for (FaultEvent e : events) {
      FaultEventType type = e.type();
      if (type == FaultEventType.REPORTED_TO_ROOM_MANAGER || type == FaultEventType.REPAIRED) {
        ended = true;
      } else if (type == FaultEventType.DUTY_COMPLETED) {
        Duty duty = e.ruleId().flatMap(Duty::of).orElse(null);
        if (duty == null || duty == Duty.ESC_ROOM_03 || duty.records == Contact.DEVELOPER) {
          return true;
        }
      } else if (type == FaultEventType.REPORTED_TO_DEVELOPER || type == FaultEventType.RELAPSED
          || type == FaultEventType.OPENED || type == FaultEventType.FACTS_CHANGED || type.isLifecycleStep()
          || e.facts().isPresent()) {
        return true;
      }
    }
    return !ended;
  }

  /** ESC-ROOM-16, as {@link FaultTracker#inScope()} reads it from the facts. */
  private static boolean inScope(FaultFacts facts) {
    return facts.responsibleUnit() == org.opsbook.core.ResponsibleUnit.OWN_ROOM
        || facts.affectsOwnSystemsOrAcceptance();
  }
}
