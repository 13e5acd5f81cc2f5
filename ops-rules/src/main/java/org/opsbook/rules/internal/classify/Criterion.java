package org.opsbook.rules.internal.classify;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The predicate of one rule as data: a conjunction of {@link Comparison}s over fact dimensions, e.g.
 * {@code affectsNormalCommunication AND affectedCustomers >= 50 AND affectedCustomers <= 500}. Being data rather
 * than code, a criterion can be printed, compiled into a {@link RuleTable}, and translated for other engines.
 * Immutable.
 */
public final class Criterion {
  private final ImmutableList<Comparison> comparisons;

  private Criterion(List<Comparison> comparisons) {
    checkArgument(!comparisons.isEmpty(), "a criterion has at least one comparison");
    this.comparisons = ImmutableList.copyOf(comparisons);
  }

  /** Returns the conjunction of {@code comparisons}. */
  public static Criterion of(Comparison... comparisons) {
    return new Criterion(Arrays.asList(comparisons));
  }

  /** Returns the conjunction of {@code comparisons}. */
  public static Criterion of(List<Comparison> comparisons) {
    return new Criterion(comparisons);
  }

  /** Returns this criterion with {@code more} added to the conjunction. */
  public Criterion and(Comparison more) {
    List<Comparison> all = new ArrayList<>(comparisons);
    all.add(more);
    return new Criterion(all);
  }

  /** Returns the comparisons, all of which must hold. */
  public List<Comparison> comparisons() {
    return comparisons;
  }

  /**
   * Returns the criterion in the catalog's notation; two bounds on one dimension print as a band
   * ({@code 50 <= affectedCustomers <= 500}).
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    boolean[] done = new boolean[comparisons.size()];
    for (int i = 0; i < comparisons.size(); i++) {
      if (done[i]) {
        continue;
      }
      Comparison c = comparisons.get(i);
      int pair = band(i);
      if (pair >= 0) {
        done[pair] = true;
        Comparison upper = comparisons.get(pair);
        String lowSymbol = c.op() == Operator.GE ? "<=" : "<";
        parts.add(Comparison.number(c.value()) + " " + lowSymbol + " " + c.dimension() + " " + upper.op().symbol()
            + " " + Comparison.number(upper.value()));
      } else {
        parts.add(c.toString());
      }
    }
    return String.join(" AND ", parts);
  }

  private int band(int i) {
    Comparison c = comparisons.get(i);
    if (c.op() != Operator.GE && c.op() != Operator.GT) {
      return -1;
    }
    for (int j = i + 1; j < comparisons.size(); j++) {
      Comparison d = comparisons.get(j);
      if (d.dimension().equals(c.dimension()) && (d.op() == Operator.LE || d.op() == Operator.LT)) {
        return j;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Criterion other && other.comparisons.equals(comparisons);
  }

  @Override
  public int hashCode() {
    return comparisons.hashCode();
  }
}
