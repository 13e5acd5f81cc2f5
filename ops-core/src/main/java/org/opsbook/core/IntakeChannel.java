package org.opsbook.core;

/** How the IT centre learned of a fault (ESC-HANDLE-07): 「ITC监控系统、邮件、电话、监控系统运作情况等多个渠道」. */
public enum IntakeChannel {
  /** ITC监控系统. */
  ITC_MONITORING,
  /** 邮件. */
  EMAIL,
  /** 电话. */
  PHONE,
  /** 监控系统运作情况. */
  MONITORING_OBSERVATION,
  /** A complaint ticket. */
  COMPLAINT_TICKET,
  /** Any other channel (the list is open: 「等」). */
  OTHER
}
