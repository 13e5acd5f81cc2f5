package org.opsbook.core.machine;

import static com.google.common.base.Preconditions.checkArgument;
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
 * The result of applying one event to a workflow instance: accepted, with the instance after the transition and the
 * one audit entry that records it; or refused, with every failed guard and the instance exactly as it was.
 *
 * @param instance the instance after the event: the new instance when accepted, the unchanged one when refused
 * @param transitionId the declared transition that applied or refused, or null when none matched
 * @param violations every failed guard; empty exactly when accepted
 * @param audit the audit entry of an accepted transition; empty exactly when refused
 * @param <I> the instance type
 */
public record Outcome<I>(I instance, RuleId transitionId, List<Violation> violations, Optional<AuditEntry> audit) {
  /** Validates that an outcome is either accepted with an audit entry or refused with violations. */
  public Outcome {
    checkNotNull(instance, "instance");
    violations = ImmutableList.copyOf(violations);
    checkNotNull(audit, "audit");
    checkArgument(violations.isEmpty() == audit.isPresent(),
        "an accepted outcome has one audit entry and no violations; a refused one the reverse");
  }

  /** Returns an accepted outcome. */
  public static <I> Outcome<I> accepted(I after, RuleId transitionId, AuditEntry audit) {
    return new Outcome<>(after, transitionId, List.of(), Optional.of(audit));
  }

  /** Returns a refused outcome; {@code unchanged} is the instance as it was before the event. */
  public static <I> Outcome<I> refused(I unchanged, RuleId transitionId, List<Violation> violations) {
    checkArgument(!violations.isEmpty(), "a refusal names at least one violation");
    return new Outcome<>(unchanged, transitionId, violations, Optional.empty());
  }

  /** Returns true when the event was accepted. */
  public boolean isAccepted() {
    return violations.isEmpty();
  }

  /**
   * Returns the instance after the event when it was accepted.
   *
   * @throws RefusedException listing every violation when it was refused
   */
  public I orThrow() {
    if (!isAccepted()) {
      throw new RefusedException(transitionId, violations);
    }
    return instance;
  }

  /** Returns the IDs of the failed guards, sorted ascending, without duplicates. */
  public SortedSet<RuleId> violatedRules() {
    ImmutableSortedSet.Builder<RuleId> ids = ImmutableSortedSet.naturalOrder();
    for (Violation v : violations) {
      ids.add(v.ruleId());
    }
    return ids.build();
  }
}
