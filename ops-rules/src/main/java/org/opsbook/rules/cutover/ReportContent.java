package org.opsbook.rules.cutover;

/**
 * What the cutover report contains (CUTOVER-10, CUTOVER-12): 「割接方案、割接应急预案、割接拨测列表、割接时间、割接影响、
 * 申请工程割接的依据、系统割接申请(公文)等,如果需要发布社会公告,需包括拟好的社会公告」.
 */
public enum ReportContent {
  /** 割接方案. */
  PLAN,
  /** 割接应急预案. */
  EMERGENCY_PLAN,
  /** 割接拨测列表. */
  DIAL_TEST_LIST,
  /** 割接时间. */
  TIME,
  /** 割接影响. */
  IMPACT,
  /** 申请工程割接的依据. */
  BASIS,
  /** 系统割接申请(公文). */
  SYSTEM_CUTOVER_APPLICATION_DOC,
  /** 拟好的社会公告, needed when a social announcement is. */
  DRAFT_SOCIAL_ANNOUNCEMENT
}
