package org.opsbook.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.OpsParameters.TimeWindow;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Every number in every rule, with the defaults of rules-catalog §15, plus the policies the catalog makes
 * configurable. A host changes a threshold without touching code:
 *
 * <pre>{@code
 * OpsParameters p = OpsParameters.builder().sameFaultCustomersForEmergency(11).build();
 * }</pre>
 *
 * <p>{@code workdayEnd} (下班, TIME-03) is a property of the working-day calendar:
 * {@link org.opsbook.core.spi.WorkCalendar#workdayEnd()}. Immutable and thread-safe.
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false)
public abstract class OpsParameters {
  private static final OpsParameters DEFAULTS = builder().build();

  /** TICKET-02: by, inclusive; default NOON. */
  @Value.Default
  public LocalTime ticketDailyUpdateTime() {
    return LocalTime.NOON;
  }

  /** TICKET-02: calendar or working days; default TicketUpdateCalendar.CALENDAR. */
  @Value.Default
  public TicketUpdateCalendar ticketUpdateCalendar() {
    return TicketUpdateCalendar.CALENDAR;
  }

  /** FAULT-GEN-04, ESC-REQ-02, NOTIFY-TRIG-06: >= (> when mixedBoundInclusive is false); default 10. */
  @Value.Default
  public int sameFaultCustomersForEmergency() {
    return 10;
  }

  /** FAULT-GEN-04, ESC-REQ-02, L1-13: 『超过N…以上』 read as >= N (BND-04); default true. */
  @Value.Default
  public boolean mixedBoundInclusive() {
    return true;
  }

  /** L1-01, L2-01: which count classification uses (A-42, OQ-37); default AffectedCustomersMode.MAX_OF_CONFIRMED_AND_POTENTIAL. */
  @Value.Default
  public AffectedCustomersMode affectedCustomersMode() {
    return AffectedCustomersMode.MAX_OF_CONFIRMED_AND_POTENTIAL;
  }

  /** FAULT-CLASS-L1-01: >=; default 50. */
  @Value.Default
  public int l1CustomersMin() {
    return 50;
  }

  /** FAULT-CLASS-L1-01: {@code <=}; default 500. */
  @Value.Default
  public int l1CustomersMax() {
    return 500;
  }

  /** FAULT-CLASS-L2-01: >=; default 500. */
  @Value.Default
  public int l2CustomersMin() {
    return 500;
  }

  /** FAULT-CLASS-L1-02: inclusive band lower bound; default 60. */
  @Value.Default
  public int l1HotMinutesMin() {
    return 60;
  }

  /** FAULT-CLASS-L1-02: inclusive band upper bound; default 180. */
  @Value.Default
  public int l1HotMinutesMax() {
    return 180;
  }

  /** FAULT-CLASS-L2-02: >=; default 180. */
  @Value.Default
  public int l2HotMinutes() {
    return 180;
  }

  /** FAULT-CLASS-L1-03: inclusive band lower bound; default 180. */
  @Value.Default
  public int l1NonHotMinutesMin() {
    return 180;
  }

  /** FAULT-CLASS-L1-03: inclusive band upper bound; default 300. */
  @Value.Default
  public int l1NonHotMinutesMax() {
    return 300;
  }

  /** FAULT-CLASS-L2-03: >=; default 300. */
  @Value.Default
  public int l2NonHotMinutes() {
    return 300;
  }

  /** FAULT-CLASS-L1-04: inclusive band lower bound; default 20. */
  @Value.Default
  public int l1ComplaintsMin() {
    return 20;
  }

  /** FAULT-CLASS-L1-04: inclusive band upper bound; default 50. */
  @Value.Default
  public int l1ComplaintsMax() {
    return 50;
  }

  /** FAULT-CLASS-L2-04: >=; default 50. */
  @Value.Default
  public int l2Complaints() {
    return 50;
  }

  /** FAULT-CLASS-L1-05: ==; default 1. */
  @Value.Default
  public int l1CsLevel() {
    return 1;
  }

  /** FAULT-CLASS-L2-05: >=; default 2. */
  @Value.Default
  public int l2CsLevelMin() {
    return 2;
  }

  /** FAULT-CLASS-L1-06: >=; default 2. */
  @Value.Default
  public int l1GoldDiamond() {
    return 2;
  }

  /** FAULT-CLASS-L2-06: >=; default 3. */
  @Value.Default
  public int l2GoldDiamond() {
    return 3;
  }

  /** FAULT-CLASS-L1-10, FAULT-CLASS-L2-09: L1 (0, N], L2 > N; default 30. */
  @Value.Default
  public int keyInterfaceMinutes() {
    return 30;
  }

  /** FAULT-CLASS-L1-12: >; default 60. */
  @Value.Default
  public int l1WaitSeconds() {
    return 60;
  }

  /** FAULT-CLASS-L2-12: >; default 180. */
  @Value.Default
  public int l2WaitSeconds() {
    return 180;
  }

  /** FAULT-CLASS-L1-13: >= (> when mixedBoundInclusive is false); default 500. */
  @Value.Default
  public int l1DataSetupUsers() {
    return 500;
  }

  /** FAULT-CLASS-L1-14: >; default 500. */
  @Value.Default
  public int l1SoftwareUsers() {
    return 500;
  }

  /** FAULT-CLASS-L2-11: >; default 5000. */
  @Value.Default
  public int l2SoftwareUsers() {
    return 5000;
  }

  /** FAULT-CLASS-L1-15: >=; default 10. */
  @Value.Default
  public int l1ReportHalls() {
    return 10;
  }

  /** FAULT-CLASS-L2-10: >; default 15. */
  @Value.Default
  public int l2ModuleMinutes() {
    return 15;
  }

  /** FAULT-CLASS-L2-13: >; default 5000. */
  @Value.Default
  public int l2SeriousErrorUsers() {
    return 5000;
  }

  /** ESC-ROOM-02, ESC-ROOM-05: >; default 100. */
  @Value.Default
  public int roomPotentialCustomers() {
    return 100;
  }

  /** ESC-ROOM-03: >=; default 10. */
  @Value.Default
  public int roomSameTypeComplaints() {
    return 10;
  }

  /** ESC-ROOM-04: >=; default 30. */
  @Value.Default
  public int roomConfirmedCustomers() {
    return 30;
  }

  /** ESC-ROOM-06, ESC-ROOM-07: > (actual or expected); default 15. */
  @Value.Default
  public int roomOutageMinutes() {
    return 15;
  }

  /** ESC-ROOM-08: >=; default 20. */
  @Value.Default
  public int roomPotentialComplaints() {
    return 20;
  }

  /** ESC-ROOM-09, ESC-ROOM-15: >= elapsed; default Minutes(60). */
  @Value.Default
  public Duration roomDeveloperStallEscalated() {
    return Duration.ofMinutes(60);
  }

  /** ESC-ROOM-13: >= elapsed; default Hours(72). */
  @Value.Default
  public Duration roomDeveloperStallGeneralNoComm() {
    return Duration.ofHours(72);
  }

  /** ESC-ROOM-14: >= elapsed; default Hours(24). */
  @Value.Default
  public Duration roomDeveloperStallGeneralComm() {
    return Duration.ofHours(24);
  }

  /** ESC-ROOM-09/13/14/15, ESC-CENTER-18: how the stall predicate combines its clauses; default StallMode.ANY. */
  @Value.Default
  public StallMode stallMode() {
    return StallMode.ANY;
  }

  /** ESC-ROOM-13/14, ESC-CENTER-18: 一天/三天 as elapsed hours or working days (TIME-04); default StallDayUnit.ELAPSED_24H. */
  @Value.Default
  public StallDayUnit stallDayUnit() {
    return StallDayUnit.ELAPSED_24H;
  }

  /** ESC-PROG-01: interval {@code <=}; default Minutes(30). */
  @Value.Default
  public Duration progressIntervalEscalated() {
    return Duration.ofMinutes(30);
  }

  /** ESC-PROG-02: interval {@code <=}; default Hours(72). */
  @Value.Default
  public Duration progressIntervalGeneral() {
    return Duration.ofHours(72);
  }

  /** ESC-DEPT-01: >; default Hours(48). */
  @Value.Default
  public Duration deptL1Hours() {
    return Duration.ofHours(48);
  }

  /** ESC-DEPT-02: >; default Hours(24). */
  @Value.Default
  public Duration deptL2Hours() {
    return Duration.ofHours(24);
  }

  /** ESC-DEPT-03: >=; default 3. */
  @Value.Default
  public int deptCsLevelMin() {
    return 3;
  }

  /** ESC-DEPT-03: >; default Minutes(60). */
  @Value.Default
  public Duration deptCsMinutes() {
    return Duration.ofMinutes(60);
  }

  /** ESC-DEPT-01, ESC-DEPT-02: t0 of the department deadlines (A-17, OQ-11); default DeptClockStart.FAULT_START_TIME. */
  @Value.Default
  public DeptClockStart deptClockStart() {
    return DeptClockStart.FAULT_START_TIME;
  }

  /** ESC-CENTER-01, ESC-CENTER-03, ESC-CENTER-05: >; default 30. */
  @Value.Default
  public int centerComplainingCustomers() {
    return 30;
  }

  /** ESC-CENTER-02, ESC-CENTER-04, ESC-CENTER-06: >; default 100. */
  @Value.Default
  public int centerPotentialCustomers() {
    return 100;
  }

  /** ESC-CENTER-07: >; default 120. */
  @Value.Default
  public int centerBillListMinutes() {
    return 120;
  }

  /** ESC-CENTER-08: >; default 30. */
  @Value.Default
  public int centerLoginMinutes() {
    return 30;
  }

  /** ESC-CENTER-09: >; default Minutes(30). */
  @Value.Default
  public Duration centerDataLossMinutes() {
    return Duration.ofMinutes(30);
  }

  /** ESC-CENTER-10: >=; default 1. */
  @Value.Default
  public int centerRedList() {
    return 1;
  }

  /** ESC-CENTER-11: >=; default 250. */
  @Value.Default
  public int centerComplaints() {
    return 250;
  }

  /** ESC-CENTER-11: >; default 500. */
  @Value.Default
  public int centerOtherPotentialCustomers() {
    return 500;
  }

  /** ESC-CENTER-12: >; default 3. */
  @Value.Default
  public int centerLoginInstabilityPerMonth() {
    return 3;
  }

  /** ESC-CENTER-13: >; default 5. */
  @Value.Default
  public int centerSelfServiceLoginPerMonth() {
    return 5;
  }

  /** ESC-CENTER-14: >; default 30. */
  @Value.Default
  public int centerInterfaceMinutes() {
    return 30;
  }

  /** ESC-CENTER-15: >=; default 4. */
  @Value.Default
  public int centerCsLevelMin() {
    return 4;
  }

  /** ESC-CENTER-15: interval {@code <=} (cadence not stated, OQ-12); default Minutes(30). */
  @Value.Default
  public Duration centerProgressInterval() {
    return Duration.ofMinutes(30);
  }

  /** ESC-CENTER-18: >=; default Hours(24). */
  @Value.Default
  public Duration centerGeneralStall() {
    return Duration.ofHours(24);
  }

  /** NOTIFY-RCPT-04: >=; default 3. */
  @Value.Default
  public int dRecipientsCsLevelMin() {
    return 3;
  }

  /** all immediate duties: minutes added to an immediate duty's due time (§0.3); default 0. */
  @Value.Default
  public int immediateGraceMinutes() {
    return 0;
  }

  /**
   * all timely duties (「及时」, §0.3, TIME-07): a deadline the host sets for duties the manual leaves untimed, counted
   * from their trigger; default empty (no deadline, {@code dueAt} stays empty).
   */
  public abstract Optional<Duration> timelyDeadline();

  /**
   * FAULT-GEN-08, ESC-REQ-12: the clock time by which each day's progress entry is due (proposed; the manual gives no
   * hour); default empty, meaning 24:00, the end of that day.
   */
  public abstract Optional<LocalTime> dailyProgressEntryDueTime();

  /** REPORT-WEEKLY-01: >=; default 2. */
  @Value.Default
  public int weekly1Occurrences() {
    return 2;
  }

  /** REPORT-WEEKLY-01: >; default 20. */
  @Value.Default
  public int weekly1Complaints() {
    return 20;
  }

  /** REPORT-MONTHLY-01: >=; default 4. */
  @Value.Default
  public int monthly1Occurrences() {
    return 4;
  }

  /** REPORT-MONTHLY-01: >; default 70. */
  @Value.Default
  public int monthly1Complaints() {
    return 70;
  }

  /** REPORT-WEEKLY-02: >=; default 3. */
  @Value.Default
  public int weekly2Occurrences() {
    return 3;
  }

  /** REPORT-WEEKLY-02: >; default 300. */
  @Value.Default
  public int weekly2Complaints() {
    return 300;
  }

  /** REPORT-MONTHLY-02: >= AND; default 3. */
  @Value.Default
  public int monthly2Occurrences() {
    return 3;
  }

  /** REPORT-MONTHLY-02: > ; default 500. */
  @Value.Default
  public int monthly2Complaints() {
    return 500;
  }

  /** REPORT-MONTHLY-03: >=; default 3. */
  @Value.Default
  public int monthly3Occurrences() {
    return 3;
  }

  /** REPORT-POLICY-01: how the two threshold sets combine; default ReportThresholdPolicy.UNION. */
  @Value.Default
  public ReportThresholdPolicy reportThresholdPolicy() {
    return ReportThresholdPolicy.UNION;
  }

  /** BUG-06: >; default 200. */
  @Value.Default
  public int bugEmergencyCustomers() {
    return 200;
  }

  /** BUG-06: >=; default 2. */
  @Value.Default
  public int bugEmergencyCsLevel() {
    return 2;
  }

  /** DATAOP-DEF-02: >=; default 1000. */
  @Value.Default
  public int batchRecordCount() {
    return 1000;
  }

  /** DATAOP-DEF-02: >; default BigDecimal.valueOf(100_000). */
  @Value.Default
  public BigDecimal batchFinancialYuan() {
    return BigDecimal.valueOf(100_000);
  }

  /** DATAOP-DEF-02: > (unit unstated, OQ-21); default BigDecimal.valueOf(1000). */
  @Value.Default
  public BigDecimal batchInventoryError() {
    return BigDecimal.valueOf(1000);
  }

  /** DATAOP-DEF-05: modification rules also for OTHER systems; default true. */
  @Value.Default
  public boolean dataOpApplyToOtherSystems() {
    return true;
  }

  /** DATAOP-MOD-11: insert-only scripts may skip the backup; default false. */
  @Value.Default
  public boolean allowNoBackupForInsertOnly() {
    return false;
  }

  /** DATAOP-EXT-04: half-open windows on working days; default List.of(TimeWindow.of(of(9, 0), NOON), TimeWindow.of(of(14, 0), of(18, 0))). */
  @Value.Default
  public List<TimeWindow> extractionPeakWindows() {
    return List.of(TimeWindow.of(LocalTime.of(9, 0), LocalTime.NOON), TimeWindow.of(LocalTime.of(14, 0), LocalTime.of(18, 0)));
  }

  /** DATAOP-EXT-04: >; default 50_000. */
  @Value.Default
  public int extractionLargeRows() {
    return 50_000;
  }

  /** DATAOP-EXT-04: >; default 15. */
  @Value.Default
  public int extractionLongMinutes() {
    return 15;
  }

  /** DATAOP-EXT-06: >=; default 3. */
  @Value.Default
  public int extractionSampleMin() {
    return 3;
  }

  /** DATAOP-MOD-15: >= (not in the source, OQ-27); default 3. */
  @Value.Default
  public int batchModSampleMin() {
    return 3;
  }

  /** CUTOVER-23: >=; default 3. */
  @Value.Default
  public int cutoverLeadWorkingDays() {
    return 3;
  }

  /** CUTOVER-14: >=; default 15. */
  @Value.Default
  public int cutoverLeadArrivalMinutes() {
    return 15;
  }

  @Value.Check
  protected void check() {
    nonNegative("sameFaultCustomersForEmergency", sameFaultCustomersForEmergency());
    nonNegative("l1CustomersMin", l1CustomersMin());
    nonNegative("l1CustomersMax", l1CustomersMax());
    nonNegative("l2CustomersMin", l2CustomersMin());
    nonNegative("l1HotMinutesMin", l1HotMinutesMin());
    nonNegative("l1HotMinutesMax", l1HotMinutesMax());
    nonNegative("l2HotMinutes", l2HotMinutes());
    nonNegative("l1NonHotMinutesMin", l1NonHotMinutesMin());
    nonNegative("l1NonHotMinutesMax", l1NonHotMinutesMax());
    nonNegative("l2NonHotMinutes", l2NonHotMinutes());
    nonNegative("l1ComplaintsMin", l1ComplaintsMin());
    nonNegative("l1ComplaintsMax", l1ComplaintsMax());
    nonNegative("l2Complaints", l2Complaints());
    nonNegative("l1CsLevel", l1CsLevel());
    nonNegative("l2CsLevelMin", l2CsLevelMin());
    nonNegative("l1GoldDiamond", l1GoldDiamond());
    nonNegative("l2GoldDiamond", l2GoldDiamond());
    nonNegative("keyInterfaceMinutes", keyInterfaceMinutes());
    nonNegative("l1WaitSeconds", l1WaitSeconds());
    nonNegative("l2WaitSeconds", l2WaitSeconds());
    nonNegative("l1DataSetupUsers", l1DataSetupUsers());
    nonNegative("l1SoftwareUsers", l1SoftwareUsers());
    nonNegative("l2SoftwareUsers", l2SoftwareUsers());
    nonNegative("l1ReportHalls", l1ReportHalls());
    nonNegative("l2ModuleMinutes", l2ModuleMinutes());
    nonNegative("l2SeriousErrorUsers", l2SeriousErrorUsers());
    nonNegative("roomPotentialCustomers", roomPotentialCustomers());
    nonNegative("roomSameTypeComplaints", roomSameTypeComplaints());
    nonNegative("roomConfirmedCustomers", roomConfirmedCustomers());
    nonNegative("roomOutageMinutes", roomOutageMinutes());
    nonNegative("roomPotentialComplaints", roomPotentialComplaints());
    if (roomDeveloperStallEscalated().isNegative()) {
      throw new InvalidInputException("roomDeveloperStallEscalated", "roomDeveloperStallEscalated must not be negative: " + roomDeveloperStallEscalated());
    }
    if (roomDeveloperStallGeneralNoComm().isNegative()) {
      throw new InvalidInputException("roomDeveloperStallGeneralNoComm", "roomDeveloperStallGeneralNoComm must not be negative: " + roomDeveloperStallGeneralNoComm());
    }
    if (roomDeveloperStallGeneralComm().isNegative()) {
      throw new InvalidInputException("roomDeveloperStallGeneralComm", "roomDeveloperStallGeneralComm must not be negative: " + roomDeveloperStallGeneralComm());
    }
    if (progressIntervalEscalated().isNegative()) {
      throw new InvalidInputException("progressIntervalEscalated", "progressIntervalEscalated must not be negative: " + progressIntervalEscalated());
    }
    if (progressIntervalGeneral().isNegative()) {
      throw new InvalidInputException("progressIntervalGeneral", "progressIntervalGeneral must not be negative: " + progressIntervalGeneral());
    }
    if (deptL1Hours().isNegative()) {
      throw new InvalidInputException("deptL1Hours", "deptL1Hours must not be negative: " + deptL1Hours());
    }
    if (deptL2Hours().isNegative()) {
      throw new InvalidInputException("deptL2Hours", "deptL2Hours must not be negative: " + deptL2Hours());
    }
    nonNegative("deptCsLevelMin", deptCsLevelMin());
    if (deptCsMinutes().isNegative()) {
      throw new InvalidInputException("deptCsMinutes", "deptCsMinutes must not be negative: " + deptCsMinutes());
    }
    nonNegative("centerComplainingCustomers", centerComplainingCustomers());
    nonNegative("centerPotentialCustomers", centerPotentialCustomers());
    nonNegative("centerBillListMinutes", centerBillListMinutes());
    nonNegative("centerLoginMinutes", centerLoginMinutes());
    if (centerDataLossMinutes().isNegative()) {
      throw new InvalidInputException("centerDataLossMinutes", "centerDataLossMinutes must not be negative: " + centerDataLossMinutes());
    }
    nonNegative("centerRedList", centerRedList());
    nonNegative("centerComplaints", centerComplaints());
    nonNegative("centerOtherPotentialCustomers", centerOtherPotentialCustomers());
    nonNegative("centerLoginInstabilityPerMonth", centerLoginInstabilityPerMonth());
    nonNegative("centerSelfServiceLoginPerMonth", centerSelfServiceLoginPerMonth());
    nonNegative("centerInterfaceMinutes", centerInterfaceMinutes());
    nonNegative("centerCsLevelMin", centerCsLevelMin());
    if (centerProgressInterval().isNegative()) {
      throw new InvalidInputException("centerProgressInterval", "centerProgressInterval must not be negative: " + centerProgressInterval());
    }
    if (centerGeneralStall().isNegative()) {
      throw new InvalidInputException("centerGeneralStall", "centerGeneralStall must not be negative: " + centerGeneralStall());
    }
    nonNegative("dRecipientsCsLevelMin", dRecipientsCsLevelMin());
    nonNegative("immediateGraceMinutes", immediateGraceMinutes());
    if (timelyDeadline().isPresent() && timelyDeadline().get().isNegative()) {
      throw new InvalidInputException("timelyDeadline", "timelyDeadline must not be negative: " + timelyDeadline().get());
    }
    nonNegative("weekly1Occurrences", weekly1Occurrences());
    nonNegative("weekly1Complaints", weekly1Complaints());
    nonNegative("monthly1Occurrences", monthly1Occurrences());
    nonNegative("monthly1Complaints", monthly1Complaints());
    nonNegative("weekly2Occurrences", weekly2Occurrences());
    nonNegative("weekly2Complaints", weekly2Complaints());
    nonNegative("monthly2Occurrences", monthly2Occurrences());
    nonNegative("monthly2Complaints", monthly2Complaints());
    nonNegative("monthly3Occurrences", monthly3Occurrences());
    nonNegative("bugEmergencyCustomers", bugEmergencyCustomers());
    nonNegative("bugEmergencyCsLevel", bugEmergencyCsLevel());
    nonNegative("batchRecordCount", batchRecordCount());
    nonNegative("extractionLargeRows", extractionLargeRows());
    nonNegative("extractionLongMinutes", extractionLongMinutes());
    nonNegative("extractionSampleMin", extractionSampleMin());
    nonNegative("batchModSampleMin", batchModSampleMin());
    nonNegative("cutoverLeadWorkingDays", cutoverLeadWorkingDays());
    nonNegative("cutoverLeadArrivalMinutes", cutoverLeadArrivalMinutes());
    if (l1CustomersMin() > l1CustomersMax()) {
      throw new InvalidInputException("l1CustomersMin", "l1CustomersMin must be <= l1CustomersMax");
    }
    if (l1HotMinutesMin() > l1HotMinutesMax()) {
      throw new InvalidInputException("l1HotMinutesMin", "l1HotMinutesMin must be <= l1HotMinutesMax");
    }
    if (l1NonHotMinutesMin() > l1NonHotMinutesMax()) {
      throw new InvalidInputException("l1NonHotMinutesMin", "l1NonHotMinutesMin must be <= l1NonHotMinutesMax");
    }
    if (l1ComplaintsMin() > l1ComplaintsMax()) {
      throw new InvalidInputException("l1ComplaintsMin", "l1ComplaintsMin must be <= l1ComplaintsMax");
    }
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidInputException(field, field + " must be >= 0: " + value);
    }
  }

  /** Returns the catalog §15 defaults. */
  public static OpsParameters defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these parameters, to change some of them. */
  public Builder toBuilder() {
    return (Builder) new Builder().from(this);
  }

  /** Which days TICKET-02's daily update runs on. */
  public enum TicketUpdateCalendar {
    /** Every calendar day (default). */
    CALENDAR,
    /** Working days only. */
    WORKING
  }

  /** Which count of affected customers classification uses. */
  public enum AffectedCustomersMode {
    /** max(confirmed, potential) (default). */
    MAX_OF_CONFIRMED_AND_POTENTIAL,
    /** Confirmed customers only. */
    CONFIRMED_ONLY
  }

  /** How the stall predicate of §8 combines 无实质性进展 with 无法定位 / 解决时间无法确认. */
  public enum StallMode {
    /** Any one of the three shows a stall (default). */
    ANY,
    /** No progress and one of the other two. */
    PROGRESS_AND_ONE
  }

  /** What 一天 / 三天 mean in the stall rules (TIME-04). */
  public enum StallDayUnit {
    /** Elapsed 24 h / 72 h (default). */
    ELAPSED_24H,
    /** Working days on the calendar. */
    WORKING_DAY
  }

  /** Where the department-manager deadlines start (A-17, OQ-11). */
  public enum DeptClockStart {
    /** faultStartTime (default). */
    FAULT_START_TIME,
    /** When the level was first reached. */
    LEVEL_FIRST_REACHED,
    /** When the room manager was first told. */
    ROOM_MANAGER_REPORT
  }

  /** Which weekly/monthly threshold set governs (REPORT-POLICY-01, CONFLICT-01). */
  public enum ReportThresholdPolicy {
    /** Both passages; any rule includes (default). */
    UNION,
    /** Only §2.2.3.2 ¶2 1)(10): REPORT-WEEKLY-01, REPORT-MONTHLY-01. */
    SECTION_2_1_10_ONLY,
    /** Only §2.2.3.2 ¶4: REPORT-WEEKLY-02, REPORT-MONTHLY-02, REPORT-MONTHLY-03. */
    SECTION_4_ONLY
  }

  /** Builds {@link OpsParameters}; unset parameters keep their catalog defaults. */
  public static final class Builder extends ImmutableOpsParameters.Builder {}

  /**
   * A half-open window of clock time within a day, {@code [start, end)} (TIME-09), such as the peak window
   * 09:00–12:00 of DATAOP-EXT-04.
   *
   * @param start the first instant inside the window
   * @param end the first instant after it
   */
  public record TimeWindow(LocalTime start, LocalTime end) {
    /** Validates {@code start < end}. */
    public TimeWindow {
      checkNotNull(start, "start");
      checkNotNull(end, "end");
      if (!start.isBefore(end)) {
        throw new InvalidInputException("end", "a time window ends after it starts: " + start + "-" + end);
      }
    }

    /** Returns the window {@code [start, end)}. */
    public static TimeWindow of(LocalTime start, LocalTime end) {
      return new TimeWindow(start, end);
    }

    /** Returns true when {@code t} lies in {@code [start, end)}. */
    public boolean contains(LocalTime t) {
      return !t.isBefore(start) && t.isBefore(end);
    }

    @Override
    public String toString() {
      return start + "-" + end;
    }
  }
}
