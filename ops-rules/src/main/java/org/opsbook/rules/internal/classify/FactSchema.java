package org.opsbook.rules.internal.classify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rule table sees one kind of fact: an ordered list of named numeric dimensions and a {@link Projector} that
 * writes a fact's values into an array in that order. Counts and durations are their values, flags are {@code 0} or
 * {@code 1}, enums their ordinals, absent optional numbers {@code 0}. Immutable and thread-safe when the projector is.
 *
 * @param <F> the fact type
 */
public final class FactSchema<F> {
  private final ImmutableList<String> dimensions;
  private final Map<String, Integer> index = new HashMap<>();
  private final Projector<F> projector;

  private FactSchema(List<String> dimensions, Projector<F> projector) {
    this.dimensions = ImmutableList.copyOf(dimensions);
    this.projector = checkNotNull(projector, "projector");
    for (int i = 0; i < this.dimensions.size(); i++) {
      checkArgument(index.put(this.dimensions.get(i), i) == null, "dimension %s declared twice",
          this.dimensions.get(i));
    }
  }

  /**
   * Returns a schema of {@code dimensions} whose values {@code projector} writes at the same positions.
   *
   * @param dimensions the dimension names, unique
   * @param projector writes {@code values[i]} for dimension {@code i}
   */
  public static <F> FactSchema<F> of(List<String> dimensions, Projector<F> projector) {
    return new FactSchema<>(dimensions, projector);
  }

  /** Returns the dimension names in order. */
  public List<String> dimensions() {
    return dimensions;
  }

  /** Returns the number of dimensions. */
  public int size() {
    return dimensions.size();
  }

  /** Returns the position of {@code dimension}. */
  public int indexOf(String dimension) {
    Integer i = index.get(dimension);
    checkArgument(i != null, "unknown dimension %s; known: %s", dimension, dimensions);
    return i;
  }

  /** Writes the values of {@code facts} into {@code values}, which holds at least {@link #size()} slots. */
  public void project(F facts, double[] values) {
    projector.project(facts, values);
  }

  /** Returns the values of {@code facts} in a new array. */
  public double[] values(F facts) {
    double[] v = new double[dimensions.size()];
    projector.project(facts, v);
    return v;
  }

  /**
   * Writes a fact's dimension values into an array.
   *
   * @param <F> the fact type
   */
  @FunctionalInterface
  public interface Projector<F> {
    /** Writes {@code values[i]} for every dimension {@code i} of the schema. */
    void project(F facts, double[] values);
  }
}
