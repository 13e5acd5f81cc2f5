package org.opsbook.core;

/**
 * What can happen to a fault over time. A fault's history is its ordered list of {@link FaultEvent}s; the rules fold
 * it into the current facts, levels, duties and the lifecycle state of SM-ESC (rules-catalog §7.3). The steps of that
 * lifecycle are events of the same history: {@link #OPENED}, {@link #REPAIRED}, {@link #RELAPSED} and {@link #CLOSED}
 * are both reported facts and lifecycle steps; the others from {@link #DECLARED} on are lifecycle steps only
 * ({@link #isLifecycleStep()}), recorded with their data and checked by SM-ESC's guards.
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
  CLOSED,
  /** SM-ESC-T02: declared (in AMS for a self-discovered fault, ESC-HANDLE-08). */
  DECLARED,
  /** SM-ESC-T03: A or B takes the fault, or the monitor assigns it (ESC-HANDLE-01/03/05). */
  OWNERSHIP_TAKEN,
  /** SM-ESC-T04: the A↔B handover (ESC-HANDLE-03/04). */
  HANDED_OVER,
  /** SM-ESC-T05: reported to the province and dispatched to the developer in AMS (ESC-HANDLE-02). */
  ESCALATED_EXTERNALLY,
  /** SM-ESC-T06: a conclusive progress entry (FAULT-GEN-08/09, ESC-REQ-12). */
  PROGRESS_ENTERED,
  /** SM-ESC-T09: the post-incident duties are filed (ESC-REQ-10/11). */
  POST_INCIDENT_FILED,
  /** SM-ESC-T10: the monitor intervenes (ESC-HANDLE-05). */
  INTERVENED,
  /** SM-ESC-T10: the monitor reassigns the owner (ESC-HANDLE-05). */
  REASSIGNED,
  /** ESC-HANDLE-03: A's availability changes. */
  AVAILABILITY_REPORTED;

  /** Returns true for the events that exist only as steps of the SM-ESC lifecycle, from {@link #DECLARED} on. */
  public boolean isLifecycleStep() {
    return compareTo(DECLARED) >= 0;
  }
}
