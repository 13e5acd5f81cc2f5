package org.opsbook.rules.cutover;

/** How the countersignature is collected (CUTOVER-06: 「通过无纸化审批系统填写割接审批单或发文的形式」). */
public enum CountersignMedium {
  /** 割接审批单 in the 无纸化审批系统. */
  PAPERLESS_APPROVAL_FORM,
  /** 发文. */
  OFFICIAL_DOCUMENT
}
