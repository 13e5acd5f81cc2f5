package org.opsbook.rules.classify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.classify.ClassificationRule;
import org.opsbook.rules.internal.classify.ClassificationTable;
import org.opsbook.rules.internal.classify.RuleTable;

/**
 * Classifies a fault (FAULT-CLASS-DEF-04): every L1 and L2 criterion of the {@link ClassificationTable} is
 * evaluated, the analyst's manual assessment counts as one more criterion (FAULT-CLASS-DEF-05), and the highest
 * level with a match wins: a value that meets both an L1 band 『A到B之间』 and the L2 band 『B以上』 is L2 (BND-07).
 * Quote: 「具体分为一级故障、二级故障」.
 *
 * <pre>{@code
 * FaultClassifier classifier = FaultClassifier.standard();
 * Classification c = classifier.classify(FaultFacts.builder().complaintCount(55).build());
 * // c.level() == L2, c.matchedRules() == [FAULT-CLASS-L2-04]
 * }</pre>
 *
 * <p>Immutable and thread-safe. The table is compiled into a {@link RuleTable}; results are interned by the set of
 * matched rules, so classifying allocates nothing once a combination has been seen.
 */
public final class FaultClassifier {
  /** The rule ID a manual assessment is reported under. */
  public static final RuleId MANUAL = RuleId.of("FAULT-CLASS-DEF-05");

  private static final FaultClassifier STANDARD = new FaultClassifier(OpsParameters.defaults());
  private static final int CACHE_SIZE = 1 << 10;

  private final List<ClassificationRule> rules;
  private final RuleTable<FaultFacts> table;
  private final long l2Mask;
  private final Entry[] cache = new Entry[CACHE_SIZE];

  private record Entry(long key, Classification classification) {}

  /** Creates a classifier whose thresholds come from {@code parameters}. */
  public FaultClassifier(OpsParameters parameters) {
    checkNotNull(parameters, "parameters");
    this.rules = ClassificationTable.of(parameters);
    this.table = ClassificationTable.compile(parameters);
    this.l2Mask = table.rankMask(Level.L2.ordinal());
  }

  /** Returns the classifier for the catalog §15 defaults. */
  public static FaultClassifier standard() {
    return STANDARD;
  }

  /** Returns the table this classifier evaluates, in order (internal types: for this package and its tests). */
  List<ClassificationRule> rules() {
    return rules;
  }

  /** Returns the compiled table; bit {@code i} of {@link #match} is {@code rules().get(i)}. */
  RuleTable<FaultFacts> table() {
    return table;
  }

  /**
   * Returns the rules {@code facts} meet, as a bit mask over the table in catalog order (bit 0 is FAULT-CLASS-L1-01);
   * the manual assessment aside. The allocation-free path the benchmarks measure; {@link #classify} names the rules.
   */
  public long match(FaultFacts facts) {
    return table.match(facts);
  }

  /**
   * Classifies the facts.
   *
   * @return the level, the winning level's rules and every matched rule, sorted by ID
   */
  public Classification classify(FaultFacts facts) {
    long matched = table.match(facts);
    long key = matched | ((long) facts.manualLevelAssessment().ordinal() << 62);
    int slot = (int) (mix(key) & (CACHE_SIZE - 1));
    Entry e = cache[slot];
    if (e != null && e.key == key) {
      return e.classification;
    }
    Classification c = build(matched, facts.manualLevelAssessment());
    cache[slot] = new Entry(key, c);
    return c;
  }

  /** Returns the level alone; cheaper than {@link #classify} because no rule list is looked up. */
  public Level level(FaultFacts facts) {
    long matched = table.match(facts);
    Level byRules = (matched & l2Mask) != 0 ? Level.L2 : matched != 0 ? Level.L1 : Level.NONE;
    return Level.max(byRules, facts.manualLevelAssessment());
  }

  private Classification build(long matched, Level manual) {
    Level byRules = (matched & l2Mask) != 0 ? Level.L2 : matched != 0 ? Level.L1 : Level.NONE;
    Level level = Level.max(byRules, manual);
    Classification.Builder b = Classification.builder().level(level).overriddenByManual(manual.compareTo(byRules) > 0);
    for (int i = 0; i < rules.size(); i++) {
      if ((matched & (1L << i)) != 0) {
        ClassificationRule r = rules.get(i);
        b.addMatchedRulesAllLevels(r.id());
        if (r.level() == level) {
          b.addMatchedRules(r.id());
        }
      }
    }
    if (manual != Level.NONE) {
      b.addMatchedRulesAllLevels(MANUAL);
      if (manual == level) {
        b.addMatchedRules(MANUAL);
      }
    }
    return b.build();
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
