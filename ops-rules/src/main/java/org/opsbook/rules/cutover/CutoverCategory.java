package org.opsbook.rules.cutover;

/** The kind of cutover (CUTOVER-02: 「可分为硬件割接、软件割接、数据修改割接」). */
public enum CutoverCategory {
  /** 硬件割接. */
  HARDWARE,
  /** 软件割接. */
  SOFTWARE,
  /** 数据修改割接. */
  DATA_MODIFICATION
}
