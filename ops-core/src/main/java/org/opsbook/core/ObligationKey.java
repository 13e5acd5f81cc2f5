package org.opsbook.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies one occurrence of a duty: the subject, the rule and the occurrence number. Rules-catalog §0.3: each
 * (subject, rule) fires at most once unless the rule recurs, so this is also the idempotency key of whatever firing
 * the duty does.
 *
 * @param subjectId the fault, ticket or workflow instance
 * @param ruleId the rule
 * @param sequence the occurrence number, from 1
 */
public record ObligationKey(String subjectId, RuleId ruleId, int sequence) {
  /** Validates the parts. */
  public ObligationKey {
    checkNotNull(subjectId, "subjectId");
    checkNotNull(ruleId, "ruleId");
    checkArgument(!subjectId.isEmpty(), "subjectId must not be empty");
    checkArgument(sequence >= 1, "sequence must be >= 1: %s", sequence);
  }

  /** Parses the {@link #toString()} form {@code subject/RULE-ID/sequence}. */
  public static ObligationKey parse(String text) {
    int last = text.lastIndexOf('/');
    int mid = last < 0 ? -1 : text.lastIndexOf('/', last - 1);
    if (mid <= 0) {
      throw new InvalidInputException("key", "not an obligation key subject/RULE/n: " + text);
    }
    try {
      return new ObligationKey(text.substring(0, mid), RuleId.of(text.substring(mid + 1, last)),
          Integer.parseInt(text.substring(last + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("key", "not an obligation key subject/RULE/n: " + text);
    }
  }

  /** Returns {@code subject/RULE-ID/sequence}, e.g. {@code F-1/ESC-PROG-01/3}. */
  @Override
  public String toString() {
    return subjectId + "/" + ruleId + "/" + sequence;
  }
}
