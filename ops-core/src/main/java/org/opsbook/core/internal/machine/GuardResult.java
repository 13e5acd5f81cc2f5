package org.opsbook.core.internal.machine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.SortedSet;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * The outcome of checking a transition's guards: allowed, or refused with <em>every</em> failed guard listed (not
 * just the first). A refusal is a value, not an exception.
 *
 * @param violations the failed guards, in the order they were checked
 */
public record GuardResult(List<Violation> violations) {
  private static final GuardResult ALLOWED = new GuardResult(List.of());

  /** Copies the list. */
  public GuardResult {
    violations = ImmutableList.copyOf(violations);
  }

  /** Returns the allowed result. */
  public static GuardResult allowed() {
    return ALLOWED;
  }

  /** Returns a result refused by {@code violations}, or allowed when the list is empty. */
  public static GuardResult of(List<Violation> violations) {
    return violations.isEmpty() ? ALLOWED : new GuardResult(violations);
  }

  /** Returns true when no guard failed. */
  public boolean isAllowed() {
    return violations.isEmpty();
  }

  /** Returns the IDs of the failed guards, sorted and without duplicates. */
  public SortedSet<RuleId> ruleIds() {
    ImmutableSortedSet.Builder<RuleId> ids = ImmutableSortedSet.naturalOrder();
    for (Violation v : violations) {
      ids.add(v.ruleId());
    }
    return ids.build();
  }
}
