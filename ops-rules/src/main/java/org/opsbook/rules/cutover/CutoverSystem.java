package org.opsbook.rules.cutover;

/**
 * The business-support systems a cutover may touch (CUTOVER-01: 「BOSS系统、旧BOSS系统、客服系统、MCDM系统、渠道管理系统、
 * 大客户管理系统、网站系统、影像系统等」); the list is open, hence {@link #OTHER}.
 */
public enum CutoverSystem {
  /** BOSS系统. */
  BOSS,
  /** 旧BOSS系统. */
  OLD_BOSS,
  /** 客服系统. */
  CUSTOMER_SERVICE,
  /** MCDM系统. */
  MCDM,
  /** 渠道管理系统. */
  CHANNEL_MGMT,
  /** 大客户管理系统. */
  KEY_ACCOUNT_MGMT,
  /** 网站系统. */
  WEBSITE,
  /** 影像系统. */
  IMAGING,
  /** Another business-support system (「等」). */
  OTHER
}
