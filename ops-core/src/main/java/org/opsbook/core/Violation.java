package org.opsbook.core;

import java.util.Optional;
import org.immutables.value.Value;

/** One failed guard: the rule that refused, why, and the field it is about if there is one. */
@Value.Immutable
public abstract class Violation {
  /** The rule whose guard failed. */
  @Value.Parameter
  public abstract RuleId ruleId();

  /** Why, in a sentence. */
  @Value.Parameter
  public abstract String message();

  /** The field the guard looked at, if one. */
  public abstract Optional<String> field();

  /** Returns a violation of {@code ruleId} with {@code message}. */
  public static Violation of(RuleId ruleId, String message) {
    return ImmutableViolation.of(ruleId, message);
  }

  /** Returns a violation of {@code ruleId} about {@code field}. */
  public static Violation of(RuleId ruleId, String field, String message) {
    return ((ImmutableViolation) ImmutableViolation.of(ruleId, message)).withField(field);
  }
}
