package org.opsbook.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What a host knows about a fault at one moment (rules-catalog §2.1 and §2.2): impact counts and durations,
 * flags, and the timeline of reports. An absent fact takes its neutral default: {@code 0} for counts and minutes,
 * {@code false} for flags, empty for optional timestamps and levels, {@code NONE} for enums that have it;
 * {@link #responsibleUnit()} defaults to the room itself.
 *
 * <p>Facts change over time; derive the next snapshot with {@link #toBuilder()}. Counts and durations must not be
 * negative; a manual level assessment needs a justification. Violations throw {@link InvalidInputException} naming
 * the field. Immutable and thread-safe.
 *
 * <pre>{@code
 * FaultFacts facts = FaultFacts.builder().faultId("F-1").affectsNormalCommunication(true)
 *     .affectedCustomersConfirmed(620).build();
 * FaultFacts later = facts.toBuilder().complaintCount(55).build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false,
    // every default is a constant and the one derived value reads a plain attribute, so the values need no guard
    // against one default reading another: without it a build allocates no initialization shim and runs none of
    // its stage checks, which made the constructor the largest frame of an obligations call
    unsafeDefaultAndDerived = true)
public abstract class FaultFacts {
  /** Identifier of the fault. Used by all. */
  public abstract Optional<String> faultId();

  /** 故障时间: when the fault began; the fault time of every template and t0 of ESC-DEPT. Used by NOTIFY-TPL, ESC-DEPT. */
  public abstract Optional<Instant> faultStartTime();

  /** When the IT centre learned of the fault. Used by NOTIFY-TRIG-05, FAULT-GEN-08. */
  public abstract Optional<Instant> detectedAt();

  /** How the fault was learned of. Used by ESC-HANDLE-07. */
  public abstract Optional<IntakeChannel> intakeChannel();

  /** 自行发现的故障. Used by ESC-HANDLE-08. */
  @Value.Default
  public boolean selfDiscovered() {
    return false;
  }

  /** 业务类故障 or 系统类故障; the host decides (OQ-32). Used by NOTIFY-*. */
  public abstract Optional<FaultNature> nature();

  /** CALLCENTER类故障. Used by NOTIFY-RCPT-03. */
  @Value.Default
  public boolean callCenterFault() {
    return false;
  }

  /** The text for the leading 「*」 of a template, e.g. BOSS. Used by NOTIFY-TPL. */
  public abstract Optional<String> subjectName();

  /** 影响客户正常通信 (voice, SMS, GPRS, CRBT …). Used by L1-01, L2-01, ESC-ROOM-02/05/13/14. */
  @Value.Default
  public boolean affectsNormalCommunication() {
    return false;
  }

  /** 影响客户…业务办理、查询. Used by ESC-ROOM-05/13/14. */
  @Value.Default
  public boolean affectsBusinessOrQuery() {
    return false;
  }

  /** 影响…重要业务办理、查询. Used by ESC-CENTER-18. */
  @Value.Default
  public boolean affectsImportantBusinessOrQuery() {
    return false;
  }

  /** 已确认受影响的客户. Used by ESC-ROOM-04, L1-01, L2-01. */
  @Value.Default
  public int affectedCustomersConfirmed() {
    return 0;
  }

  /** 可能受影响的客户 (upper estimate). Used by ESC-ROOM-02/05, ESC-CENTER-11, L1-01, L2-01. */
  @Value.Default
  public int affectedCustomersPotential() {
    return 0;
  }

  /** 影响面已确认. Used by ESC-ROOM-05/08. */
  @Value.Default
  public boolean impactConfirmed() {
    return false;
  }

  /** 客户出现相同故障: customers observed with the identical fault; absent means affectedCustomersConfirmed. Used by FAULT-GEN-04, ESC-REQ-02. */
  public abstract OptionalInt sameFaultCustomerCount();

  /** How long a hot business (FAULT-CLASS-DEF-02) has been affected. Used by L1-02, L2-02. */
  @Value.Default
  public double hotBusinessOutageMinutes() {
    return 0;
  }

  /** How long any other business has been affected. Used by L1-03, L2-03. */
  @Value.Default
  public double nonHotBusinessOutageMinutes() {
    return 0;
  }

  /** 客户投诉咨询: complaints and inquiries attributed to the fault. Used by L1-04, L2-04, ESC-CENTER-11. */
  @Value.Default
  public int complaintCount() {
    return 0;
  }

  /** 同类客户投诉 received. Used by ESC-ROOM-03. */
  @Value.Default
  public int sameTypeComplaintCount() {
    return 0;
  }

  /** 可能引起…的客户投诉: expected complaints. Used by ESC-ROOM-08. */
  @Value.Default
  public int potentialComplaintCount() {
    return 0;
  }

  /** Highest customer-service complaint level linked to the fault (一级=1 … higher is more severe, OQ-08). Used by L1-05, L2-05, ESC-DEPT-03, ESC-CENTER-15, NOTIFY-RCPT-04, BUG-06. */
  public abstract OptionalInt csComplaintLevel();

  /**
   * Returns {@link #csComplaintLevel()} as a plain {@code int}, 0 when absent (levels start at 1). Classification
   * and the duty rules read the level on every call; this value is computed once per snapshot, so reading it
   * allocates nothing. Not part of equality, hashing or {@code toString()}: it only restates the level.
   */
  @Value.Derived
  @Value.Auxiliary
  public int csComplaintLevelOrZero() {
    return csComplaintLevel().orElse(0);
  }

  /** When that complaint was received. Used by ESC-DEPT-03. */
  public abstract Optional<Instant> csComplaintReceivedAt();

  /** Complaints from gold/diamond-card customers about the same problem. Used by L1-06, L2-06. */
  @Value.Default
  public int goldDiamondComplaintsSameIssue() {
    return 0;
  }

  /** Primary or backup service down, switchover succeeded, business normal. Used by L1-07. */
  @Value.Default
  public boolean primaryBackupDownSwitchedOk() {
    return false;
  }

  /** An important device is faulty and this causes partial loss of function or a major latent risk. Used by L1-08. */
  @Value.Default
  public boolean importantEquipmentFault() {
    return false;
  }

  /** The reach of a network interruption. Used by L1-09, L2-08. */
  @Value.Default
  public NetworkOutageScope networkOutageScope() {
    return NetworkOutageScope.NONE;
  }

  /** Longest current or just-ended outage of any key interface (Call Center, HLR, bank, website, SMP …). Used by L1-10, L2-09. */
  @Value.Default
  public double keyInterfaceOutageMinutes() {
    return 0;
  }

  /** 系统或数据库出现严重告警. Used by L1-11. */
  @Value.Default
  public boolean severeSystemOrDbAlarm() {
    return false;
  }

  /** Efficiency drops sharply because of an application-software or system fault. Used by L1-12, L2-12. */
  @Value.Default
  public boolean efficiencyDegraded() {
    return false;
  }

  /** Wait time per business transaction, in seconds (CONFLICT-08). Used by L1-12, L2-12. */
  @Value.Default
  public double waitSecondsPerTransaction() {
    return 0;
  }

  /** Users whose business may go wrong because of a serious business-data setup error. Used by L1-13. */
  @Value.Default
  public int dataSetupErrorPotentialUsers() {
    return 0;
  }

  /** Users whose basic service or function is affected by a software fault. Used by L1-14, L2-11. */
  @Value.Default
  public int softwareFaultBasicServiceUsers() {
    return 0;
  }

  /** Service halls whose reports may be wrong. Used by L1-15. */
  @Value.Default
  public int reportErrorServiceHalls() {
    return 0;
  }

  /** External key interfaces or the network error frequently, seriously affecting business. Used by L1-16. */
  @Value.Default
  public boolean externalKeyInterfaceFrequentErrors() {
    return false;
  }

  /** 系统瘫痪,主机宕机或数据库失效,无法提供服务. Used by L2-07. */
  @Value.Default
  public boolean systemParalysed() {
    return false;
  }

  /** How long an important function module (payment, authentication, query …) has been unusable. Used by L2-10. */
  @Value.Default
  public double importantModuleOutageMinutes() {
    return 0;
  }

  /** Users whose charges, status or profile are hit by a serious business error. Used by L2-13. */
  @Value.Default
  public int seriousBusinessErrorUsers() {
    return 0;
  }

  /** The analyst's judgement for situations outside the listed examples (包括但不局限于). Used by FAULT-CLASS-DEF-05. */
  @Value.Default
  public Level manualLevelAssessment() {
    return Level.NONE;
  }

  /** Why the analyst assessed the level; mandatory with a manual assessment. Used by FAULT-CLASS-DEF-05. */
  public abstract Optional<String> manualLevelJustification();

  /** 业务支撑系统级故障. Used by ESC-ROOM-06. */
  @Value.Default
  public boolean systemLevelFault() {
    return false;
  }

  /** Actual duration of the system-level fault. Used by ESC-ROOM-06. */
  @Value.Default
  public double systemLevelFaultMinutes() {
    return 0;
  }

  /** Expected duration of the system-level fault. Used by ESC-ROOM-06. */
  @Value.Default
  public double systemLevelFaultExpectedMinutes() {
    return 0;
  }

  /** Some functions of a business support system are unusable. Used by ESC-ROOM-07. */
  @Value.Default
  public boolean functionOutage() {
    return false;
  }

  /** Actual duration of the function outage. Used by ESC-ROOM-07. */
  @Value.Default
  public double functionOutageMinutes() {
    return 0;
  }

  /** Expected duration of the function outage. Used by ESC-ROOM-07. */
  @Value.Default
  public double functionOutageExpectedMinutes() {
    return 0;
  }

  /** 报开发商: when the fault was dispatched to the developer (AMS). Used by ESC-ROOM-09/13/14/15. */
  public abstract Optional<Instant> reportedToDeveloperAt();

  /** When the fault was reported to 省业务支撑中心/省公司. Used by ESC-CENTER-18, ESC-HANDLE-02. */
  public abstract Optional<Instant> reportedToProvinceAt();

  /** When the last 实质性进展 happened; substantiveProgressSince(t) holds when this is after t. Used by stall rules. */
  public abstract Optional<Instant> lastSubstantiveProgressAt();

  /** 故障定位: the fault point is located. Used by stall rules. */
  @Value.Default
  public boolean faultLocated() {
    return false;
  }

  /** The resolution time is confirmed. Used by stall rules. */
  @Value.Default
  public boolean resolutionTimeConfirmed() {
    return false;
  }

  /** The developer can say when the impact scope will be confirmed. Used by ESC-ROOM-09. */
  @Value.Default
  public boolean developerCanStateImpactConfirmationTime() {
    return false;
  }

  /** Progress in confirming the impact scope is satisfactory. Used by ESC-ROOM-09. */
  @Value.Default
  public boolean impactConfirmationProgressSatisfactory() {
    return false;
  }

  /** Which unit owns the fault; the room itself by default. Used by ESC-ROOM-16. */
  @Value.Default
  public ResponsibleUnit responsibleUnit() {
    return ResponsibleUnit.OWN_ROOM;
  }

  /** A fault owned elsewhere affects systems or business acceptance owned by this room. Used by ESC-ROOM-16. */
  @Value.Default
  public boolean affectsOwnSystemsOrAcceptance() {
    return false;
  }

  /** 怀疑为软件问题. Used by FAULT-GEN-06. */
  @Value.Default
  public boolean softwareProblemSuspected() {
    return false;
  }

  /** 确认为软件版本缺陷. Used by ESC-REQ-05. */
  @Value.Default
  public boolean softwareVersionDefectConfirmed() {
    return false;
  }

  /** 系统程序BUG. Used by ESC-REQ-13. */
  @Value.Default
  public boolean programBug() {
    return false;
  }

  /** An application-software fault that needs a development upload. Used by FAULT-GEN-10. */
  @Value.Default
  public boolean needsDevelopmentUpload() {
    return false;
  }

  /** 主要故障点涉及省中心. Used by ESC-REQ-03. */
  @Value.Default
  public boolean mainFaultPointInProvince() {
    return false;
  }

  /** 涉及账务问题和银行方面的问题. Used by ESC-REQ-08. */
  @Value.Default
  public boolean involvesBillingOrBank() {
    return false;
  }

  /** 影响到批量业务处理. Used by ESC-REQ-09. */
  @Value.Default
  public boolean affectsBatchBusiness() {
    return false;
  }

  /** 重大故障 flagged by the host; level L2 counts as major too. Used by FAULT-GEN-03. */
  @Value.Default
  public boolean isMajorFault() {
    return false;
  }

  /** The owner declares the fault cannot be solved in-house. Used by ESC-HANDLE-02. */
  @Value.Default
  public boolean cannotSelfResolve() {
    return false;
  }

  /** 故障修复 / 恢复正常 / 解决 (one moment, OQ-14). Used by most timers. */
  public abstract Optional<Instant> repairedAt();

  /** When the room manager was first told. Used by ESC-PROG. */
  public abstract Optional<Instant> reportedToRoomManagerAt();

  /** When the room manager last received a progress report. Used by ESC-PROG. */
  public abstract Optional<Instant> lastRoomManagerProgressAt();

  /** When the centre manager was first told. Used by ESC-CENTER-16..18. */
  public abstract Optional<Instant> reportedToCenterManagerAt();

  /** AMS fault declaration number. Used by ESC-HANDLE-08. */
  public abstract Optional<String> amsFaultNo();

  /** When the provincial duty officer was notified. Used by ESC-HANDLE-08. */
  public abstract Optional<Instant> provinceDutyNotifiedAt();

  /** AMS dispatch to the developer. Used by ESC-HANDLE-02. */
  public abstract Optional<String> amsDevTicketNo();

  /** When the customer-service centre sent its own level-1 fault SMS. Used by NOTIFY-TRIG-04. */
  public abstract Optional<Instant> csCenterLevel1SmsSentAt();

  /** When the fault notification SMS was sent. Used by NOTIFY-TRIG-07/08. */
  public abstract Optional<Instant> notificationSentAt();

  /** Customers who complained that they cannot communicate normally. Used by ESC-CENTER-01. */
  @Value.Default
  public int commFailureComplainingCustomers() {
    return 0;
  }

  /** Customers who may be unable to communicate normally. Used by ESC-CENTER-02. */
  @Value.Default
  public int commFailurePotentialCustomers() {
    return 0;
  }

  /** Service can be restored at once when the customer complains, e.g. by resetting HLR data. Used by ESC-CENTER-01/02. */
  @Value.Default
  public boolean restorableByHlrResetAtComplaint() {
    return false;
  }

  /** 误停机: customers who complained. Used by ESC-CENTER-03. */
  @Value.Default
  public int wrongSuspensionComplainingCustomers() {
    return 0;
  }

  /** 误停机: customers possibly affected. Used by ESC-CENTER-04. */
  @Value.Default
  public int wrongSuspensionPotentialCustomers() {
    return 0;
  }

  /** Account, billing or bank anomalies: customers who complained. Used by ESC-CENTER-05. */
  @Value.Default
  public int accountAnomalyComplainingCustomers() {
    return 0;
  }

  /** Account, billing or bank anomalies: customers possibly affected. Used by ESC-CENTER-06. */
  @Value.Default
  public int accountAnomalyPotentialCustomers() {
    return 0;
  }

  /** Customers cannot query or print detail bills through self-service channels. Used by ESC-CENTER-07. */
  @Value.Default
  public double selfServiceBillListOutageMinutes() {
    return 0;
  }

  /** Minutes each system cannot be logged into. Used by ESC-CENTER-08. */
  public abstract Map<LoginSystem, Double> loginOutageMinutes();

  /** Loss of important data that affects customer service or company operations. Used by ESC-CENTER-09. */
  @Value.Default
  public boolean importantDataLost() {
    return false;
  }

  /** When the data loss happened. Used by ESC-CENTER-09. */
  public abstract Optional<Instant> dataLossAt();

  /** Whether a solution to the data loss is confirmed. Used by ESC-CENTER-09. */
  @Value.Default
  public boolean dataLossSolutionConfirmed() {
    return false;
  }

  /** 红名单 customers wrongly suspended or disturbed. Used by ESC-CENTER-10. */
  @Value.Default
  public int redListCustomersAffected() {
    return 0;
  }

  /** Recurring login-instability faults in the month. Used by ESC-CENTER-12. */
  @Value.Default
  public int loginInstabilityFaultsThisMonth() {
    return 0;
  }

  /** Recurring self-service login faults in the month. Used by ESC-CENTER-13. */
  @Value.Default
  public int selfServiceLoginFaultsThisMonth() {
    return 0;
  }

  /** Minutes of full interruption of each BOSS/IBOSS interface. Used by ESC-CENTER-14. */
  public abstract Map<CoreInterface, Double> coreInterfaceFullOutageMinutes();

  /**
   * Returns the customers with the identical fault: {@link #sameFaultCustomerCount()} when the host gave it, else
   * {@link #affectedCustomersConfirmed()} (rules-catalog §2.1).
   */
  public int effectiveSameFaultCustomerCount() {
    OptionalInt given = sameFaultCustomerCount();
    return given.isPresent() ? given.getAsInt() : affectedCustomersConfirmed();
  }

  /** Returns true when 实质性进展 happened after {@code t} ({@code substantiveProgressSince(t)} of §8). */
  public boolean substantiveProgressSince(Instant t) {
    return lastSubstantiveProgressAt().map(p -> p.isAfter(t)).orElse(false);
  }

  /** Returns the longest login outage over BOSS, CC and IBOSS (ESC-CENTER-08), 0 when none. */
  public double maxLoginOutageMinutes() {
    double max = 0;
    for (double v : loginOutageMinutes().values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** Returns the longest full interruption over the ESC-CENTER-14 interfaces, 0 when none. */
  public double maxCoreInterfaceFullOutageMinutes() {
    double max = 0;
    for (double v : coreInterfaceFullOutageMinutes().values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** Returns a builder holding these facts, to derive the next snapshot. */
  public Builder toBuilder() {
    return (Builder) new Builder().from(this);
  }

  @Value.Check
  protected void check() {
    nonNegative("affectedCustomersConfirmed", affectedCustomersConfirmed());
    nonNegative("affectedCustomersPotential", affectedCustomersPotential());
    nonNegative("complaintCount", complaintCount());
    nonNegative("sameTypeComplaintCount", sameTypeComplaintCount());
    nonNegative("potentialComplaintCount", potentialComplaintCount());
    nonNegative("goldDiamondComplaintsSameIssue", goldDiamondComplaintsSameIssue());
    nonNegative("dataSetupErrorPotentialUsers", dataSetupErrorPotentialUsers());
    nonNegative("softwareFaultBasicServiceUsers", softwareFaultBasicServiceUsers());
    nonNegative("reportErrorServiceHalls", reportErrorServiceHalls());
    nonNegative("seriousBusinessErrorUsers", seriousBusinessErrorUsers());
    nonNegative("commFailureComplainingCustomers", commFailureComplainingCustomers());
    nonNegative("commFailurePotentialCustomers", commFailurePotentialCustomers());
    nonNegative("wrongSuspensionComplainingCustomers", wrongSuspensionComplainingCustomers());
    nonNegative("wrongSuspensionPotentialCustomers", wrongSuspensionPotentialCustomers());
    nonNegative("accountAnomalyComplainingCustomers", accountAnomalyComplainingCustomers());
    nonNegative("accountAnomalyPotentialCustomers", accountAnomalyPotentialCustomers());
    nonNegative("redListCustomersAffected", redListCustomersAffected());
    nonNegative("loginInstabilityFaultsThisMonth", loginInstabilityFaultsThisMonth());
    nonNegative("selfServiceLoginFaultsThisMonth", selfServiceLoginFaultsThisMonth());
    nonNegative("hotBusinessOutageMinutes", hotBusinessOutageMinutes());
    nonNegative("nonHotBusinessOutageMinutes", nonHotBusinessOutageMinutes());
    nonNegative("keyInterfaceOutageMinutes", keyInterfaceOutageMinutes());
    nonNegative("waitSecondsPerTransaction", waitSecondsPerTransaction());
    nonNegative("importantModuleOutageMinutes", importantModuleOutageMinutes());
    nonNegative("systemLevelFaultMinutes", systemLevelFaultMinutes());
    nonNegative("systemLevelFaultExpectedMinutes", systemLevelFaultExpectedMinutes());
    nonNegative("functionOutageMinutes", functionOutageMinutes());
    nonNegative("functionOutageExpectedMinutes", functionOutageExpectedMinutes());
    nonNegative("selfServiceBillListOutageMinutes", selfServiceBillListOutageMinutes());
    for (Map.Entry<?, Double> e : loginOutageMinutes().entrySet()) {
      nonNegative("loginOutageMinutes." + e.getKey(), e.getValue());
    }
    for (Map.Entry<?, Double> e : coreInterfaceFullOutageMinutes().entrySet()) {
      nonNegative("coreInterfaceFullOutageMinutes." + e.getKey(), e.getValue());
    }
    if (sameFaultCustomerCount().isPresent()) {
      nonNegative("sameFaultCustomerCount", sameFaultCustomerCount().getAsInt());
    }
    if (csComplaintLevel().isPresent() && csComplaintLevel().getAsInt() < 1) {
      throw new InvalidInputException("csComplaintLevel",
          "csComplaintLevel must be >= 1 (一级=1): " + csComplaintLevel().getAsInt());
    }
    if (manualLevelAssessment() != Level.NONE
        && manualLevelJustification().map(String::isBlank).orElse(true)) {
      throw new InvalidInputException("manualLevelJustification",
          "a manual level assessment needs a justification", RuleId.of("FAULT-CLASS-DEF-05"));
    }
  }

  private static void nonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidInputException(field, field + " must be >= 0: " + value);
    }
  }

  /** Returns a builder with every fact at its neutral default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns facts with every fact at its neutral default. */
  public static FaultFacts empty() {
    return builder().build();
  }

  /** Builds {@link FaultFacts}. Not strict: {@code from(previous)} then setters override single facts. */
  public static final class Builder extends ImmutableFaultFacts.Builder {}

  /** The systems whose login outage ESC-CENTER-08 watches: 「BOSS、CC、IBOSS系统无法登陆超过30分钟」. */
  public enum LoginSystem {
    /** BOSS. */
    BOSS,
    /** CC (Call Center). */
    CC,
    /** IBOSS. */
    IBOSS
  }

  /**
   * The BOSS/IBOSS interfaces of ESC-CENTER-14: 「BOSS/IBOSS和CC、HLR、银行主动缴费、SMP的接口全面中断超过30分钟」.
   */
  public enum CoreInterface {
    /** Call Center. */
    CC,
    /** HLR. */
    HLR,
    /** 银行主动缴费. */
    BANK_ACTIVE_PAYMENT,
    /** SMP. */
    SMP
  }
}
