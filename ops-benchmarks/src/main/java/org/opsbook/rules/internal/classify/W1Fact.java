package org.opsbook.rules.internal.classify;

/**
 * A W1 fact as the peer engines see it: ten long fields with bean getters (Drools, Evrete) and a result the rules'
 * actions raise: the highest severity and the bit set of matched rules.
 */
public final class W1Fact {
  private final long[] values;
  private int severity;
  private long matched;

  /** Wraps {@code values} (ten entries). */
  public W1Fact(long[] values) {
    this.values = values;
  }

  /** Returns field {@code k}. */
  public long get(int k) {
    return values[k];
  }

  /** Records that rule {@code bit} of severity {@code s} fired. */
  public void raise(int s, int bit) {
    severity = Math.max(severity, s);
    matched |= 1L << bit;
  }

  /** Clears the result before an evaluation. */
  public void reset() {
    severity = 0;
    matched = 0;
  }

  /** Returns the highest severity raised. */
  public int severity() {
    return severity;
  }

  /** Returns the matched rules as bits. */
  public long matched() {
    return matched;
  }

  // Bean getters for DRL and Evrete field access.
  public long getF0() {
    return values[0];
  }

  public long getF1() {
    return values[1];
  }

  public long getF2() {
    return values[2];
  }

  public long getF3() {
    return values[3];
  }

  public long getF4() {
    return values[4];
  }

  public long getF5() {
    return values[5];
  }

  public long getF6() {
    return values[6];
  }

  public long getF7() {
    return values[7];
  }

  public long getF8() {
    return values[8];
  }

  public long getF9() {
    return values[9];
  }
}
