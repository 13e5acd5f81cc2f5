package org.opsbook.rules.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.duty.ConditionRule.Timing;
import org.opsbook.rules.duty.ConditionRule.Window;

/**
 * The duties raised the moment a condition on the fault first holds, as one ordered table. Thresholds come from
 * {@link OpsParameters} and follow the catalog's bound readings: 『以上』 inclusive (BND-01), 『超过』『过百』
 * exclusive (BND-02), 『超过N…以上』 inclusive unless {@code mixedBoundInclusive} is off (BND-04).
 *
 * <p>Escalation duties to the room manager (ESC-ROOM) apply only within the scope of ESC-ROOM-16; those to the
 * centre manager (ESC-CENTER) to any fault. Every one of them needs an open (unrepaired) fault.
 *
 * <p>ESC-HANDLE-02 and ESC-HANDLE-08 each ask for two actions; they are raised as the catalog's sub-steps (§0.1):
 * 02.1 the report to 省业务支撑中心 and 02.2 the AMS dispatch to the developer, both 「第一时间」, once the owner
 * declares {@code cannotSelfResolve}; 08.1 the AMS fault declaration 「立即」 and 08.2 the word to the provincial duty
 * officer 「及时」 for a {@code selfDiscovered} fault. A sub-step already done when its condition first holds (the
 * province told, the developer told or an AMS number recorded, the duty officer told) is not raised.
 */
final class ConditionRules {
  /** 「超过10个以上客户出现相同故障,上报室经理」: the general-fault twin of ESC-REQ-02, raised under ESC-REQ-02's ID. */
  static final RuleId FAULT_GEN_04 = RuleId.of("FAULT-GEN-04");

  /** §0.3: 「立即」「马上」「第一时间」 → due at the trigger, plus {@code immediateGraceMinutes}. */
  static final Timing IMMEDIATE = (f, at) -> new Window(at, f.grace(at));

  /** §0.3, TIME-07: 「及时」 → no deadline, unless the host configured {@code timelyDeadline}. */
  static final Timing TIMELY = (f, at) -> new Window(at, f.timely(at));

  /** Raised by the repair, due at once (NOTIFY-TRIG-08: the source gives no timing, OQ-06). */
  static final Timing AT_REPAIR = (f, at) -> new Window(f.repairedAtOrNull(), f.grace(f.repairedAtOrNull()));

  /** Raised by the repair, untimed. */
  static final Timing TIMELY_AFTER_REPAIR =
      (f, at) -> new Window(f.repairedAtOrNull(), f.timely(f.repairedAtOrNull()));

  /**
   * ESC-REQ-10: by 下班 (workdayEnd, TIME-03) of the repair day; a repair after 下班 goes into the next day's duty log
   * (OQ-15).
   */
  static final Timing DUTY_LOG = (f, at) -> {
    WorkCalendar cal = f.calendar();
    Instant repaired = f.repairedAtOrNull();
    LocalDate day = cal.dateOf(repaired);
    Instant due = cal.at(day, cal.workdayEnd());
    if (repaired.isAfter(due)) {
      due = cal.at(day.plusDays(1), cal.workdayEnd());
    }
    return new Window(repaired, due);
  };

  static final List<ConditionRule> TABLE = table(
      rule(Duty.ESC_ROOM_01, "出现一级或二级故障", f -> ladder(f) && f.peakLevel().isEscalated()),
      rule(Duty.ESC_ROOM_02, "不影响客户的正常通信,但判断可能受影响的客户数目过百",
          f -> ladder(f) && !f.facts().affectsNormalCommunication()
              && f.facts().affectedCustomersPotential() > p(f).roomPotentialCustomers()),
      rule(Duty.ESC_ROOM_03, "已收到十单以上的同类客户投诉",
          f -> ladder(f) && f.facts().sameTypeComplaintCount() >= p(f).roomSameTypeComplaints()),
      rule(Duty.ESC_ROOM_04, "已确认受影响的客户在三十个以上",
          f -> ladder(f) && f.facts().affectedCustomersConfirmed() >= p(f).roomConfirmedCustomers()),
      rule(Duty.ESC_ROOM_05, "对客户的正常通信和业务办理、查询等将造成影响,影响面不能确认,但可能数目过百",
          f -> ladder(f) && (f.facts().affectsNormalCommunication() || f.facts().affectsBusinessOrQuery())
              && !f.facts().impactConfirmed()
              && f.facts().affectedCustomersPotential() > p(f).roomPotentialCustomers()),
      // TIME-10: the minutes are the host's measure from the symptom's start to now (or to its end, once ended); the
      // 「预计将超过」 branch reads the host's estimate
      rule(Duty.ESC_ROOM_06, "各业务支撑系统级故障,超过15分钟或预计将超过15分钟",
          f -> ladder(f) && f.facts().systemLevelFault()
              && (f.facts().systemLevelFaultMinutes() > p(f).roomOutageMinutes()
                  || f.facts().systemLevelFaultExpectedMinutes() > p(f).roomOutageMinutes())),
      rule(Duty.ESC_ROOM_07, "各业务支撑某几项功能无法使用超过15分钟或预计将超过15分钟",
          f -> ladder(f) && f.facts().functionOutage()
              && (f.facts().functionOutageMinutes() > p(f).roomOutageMinutes()
                  || f.facts().functionOutageExpectedMinutes() > p(f).roomOutageMinutes())),
      rule(Duty.ESC_ROOM_08, "影响面尚不能确认,但可能引起20单以上的客户投诉",
          f -> ladder(f) && !f.facts().impactConfirmed()
              && f.facts().potentialComplaintCount() >= p(f).roomPotentialComplaints()),
      rule(Duty.ESC_CENTER_01, "超过30名客户投诉不能正常进行通信(包括语音通信、短信息收发、GPRS、彩铃等服务功能),"
          + "且无法在客户投诉时立即通过重置HLR资料等手段为客户恢复使用",
          f -> f.isOpen() && f.facts().commFailureComplainingCustomers() > p(f).centerComplainingCustomers()
              && !f.facts().restorableByHlrResetAtComplaint()),
      rule(Duty.ESC_CENTER_02, "可能有超过100名客户不能正常进行通信(包括语音通信、短信息收发、GPRS、彩铃等服务功能),"
          + "且无法在客户投诉时立即通过重置HLR资料等手段为客户恢复使用",
          f -> f.isOpen() && f.facts().commFailurePotentialCustomers() > p(f).centerPotentialCustomers()
              && !f.facts().restorableByHlrResetAtComplaint()),
      rule(Duty.ESC_CENTER_03, "超过30名客户投诉被误停机",
          f -> f.isOpen() && f.facts().wrongSuspensionComplainingCustomers() > p(f).centerComplainingCustomers()),
      rule(Duty.ESC_CENTER_04, "可能有超过100名客户被误停机",
          f -> f.isOpen() && f.facts().wrongSuspensionPotentialCustomers() > p(f).centerPotentialCustomers()),
      rule(Duty.ESC_CENTER_05, "超过30名客户投诉账户金额异常(包括异常减少、充值不到账等)、计费异常、银行扣费异常、缴费后无法开机",
          f -> f.isOpen() && f.facts().accountAnomalyComplainingCustomers() > p(f).centerComplainingCustomers()),
      rule(Duty.ESC_CENTER_06, "可能有超过100名客户的账户金额异常(包括异常减少、充值不到账等)、计费异常或银行扣费异常、缴费后无法开机",
          f -> f.isOpen() && f.facts().accountAnomalyPotentialCustomers() > p(f).centerPotentialCustomers()),
      rule(Duty.ESC_CENTER_07, "客户通过自助渠道无法查询/打印清单超过2小时",
          f -> f.isOpen() && f.facts().selfServiceBillListOutageMinutes() > p(f).centerBillListMinutes()),
      rule(Duty.ESC_CENTER_08, "BOSS、CC、IBOSS系统无法登陆超过30分钟",
          f -> f.isOpen() && f.facts().maxLoginOutageMinutes() > p(f).centerLoginMinutes()),
      rule(Duty.ESC_CENTER_10, "对1名以上红名单客户进行了误停机、误打扰",
          f -> f.isOpen() && f.facts().redListCustomersAffected() >= p(f).centerRedList()),
      rule(Duty.ESC_CENTER_11, "其它投诉在250单以上或可能影响的客户超过500名的故障",
          f -> f.isOpen() && (f.facts().complaintCount() >= p(f).centerComplaints()
              || f.facts().affectedCustomersPotential() > p(f).centerOtherPotentialCustomers())),
      rule(Duty.ESC_CENTER_12, "一个月内反复出现系统登陆不稳定的故障,超过3次",
          f -> f.isOpen() && f.facts().loginInstabilityFaultsThisMonth() > p(f).centerLoginInstabilityPerMonth()),
      rule(Duty.ESC_CENTER_13, "一个月内反复出现自助渠道不能登陆的故障,超过5次",
          f -> f.isOpen() && f.facts().selfServiceLoginFaultsThisMonth() > p(f).centerSelfServiceLoginPerMonth()),
      rule(Duty.ESC_CENTER_14, "BOSS/IBOSS和CC、HLR、银行主动缴费、SMP的接口全面中断超过30分钟",
          f -> f.isOpen() && f.facts().maxCoreInterfaceFullOutageMinutes() > p(f).centerInterfaceMinutes()),
      rule(Duty.FAULT_GEN_03, TIMELY, "重大故障处理时需制定详细的解决方案,并上报室经理",
          f -> f.isOpen() && (f.facts().isMajorFault() || f.peakLevel() == Level.L2)),
      rule(Duty.FAULT_GEN_06, TIMELY, "如怀疑为软件问题,应及时知会支持维护室共同跟进",
          f -> f.facts().softwareProblemSuspected()),
      rule(Duty.FAULT_GEN_07, TIMELY, "应在ITC监控系统上及时填报故障处理进展", FaultTracker::isOpen),
      rule(Duty.FAULT_GEN_10, TIMELY, "如属应用软件故障,需开发上载的,通过CMCP派单给支持维护室办理",
          f -> f.facts().needsDevelopmentUpload()),
      rule(Duty.ESC_HANDLE_02_1, "对于自行无法解决的问题,需要在第一时间向省业务支撑中心报告故障",
          f -> f.isOpen() && f.facts().cannotSelfResolve() && f.provinceAt() == null),
      rule(Duty.ESC_HANDLE_02_2, "对于自行无法解决的问题,需要在第一时间…在AMS上派单给开发商处理",
          f -> f.isOpen() && f.facts().cannotSelfResolve() && f.developerAt() == null
              && f.facts().amsDevTicketNo().isEmpty()),
      rule(Duty.ESC_HANDLE_08_1, "对于自行发现的故障,应通过AMS系统立即进行故障申报",
          f -> f.facts().selfDiscovered() && f.facts().amsFaultNo().isEmpty()),
      rule(Duty.ESC_HANDLE_08_2, TIMELY, "对于自行发现的故障,…并及时通知省业务支撑中心的值班人员协助跟进",
          f -> f.isOpen() && f.facts().selfDiscovered() && f.facts().provinceDutyNotifiedAt().isEmpty()),
      rule(Duty.ESC_REQ_02, IMMEDIATE,
          "对于超过10个以上客户出现相同故障(具有发展为严重或重大故障的趋势),上报室经理,同时按以下步骤启动紧急故障处理流程",
          f -> f.isOpen() && sameFaultEmergency(f)),
      rule(Duty.ESC_REQ_03, IMMEDIATE, "遇到主要故障点涉及省中心,要第一时间向省业务支撑中心报障",
          f -> f.isOpen() && f.escalatedRegime() && f.facts().mainFaultPointInProvince()),
      rule(Duty.ESC_REQ_04, TIMELY, "制定升级故障的详细解决方案,并上报室经理,避免处理时欠缺考虑引发关联故障",
          f -> f.isOpen() && f.emergency()),
      rule(Duty.ESC_REQ_05, TIMELY, "如确认为软件版本缺陷引起的故障,应及时知会支持维护室共同跟进",
          f -> f.escalatedRegime() && f.facts().softwareVersionDefectConfirmed()),
      rule(Duty.ESC_REQ_06, TIMELY, "解释口径和处理方法由市场部(数据业务中心/集团客户部)确定",
          f -> f.escalatedRegime() && affectsCustomers(f)),
      rule(Duty.ESC_REQ_07, TIMELY, "将受影响号码、解释口径告知客服以进行前台解释工作",
          f -> f.escalatedRegime() && affectsCustomers(f) && f.isDone(Duty.ESC_REQ_06)),
      rule(Duty.ESC_REQ_08, TIMELY, "如涉及账务问题和银行方面的问题要知会账务室",
          f -> f.escalatedRegime() && f.facts().involvesBillingOrBank()),
      rule(Duty.ESC_REQ_09, TIMELY, "若故障影响到批量业务处理,要及时通知电子商务中心进行批量业务排期,尽可能降低对批量业务的影响",
          f -> f.isOpen() && f.escalatedRegime() && f.facts().affectsBatchBusiness()),
      rule(Duty.ESC_REQ_10, DUTY_LOG, "升级故障解决后,应及时提供相应的内容给当天负责值班日志撰写的同事,由其汇总在当天的值班日志中",
          f -> f.repairedAtOrNull() != null && f.peakLevel().isEscalated()),
      rule(Duty.ESC_REQ_11, TIMELY_AFTER_REPAIR, "并填写故障处理报告,并每周进行汇总,上挂至teamserver",
          f -> f.repairedAtOrNull() != null && f.peakLevel().isEscalated()),
      // BUG-15 (§2.3) quotes the same sentence from the BUG side: this duty is both
      rule(Duty.ESC_REQ_13, TIMELY, "对于属于系统程序BUG引起的升级故障,需提IT协作单给支持维护室相关人员协助跟进",
          f -> f.peakLevel().isEscalated() && f.facts().programBug()),
      new ConditionRule(Duty.NOTIFY_TRIG_01, 1, Quotes.TRIG_01, f -> f.isOpen() && f.peakLevel().isEscalated(),
          IMMEDIATE),
      new ConditionRule(Duty.NOTIFY_TRIG_01, 2, Quotes.TRIG_01,
          f -> f.repairedAtOrNull() != null && f.hasRaised(Duty.NOTIFY_TRIG_01, 1), AT_REPAIR),
      rule(Duty.NOTIFY_TRIG_08, AT_REPAIR, "同时通知68284的值班同事群发故障通知短信和故障恢复短信",
          f -> f.repairedAtOrNull() != null && (f.notificationAt() != null || Notifications.raisedNotification(f))));

  private ConditionRules() {}

  /**
   * FAULT-GEN-04 / ESC-REQ-02: 「超过10个以上客户出现相同故障」, read {@code >= N} (BND-04), or {@code > N} when
   * {@code mixedBoundInclusive} is off.
   */
  static boolean sameFaultEmergency(FaultTracker f) {
    int n = f.facts().effectiveSameFaultCustomerCount();
    int threshold = p(f).sameFaultCustomersForEmergency();
    return p(f).mixedBoundInclusive() ? n >= threshold : n > threshold;
  }

  /**
   * ESC-REQ-06/07 (§2.2.3.3 3、 1) 2)): the escalated fault reaches customers, so they need an explanation at the front
   * desk — customers complain or are affected (confirmed or possibly), or their communication, business or queries
   * are (「受影响号码」 presupposes affected numbers).
   */
  static boolean affectsCustomers(FaultTracker f) {
    FaultFacts facts = f.facts();
    return facts.complaintCount() > 0 || facts.affectedCustomersConfirmed() > 0
        || facts.affectedCustomersPotential() > 0 || facts.effectiveSameFaultCustomerCount() > 0
        || facts.affectsNormalCommunication() || facts.affectsBusinessOrQuery();
  }

  /** The conditions TICKET-11 proposes as signs of an escalation trend: ESC-ROOM-01..08 (FAULT-GEN-04 apart). */
  private static final Set<Duty> TREND = EnumSet.of(Duty.ESC_ROOM_01, Duty.ESC_ROOM_02, Duty.ESC_ROOM_03,
      Duty.ESC_ROOM_04, Duty.ESC_ROOM_05, Duty.ESC_ROOM_06, Duty.ESC_ROOM_07, Duty.ESC_ROOM_08);

  /**
   * TICKET-11's suggested indicators of an escalation trend: the rules among ESC-ROOM-01..08 whose condition holds on
   * the fault now, and FAULT-GEN-04 when its 10+ same-fault customers do (the condition ESC-REQ-02 shares).
   */
  static SortedSet<RuleId> trendIndicators(FaultTracker f) {
    SortedSet<RuleId> out = new TreeSet<>();
    for (ConditionRule rule : TABLE) {
      if (TREND.contains(rule.duty()) && rule.when().test(f)) {
        out.add(rule.duty().id);
      }
    }
    if (f.isOpen() && sameFaultEmergency(f)) {
      out.add(FAULT_GEN_04);
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** The room-manager ladder applies: an open fault within the scope of ESC-ROOM-16. */
  private static boolean ladder(FaultTracker f) {
    return f.isOpen() && f.inScope();
  }

  private static OpsParameters p(FaultTracker f) {
    return f.parameters();
  }

  private static ConditionRule rule(Duty duty, String quote, Predicate<FaultTracker> when) {
    return new ConditionRule(duty, 1, quote, when, IMMEDIATE);
  }

  private static ConditionRule rule(Duty duty, Timing timing, String quote, Predicate<FaultTracker> when) {
    return new ConditionRule(duty, 1, quote, when, timing);
  }

  private static List<ConditionRule> table(ConditionRule... rules) {
    Set<String> seen = new HashSet<>();
    for (ConditionRule r : rules) {
      if (!seen.add(r.duty().id + "#" + r.sequence())) {
        throw new IllegalStateException("duplicate rule " + r.duty().id + " #" + r.sequence());
      }
    }
    return List.of(rules);
  }

  private static final class Quotes {
    static final String TRIG_01 = "IT中心升级故障值班人员接到升级故障投诉后应通知68284的值班同事在服营网站/I-OFFICE上挂故障通知公告和故障恢复公告";

    private Quotes() {}
  }
}
