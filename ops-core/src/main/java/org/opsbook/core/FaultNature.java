package org.opsbook.core;

/** 业务类故障 or 系统类故障; the manual does not define them, so the host decides (OQ-32). */
public enum FaultNature {
  /** 业务类故障. */
  BUSINESS,
  /** 系统类故障. */
  SYSTEM
}
