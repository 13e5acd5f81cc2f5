package org.opsbook.rules.duty;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.RuleId;

/**
 * An advisory rule, or a step of one of the manual's checklists, that applies to a fault now: the rule and the
 * manual's words. Advice owes nothing by a deadline; the duties that the same steps create are among the fault's
 * obligations.
 *
 * @param ruleId the rule or checklist step
 * @param text the manual's words, as the rule registry quotes them
 */
public record Advice(RuleId ruleId, String text) {
  /** Checks the fields. */
  public Advice {
    checkNotNull(ruleId, "ruleId");
    checkNotNull(text, "text");
  }
}
