package org.opsbook.jdbc.audit;

import java.util.List;
import java.util.Optional;

/**
 * The steps of the SOX chain of DATAOP-MOD-18 (「按SOX要求,所有数据管理操作均必须有记录,符合“业务审批-技术审批-执行-复核-定期审计”
 * 流程要求」) and the workflow events that record them: SM-DATAOP-MOD (rules-catalog §12.6) and, for extractions,
 * SM-DATAOP-EXT (§12.7). 定期审计, the periodic audit, is the export itself.
 */
public enum SoxStep {
  /**
   * 业务审批: SM-DATAOP-MOD-T02 approveBusiness. An extraction's business step is 数据分析室's request itself
   * (SM-DATAOP-EXT-T01 submit): 「所有数据管理操作」 carry the whole chain, and in the extraction flow (§2.4.3.2 2、 1))
   * the business side's act before the technical approval is the request 数据分析室 sends on its CMCP协作单
   * (DATAOP-EXT-01). See {@link #of(SoxTrail.Kind, String)}.
   */
  BUSINESS_APPROVAL("业务审批", List.of("approveBusiness")),
  /** 技术审批: SM-DATAOP-MOD-T04 approveTechnical (DATAOP-MOD-04), SM-DATAOP-EXT-T04 approveScript (DATAOP-EXT-10). */
  TECHNICAL_APPROVAL("技术审批", List.of("approveTechnical", "approveScript")),
  /** 执行: SM-DATAOP-MOD-T07 execute, SM-DATAOP-EXT-T05 run. */
  EXECUTION("执行", List.of("execute", "run")),
  /** 复核: SM-DATAOP-MOD-T08 and SM-DATAOP-EXT-T06 passReview. */
  REVIEW("复核", List.of("passReview"));

  private final String label;
  private final List<String> events;

  SoxStep(String label, List<String> events) {
    this.label = label;
    this.events = events;
  }

  /** Returns the manual's name of the step, e.g. 业务审批. */
  public String label() {
    return label;
  }

  /** Returns the workflow events that record the step. */
  public List<String> events() {
    return events;
  }

  /**
   * Returns the step an audit action of an operation of {@code kind} records, if it records one: as
   * {@link #ofAction}, and for an extraction its {@code submit} (数据分析室's request) is the 业务审批.
   */
  public static Optional<SoxStep> of(SoxTrail.Kind kind, String action) {
    if (kind == SoxTrail.Kind.EXTRACTION && action.equals("submit")) {
      return Optional.of(BUSINESS_APPROVAL);
    }
    return ofAction(action);
  }

  /** Returns the step an audit action records, if it records one (a modification's steps). */
  public static Optional<SoxStep> ofAction(String action) {
    for (SoxStep s : values()) {
      if (s.events.contains(action)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
