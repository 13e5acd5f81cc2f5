package org.opsbook.rules.internal.classify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One comparison of a fact dimension with a bound, e.g. {@code complaintCount >= 50}: the atom of a
 * {@link Criterion}. Values are doubles so that counts, minutes, flags ({@code 0}/{@code 1}) and enum ordinals share
 * one representation; every int is exact in a double.
 *
 * @param dimension the dimension's name in the {@link FactSchema}
 * @param op the operator
 * @param value the bound
 * @param label how to print the bound (an enum constant's name), or null to print the number
 */
public record Comparison(String dimension, Operator op, double value, String label) {
  /** Validates the parts. */
  public Comparison {
    checkNotNull(dimension, "dimension");
    checkNotNull(op, "op");
    checkArgument(!Double.isNaN(value), "value must be a number: %s", value);
    checkArgument(op != Operator.IS || value == 1, "a flag comparison has value 1: %s", value);
  }

  /** Returns {@code dimension >= value}. */
  public static Comparison atLeast(String dimension, double value) {
    return new Comparison(dimension, Operator.GE, value, null);
  }

  /** Returns {@code dimension > value}. */
  public static Comparison above(String dimension, double value) {
    return new Comparison(dimension, Operator.GT, value, null);
  }

  /** Returns {@code dimension <= value}. */
  public static Comparison atMost(String dimension, double value) {
    return new Comparison(dimension, Operator.LE, value, null);
  }

  /** Returns {@code dimension < value}. */
  public static Comparison below(String dimension, double value) {
    return new Comparison(dimension, Operator.LT, value, null);
  }

  /** Returns {@code dimension == value}. */
  public static Comparison equalTo(String dimension, double value) {
    return new Comparison(dimension, Operator.EQ, value, null);
  }

  /** Returns {@code dimension == constant}, comparing the enum constant's ordinal. */
  public static Comparison equalTo(String dimension, Enum<?> constant) {
    return new Comparison(dimension, Operator.EQ, constant.ordinal(), constant.name());
  }

  /** Returns the flag {@code dimension} (true when its value is {@code 1}). */
  public static Comparison isSet(String dimension) {
    return new Comparison(dimension, Operator.IS, 1, null);
  }

  /** Returns the lowest value that satisfies the comparison ({@code -Infinity} when unbounded below). */
  double low() {
    return switch (op) {
      case GE, EQ, IS -> value;
      case GT -> Math.nextUp(value);
      case LE, LT -> Double.NEGATIVE_INFINITY;
    };
  }

  /** Returns the highest value that satisfies the comparison ({@code +Infinity} when unbounded above). */
  double high() {
    return switch (op) {
      case LE, EQ, IS -> value;
      case LT -> Math.nextDown(value);
      case GE, GT -> Double.POSITIVE_INFINITY;
    };
  }

  /** Returns true when {@code v} satisfies the comparison. */
  public boolean test(double v) {
    return v >= low() && v <= high();
  }

  /** Returns the comparison as the catalog writes it: {@code complaintCount >= 50}, {@code efficiencyDegraded}. */
  @Override
  public String toString() {
    if (op == Operator.IS) {
      return dimension;
    }
    return dimension + " " + op.symbol() + " " + (label != null ? label : number(value));
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
