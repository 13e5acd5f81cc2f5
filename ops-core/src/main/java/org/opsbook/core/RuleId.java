package org.opsbook.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * A stable rule ID of the catalog ({@code FAULT-CLASS-L2-01}, {@code ESC-DEPT-02}, {@code SM-DATAOP-MOD-T08},
 * {@code ESC-REQ-02.3}). IDs order as plain strings, which is how the decision API sorts them.
 *
 * @param value the ID text
 */
public record RuleId(String value) implements Comparable<RuleId> {
  private static final Pattern FORMAT =
      Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]{2}(?:\\.[0-9]{1,2})?");

  /** Validates the format {@code AREA[-SUB]-NN}. */
  public RuleId {
    checkNotNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidInputException("ruleId", "not a rule id of the form AREA[-SUB]-NN: " + value);
    }
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
