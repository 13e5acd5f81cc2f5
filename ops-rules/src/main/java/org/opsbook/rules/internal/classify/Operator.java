package org.opsbook.rules.internal.classify;

/**
 * The comparison operators of the catalog's predicates (rules-catalog §0.2), with the BND readings already applied:
 * 『以上/以下/以内/之间』 become {@link #GE}/{@link #LE}, 『超过/过』 become {@link #GT}, 『不超过』 becomes {@link #LE}.
 */
public enum Operator {
  /** {@code >=}: 『N以上』, 『至少N』, 『(含N次)』 (BND-01, BND-03, BND-05). */
  GE(">="),
  /** {@code >}: 『超过N』, 『过N』 (BND-02). */
  GT(">"),
  /** {@code <=}: 『N以下』, 『N以内』, 『不超过N』 (BND-01, BND-05). */
  LE("<="),
  /** {@code <}: 『不满N』. */
  LT("<"),
  /** {@code ==}: an exact value, such as one enum constant or 『客服反映的一级投诉』. */
  EQ("=="),
  /** A flag that must be set (value {@code 1}); written as the bare fact name. */
  IS("");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** Returns the operator as the catalog writes it ({@code >=}, {@code >} …); empty for {@link #IS}. */
  public String symbol() {
    return symbol;
  }
}
