package org.opsbook.rules.cutover;

/** 市管项目 or 省管项目 (CUTOVER-07 applies to both alike). */
public enum ProjectScope {
  /** 市管项目. */
  CITY_MANAGED,
  /** 省管项目. */
  PROVINCE_MANAGED
}
