package org.opsbook.rules.cutover;

/** Why the cutover is planned (CUTOVER-05: 「根据上级主管部门的网络工程割接安排或运营维护需要」). */
public enum CutoverTrigger {
  /** 上级主管部门的网络工程割接安排. */
  SUPERIOR_ARRANGEMENT,
  /** 运营维护需要. */
  OM_NEED
}
