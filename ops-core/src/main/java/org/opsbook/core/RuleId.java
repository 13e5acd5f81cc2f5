package org.opsbook.core;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A stable rule ID of the catalog ({@code FAULT-CLASS-L2-01}, {@code ESC-DEPT-02}, {@code SM-DATAOP-MOD-T08},
 * {@code ESC-REQ-02.3}). IDs order as plain strings, which is how the decision API sorts them.
 *
 * @param value the ID text
 */
public record RuleId(String value) implements Comparable<RuleId> {

  /** Validates the format {@code AREA[-SUB]-NN}; see {@link #isWellFormed}. */
  public RuleId {
    checkNotNull(value, "value");
    if (!isWellFormed(value)) {
      throw new InvalidInputException("ruleId", "not a rule id of the form AREA[-SUB]-NN: " + value);
    }
  }

  /**
   * Whether {@code value} has the form of a rule ID: segments of {@code A-Z} and {@code 0-9} joined by single hyphens,
   * at least two of them, the first starting with a letter and the last an optional letter and two digits, then
   * optionally a dot and one or two digits; as the regular expression
   * {@code [A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]{2}(?:\.[0-9]{1,2})?}.
   *
   * <p>Written out rather than matched with that expression: every rule table builds its IDs at class
   * initialisation, and the command line's short runs spent about 25 µs per ID in the interpreted matcher, plus the
   * compilation of the pattern (W9). {@code RuleIdTest} holds the two to the same answer.
   */
  static boolean isWellFormed(String value) {
    int n = value.length();
    int dot = value.indexOf('.');
    int end = dot < 0 ? n : dot;
    if (dot >= 0) {
      int sub = n - dot - 1;
      if (sub < 1 || sub > 2 || !digits(value, dot + 1, n)) {
        return false;
      }
    }
    int lastHyphen = value.lastIndexOf('-', end - 1);
    if (lastHyphen < 1 || value.charAt(lastHyphen - 1) == '-' || !letter(value.charAt(0))) {
      return false;
    }
    int last = end - lastHyphen - 1;
    if (last == 3 ? !letter(value.charAt(lastHyphen + 1)) : last != 2) {
      return false;
    }
    if (!digits(value, end - 2, end)) {
      return false;
    }
    for (int i = 1; i < lastHyphen; i++) {
      char c = value.charAt(i);
      if (c == '-' ? value.charAt(i - 1) == '-' : !letter(c) && !digit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Returns the rule ID for {@code value}. */
  public static RuleId of(String value) {
    return new RuleId(value);
  }

  // equals and hashCode are written out, with the values the record's generated ones have (the text's), because the
  // generated ones are linked at first use by a bootstrap method that spins method-handle classes: several
  // milliseconds of every short process that puts a rule ID in a set (the command line's classification table)
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RuleId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
