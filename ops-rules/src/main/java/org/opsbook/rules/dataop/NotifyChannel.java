package org.opsbook.rules.dataop;

/** How the requester was told the result (DATAOP-EXT-07: 「以短信、邮件或电话等方式告知需求人」). */
public enum NotifyChannel {
  /** 短信. */
  SMS,
  /** 邮件. */
  EMAIL,
  /** 电话. */
  PHONE,
  /** Another way (「等方式」). */
  OTHER
}
