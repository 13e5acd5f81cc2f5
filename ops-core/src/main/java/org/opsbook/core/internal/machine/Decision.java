package org.opsbook.core.internal.machine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.SortedSet;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * The outcome of deciding an event: accepted with the new state and the transition that allowed it, or refused
 * with every failed guard. A refusal leaves the state as it was.
 *
 * @param from the state the event was decided in
 * @param to the state after: the new state when accepted, {@code from} when refused
 * @param transitionId the transition that applied, or null when no transition matched
 * @param violations every failed guard; empty when accepted
 * @param <S> the state type
 */
public record Decision<S extends Enum<S>>(S from, S to, RuleId transitionId, List<Violation> violations) {
  /** Copies the violations. */
  public Decision {
    violations = ImmutableList.copyOf(violations);
  }

  /** Returns true when the event was accepted. */
  public boolean isAllowed() {
    return violations.isEmpty();
  }

  /** Returns the IDs of the failed guards, sorted, without duplicates. */
  public SortedSet<RuleId> violatedRules() {
    ImmutableSortedSet.Builder<RuleId> b = ImmutableSortedSet.naturalOrder();
    for (Violation v : violations) {
      b.add(v.ruleId());
    }
    return b.build();
  }
}
