package org.opsbook.rules.internal.classify;

import static org.opsbook.rules.internal.classify.Comparison.above;
import static org.opsbook.rules.internal.classify.Comparison.atLeast;
import static org.opsbook.rules.internal.classify.Comparison.atMost;
import static org.opsbook.rules.internal.classify.Comparison.equalTo;
import static org.opsbook.rules.internal.classify.Comparison.isSet;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;
import org.opsbook.core.RuleId;

/**
 * The L1 and L2 criteria of §2.2.3.1 item 1 as data: an ordered, immutable table whose thresholds come from
 * {@link OpsParameters}, over the fact dimensions of {@link #schema}. Bounds follow the catalog's BND readings:
 * 『以上/以下/之间』 inclusive, 『超过』 exclusive, mixed 『超过N…以上』 inclusive unless {@code mixedBoundInclusive}
 * is off (BND-04).
 */
public final class ClassificationTable {
  /** Flag 影响客户正常通信. */
  public static final String AFFECTS_NORMAL_COMMUNICATION = "affectsNormalCommunication";
  /** The derived count 受影响的客户 of §2.1: max(confirmed, potential), or confirmed only. */
  public static final String AFFECTED_CUSTOMERS = "affectedCustomers";
  /**
   * Minutes a hot business has been affected. Hot business is FAULT-CLASS-DEF-02:
   * 「热点业务是指用户缴费开机、清单查询、服务开通、套卡销售与激活四类业务」; the host decides which of its businesses those
   * four are, and reports their outage here and every other business's in {@link #NON_HOT_BUSINESS_OUTAGE_MINUTES}.
   */
  public static final String HOT_BUSINESS_OUTAGE_MINUTES = "hotBusinessOutageMinutes";
  /** Minutes any other business has been affected. */
  public static final String NON_HOT_BUSINESS_OUTAGE_MINUTES = "nonHotBusinessOutageMinutes";
  /** Complaints and inquiries (客户投诉咨询). */
  public static final String COMPLAINT_COUNT = "complaintCount";
  /** The customer-service complaint level; {@code 0} when there is none. */
  public static final String CS_COMPLAINT_LEVEL = "csComplaintLevel";
  /** Gold/diamond-card complaints about the same problem. */
  public static final String GOLD_DIAMOND_COMPLAINTS = "goldDiamondComplaintsSameIssue";
  /** Flag: primary or backup down, switched over. */
  public static final String PRIMARY_BACKUP_DOWN_SWITCHED_OK = "primaryBackupDownSwitchedOk";
  /** Flag: important equipment fault. */
  public static final String IMPORTANT_EQUIPMENT_FAULT = "importantEquipmentFault";
  /** The ordinal of {@link NetworkOutageScope}. */
  public static final String NETWORK_OUTAGE_SCOPE = "networkOutageScope";
  /**
   * Minutes a key interface has been down. Key interfaces are FAULT-CLASS-DEF-03:
   * 「(关键接口包括:Call Center、HLR、银行、网站、SMP等)」, an open set (「等」) the host may extend; the host reports the
   * longest outage of any of them.
   */
  public static final String KEY_INTERFACE_OUTAGE_MINUTES = "keyInterfaceOutageMinutes";
  /** Flag: severe system or database alarm. */
  public static final String SEVERE_SYSTEM_OR_DB_ALARM = "severeSystemOrDbAlarm";
  /** Flag: efficiency dropped sharply. */
  public static final String EFFICIENCY_DEGRADED = "efficiencyDegraded";
  /** Seconds of wait per transaction. */
  public static final String WAIT_SECONDS_PER_TRANSACTION = "waitSecondsPerTransaction";
  /** Users at risk from a business-data setup error. */
  public static final String DATA_SETUP_ERROR_POTENTIAL_USERS = "dataSetupErrorPotentialUsers";
  /** Users whose basic service a software fault affects. */
  public static final String SOFTWARE_FAULT_BASIC_SERVICE_USERS = "softwareFaultBasicServiceUsers";
  /** Service halls with possibly wrong reports. */
  public static final String REPORT_ERROR_SERVICE_HALLS = "reportErrorServiceHalls";
  /** Flag: external key interfaces or network error frequently. */
  public static final String EXTERNAL_KEY_INTERFACE_FREQUENT_ERRORS = "externalKeyInterfaceFrequentErrors";
  /** Flag: system paralysed. */
  public static final String SYSTEM_PARALYSED = "systemParalysed";
  /** Minutes an important function module has been unusable. */
  public static final String IMPORTANT_MODULE_OUTAGE_MINUTES = "importantModuleOutageMinutes";
  /** Users hit by a serious business error. */
  public static final String SERIOUS_BUSINESS_ERROR_USERS = "seriousBusinessErrorUsers";

  private static final List<String> DIMENSIONS = ImmutableList.of(
      AFFECTS_NORMAL_COMMUNICATION, AFFECTED_CUSTOMERS, HOT_BUSINESS_OUTAGE_MINUTES,
      NON_HOT_BUSINESS_OUTAGE_MINUTES, COMPLAINT_COUNT, CS_COMPLAINT_LEVEL, GOLD_DIAMOND_COMPLAINTS,
      PRIMARY_BACKUP_DOWN_SWITCHED_OK, IMPORTANT_EQUIPMENT_FAULT, NETWORK_OUTAGE_SCOPE,
      KEY_INTERFACE_OUTAGE_MINUTES, SEVERE_SYSTEM_OR_DB_ALARM, EFFICIENCY_DEGRADED, WAIT_SECONDS_PER_TRANSACTION,
      DATA_SETUP_ERROR_POTENTIAL_USERS, SOFTWARE_FAULT_BASIC_SERVICE_USERS, REPORT_ERROR_SERVICE_HALLS,
      EXTERNAL_KEY_INTERFACE_FREQUENT_ERRORS, SYSTEM_PARALYSED, IMPORTANT_MODULE_OUTAGE_MINUTES,
      SERIOUS_BUSINESS_ERROR_USERS);

  private static final FactSchema<FaultFacts> MAX_OF_BOTH = FactSchema.of(DIMENSIONS, new Projection(false));
  private static final FactSchema<FaultFacts> CONFIRMED_ONLY = FactSchema.of(DIMENSIONS, new Projection(true));

  /**
   * The projection under either {@link AffectedCustomersMode}: a class rather than two lambdas, each a call site
   * the command line's {@code classify} linked at every start.
   */
  private static final class Projection implements FactSchema.Projector<FaultFacts> {
    private final boolean confirmedOnly;

    Projection(boolean confirmedOnly) {
      this.confirmedOnly = confirmedOnly;
    }

    @Override
    public void project(FaultFacts f, double[] v) {
      ClassificationTable.project(f, v, ImpliedFacts.affectedCustomers(f, confirmedOnly));
    }
  }

  private ClassificationTable() {}

  /**
   * Returns how the table reads {@link FaultFacts} under {@code p}: the dimension {@link #AFFECTED_CUSTOMERS} follows
   * {@link OpsParameters#affectedCustomersMode()}.
   */
  public static FactSchema<FaultFacts> schema(OpsParameters p) {
    return p.affectedCustomersMode() == AffectedCustomersMode.CONFIRMED_ONLY ? CONFIRMED_ONLY : MAX_OF_BOTH;
  }

  // The positions follow DIMENSIONS; ClassificationTableTest checks each against its name. Where another fact of the
  // host's sets a lower bound by the manual's definitions, the dimension reads it (ImpliedFacts).
  private static void project(FaultFacts f, double[] v, int affectedCustomers) {
    v[0] = ImpliedFacts.affectsNormalCommunication(f) ? 1 : 0;
    v[1] = affectedCustomers;
    v[2] = ImpliedFacts.hotBusinessOutageMinutes(f);
    v[3] = f.nonHotBusinessOutageMinutes();
    v[4] = ImpliedFacts.complaints(f);
    v[5] = f.csComplaintLevelOrZero();
    v[6] = f.goldDiamondComplaintsSameIssue();
    v[7] = f.primaryBackupDownSwitchedOk() ? 1 : 0;
    v[8] = f.importantEquipmentFault() ? 1 : 0;
    v[9] = f.networkOutageScope().ordinal();
    v[10] = ImpliedFacts.keyInterfaceOutageMinutes(f);
    v[11] = f.severeSystemOrDbAlarm() ? 1 : 0;
    v[12] = f.efficiencyDegraded() ? 1 : 0;
    v[13] = f.waitSecondsPerTransaction();
    v[14] = f.dataSetupErrorPotentialUsers();
    v[15] = f.softwareFaultBasicServiceUsers();
    v[16] = f.reportErrorServiceHalls();
    v[17] = f.externalKeyInterfaceFrequentErrors() ? 1 : 0;
    v[18] = f.systemParalysed() ? 1 : 0;
    v[19] = f.importantModuleOutageMinutes();
    v[20] = f.seriousBusinessErrorUsers();
  }

  /** Returns the table for the catalog defaults. */
  public static List<ClassificationRule> standard() {
    return of(OpsParameters.defaults());
  }

  /**
   * Returns the table bound to {@code p}, L1 rules first, then L2, each in catalog order. Duplicate IDs are
   * rejected.
   */
  public static List<ClassificationRule> of(OpsParameters p) {
    List<ClassificationRule> t = new ArrayList<>();
    t.add(rule("FAULT-CLASS-L1-01", Level.L1, "影响客户正常通信,受影响的客户在50人以上,500人以下",
        isSet(AFFECTS_NORMAL_COMMUNICATION), atLeast(AFFECTED_CUSTOMERS, p.l1CustomersMin()),
        atMost(AFFECTED_CUSTOMERS, p.l1CustomersMax())));
    // 『A到B之间』 is A <= x <= B as written (BND-06); the upper bound B also meets the L2 row's 『B以上』, and the
    // classifier's highest-level-wins turns these bands into [A, B) in effect (BND-07)
    t.add(rule("FAULT-CLASS-L1-02", Level.L1, "热点业务受影响在1小时到3小时之间",
        atLeast(HOT_BUSINESS_OUTAGE_MINUTES, p.l1HotMinutesMin()),
        atMost(HOT_BUSINESS_OUTAGE_MINUTES, p.l1HotMinutesMax())));
    t.add(rule("FAULT-CLASS-L1-03", Level.L1, "非热点业务受影响在3小时到5小时之间",
        atLeast(NON_HOT_BUSINESS_OUTAGE_MINUTES, p.l1NonHotMinutesMin()),
        atMost(NON_HOT_BUSINESS_OUTAGE_MINUTES, p.l1NonHotMinutesMax())));
    t.add(rule("FAULT-CLASS-L1-04", Level.L1, "引起客户投诉咨询在20到50单之间",
        atLeast(COMPLAINT_COUNT, p.l1ComplaintsMin()), atMost(COMPLAINT_COUNT, p.l1ComplaintsMax())));
    t.add(rule("FAULT-CLASS-L1-05", Level.L1, "客服反映的一级投诉", equalTo(CS_COMPLAINT_LEVEL, p.l1CsLevel())));
    // a bare count 『有2单』 reads >= N (BND-09); no higher band exists, so it stays >= 2
    t.add(rule("FAULT-CLASS-L1-06", Level.L1, "有2单金、钻卡客户对同一类问题的投诉",
        atLeast(GOLD_DIAMOND_COMPLAINTS, p.l1GoldDiamond())));
    t.add(rule("FAULT-CLASS-L1-07", Level.L1, "系统主/备用服务宕机,但能成功切换,保证业务正常进行",
        isSet(PRIMARY_BACKUP_DOWN_SWITCHED_OK)));
    t.add(rule("FAULT-CLASS-L1-08", Level.L1, "重要设备故障,导致部分功能丧失或对系统存在重大隐患",
        isSet(IMPORTANT_EQUIPMENT_FAULT)));
    t.add(rule("FAULT-CLASS-L1-09", Level.L1, "网络中断,影响单个业务办理或影响部分营业前台/代办点业务",
        equalTo(NETWORK_OUTAGE_SCOPE, NetworkOutageScope.PARTIAL)));
    t.add(rule("FAULT-CLASS-L1-10", Level.L1, "关键接口中断,不能提供服务不超过30分钟",
        above(KEY_INTERFACE_OUTAGE_MINUTES, 0), atMost(KEY_INTERFACE_OUTAGE_MINUTES, p.keyInterfaceMinutes())));
    t.add(rule("FAULT-CLASS-L1-11", Level.L1, "系统或数据库出现严重告警", isSet(SEVERE_SYSTEM_OR_DB_ALARM)));
    t.add(rule("FAULT-CLASS-L1-12", Level.L1, "应用软件或系统故障原因导致系统效率大幅降低,单笔业务等待时间超过1分钟",
        isSet(EFFICIENCY_DEGRADED), above(WAIT_SECONDS_PER_TRANSACTION, p.l1WaitSeconds())));
    t.add(rule("FAULT-CLASS-L1-13", Level.L1, "业务数据设置、修改、删除时发生严重错误,导致可能超过500个用户以上业务出错",
        p.mixedBoundInclusive() ? atLeast(DATA_SETUP_ERROR_POTENTIAL_USERS, p.l1DataSetupUsers())
            : above(DATA_SETUP_ERROR_POTENTIAL_USERS, p.l1DataSetupUsers())));
    t.add(rule("FAULT-CLASS-L1-14", Level.L1, "软件故障导致批量用户基本服务受影响,可能超过500用户",
        above(SOFTWARE_FAULT_BASIC_SERVICE_USERS, p.l1SoftwareUsers())));
    t.add(rule("FAULT-CLASS-L1-15", Level.L1, "报表数据错误,可能影响10个以上的服务厅报表错误",
        atLeast(REPORT_ERROR_SERVICE_HALLS, p.l1ReportHalls())));
    t.add(rule("FAULT-CLASS-L1-16", Level.L1, "对外关键接口、网络频繁出错,严重影响业务",
        isSet(EXTERNAL_KEY_INTERFACE_FREQUENT_ERRORS)));

    t.add(rule("FAULT-CLASS-L2-01", Level.L2, "影响客户正常通信,受影响的客户在500人以上",
        isSet(AFFECTS_NORMAL_COMMUNICATION), atLeast(AFFECTED_CUSTOMERS, p.l2CustomersMin())));
    t.add(rule("FAULT-CLASS-L2-02", Level.L2, "热点业务受影响在3小时以上",
        atLeast(HOT_BUSINESS_OUTAGE_MINUTES, p.l2HotMinutes())));
    t.add(rule("FAULT-CLASS-L2-03", Level.L2, "非热点业务受影响在5小时以上",
        atLeast(NON_HOT_BUSINESS_OUTAGE_MINUTES, p.l2NonHotMinutes())));
    t.add(rule("FAULT-CLASS-L2-04", Level.L2, "引起客户投诉咨询在50单以上", atLeast(COMPLAINT_COUNT, p.l2Complaints())));
    t.add(rule("FAULT-CLASS-L2-05", Level.L2, "客服反映的二级以上(包括二级)投诉",
        atLeast(CS_COMPLAINT_LEVEL, p.l2CsLevelMin())));
    t.add(rule("FAULT-CLASS-L2-06", Level.L2, "有3单以上金、钻卡客户对同一类问题的投诉",
        atLeast(GOLD_DIAMOND_COMPLAINTS, p.l2GoldDiamond())));
    t.add(rule("FAULT-CLASS-L2-07", Level.L2, "系统瘫痪,主机宕机或数据库失效,无法提供服务", isSet(SYSTEM_PARALYSED)));
    t.add(rule("FAULT-CLASS-L2-08", Level.L2, "网络中断,无法办理关键业务",
        equalTo(NETWORK_OUTAGE_SCOPE, NetworkOutageScope.KEY_BUSINESS_BLOCKED)));
    t.add(rule("FAULT-CLASS-L2-09", Level.L2, "关键接口中断,不能提供服务超过30分钟",
        above(KEY_INTERFACE_OUTAGE_MINUTES, p.keyInterfaceMinutes())));
    t.add(rule("FAULT-CLASS-L2-10", Level.L2, "系统重要功能模块无法使用超过15分钟,如缴费、认证、查询等",
        above(IMPORTANT_MODULE_OUTAGE_MINUTES, p.l2ModuleMinutes())));
    t.add(rule("FAULT-CLASS-L2-11", Level.L2, "软件故障导致大批量用户基本服务、用户基本功能受影响,超过5000用户",
        above(SOFTWARE_FAULT_BASIC_SERVICE_USERS, p.l2SoftwareUsers())));
    t.add(rule("FAULT-CLASS-L2-12", Level.L2, "软件或系统故障导致系统运行效率大幅降低,每笔业务等待时间超过3分钟",
        isSet(EFFICIENCY_DEGRADED), above(WAIT_SECONDS_PER_TRANSACTION, p.l2WaitSeconds())));
    t.add(rule("FAULT-CLASS-L2-13", Level.L2, "业务严重出错,影响超过5000用户的费用、状态、资料",
        above(SERIOUS_BUSINESS_ERROR_USERS, p.l2SeriousErrorUsers())));

    Set<RuleId> seen = new HashSet<>();
    for (ClassificationRule r : t) {
      if (!seen.add(r.id())) {
        throw new IllegalStateException("duplicate rule id in the classification table: " + r.id());
      }
    }
    return ImmutableList.copyOf(t);
  }

  /** Compiles the table bound to {@code p} into a {@link RuleTable}; a rule's rank is its level's ordinal. */
  public static RuleTable<FaultFacts> compile(OpsParameters p) {
    RuleTable.Builder<FaultFacts> b = RuleTable.builder(schema(p));
    for (ClassificationRule r : of(p)) {
      b.add(r.id(), r.level().ordinal(), r.criterion());
    }
    return b.build();
  }


  private static ClassificationRule rule(String id, Level level, String quote, Comparison... when) {
    return new ClassificationRule(RuleId.of(id), level, quote, Criterion.of(when));
  }
}
