package org.opsbook.rules.bug;

import java.util.OptionalInt;
import org.opsbook.core.OpsParameters;

/**
 * BUG-06's impact threshold. Quote: 「判断程序BUG的影响面,如影响超过200客户或已引发客服二级以上客户投诉的(一般需上载紧急版本解决),应及时上报室经理请求协助推动解决」.
 * 超过200 is {@code > 200} (BND-02), 二级以上 is {@code >= 2} (BND-01): both from {@link OpsParameters}
 * ({@code bugEmergencyCustomers}, {@code bugEmergencyCsLevel}). BUG-14's 「影响面大」 is read as the same predicate.
 */
final class BugImpact {
  private BugImpact() {}

  /**
   * Returns true when a BUG's impact is large (BUG-06, BUG-14): more than {@code bugEmergencyCustomers} customers,
   * or a customer-service complaint of level {@code bugEmergencyCsLevel} or higher.
   */
  public static boolean isLarge(int bugAffectedCustomers, OptionalInt csComplaintLevel, OpsParameters p) {
    return bugAffectedCustomers > p.bugEmergencyCustomers()
        || (csComplaintLevel.isPresent() && csComplaintLevel.getAsInt() >= p.bugEmergencyCsLevel());
  }

  /** Returns {@link #isLarge} for the impact recorded on {@code bug}. */
  public static boolean isLarge(BugTicket bug, OpsParameters p) {
    return isLarge(bug.bugAffectedCustomers(), bug.csComplaintLevel(), p);
  }
}
