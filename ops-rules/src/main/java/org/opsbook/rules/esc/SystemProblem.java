package org.opsbook.rules.esc;

/**
 * Whether a progress entry concludes that the fault is a system problem (FAULT-GEN-09). Quote:
 * 「要有结论性总结,如是否属系统问题等的清晰总结」.
 */
public enum SystemProblem {
  /** 属系统问题. */
  YES,
  /** 不属系统问题. */
  NO,
  /** Not yet determined; still a conclusion the entry states. */
  UNDETERMINED
}
