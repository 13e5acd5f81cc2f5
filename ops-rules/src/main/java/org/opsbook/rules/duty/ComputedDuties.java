package org.opsbook.rules.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.StallDayUnit;
import org.opsbook.core.OpsParameters.StallMode;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkCalendar;

/**
 * The duties the state implies ahead of time: deadlines that hold while the fault stays unresolved (ESC-DEPT, the
 * developer-stall re-reports ESC-ROOM-09/13/14/15, ESC-CENTER-09/18) and the next occurrence of each recurring
 * series (ESC-PROG-01/02, ESC-CENTER-15, FAULT-GEN-08 / ESC-REQ-12; NOTIFY-TRIG-07 is in {@link Notifications}).
 * Every one of them ends with the repair.
 */
final class ComputedDuties {
  /**
   * Conditions whose first moment starts a clock when the host gives no time of its own: the customer-service
   * complaint of ESC-DEPT-03 (without {@code csComplaintReceivedAt}), the data loss of ESC-CENTER-09 (without
   * {@code dataLossAt}), and the level-4 complaint that starts ESC-CENTER-15.
   */
  static final Map<RuleId, Predicate<FaultTracker>> CLOCKS = clocks();

  private ComputedDuties() {}

  private static Map<RuleId, Predicate<FaultTracker>> clocks() {
    Map<RuleId, Predicate<FaultTracker>> m = new LinkedHashMap<>();
    m.put(Duty.ESC_DEPT_03.id, f -> csLevelAtLeast(f.facts(), f.parameters().deptCsLevelMin()));
    m.put(Duty.ESC_CENTER_09.id, f -> f.facts().importantDataLost());
    m.put(Duty.ESC_CENTER_15.id, f -> csLevelAtLeast(f.facts(), f.parameters().centerCsLevelMin()));
    return Map.copyOf(m);
  }

  /** Returns the candidates of an open fault; none once it is repaired or closed. */
  static List<Candidate> all(FaultTracker f) {
    List<Candidate> out = new ArrayList<>(8);
    if (!f.isOpen()) {
      return out;
    }
    developerStalls(f, out);
    department(f, out);
    centre(f, out);
    progress(f, out);
    daily(f, out);
    Notifications.followUp(f, out);
    return out;
  }

  // ------------------------------------------------------------------------------- ESC-ROOM-09/13/14/15

  /**
   * The re-reports owed when the fault is stuck with the developer. ESC-ROOM-09 「以上故障在报开发商一小时后无实质性进展、
   * 开发商不能确认何时确认影响面、确认的进度不理想」 and ESC-ROOM-15 「升级投诉报开发商一小时无实质性进展,故障无法定位或故障解决时间无法确认」
   * overlap for escalated faults and give one re-report (§8.1): the earlier, ESC-ROOM-15 (the escalated-fault rule)
   * on a tie. ESC-ROOM-13
   * 「不影响客户正常通信和业务办理、查询的一般故障,报开发商三天无实质性进展,故障无法定位或故障解决时间无法确认」 and ESC-ROOM-14
   * 「影响客户正常通信和业务办理、查询的一般故障,报开发商一天无实质性进展,故障无法定位或故障解决时间无法确认」 split general faults by
   * impact (「和」 read as OR, A-36).
   */
  private static void developerStalls(FaultTracker f, List<Candidate> out) {
    Instant dev = f.developerAt();
    if (dev == null || !f.inScope()) {
      return;
    }
    OpsParameters p = f.parameters();
    if (!settledAny(f, Duty.ESC_ROOM_09) && !settledAny(f, Duty.ESC_ROOM_15)) {
      Candidate c09 = null;
      Instant reason = firstRoomReason(f);
      if (reason != null && stalledOnImpact(f, dev)) {
        Instant trigger = latest(dev, reason);
        c09 = candidate(f, Duty.ESC_ROOM_09, trigger, latest(dev.plus(p.roomDeveloperStallEscalated()), trigger));
      }
      Candidate c15 = null;
      if (f.peakLevel().isEscalated() && stalled(f, dev)) {
        Instant trigger = latest(dev, f.escalatedAt());
        c15 = candidate(f, Duty.ESC_ROOM_15, trigger, latest(dev.plus(p.roomDeveloperStallEscalated()), trigger));
      }
      Candidate one = c09 == null ? c15 : c15 == null || c09.decidedAt().isBefore(c15.decidedAt()) ? c09 : c15;
      if (one != null) {
        out.add(one);
      }
    }
    if (f.peakLevel() == Level.NONE && stalled(f, dev)) {
      FaultFacts facts = f.facts();
      boolean impact = facts.affectsNormalCommunication() || facts.affectsBusinessOrQuery();
      Duty duty = impact ? Duty.ESC_ROOM_14 : Duty.ESC_ROOM_13;
      Duration after = impact ? p.roomDeveloperStallGeneralComm() : p.roomDeveloperStallGeneralNoComm();
      addIfNew(f, out, candidate(f, duty, dev, dayDeadline(f, dev, after)));
    }
  }

  /** ESC-ROOM-01..08: the first reports to the room manager. */
  private static final List<Duty> FIRST_ROOM_REASONS = List.of(Duty.ESC_ROOM_01, Duty.ESC_ROOM_02, Duty.ESC_ROOM_03,
      Duty.ESC_ROOM_04, Duty.ESC_ROOM_05, Duty.ESC_ROOM_06, Duty.ESC_ROOM_07, Duty.ESC_ROOM_08);

  /** The earliest trigger among the first reports ESC-ROOM-01..08 (「以上故障」 of ESC-ROOM-09). */
  private static Instant firstRoomReason(FaultTracker f) {
    Instant first = null;
    for (Duty d : FIRST_ROOM_REASONS) {
      for (int seq = 1; seq <= f.countRaised(d); seq++) {
        first = earliest(first, f.raisedDuty(f.key(d, seq)).triggeredAt().orElseThrow());
      }
    }
    return first;
  }

  /**
   * STALL(t0) of §8: 「无实质性进展,故障无法定位或故障解决时间无法确认」 — any clause shows the fault is stuck ({@code stallMode
   * ANY}, A-37), or no progress together with one of the other two ({@code PROGRESS_AND_ONE}).
   */
  static boolean stalled(FaultTracker f, Instant t0) {
    boolean noProgress = !f.progressSince(t0);
    boolean stuck = !f.facts().faultLocated() || !f.facts().resolutionTimeConfirmed();
    return f.parameters().stallMode() == StallMode.ANY ? noProgress || stuck : noProgress && stuck;
  }

  /** The clauses of ESC-ROOM-09: no progress, the developer cannot say when the impact is confirmed, slow progress. */
  private static boolean stalledOnImpact(FaultTracker f, Instant t0) {
    boolean noProgress = !f.progressSince(t0);
    boolean stuck = !f.facts().developerCanStateImpactConfirmationTime()
        || !f.facts().impactConfirmationProgressSatisfactory();
    return f.parameters().stallMode() == StallMode.ANY ? noProgress || stuck : noProgress && stuck;
  }

  /** 「一天」「三天」: elapsed 24 h / 72 h, or working days on the calendar (TIME-04, {@code stallDayUnit}). */
  private static Instant dayDeadline(FaultTracker f, Instant t0, Duration after) {
    long minutesPerDay = Duration.ofDays(1).toMinutes();
    if (f.parameters().stallDayUnit() == StallDayUnit.WORKING_DAY && after.toMinutes() % minutesPerDay == 0
        && !after.isZero()) {
      return f.calendar().addWorkingDays(t0, (int) after.toDays());
    }
    return t0.plus(after);
  }

  // ------------------------------------------------------------------------------------------ ESC-DEPT

  /**
   * ESC-DEPT-01 「一级故障,若48小时内未能解决应上报至部门经理」, ESC-DEPT-02 「二级故障,若24小时内未能解决应上报至部门经理」 and
   * ESC-DEPT-03 「客服三级以上(包括三级)投诉,1小时内未能解决应上报至部门经理」: due at t0 + N, owed when still unresolved then
   * (BND-08). A fault that reaches the level after t0 + N owes the report at once.
   */
  private static void department(FaultTracker f, List<Candidate> out) {
    if (!f.inScope()) {
      return;
    }
    OpsParameters p = f.parameters();
    if (f.peakLevel() == Level.L1) {
      levelDeadline(f, out, Duty.ESC_DEPT_01, f.escalatedAt(), p.deptL1Hours());
    } else if (f.peakLevel() == Level.L2) {
      levelDeadline(f, out, Duty.ESC_DEPT_02, f.l2At(), p.deptL2Hours());
    }
    if (csLevelAtLeast(f.facts(), p.deptCsLevelMin())) {
      Instant t0 = f.facts().csComplaintReceivedAt().orElse(f.since(Duty.ESC_DEPT_03.id));
      if (t0 != null) {
        addIfNew(f, out, candidate(f, Duty.ESC_DEPT_03, t0, t0.plus(p.deptCsMinutes())));
      }
    }
  }

  private static void levelDeadline(FaultTracker f, List<Candidate> out, Duty duty, Instant reached,
      Duration within) {
    Instant t0 = switch (f.parameters().deptClockStart()) {
      case FAULT_START_TIME -> f.facts().faultStartTime().orElse(f.detectedAt());
      case LEVEL_FIRST_REACHED -> reached;
      case ROOM_MANAGER_REPORT -> f.roomFirstAt();
    };
    if (t0 != null && reached != null) {
      addIfNew(f, out, candidate(f, duty, reached, latest(t0.plus(within), reached)));
    }
  }

  // ---------------------------------------------------------------------------------------- ESC-CENTER

  /**
   * ESC-CENTER-09 「影响到客户服务、公司运营等的重要数据丢失,事件发生超过30分钟,但未确认是否有解决办法」, ESC-CENTER-18
   * 「影响客户正常通信和重要业务办理、查询的一般故障,报开发商及省公司一天无实质性进展,故障无法定位或故障解决时间无法确认」 (the clock starts once both
   * were told) and ESC-CENTER-15 「四级及四级以上客户投诉处理进展」 (at once, then every {@code centerProgressInterval}
   * after the last report, OQ-12).
   */
  private static void centre(FaultTracker f, List<Candidate> out) {
    OpsParameters p = f.parameters();
    FaultFacts facts = f.facts();
    if (facts.importantDataLost() && !facts.dataLossSolutionConfirmed()) {
      Instant t0 = facts.dataLossAt().orElse(f.since(Duty.ESC_CENTER_09.id));
      if (t0 != null) {
        addIfNew(f, out, candidate(f, Duty.ESC_CENTER_09, t0, t0.plus(p.centerDataLossMinutes())));
      }
    }
    boolean impact = facts.affectsNormalCommunication() || facts.affectsImportantBusinessOrQuery();
    if (f.centerFirstAt() != null && f.peakLevel() == Level.NONE && impact && f.developerAt() != null
        && f.provinceAt() != null) {
      Instant t0 = latest(f.developerAt(), f.provinceAt());
      if (stalled(f, t0)) {
        addIfNew(f, out, candidate(f, Duty.ESC_CENTER_18, t0, dayDeadline(f, t0, p.centerGeneralStall())));
      }
    }
    Instant start = f.since(Duty.ESC_CENTER_15.id);
    if (start != null) {
      int next = f.maxSettledSequence(Duty.ESC_CENTER_15.id) + 1;
      Instant trigger = next == 1 ? start : latest(start, f.centerLastAt());
      Instant due = next == 1 ? f.grace(start) : trigger.plus(p.centerProgressInterval());
      addIfNew(f, out, new Candidate(f.obligation(Duty.ESC_CENTER_15, next, null, trigger, due), due));
    }
  }

  // ------------------------------------------------------------------------------------------ ESC-PROG

  /**
   * ESC-PROG-01 「升级投诉在报室经理到故障修复前,至少每半小时向室经理上报一次处理进展,视实际处理情况周期可缩短」 and ESC-PROG-02
   * 「一般故障在报室经理到故障修复前,至少每3天向室经理上报一次处理进展,视实际处理情况周期可缩短」: the next report is due one interval
   * after the last report to the room manager (BND-05: the interval is an upper bound; earlier reports reset it). A
   * fault escalated later switches to the 30-minute series from that moment.
   */
  private static void progress(FaultTracker f, List<Candidate> out) {
    if (!f.inScope() || f.roomFirstAt() == null) {
      return;
    }
    OpsParameters p = f.parameters();
    Instant last = f.roomLastAt();
    if (f.peakLevel().isEscalated()) {
      int next = f.maxSettledSequence(Duty.ESC_PROG_01.id) + 1;
      Instant trigger = latest(last, f.escalatedAt());
      Instant due = latest(last.plus(p.progressIntervalEscalated()), trigger);
      addIfNew(f, out, new Candidate(f.obligation(Duty.ESC_PROG_01, next, null, trigger, due), due));
    } else {
      int next = f.maxSettledSequence(Duty.ESC_PROG_02.id) + 1;
      Instant due = last.plus(p.progressIntervalGeneral());
      addIfNew(f, out, new Candidate(f.obligation(Duty.ESC_PROG_02, next, null, last, due), due));
    }
  }

  // ------------------------------------------------------------------------------ FAULT-GEN-08, ESC-REQ-12

  /**
   * FAULT-GEN-08 「如不能在一个工作日内完成,需每天在系统上填写当日处理进展,处理类型选“其它”」 and, for escalated faults,
   * ESC-REQ-12 「如不能在一个工作日内完成,需填写当日处理进展,每天发送故障跟进短信」: once the fault outlives
   * {@code addWorkingDays(detectedAt, 1)} (TIME-06) an entry is owed for that day, then for every calendar day until
   * the repair, each by {@code dailyProgressEntryDueTime} (default 24:00).
   */
  private static void daily(FaultTracker f, List<Candidate> out) {
    if (dailyFirstDay(f) == null) {
      return;
    }
    int next = dailyDone(f) + 1;
    if (f.settled(f.key(Duty.FAULT_GEN_08, next)) || f.settled(f.key(Duty.ESC_REQ_12, next))) {
      return;
    }
    out.add(dailyOccurrence(f, next));
  }

  /** The day of the first daily entry, or null before the fault has a detection time. */
  static LocalDate dailyFirstDay(FaultTracker f) {
    Instant detected = f.detectedAt();
    return detected == null ? null : f.dailyStart(detected).firstDay();
  }

  /**
   * When a fault detected at {@code detected} outlives {@code addWorkingDays(detected, 1)}, and the day of its first
   * daily entry: that day, or the next when the day's entry fell due before. The fault keeps the last one
   * ({@link FaultTracker#dailyStart}).
   */
  static FaultTracker.DailyStart dailyStartOf(FaultTracker f, Instant detected) {
    Instant outlived = f.calendar().addWorkingDays(detected, 1);
    LocalDate day = f.calendar().dateOf(outlived);
    return new FaultTracker.DailyStart(detected, outlived,
        dailyDue(f, day).isBefore(outlived) ? day.plusDays(1) : day);
  }

  /** The highest daily entry done or superseded. */
  static int dailyDone(FaultTracker f) {
    return Math.max(f.maxSettledSequence(Duty.FAULT_GEN_08.id), f.maxSettledSequence(Duty.ESC_REQ_12.id));
  }

  /** The daily entry number {@code n} (1 for the first day), under the rule of the fault's current regime. */
  static Candidate dailyOccurrence(FaultTracker f, int n) {
    return dailyOccurrence(f, n, f.escalatedRegime() ? Duty.ESC_REQ_12 : Duty.FAULT_GEN_08);
  }

  /** The daily entry number {@code n} under {@code duty} (FAULT-GEN-08 or ESC-REQ-12). */
  static Candidate dailyOccurrence(FaultTracker f, int n, Duty duty) {
    WorkCalendar cal = f.calendar();
    FaultTracker.DailyStart first = f.dailyStart(f.detectedAt());
    Instant outlived = first.outlived();
    LocalDate day = first.firstDay().plusDays(n - 1L);
    Instant start = n == 1 ? outlived : latest(outlived, cal.at(day, LocalTime.MIDNIGHT));
    return new Candidate(f.obligation(duty, n, null, start, dailyDue(f, day)), start);
  }

  static Instant dailyDue(FaultTracker f, LocalDate day) {
    WorkCalendar cal = f.calendar();
    return f.parameters().dailyProgressEntryDueTime().map(t -> cal.at(day, t))
        .orElseGet(() -> cal.at(day.plusDays(1), LocalTime.MIDNIGHT));
  }

  // ------------------------------------------------------------------------------------------- helpers

  /** The level is given and at least {@code level}; 0 stands for no level, since levels start at 1. */
  static boolean csLevelAtLeast(FaultFacts facts, int level) {
    int given = facts.csComplaintLevelOrZero();
    return given != 0 && given >= level;
  }

  private static Candidate candidate(FaultTracker f, Duty duty, Instant trigger, Instant due) {
    Obligation o = f.obligation(duty, 1, null, trigger, due);
    return new Candidate(o, due);
  }

  static void addIfNew(FaultTracker f, List<Candidate> out, Candidate c) {
    if (!f.settled(c.obligation().key())) {
      out.add(c);
    }
  }

  private static boolean settledAny(FaultTracker f, Duty duty) {
    return f.settled(f.key(duty, 1));
  }

  static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
