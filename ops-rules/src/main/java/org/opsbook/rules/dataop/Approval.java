package org.opsbook.rules.dataop;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opsbook.core.Actor;

/**
 * An approval form as the host's AMS or CMCP records it: who approved (with the roles the host's directory gives
 * them) and when. Used for 运维访问敏感数据审批表 (DATAOP-SENS-01) and 批量敏感数据修改审批单 (DATAOP-SENS-04).
 *
 * @param approver who approved, with their roles
 * @param approvedAt when
 */
public record Approval(Actor approver, Instant approvedAt) {
  /** Validates the parts. */
  public Approval {
    checkNotNull(approver, "approver");
    checkNotNull(approvedAt, "approvedAt");
  }
}
