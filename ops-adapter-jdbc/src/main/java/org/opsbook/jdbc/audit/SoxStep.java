package org.opsbook.jdbc.audit;

import java.util.Optional;

/**
 * The steps of the SOX chain of DATAOP-MOD-18 (「按SOX要求,所有数据管理操作均必须有记录,符合“业务审批-技术审批-执行-复核-定期审计”
 * 流程要求」) and the events of SM-DATAOP-MOD that record them (rules-catalog §12.6). 定期审计, the periodic audit, is
 * the export itself.
 */
public enum SoxStep {
  /** 业务审批: SM-DATAOP-MOD-T02 approveBusiness. */
  BUSINESS_APPROVAL("业务审批", "approveBusiness"),
  /** 技术审批: SM-DATAOP-MOD-T04 approveTechnical (DATAOP-MOD-04). */
  TECHNICAL_APPROVAL("技术审批", "approveTechnical"),
  /** 执行: SM-DATAOP-MOD-T07 execute. */
  EXECUTION("执行", "execute"),
  /** 复核: SM-DATAOP-MOD-T08 passReview. */
  REVIEW("复核", "passReview");

  private final String label;
  private final String event;

  SoxStep(String label, String event) {
    this.label = label;
    this.event = event;
  }

  /** Returns the manual's name of the step, e.g. 业务审批. */
  public String label() {
    return label;
  }

  /** Returns the workflow event that records the step. */
  public String event() {
    return event;
  }

  /** Returns the step an audit action records, if it records one. */
  public static Optional<SoxStep> ofAction(String action) {
    for (SoxStep s : values()) {
      if (s.event.equals(action)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
