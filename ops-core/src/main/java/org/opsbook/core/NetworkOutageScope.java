package org.opsbook.core;

/** The reach of a network interruption (FAULT-CLASS-L1-09, FAULT-CLASS-L2-08). */
public enum NetworkOutageScope {
  /** No network interruption. */
  NONE,
  /** 「影响单个业务办理或影响部分营业前台/代办点业务」. */
  PARTIAL,
  /** 「无法办理关键业务」. */
  KEY_BUSINESS_BLOCKED
}
