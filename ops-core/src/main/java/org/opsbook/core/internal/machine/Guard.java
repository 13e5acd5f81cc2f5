package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.RuleId;

/**
 * A precondition of a transition, named by the rule that demands it.
 *
 * @param ruleId the rule, e.g. {@code DATAOP-MOD-14}
 * @param field the data field it is about, or null
 * @param check the predicate
 * @param <C> what the guard looks at
 */
public record Guard<C>(RuleId ruleId, String field, GuardCheck<C> check) {
  /** Validates the parts. */
  public Guard {
    checkNotNull(ruleId, "ruleId");
    checkNotNull(check, "check");
  }

  /** Returns a guard of {@code ruleId}. */
  public static <C> Guard<C> of(String ruleId, GuardCheck<C> check) {
    return new Guard<>(RuleId.of(ruleId), null, check);
  }

  /** Returns a guard of {@code ruleId} about {@code field}. */
  public static <C> Guard<C> of(String ruleId, String field, GuardCheck<C> check) {
    return new Guard<>(RuleId.of(ruleId), field, check);
  }
}
