package org.opsbook.core;

/**
 * The SMS recipient classes of NOTIFY-RCPT-05..07 and NOTIFY-RCPT-04. The directory port resolves each class to
 * people.
 */
public enum RecipientClass {
  /** 分公司店面经理, 综合管理部室经理, 市场部业务管理室经理, 其他各部门联系人 (NOTIFY-RCPT-05). */
  A,
  /** 客服中心综援室经理, 客服中心联系人 (NOTIFY-RCPT-06). */
  B,
  /** IT中心员工、室经理及部门领导 (NOTIFY-RCPT-07). */
  C,
  /** 「D类客户」, only at customer-service complaint level 3 or higher (NOTIFY-RCPT-04, OQ-03). */
  D
}
