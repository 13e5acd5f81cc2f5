package org.opsbook.core;

/**
 * The level of a fault (FAULT-CLASS-DEF-01). {@code L2} (二级故障) is <em>more</em> severe than {@code L1} (一级故障):
 * every L2 threshold is higher.
 *
 * <p>Quote: 「升级投诉故障主要是从故障影响的程度进行定义的,具体分为一级故障、二级故障」.
 */
public enum Level {
  /** 一般故障: a general fault, not escalated. */
  NONE("一般"),
  /** 一级故障, labelled 严重 (FAULT-CLASS-DEF-06, proposed mapping). */
  L1("严重"),
  /** 二级故障, labelled 重大 (FAULT-CLASS-DEF-06, proposed mapping); the most severe level. */
  L2("重大");

  private final String severityLabel;

  Level(String severityLabel) {
    this.severityLabel = severityLabel;
  }

  /** Returns the severity label of FAULT-CLASS-DEF-06: 一般, 严重 or 重大. */
  public String severityLabel() {
    return severityLabel;
  }

  /** Returns true for {@code L1} and {@code L2}: the manual's 升级故障 (FAULT-CLASS-DEF-01). */
  public boolean isEscalated() {
    return this != NONE;
  }

  /** Returns true when this level is at least as severe as {@code other}. */
  public boolean isAtLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /** Returns the more severe of the two levels (FAULT-CLASS-DEF-07 keeps the peak this way). */
  public static Level max(Level a, Level b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
