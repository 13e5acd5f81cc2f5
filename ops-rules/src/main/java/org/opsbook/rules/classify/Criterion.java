package org.opsbook.rules.classify;

import org.opsbook.core.FaultFacts;

/** The predicate of one classification rule over the facts; thresholds are bound when the table is built. */
@FunctionalInterface
public interface Criterion {
  /** Returns true when the facts meet the criterion. */
  boolean test(FaultFacts facts);
}
