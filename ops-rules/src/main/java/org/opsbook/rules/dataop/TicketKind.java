package org.opsbook.rules.dataop;

/**
 * The kind of ticket an operation is raised on (DATAOP-MOD-01, DATAOP-EXT-01): 「数据修改动作都必须通过AMS数据修改单、
 * CMCP业务故障单或IT协作单工单完成,不能通过AMS系统故障单、需求单或其他类型的工单完成」.
 */
public enum TicketKind {
  /** AMS数据修改单. */
  AMS_DATA_MOD,
  /** CMCP业务故障单 (the flow's 「cmcp故障单」, CONFLICT-13). */
  CMCP_BUSINESS_FAULT,
  /** CMCP IT协作单. */
  CMCP_IT_COLLAB,
  /** AMS系统故障单: not allowed for modifications. */
  AMS_SYSTEM_FAULT,
  /** 需求单: not allowed for modifications. */
  REQUIREMENT,
  /** Any other kind: not allowed. */
  OTHER;

  /** Returns true for the kinds DATAOP-MOD-01 allows a modification to be raised on. */
  public boolean allowsModification() {
    return this == AMS_DATA_MOD || this == CMCP_BUSINESS_FAULT || this == CMCP_IT_COLLAB;
  }
}
