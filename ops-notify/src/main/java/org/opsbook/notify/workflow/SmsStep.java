package org.opsbook.notify.workflow;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.SortedSet;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * The outcome of one SM-SMS event: accepted, with the message after it, or refused with every failed guard, the
 * message unchanged. A refusal is a value; {@link #orThrow()} turns it into an exception for hosts that prefer one.
 *
 * @param event the event
 * @param accepted true when the transition was applied
 * @param message the message after the event (unchanged when refused)
 * @param violations every failed guard, each naming its rule and field; empty when accepted
 */
public record SmsStep(SmsEvent event, boolean accepted, SmsMessage message, List<Violation> violations) {
  /** Copies the violations. */
  public SmsStep {
    checkNotNull(event, "event");
    checkNotNull(message, "message");
    violations = ImmutableList.copyOf(violations);
  }

  /** Returns the IDs of the failed guards, sorted, without duplicates. */
  public SortedSet<RuleId> violatedRules() {
    ImmutableSortedSet.Builder<RuleId> b = ImmutableSortedSet.naturalOrder();
    violations.forEach(v -> b.add(v.ruleId()));
    return b.build();
  }

  /**
   * Returns the message when the event was accepted.
   *
   * @throws SmsRefusedException when it was refused
   */
  public SmsMessage orThrow() {
    if (!accepted) {
      throw new SmsRefusedException(message.key().toString(), event, violations);
    }
    return message;
  }
}
