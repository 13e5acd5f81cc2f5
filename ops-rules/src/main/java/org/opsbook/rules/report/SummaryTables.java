package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Level;

/**
 * Builds the two summary tables of the manual with their column headers verbatim: the weekly major-fault summary
 * (REPORT-FMT-01) and the BUG weekly summary (REPORT-FMT-02). Times are written {@code yyyy-MM-dd HH:mm} in the
 * given zone; an absent value is an empty cell. Stateless.
 */
public final class SummaryTables {
  /** REPORT-FMT-01's title. Quote: 「每周重大故障汇总」. */
  public static final String MAJOR_FAULT_TITLE = "每周重大故障汇总";

  /**
   * REPORT-FMT-01's columns. Quote: 「序号故障现象影响范围发生时间故障恢复时间受影响号码恢复时间处理情况改进建议故障跟进人」; the
   * catalog reads 受影响号码恢复时间 as one column.
   */
  public static final List<String> MAJOR_FAULT_HEADERS = ImmutableList.of("序号", "故障现象", "影响范围", "发生时间",
      "故障恢复时间", "受影响号码恢复时间", "处理情况", "改进建议", "故障跟进人");

  /** REPORT-FMT-02's title. Quote: 「BUG单每周情况汇总表格」. */
  public static final String BUG_WEEKLY_TITLE = "BUG单每周情况汇总表格";

  /**
   * REPORT-FMT-02's columns. Quote:
   * 「时间BUG单号提交人问题描述AMS单号CMCP协作单号转支持维护室的单号是否已上载预计上载时间程序修复前的处理方法」.
   */
  public static final List<String> BUG_WEEKLY_HEADERS = ImmutableList.of("时间", "BUG单号", "提交人", "问题描述",
      "AMS单号", "CMCP协作单号", "转支持维护室的单号", "是否已上载", "预计上载时间", "程序修复前的处理方法");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private SummaryTables() {}

  /**
   * Returns true when a fault belongs in the week's major-fault summary (REPORT-FMT-01, proposed reading): its peak
   * level is L1 or L2, it started before the week ended, and it was still open at the week's start or later.
   */
  public static boolean inMajorFaultSummary(Level peakLevel, Instant faultStartTime, Optional<Instant> repairedAt,
      ReportWindow week) {
    return peakLevel.isEscalated() && faultStartTime.isBefore(week.end())
        && repairedAt.map(r -> !r.isBefore(week.start())).orElse(true);
  }

  /** Returns the weekly major-fault summary (REPORT-FMT-01), rows numbered from 1 in the given order. */
  public static SummaryTable majorFaults(List<MajorFaultSummaryRow> faults, ZoneId zone) {
    checkNotNull(zone, "zone");
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (MajorFaultSummaryRow f : faults) {
      rows.add(List.of(Integer.toString(n++), f.phenomenon(), f.scope(), time(f.faultStartTime(), zone),
          time(f.repairedAt(), zone), time(f.affectedNumbersRestoredAt(), zone), f.handling(), f.improvement(),
          f.followUpPerson()));
    }
    return new SummaryTable(MAJOR_FAULT_TITLE, MAJOR_FAULT_HEADERS, rows);
  }

  /** Returns the BUG weekly summary (REPORT-FMT-02), one row per BUG in the given order. */
  public static SummaryTable bugWeekly(List<BugWeeklySummaryRow> bugs, ZoneId zone) {
    checkNotNull(zone, "zone");
    List<List<String>> rows = new ArrayList<>();
    for (BugWeeklySummaryRow b : bugs) {
      rows.add(List.of(time(b.raisedAt(), zone), b.bugId(), b.submittedBy(), b.description(),
          b.amsBugTicketNo().orElse(""), b.cmcpCollabTicketNo().orElse(""), b.supportRoomTicketNo().orElse(""),
          b.uploaded() ? "是" : "否", time(b.uploadEta(), zone), b.workaround().orElse("")));
    }
    return new SummaryTable(BUG_WEEKLY_TITLE, BUG_WEEKLY_HEADERS, rows);
  }

  private static String time(Instant t, ZoneId zone) {
    return TIME.format(t.atZone(zone));
  }

  private static String time(Optional<Instant> t, ZoneId zone) {
    return t.map(v -> time(v, zone)).orElse("");
  }
}
