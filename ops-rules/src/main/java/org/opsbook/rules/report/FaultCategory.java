package org.opsbook.rules.report;

/**
 * The kinds of customer-facing fault that REPORT-MONTHLY-03 lists, plus {@link #OTHER} (rules-catalog §2.3). Quote:
 * 「系统无法登陆、客户无法登陆自助渠道、客户无法查询清单、客户无法办理服务功能、客户无法查询话费或账户余额、客户充值未到账的故障需在月报中体现」.
 */
public enum FaultCategory {
  /** 系统无法登陆. */
  SYSTEM_LOGIN_FAILURE("系统无法登陆"),
  /** 客户无法登陆自助渠道. */
  SELF_SERVICE_LOGIN_FAILURE("客户无法登陆自助渠道"),
  /** 客户无法查询清单. */
  BILL_LIST_QUERY_FAILURE("客户无法查询清单"),
  /** 客户无法办理服务功能. */
  SERVICE_FUNCTION_FAILURE("客户无法办理服务功能"),
  /** 客户无法查询话费或账户余额. */
  CHARGE_OR_BALANCE_QUERY_FAILURE("客户无法查询话费或账户余额"),
  /** 客户充值未到账. */
  TOPUP_NOT_CREDITED("客户充值未到账"),
  /** Any other fault; REPORT-MONTHLY-03 does not apply. */
  OTHER("其它");

  private final String chineseName;

  FaultCategory(String chineseName) {
    this.chineseName = chineseName;
  }

  /** Returns the manual's wording of the category. */
  public String chineseName() {
    return chineseName;
  }

  /** Returns true for the six categories REPORT-MONTHLY-03 names. */
  public boolean isListedForMonthlyReport() {
    return this != OTHER;
  }
}
