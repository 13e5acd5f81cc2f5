package org.opsbook.core;

/**
 * What can happen to a fault over time. A fault's history is its ordered list of {@link FaultEvent}s; the rules fold
 * it into the current facts, levels and duties.
 */
public enum FaultEventType {
  /** The fault record is opened with its first facts (SM-ESC-T01). */
  OPENED,
  /** The host reports new facts; the event carries the whole new snapshot. */
  FACTS_CHANGED,
  /** 发现影响面可能进一步扩大 (ESC-ROOM-11, ESC-CENTER-16). */
  IMPACT_MAY_EXPAND,
  /** 发现新的故障现象 (ESC-ROOM-12, ESC-CENTER-17). */
  NEW_PHENOMENON,
  /** 报开发商: dispatched to the developer. */
  REPORTED_TO_DEVELOPER,
  /** Reported to 省业务支撑中心. */
  REPORTED_TO_PROVINCE,
  /** The room manager was told (first report or a re-report). */
  REPORTED_TO_ROOM_MANAGER,
  /** A progress report reached the room manager (ESC-PROG). */
  PROGRESS_REPORTED,
  /** The department manager was told (ESC-DEPT). */
  REPORTED_TO_DEPT_MANAGER,
  /** The centre manager was told (ESC-CENTER). */
  REPORTED_TO_CENTER_MANAGER,
  /** 重大进展 or a new estimated recovery time (NOTIFY-TRIG-07). */
  SIGNIFICANT_PROGRESS,
  /** The notification SMS was sent. */
  NOTIFICATION_SENT,
  /** A follow-up SMS was sent. */
  FOLLOW_UP_SENT,
  /** The recovery SMS was sent. */
  RECOVERY_SENT,
  /** A duty was discharged; the event names its rule (and sequence, for a recurring one). */
  DUTY_COMPLETED,
  /** 故障修复 / 恢复正常 (SM-ESC-T07). */
  REPAIRED,
  /** The fault came back after recovery (SM-ESC-T08); counts as a new occurrence. */
  RELAPSED,
  /** The fault record is closed (SM-ESC-T11). */
  CLOSED
}
