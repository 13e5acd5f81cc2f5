package org.opsbook.rules.duty;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * A duty raised the moment a condition on the fault first holds (§0.3: each rule fires at most once per fault):
 * the rule, the manual's words, the condition and how its due time follows from the trigger.
 *
 * @param duty the duty and its rule
 * @param sequence the occurrence it raises (1, or 2 for the recovery notice of NOTIFY-TRIG-01)
 * @param quote the manual's words
 * @param when the condition
 * @param timing how the trigger and due time follow from the moment the condition was first seen
 */
record ConditionRule(Duty duty, int sequence, String quote, Predicate<FaultTracker> when, Timing timing) {

  /** When a raised duty was triggered and when it is due. */
  interface Timing {
    /** Returns the window of a duty first seen to hold at {@code at}. */
    Window window(FaultTracker fault, Instant at);
  }

  /**
   * When a duty was triggered and by when it is owed.
   *
   * @param triggeredAt the event or fact time that created it
   * @param dueAt the deadline, or null for a timely (「及时」) duty
   */
  record Window(Instant triggeredAt, Instant dueAt) {}
}
