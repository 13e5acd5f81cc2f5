package org.opsbook.rules.report;

import java.util.SortedSet;
import org.immutables.value.Value;
import org.opsbook.core.OpsParameters.ReportThresholdPolicy;
import org.opsbook.core.RuleId;

/**
 * Whether a fault goes into the weekly and the monthly report (rules-catalog §3 {@code ReportInclusion}), the rules
 * that put it there, sorted, and the policy they were combined under (REPORT-POLICY-01). Immutable.
 */
@Value.Immutable
public abstract class ReportInclusion {
  /** 需在周报中体现. */
  public abstract boolean weekly();

  /** 需在月报中体现. */
  public abstract boolean monthly();

  /** Every rule of the active passages that fired. */
  @Value.NaturalOrder
  public abstract SortedSet<RuleId> firingRules();

  /** How the two passages were combined. */
  public abstract ReportThresholdPolicy policy();

  @Value.Check
  protected void check() {
    if ((weekly() || monthly()) == firingRules().isEmpty()) {
      throw new IllegalStateException("an inclusion names its rules, and only an inclusion does: " + this);
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReportInclusion} values. */
  public static final class Builder extends ImmutableReportInclusion.Builder {}
}
