package org.opsbook.rules.dataop;

/**
 * The states of the two data-operation machines: SM-DATAOP-MOD (catalog §12.6) and SM-DATAOP-EXT (§12.7). Each
 * machine uses its own subset; the names are the catalog's.
 */
public enum DataOpState {
  /** Being written; not yet submitted. */
  DRAFT,
  /** Submitted by the 数据操作提交人. */
  SUBMITTED,
  /** Modification: 业务审批 given. */
  BUSINESS_APPROVED,
  /** Extraction: the processor verified the requirement and told the requester the estimate (EXT-08). */
  ASSESSED,
  /** The script (and for a modification the backup) is on the ticket. */
  SCRIPT_READY,
  /** Modification: 技术审批 by the city processor (MOD-04). */
  TECH_APPROVED,
  /** Extraction: the city processor approved the script (EXT-10). */
  SCRIPT_APPROVED,
  /** Modification: assigned to a developer, who must state the impact and get consent (MOD-10). */
  DEV_IMPACT_PENDING,
  /** Modification: the submitter consented to the developer's impact statement. */
  READY_TO_EXECUTE,
  /** Modification: executed. */
  EXECUTED,
  /** Extraction: extracted. */
  EXTRACTED,
  /** The reviewer passed the result. */
  REVIEWED,
  /** Extraction: delivered to 数据分析室 (EXT-02). */
  DELIVERED,
  /** Modification: the requester is asked for business confirmation (MOD-05). */
  AWAITING_BUSINESS_CONFIRMATION,
  /** Extraction: the requester is asked for a business review (EXT-07). */
  AWAITING_BUSINESS_REVIEW,
  /** Done. Terminal. */
  CLOSED,
  /** The review failed; the processor reworks the script. */
  REWORK,
  /** Withdrawn before execution. Terminal. */
  CANCELLED
}
