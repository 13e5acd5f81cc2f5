package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.OpsException;
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

  /**
   * A workflow event was refused, for hosts that prefer an exception to a refused {@link Outcome} (see
   * {@link Outcome#orThrow()}): it carries the transition that refused and every failed guard with its rule and field.
   * Nothing was changed.
   */
  public static final class RefusedException extends OpsException {
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
}
