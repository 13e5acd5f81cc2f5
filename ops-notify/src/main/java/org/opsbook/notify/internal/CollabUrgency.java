package org.opsbook.notify.internal;

import org.opsbook.core.Level;

/**
 * 紧急程度 of a CMCP collaboration ticket (NOTIFY-TPL-06): 「特级、紧急、一般」. The manual does not map them to fault
 * levels; {@link #forLevel} applies the catalog's proposed default (OQ-22).
 */
enum CollabUrgency {
  /** 特级. */
  SPECIAL("特级"),
  /** 紧急. */
  URGENT("紧急"),
  /** 一般. */
  NORMAL("一般");

  private final String label;

  CollabUrgency(String label) {
    this.label = label;
  }

  /** Returns the manual's word: 特级, 紧急 or 一般. */
  public String label() {
    return label;
  }

  /** Returns the proposed default for a fault level (OQ-22): L2 → 特级, L1 → 紧急, otherwise 一般. */
  public static CollabUrgency forLevel(Level level) {
    switch (level) {
      case L2:
        return SPECIAL;
      case L1:
        return URGENT;
      default:
        return NORMAL;
    }
  }
}
