package org.opsbook.core.machine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.opsbook.core.OpsException;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * A workflow event was refused, for hosts that prefer an exception to a refused {@link Outcome} (see
 * {@link Outcome#orThrow()}): it carries the transition that refused and every failed guard with its rule and field.
 * Nothing was changed.
 */
public final class RefusedException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final transient RuleId transitionId;
  private final transient List<Violation> violations;

  /** Creates the error of a refusal by {@code transitionId} (null when no transition matched). */
  public RefusedException(RuleId transitionId, List<Violation> violations) {
    super((transitionId == null ? "refused: " : transitionId + " refused: ") + violations.stream()
        .map(v -> v.ruleId() + v.field().map(f -> " [" + f + "]").orElse("") + " " + v.message())
        .collect(Collectors.joining("; ")));
    this.transitionId = transitionId;
    this.violations = ImmutableList.copyOf(violations);
  }

  /** Returns the transition that refused, if one matched. */
  public Optional<RuleId> transitionId() {
    return Optional.ofNullable(transitionId);
  }

  /** Returns every failed guard. */
  public List<Violation> violations() {
    return violations;
  }

  /** Returns the IDs of the failed guards, sorted. */
  public SortedSet<RuleId> ruleIds() {
    ImmutableSortedSet.Builder<RuleId> b = ImmutableSortedSet.naturalOrder();
    violations.forEach(v -> b.add(v.ruleId()));
    return b.build();
  }
}
