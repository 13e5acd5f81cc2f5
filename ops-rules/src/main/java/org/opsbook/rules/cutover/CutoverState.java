package org.opsbook.rules.cutover;

/** The states of SM-CUTOVER (catalog §13.1), plus {@link #INITIAL} for ∅ before T01. */
public enum CutoverState {
  /** ∅: not yet created. */
  INITIAL,
  /** The plan and report are being drafted. */
  DRAFTING,
  /** The owner reviewed the developer's draft (CUTOVER-10, CUTOVER-11). */
  OWNER_REVIEWED,
  /** The supervisor approved the report (CUTOVER-12). */
  SUPERVISOR_APPROVED,
  /** Applied to the province through AMS (CUTOVER-05, CUTOVER-23, CUTOVER-24). */
  APPLIED,
  /** 省公司业务支撑中心 approved (CUTOVER-03). */
  PROVINCE_APPROVED,
  /** IT centre and related departments countersigned (CUTOVER-06). */
  COUNTERSIGNED,
  /** The announcement was published through 行政服务中心 (CUTOVER-07). */
  ANNOUNCED,
  /** The leader in charge and related departments were told the time and the impact (CUTOVER-08). */
  STAKEHOLDERS_NOTIFIED,
  /** The pre-cutover meeting was held (CUTOVER-13). */
  BRIEFED,
  /** Checked and ready to start (CUTOVER-14, CUTOVER-15). */
  READY,
  /** Under way (CUTOVER-16). */
  IN_PROGRESS,
  /** Done and post-checked (CUTOVER-18, CUTOVER-19, CUTOVER-21). */
  POST_CHECKED,
  /** Customer service runs its business tests (CUTOVER-22). */
  CS_TESTING,
  /** Archived. Terminal. */
  ARCHIVED,
  /** The province refused the application. Terminal. */
  REJECTED,
  /** The emergency plan was invoked. Terminal. */
  ABORTED
}
