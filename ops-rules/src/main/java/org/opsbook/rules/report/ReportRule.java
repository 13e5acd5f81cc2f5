package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Predicate;
import org.opsbook.core.RuleId;

/**
 * One report-inclusion rule: its ID, the passage of the manual it comes from, the quote, the predicate in the
 * catalog's notation and as code, and which reports it puts a fault into.
 *
 * @param id the catalog ID, e.g. {@code REPORT-WEEKLY-01}
 * @param passage the passage the rule belongs to (REPORT-POLICY-01 chooses between them)
 * @param quote the manual's Chinese phrase
 * @param when the predicate in the catalog's notation, thresholds bound
 * @param predicate the predicate
 * @param weekly true when the rule puts the fault in the weekly report
 * @param monthly true when the rule puts the fault in the monthly report
 */
record ReportRule(RuleId id, Passage passage, String quote, String when, Predicate<ReportFacts> predicate,
    boolean weekly, boolean monthly) {
  /** Validates the parts. */
  public ReportRule {
    checkNotNull(id, "id");
    checkNotNull(passage, "passage");
    checkNotNull(quote, "quote");
    checkNotNull(when, "when");
    checkNotNull(predicate, "predicate");
  }

  /** Returns true when the rule fires for {@code facts}. */
  public boolean fires(ReportFacts facts) {
    return predicate.test(facts);
  }

  /** The two passages of the manual that set report thresholds (CONFLICT-01). */
  public enum Passage {
    /** §2.2.3.2 ¶2 1)(10): REPORT-WEEKLY-01, REPORT-MONTHLY-01. */
    SECTION_2_1_10,
    /** §2.2.3.2 ¶4 (周报/月报): REPORT-WEEKLY-02, REPORT-MONTHLY-02, REPORT-MONTHLY-03. */
    SECTION_4
  }
}
