package org.opsbook.rules.classify;

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
 * {@link OpsParameters}. Bounds follow the catalog's BND readings: 『以上/以下/之间』 inclusive, 『超过』 exclusive,
 * mixed 『超过N…以上』 inclusive unless {@code mixedBoundInclusive} is off.
 */
public final class ClassificationTable {
  private ClassificationTable() {}

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
    boolean confirmedOnly = p.affectedCustomersMode() == AffectedCustomersMode.CONFIRMED_ONLY;
    int l1Min = p.l1CustomersMin();
    int l1Max = p.l1CustomersMax();
    int l2Min = p.l2CustomersMin();
    t.add(rule("FAULT-CLASS-L1-01", Level.L1, "影响客户正常通信,受影响的客户在50人以上,500人以下",
        "affectsNormalCommunication AND " + l1Min + " <= affectedCustomers <= " + l1Max,
        f -> f.affectsNormalCommunication() && between(affected(f, confirmedOnly), l1Min, l1Max)));
    int hotMin = p.l1HotMinutesMin();
    int hotMax = p.l1HotMinutesMax();
    t.add(rule("FAULT-CLASS-L1-02", Level.L1, "热点业务受影响在1小时到3小时之间",
        hotMin + " <= hotBusinessOutageMinutes <= " + hotMax,
        f -> between(f.hotBusinessOutageMinutes(), hotMin, hotMax)));
    int nonHotMin = p.l1NonHotMinutesMin();
    int nonHotMax = p.l1NonHotMinutesMax();
    t.add(rule("FAULT-CLASS-L1-03", Level.L1, "非热点业务受影响在3小时到5小时之间",
        nonHotMin + " <= nonHotBusinessOutageMinutes <= " + nonHotMax,
        f -> between(f.nonHotBusinessOutageMinutes(), nonHotMin, nonHotMax)));
    int cMin = p.l1ComplaintsMin();
    int cMax = p.l1ComplaintsMax();
    t.add(rule("FAULT-CLASS-L1-04", Level.L1, "引起客户投诉咨询在20到50单之间",
        cMin + " <= complaintCount <= " + cMax, f -> between(f.complaintCount(), cMin, cMax)));
    int cs1 = p.l1CsLevel();
    t.add(rule("FAULT-CLASS-L1-05", Level.L1, "客服反映的一级投诉", "csComplaintLevel == " + cs1,
        f -> f.csComplaintLevel().isPresent() && f.csComplaintLevel().getAsInt() == cs1));
    int gd1 = p.l1GoldDiamond();
    t.add(rule("FAULT-CLASS-L1-06", Level.L1, "有2单金、钻卡客户对同一类问题的投诉",
        "goldDiamondComplaintsSameIssue >= " + gd1, f -> f.goldDiamondComplaintsSameIssue() >= gd1));
    t.add(rule("FAULT-CLASS-L1-07", Level.L1, "系统主/备用服务宕机,但能成功切换,保证业务正常进行",
        "primaryBackupDownSwitchedOk", FaultFacts::primaryBackupDownSwitchedOk));
    t.add(rule("FAULT-CLASS-L1-08", Level.L1, "重要设备故障,导致部分功能丧失或对系统存在重大隐患",
        "importantEquipmentFault", FaultFacts::importantEquipmentFault));
    t.add(rule("FAULT-CLASS-L1-09", Level.L1, "网络中断,影响单个业务办理或影响部分营业前台/代办点业务",
        "networkOutageScope == PARTIAL", f -> f.networkOutageScope() == NetworkOutageScope.PARTIAL));
    int key = p.keyInterfaceMinutes();
    t.add(rule("FAULT-CLASS-L1-10", Level.L1, "关键接口中断,不能提供服务不超过30分钟",
        "0 < keyInterfaceOutageMinutes <= " + key,
        f -> f.keyInterfaceOutageMinutes() > 0 && f.keyInterfaceOutageMinutes() <= key));
    t.add(rule("FAULT-CLASS-L1-11", Level.L1, "系统或数据库出现严重告警", "severeSystemOrDbAlarm",
        FaultFacts::severeSystemOrDbAlarm));
    int wait1 = p.l1WaitSeconds();
    t.add(rule("FAULT-CLASS-L1-12", Level.L1, "应用软件或系统故障原因导致系统效率大幅降低,单笔业务等待时间超过1分钟",
        "efficiencyDegraded AND waitSecondsPerTransaction > " + wait1,
        f -> f.efficiencyDegraded() && f.waitSecondsPerTransaction() > wait1));
    int setup = p.l1DataSetupUsers();
    boolean inclusive = p.mixedBoundInclusive();
    t.add(rule("FAULT-CLASS-L1-13", Level.L1, "业务数据设置、修改、删除时发生严重错误,导致可能超过500个用户以上业务出错",
        "dataSetupErrorPotentialUsers " + (inclusive ? ">= " : "> ") + setup,
        inclusive ? f -> f.dataSetupErrorPotentialUsers() >= setup : f -> f.dataSetupErrorPotentialUsers() > setup));
    int sw1 = p.l1SoftwareUsers();
    t.add(rule("FAULT-CLASS-L1-14", Level.L1, "软件故障导致批量用户基本服务受影响,可能超过500用户",
        "softwareFaultBasicServiceUsers > " + sw1, f -> f.softwareFaultBasicServiceUsers() > sw1));
    int halls = p.l1ReportHalls();
    t.add(rule("FAULT-CLASS-L1-15", Level.L1, "报表数据错误,可能影响10个以上的服务厅报表错误",
        "reportErrorServiceHalls >= " + halls, f -> f.reportErrorServiceHalls() >= halls));
    t.add(rule("FAULT-CLASS-L1-16", Level.L1, "对外关键接口、网络频繁出错,严重影响业务",
        "externalKeyInterfaceFrequentErrors", FaultFacts::externalKeyInterfaceFrequentErrors));

    t.add(rule("FAULT-CLASS-L2-01", Level.L2, "影响客户正常通信,受影响的客户在500人以上",
        "affectsNormalCommunication AND affectedCustomers >= " + l2Min,
        f -> f.affectsNormalCommunication() && affected(f, confirmedOnly) >= l2Min));
    int hot2 = p.l2HotMinutes();
    t.add(rule("FAULT-CLASS-L2-02", Level.L2, "热点业务受影响在3小时以上", "hotBusinessOutageMinutes >= " + hot2,
        f -> f.hotBusinessOutageMinutes() >= hot2));
    int nonHot2 = p.l2NonHotMinutes();
    t.add(rule("FAULT-CLASS-L2-03", Level.L2, "非热点业务受影响在5小时以上",
        "nonHotBusinessOutageMinutes >= " + nonHot2, f -> f.nonHotBusinessOutageMinutes() >= nonHot2));
    int c2 = p.l2Complaints();
    t.add(rule("FAULT-CLASS-L2-04", Level.L2, "引起客户投诉咨询在50单以上", "complaintCount >= " + c2,
        f -> f.complaintCount() >= c2));
    int cs2 = p.l2CsLevelMin();
    t.add(rule("FAULT-CLASS-L2-05", Level.L2, "客服反映的二级以上(包括二级)投诉", "csComplaintLevel >= " + cs2,
        f -> f.csComplaintLevel().isPresent() && f.csComplaintLevel().getAsInt() >= cs2));
    int gd2 = p.l2GoldDiamond();
    t.add(rule("FAULT-CLASS-L2-06", Level.L2, "有3单以上金、钻卡客户对同一类问题的投诉",
        "goldDiamondComplaintsSameIssue >= " + gd2, f -> f.goldDiamondComplaintsSameIssue() >= gd2));
    t.add(rule("FAULT-CLASS-L2-07", Level.L2, "系统瘫痪,主机宕机或数据库失效,无法提供服务", "systemParalysed",
        FaultFacts::systemParalysed));
    t.add(rule("FAULT-CLASS-L2-08", Level.L2, "网络中断,无法办理关键业务",
        "networkOutageScope == KEY_BUSINESS_BLOCKED",
        f -> f.networkOutageScope() == NetworkOutageScope.KEY_BUSINESS_BLOCKED));
    t.add(rule("FAULT-CLASS-L2-09", Level.L2, "关键接口中断,不能提供服务超过30分钟",
        "keyInterfaceOutageMinutes > " + key, f -> f.keyInterfaceOutageMinutes() > key));
    int module = p.l2ModuleMinutes();
    t.add(rule("FAULT-CLASS-L2-10", Level.L2, "系统重要功能模块无法使用超过15分钟,如缴费、认证、查询等",
        "importantModuleOutageMinutes > " + module, f -> f.importantModuleOutageMinutes() > module));
    int sw2 = p.l2SoftwareUsers();
    t.add(rule("FAULT-CLASS-L2-11", Level.L2, "软件故障导致大批量用户基本服务、用户基本功能受影响,超过5000用户",
        "softwareFaultBasicServiceUsers > " + sw2, f -> f.softwareFaultBasicServiceUsers() > sw2));
    int wait2 = p.l2WaitSeconds();
    t.add(rule("FAULT-CLASS-L2-12", Level.L2, "软件或系统故障导致系统运行效率大幅降低,每笔业务等待时间超过3分钟",
        "efficiencyDegraded AND waitSecondsPerTransaction > " + wait2,
        f -> f.efficiencyDegraded() && f.waitSecondsPerTransaction() > wait2));
    int serious = p.l2SeriousErrorUsers();
    t.add(rule("FAULT-CLASS-L2-13", Level.L2, "业务严重出错,影响超过5000用户的费用、状态、资料",
        "seriousBusinessErrorUsers > " + serious, f -> f.seriousBusinessErrorUsers() > serious));

    Set<RuleId> seen = new HashSet<>();
    for (ClassificationRule r : t) {
      if (!seen.add(r.id())) {
        throw new IllegalStateException("duplicate rule id in the classification table: " + r.id());
      }
    }
    return ImmutableList.copyOf(t);
  }

  /**
   * The derived fact {@code affectedCustomers} of §2.1: {@code max(confirmed, potential)}, or the confirmed count
   * alone under {@link AffectedCustomersMode#CONFIRMED_ONLY} (A-42, OQ-37).
   */
  public static int affectedCustomers(FaultFacts f, OpsParameters p) {
    return affected(f, p.affectedCustomersMode() == AffectedCustomersMode.CONFIRMED_ONLY);
  }

  private static int affected(FaultFacts f, boolean confirmedOnly) {
    int confirmed = f.affectedCustomersConfirmed();
    return confirmedOnly ? confirmed : Math.max(confirmed, f.affectedCustomersPotential());
  }

  private static boolean between(double v, int min, int max) {
    return v >= min && v <= max;
  }

  private static ClassificationRule rule(String id, Level level, String quote, String when, Criterion c) {
    return new ClassificationRule(RuleId.of(id), level, quote, when, c);
  }
}
