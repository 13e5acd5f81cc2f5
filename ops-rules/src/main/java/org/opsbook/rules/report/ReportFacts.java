package org.opsbook.rules.report;

import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;

/**
 * The facts of rules-catalog §2.3 for one fault signature: its occurrences and cumulative complaints in the ISO week
 * and the calendar month (TIME-05, counted per REPORT-COUNT-01), its category, and the month's occurrences of that
 * category across all signatures (REPORT-MONTHLY-03). Absent facts are {@code 0} and {@link FaultCategory#OTHER}.
 * Counts must not be negative. Immutable.
 */
@Value.Immutable
public abstract class ReportFacts {
  /** Occurrences in the ISO week; every recurrence counts, even several in one day. */
  @Value.Default
  public int occurrencesInWeek() {
    return 0;
  }

  /** 累计投诉量 in the ISO week. */
  @Value.Default
  public int complaintsInWeek() {
    return 0;
  }

  /** Occurrences in the calendar month. */
  @Value.Default
  public int occurrencesInMonth() {
    return 0;
  }

  /** 累计投诉量 in the calendar month. */
  @Value.Default
  public int complaintsInMonth() {
    return 0;
  }

  /** The fault's category; {@link FaultCategory#OTHER} unless it is one REPORT-MONTHLY-03 lists. */
  @Value.Default
  public FaultCategory faultCategory() {
    return FaultCategory.OTHER;
  }

  /** Occurrences of the category in the calendar month, across every signature. */
  @Value.Default
  public int categoryOccurrencesInMonth() {
    return 0;
  }

  /**
   * Returns the count REPORT-MONTHLY-03 compares: the category's occurrences in the month, and never fewer than this
   * fault's own occurrences, which the category count includes.
   */
  public int effectiveCategoryOccurrencesInMonth() {
    return Math.max(categoryOccurrencesInMonth(), occurrencesInMonth());
  }

  @Value.Check
  protected void check() {
    nonNegative("occurrencesInWeek", occurrencesInWeek());
    nonNegative("complaintsInWeek", complaintsInWeek());
    nonNegative("occurrencesInMonth", occurrencesInMonth());
    nonNegative("complaintsInMonth", complaintsInMonth());
    nonNegative("categoryOccurrencesInMonth", categoryOccurrencesInMonth());
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidInputException(field, field + " must be >= 0: " + value);
    }
  }

  /** Returns a builder; unset facts are {@code 0} and {@link FaultCategory#OTHER}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReportFacts}. */
  public static final class Builder extends ImmutableReportFacts.Builder {}

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
}
