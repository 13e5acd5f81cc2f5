package org.opsbook.rules.internal.classify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.core.RuleId;

/**
 * An ordered, immutable table of threshold rules compiled for speed: each rule is a {@link Criterion} and a rank
 * (a severity; the classifier uses {@code 1} for L1 and {@code 2} for L2). Evaluating a fact yields the set of
 * matched rules as a bit mask (bit {@code i} is row {@code i}), from which {@link #rank(long)} gives the highest rank
 * and {@link #ids(long)} the rule IDs.
 *
 * <p>Comparisons become closed intervals on one dimension ({@code > 30} is {@code [nextUp(30), +inf]}); two bounds
 * of one dimension inside a criterion merge into one band. Evaluation projects the fact once, then tests every
 * interval without branching on the outcome, so its cost does not depend on how the fact's values fall. At most 63
 * rules; duplicate IDs are rejected when the table is built. Immutable and thread-safe.
 *
 * <pre>{@code
 * RuleTable<long[]> table = RuleTable.builder(schema)
 *     .add(RuleId.of("BENCH-R00"), 1, Criterion.of(Comparison.atLeast("f0", 100)))
 *     .build();
 * long matched = table.match(fact);
 * int severity = table.rank(matched);
 * }</pre>
 *
 * @param <F> the fact type
 */
public final class RuleTable<F> {
  /** The most rules one table holds: one bit of a {@code long} each, keeping the sign bit free. */
  public static final int MAX_RULES = 63;

  private final FactSchema<F> schema;
  private final ImmutableList<Row> rows;
  private final int[] atomDimension;
  private final double[] atomLow;
  private final double[] atomHigh;
  private final long[] ruleNeeds;
  private final boolean oneAtomPerRule;
  private final int[] ranksDescending;
  private final long[] rankMasks;
  private final RuleId[] ids;
  private final Scratch scratch;

  /**
   * One row of the table.
   *
   * @param id the rule's ID
   * @param rank the rank (severity) the rule establishes; at least 1
   * @param criterion the predicate
   */
  public record Row(RuleId id, int rank, Criterion criterion) {
    /** Validates the parts. */
    public Row {
      checkNotNull(id, "id");
      checkNotNull(criterion, "criterion");
      checkArgument(rank >= 1, "rank must be >= 1: %s", rank);
    }
  }

  private RuleTable(FactSchema<F> schema, List<Row> rows) {
    this.schema = schema;
    this.rows = ImmutableList.copyOf(rows);
    int n = rows.size();
    checkArgument(n <= MAX_RULES, "a rule table holds at most %s rules: %s", MAX_RULES, n);
    Set<RuleId> seen = new HashSet<>();
    for (Row r : rows) {
      checkArgument(seen.add(r.id()), "duplicate rule id in the table: %s", r.id());
    }
    List<double[]> atoms = new ArrayList<>();
    List<Integer> atomDims = new ArrayList<>();
    this.ruleNeeds = new long[n];
    boolean identity = true;
    for (int r = 0; r < n; r++) {
      Map<Integer, double[]> bands = new LinkedHashMap<>();
      for (Comparison c : rows.get(r).criterion().comparisons()) {
        int dim = schema.indexOf(c.dimension());
        double[] band = bands.get(dim);
        if (band == null) {
          band = new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
          bands.put(dim, band);
        }
        band[0] = Math.max(band[0], c.low());
        band[1] = Math.min(band[1], c.high());
      }
      identity &= bands.size() == 1;
      for (Map.Entry<Integer, double[]> e : bands.entrySet()) {
        int atom = atoms.size();
        checkArgument(atom < 64, "the table's criteria need more than 64 comparisons");
        atoms.add(e.getValue());
        atomDims.add(e.getKey());
        ruleNeeds[r] |= 1L << atom;
      }
    }
    int a = atoms.size();
    this.atomDimension = new int[a];
    this.atomLow = new double[a];
    this.atomHigh = new double[a];
    for (int i = 0; i < a; i++) {
      atomDimension[i] = atomDims.get(i);
      atomLow[i] = atoms.get(i)[0];
      atomHigh[i] = atoms.get(i)[1];
    }
    this.oneAtomPerRule = identity;
    // plain loops rather than streams: the table is built at the start of every command-line run, where each
    // stream pipeline and lambda costs class loading and call-site linking
    this.ranksDescending = distinctRanksDescending(rows);
    this.rankMasks = new long[ranksDescending.length];
    for (int k = 0; k < ranksDescending.length; k++) {
      for (int r = 0; r < n; r++) {
        if (rows.get(r).rank() == ranksDescending[k]) {
          rankMasks[k] |= 1L << r;
        }
      }
    }
    this.ids = new RuleId[n];
    for (int r = 0; r < n; r++) {
      ids[r] = rows.get(r).id();
    }
    this.scratch = new Scratch(schema.size());
  }

  /** The distinct ranks of {@code rows}, highest first. */
  private static int[] distinctRanksDescending(List<Row> rows) {
    int[] ranks = new int[rows.size()];
    int count = 0;
    for (Row row : rows) {
      int rank = row.rank();
      boolean seen = false;
      for (int k = 0; k < count && !seen; k++) {
        seen = ranks[k] == rank;
      }
      if (!seen) {
        ranks[count++] = rank;
      }
    }
    int[] out = Arrays.copyOf(ranks, count);
    Arrays.sort(out);
    for (int i = 0, j = out.length - 1; i < j; i++, j--) {
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** Each thread's projection buffer. */
  private static final class Scratch extends ThreadLocal<double[]> {
    private final int width;

    Scratch(int width) {
      this.width = width;
    }

    @Override
    protected double[] initialValue() {
      return new double[width];
    }
  }

  /** Returns a builder of a table over {@code schema}. */
  public static <F> Builder<F> builder(FactSchema<F> schema) {
    return new Builder<>(schema);
  }

  /** Returns the schema the table reads facts through. */
  public FactSchema<F> schema() {
    return schema;
  }

  /** Returns the rows in order; row {@code i} is bit {@code i} of a match mask. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns the set of rules {@code facts} match, as a bit mask. Allocates nothing. */
  public long match(F facts) {
    return match(facts, scratch.get());
  }

  /**
   * Returns the set of rules {@code facts} match, as a bit mask, using {@code values} as the projection buffer.
   *
   * @param values a buffer of at least {@code schema().size()} slots, owned by the calling thread
   */
  public long match(F facts, double[] values) {
    schema.project(facts, values);
    return matchValues(values);
  }

  /** Returns the set of rules that dimension values already projected into {@code values} match. */
  public long matchValues(double[] values) {
    final int[] dims = atomDimension;
    final double[] low = atomLow;
    final double[] high = atomHigh;
    long atoms = 0;
    for (int i = 0; i < dims.length; i++) {
      double v = values[dims[i]];
      atoms |= (v >= low[i] & v <= high[i] ? 1L : 0L) << i;
    }
    if (oneAtomPerRule) {
      return atoms;
    }
    final long[] needs = ruleNeeds;
    long matched = 0;
    for (int r = 0; r < needs.length; r++) {
      long need = needs[r];
      matched |= ((atoms & need) == need ? 1L : 0L) << r;
    }
    return matched;
  }

  /** Returns the highest rank among the rules in {@code mask}, or {@code 0} when it is empty. */
  public int rank(long mask) {
    for (int k = 0; k < rankMasks.length; k++) {
      if ((mask & rankMasks[k]) != 0) {
        return ranksDescending[k];
      }
    }
    return 0;
  }

  /** Returns the mask of the rules of rank {@code rank}. */
  public long rankMask(int rank) {
    for (int k = 0; k < rankMasks.length; k++) {
      if (ranksDescending[k] == rank) {
        return rankMasks[k];
      }
    }
    return 0;
  }

  /** Returns the IDs of the rules in {@code mask}, in table order. */
  public List<RuleId> ids(long mask) {
    List<RuleId> out = new ArrayList<>(Long.bitCount(mask));
    for (long m = mask; m != 0; m &= m - 1) {
      out.add(ids[Long.numberOfTrailingZeros(m)]);
    }
    return out;
  }

  /**
   * Builds a {@link RuleTable}. Not thread-safe.
   *
   * @param <F> the fact type
   */
  public static final class Builder<F> {
    private final FactSchema<F> schema;
    private final List<Row> rows = new ArrayList<>();

    private Builder(FactSchema<F> schema) {
      this.schema = checkNotNull(schema, "schema");
    }

    /** Adds a rule. */
    public Builder<F> add(RuleId id, int rank, Criterion criterion) {
      rows.add(new Row(id, rank, criterion));
      return this;
    }

    /** Returns the table; rejects duplicate IDs, unknown dimensions and more than {@link #MAX_RULES} rules. */
    public RuleTable<F> build() {
      return new RuleTable<>(schema, rows);
    }
  }
}
