package org.opsbook.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * What one step of a workflow did: accepted (the instance after it and the audit entry written) or refused (the
 * instance unchanged and every violated rule; nothing was stored).
 *
 * @param value the instance after an accepted step, or unchanged after a refusal
 * @param transition the transition's rule ID, when the workflow names one
 * @param violations every failed guard; empty when accepted
 * @param audit the audit entry the accepted step wrote, when known
 * @param <T> the instance type
 */
public record Result<T>(T value, Optional<RuleId> transition, List<Violation> violations, Optional<AuditEntry> audit) {
  /** Checks and copies the components. */
  public Result {
    checkNotNull(value, "value");
    checkNotNull(transition, "transition");
    violations = ImmutableList.copyOf(violations);
    checkNotNull(audit, "audit");
  }

  /** Returns true when the step was accepted. */
  public boolean accepted() {
    return violations.isEmpty();
  }

  /** Returns the IDs of the violated rules, sorted; empty when accepted. */
  public SortedSet<RuleId> violatedRules() {
    ImmutableSortedSet.Builder<RuleId> ids = ImmutableSortedSet.naturalOrder();
    violations.forEach(v -> ids.add(v.ruleId()));
    return ids.build();
  }

  /**
   * Returns the instance after an accepted step.
   *
   * @throws RefusedException naming every violated rule when the step was refused
   */
  public T orThrow() {
    if (!accepted()) {
      throw new RefusedException(violations);
    }
    return value;
  }
}
