package org.opsbook.rules.cutover;

/**
 * What the cutover application contains (CUTOVER-24): 「1) 割接时间;2) 割接方案(包括应急方案、工程割接检查项目清单);3) 割接人员;
 * 4) 影响范」 (the source stops there; 影响范围 is presumed). The plan includes its emergency plan and checklist, so
 * those two are accepted but not required separately.
 */
public enum ApplicationContent {
  /** 割接时间. */
  TIME,
  /** 割接方案, including the emergency plan and the checklist. */
  PLAN,
  /** 应急方案, part of the plan. */
  EMERGENCY_PLAN,
  /** 工程割接检查项目清单, part of the plan. */
  CHECKLIST,
  /** 割接人员. */
  PERSONNEL,
  /** 影响范围 (the source reads 「影响范」, truncated). */
  IMPACT_SCOPE
}
