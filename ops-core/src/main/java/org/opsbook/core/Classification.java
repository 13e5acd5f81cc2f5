package org.opsbook.core;

import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * The level of a fault and the rules that put it there (FAULT-CLASS-DEF-04): the highest level whose criteria match
 * wins; {@link #matchedRules()} are the winning level's rules, {@link #matchedRulesAllLevels()} every rule that
 * matched at any level. Both sets are sorted by rule ID.
 */
@Value.Immutable
public abstract class Classification {
  /** The level: NONE (一般故障), L1 (一级故障) or L2 (二级故障, the most severe). */
  public abstract Level level();

  /** The rules of the winning level; empty for {@link Level#NONE}. */
  @Value.NaturalOrder
  public abstract SortedSet<RuleId> matchedRules();

  /** Every rule that matched, at any level. */
  @Value.NaturalOrder
  public abstract SortedSet<RuleId> matchedRulesAllLevels();

  /** True when the analyst's manual assessment (FAULT-CLASS-DEF-05) decided the level. */
  @Value.Default
  public boolean overriddenByManual() {
    return false;
  }

  /** Returns 一般, 严重 or 重大 (FAULT-CLASS-DEF-06). */
  public String severityLabel() {
    return level().severityLabel();
  }

  /** Returns true for L1 and L2 (FAULT-CLASS-DEF-01). */
  public boolean isEscalated() {
    return level().isEscalated();
  }

  @Value.Check
  protected void check() {
    if (level() == Level.NONE && !matchedRules().isEmpty()) {
      throw new IllegalStateException("a NONE classification has no matched rules: " + matchedRules());
    }
    if (level() != Level.NONE && matchedRules().isEmpty()) {
      throw new IllegalStateException("an " + level() + " classification names the rules that matched");
    }
    if (!matchedRulesAllLevels().containsAll(matchedRules())) {
      throw new IllegalStateException("matchedRulesAllLevels must contain matchedRules");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Classification} values. */
  public static final class Builder extends ImmutableClassification.Builder {}
}
