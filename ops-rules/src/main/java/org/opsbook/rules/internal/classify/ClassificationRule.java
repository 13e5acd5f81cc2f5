package org.opsbook.rules.internal.classify;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.Level;
import org.opsbook.core.RuleId;

/**
 * One row of the classification table: the rule's ID, the level it raises a fault to, the manual's phrase, and the
 * predicate as data (thresholds already bound from the parameters).
 *
 * @param id the catalog ID, e.g. {@code FAULT-CLASS-L2-04}
 * @param level the level the rule establishes
 * @param quote the manual's Chinese source phrase
 * @param criterion the predicate over the dimensions of {@link ClassificationTable#schema}
 */
public record ClassificationRule(RuleId id, Level level, String quote, Criterion criterion) {
  /** Validates the parts. */
  public ClassificationRule {
    checkNotNull(id, "id");
    checkNotNull(level, "level");
    checkNotNull(quote, "quote");
    checkNotNull(criterion, "criterion");
    if (level == Level.NONE) {
      throw new IllegalArgumentException("a classification rule raises a fault to L1 or L2: " + id);
    }
  }

  /** Returns the predicate in the catalog's notation, e.g. {@code complaintCount >= 50}. */
  public String when() {
    return criterion.toString();
  }
}
