package org.opsbook.rules.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opsbook.core.RuleId;

/**
 * The W1 workload of benchmarks.md Appendix B ("Classify40 / Rules40"): 40 rules {@code f[i % 10] >= 100 + (i *
 * 211) % 900 -> severity 1 + i % 5} over facts of ten longs uniform in 0–999, a 64k-fact ring from seed 42. The
 * table is built once as an opsbook {@link RuleTable}; every peer's rules are generated from that table's rows.
 */
final class W1 {
  static final int RULES = 40;
  static final int FIELDS = 10;
  static final int RING = 1 << 16;
  static final long SEED = 42;

  private W1() {}

  /** The schema: dimensions f0..f9, projected from the fact's longs. */
  static final FactSchema<long[]> SCHEMA = FactSchema.of(
      List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"), (f, v) -> {
        for (int k = 0; k < FIELDS; k++) {
          v[k] = f[k];
        }
      });

  static int field(int i) {
    return i % FIELDS;
  }

  static long threshold(int i) {
    return 100 + (i * 211L) % 900;
  }

  static int severity(int i) {
    return 1 + i % 5;
  }

  /** Returns the W1 table as an opsbook rule table. */
  static RuleTable<long[]> table() {
    RuleTable.Builder<long[]> b = RuleTable.builder(SCHEMA);
    for (int i = 0; i < RULES; i++) {
      b.add(RuleId.of(String.format("BENCH-R%02d", i)), severity(i),
          Criterion.of(Comparison.atLeast("f" + field(i), threshold(i))));
    }
    return b.build();
  }

  /** Returns the 64k facts of the ring. */
  static long[][] facts() {
    Random r = new Random(SEED);
    long[][] ring = new long[RING][FIELDS];
    for (long[] f : ring) {
      for (int k = 0; k < FIELDS; k++) {
        f[k] = r.nextInt(1000);
      }
    }
    return ring;
  }

  /** Folds one result into a checksum; every implementation must produce the same sum over the ring. */
  static long fold(long sum, int severity, long matched) {
    return sum * 31 + (severity * 0x9E3779B97F4A7C15L ^ matched);
  }

  /** Returns the rows as (field, threshold, severity) read back from the table, for the peers' rule text. */
  static List<long[]> rows(RuleTable<long[]> table) {
    List<long[]> out = new ArrayList<>();
    for (RuleTable.Row row : table.rows()) {
      Comparison c = row.criterion().comparisons().get(0);
      out.add(new long[] {Long.parseLong(c.dimension().substring(1)), (long) c.value(), row.rank()});
    }
    return out;
  }
}
