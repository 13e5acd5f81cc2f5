package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.opsbook.core.Level;
import org.opsbook.core.Masking;
import org.opsbook.rules.duty.ComplianceReport;
import org.opsbook.rules.duty.ComplianceReport.Tally;
import org.opsbook.rules.internal.org.RoomPost;
import org.opsbook.rules.report.ReportRules.ReportWindow;

/**
 * Builds the two summary tables of the manual with their column headers verbatim: the weekly major-fault summary
 * (REPORT-FMT-01) and the BUG weekly summary (REPORT-FMT-02). Times are written {@code yyyy-MM-dd HH:mm} in the
 * given zone; an absent value is an empty cell. The weekly report also carries the duty-compliance table
 * ({@link #dutyCompliance}). Stateless.
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

  /** The duty-compliance table's title: the project's own table beside the manual's two (not a manual format). */
  public static final String DUTY_COMPLIANCE_TITLE = "故障职责履行情况";

  /** The duty-compliance table's columns: by what (规则 or 角色), then the counts and the total lateness in minutes. */
  public static final List<String> DUTY_COMPLIANCE_HEADERS = ImmutableList.of("分类", "规则/角色", "按时完成", "超时完成",
      "遗漏", "到期前结束", "未完成", "合计", "超时分钟");

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

  /**
   * Returns the week's duty-compliance table: one row per rule (规则), one per role that owed the duties (角色, with the
 * post of the room that staffs it, ORG-02..07, or 支持维护室 for the BUG processor, BUG-01), and
   * the total (合计), each with the duties done on time, done late, missed (fell due and ended undone), ended before
   * they fell due, and still open, and the total minutes late (the duty ledger, {@link ComplianceReport}).
   */
  public static SummaryTable dutyCompliance(ComplianceReport report) {
    checkNotNull(report, "report");
    List<List<String>> rows = new ArrayList<>();
    report.byRule().forEach((rule, t) -> rows.add(tally("规则", rule.value(), t)));
    report.byRole().forEach((role, t) -> rows.add(tally("角色",
        role.chineseName() + RoomPost.unitOf(role).map(unit -> " (" + unit + ")").orElse(""), t)));
    rows.add(tally("合计", "", report.total()));
    return new SummaryTable(DUTY_COMPLIANCE_TITLE, DUTY_COMPLIANCE_HEADERS, rows);
  }

  private static List<String> tally(String kind, String name, Tally t) {
    return List.of(kind, name, Integer.toString(t.onTime()), Integer.toString(t.late()), Integer.toString(t.missed()),
        Integer.toString(t.superseded()), Integer.toString(t.open()), Integer.toString(t.total()),
        Long.toString(t.lateness().toMinutes()));
  }

  private static String time(Instant t, ZoneId zone) {
    return TIME.format(t.atZone(zone));
  }

  private static String time(Optional<Instant> t, ZoneId zone) {
    return t.map(v -> time(v, zone)).orElse("");
  }

  /**
   * A summary table ready to send: the manual's column headers, verbatim, and rows of cell text, rendered as a
   * Markdown table (for the duty log, the weekly mail or teamserver) or as CSV (RFC 4180, for a spreadsheet). Cells may
   * hold personal data (names of follow-up people); the table is the report itself, so it is not masked. Immutable.
   */
  public static final class SummaryTable {
    /** A cell a spreadsheet reads as a number, not a formula, though it begins with a sign. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private final String title;
    private final ImmutableList<String> headers;
    private final ImmutableList<ImmutableList<String>> rows;

    /**
     * Creates a table.
     *
     * @param title the manual's title of the table, e.g. 每周重大故障汇总
     * @param headers the column headers
     * @param rows the rows; each has one cell per header
     */
    public SummaryTable(String title, List<String> headers, List<List<String>> rows) {
      this.title = checkNotNull(title, "title");
      this.headers = ImmutableList.copyOf(headers);
      ImmutableList.Builder<ImmutableList<String>> b = ImmutableList.builder();
      for (List<String> row : rows) {
        checkArgument(row.size() == headers.size(), "a row has %s cells, the table %s columns: %s", row.size(),
            headers.size(), row);
        b.add(ImmutableList.copyOf(row));
      }
      this.rows = b.build();
    }

    /** Returns the table's title. */
    public String title() {
      return title;
    }

    /** Returns the column headers. */
    public List<String> headers() {
      return headers;
    }

    /** Returns the rows. */
    public List<List<String>> rows() {
      return List.copyOf(rows);
    }

    /** Returns the table as Markdown: a title line, the header row, the separator and one line per row. */
    public String toMarkdown() {
      StringBuilder sb = new StringBuilder();
      sb.append("**").append(title).append("**\n\n");
      line(sb, headers);
      List<String> rule = new ArrayList<>();
      for (int i = 0; i < headers.size(); i++) {
        rule.add("---");
      }
      line(sb, rule);
      for (List<String> row : rows) {
        line(sb, row);
      }
      return sb.toString();
    }

    /**
     * Writes one row. A cell's own {@code &}, {@code <} and {@code >} are written as entities: the table is meant to
     * be rendered (its line breaks are {@code <br>}), and a cell of what people typed, such as
     * {@code <img src=x onerror=…>} in a fault's phenomenon, must not become live HTML in the mail or page that
     * renders it.
     */
    private static void line(StringBuilder sb, List<String> cells) {
      sb.append('|');
      for (String c : cells) {
        sb.append(' ').append(c.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>"))
            .append(" |");
      }
      sb.append('\n');
    }

    /**
     * Returns the table as CSV: the header row, then one record per row, CRLF line ends, fields quoted as needed. A
     * cell that a spreadsheet would read as a formula, one that begins with {@code =}, {@code +}, {@code -}, {@code @},
     * a tab or a carriage return and is not a plain number, is written with a leading {@code '}, which Excel and WPS
     * take as "text": the cells hold what people typed (a fault's phenomenon, a BUG's description), and a description
     * such as {@code =HYPERLINK("http://…?"&B2, "详情")} would otherwise run in the reader's spreadsheet.
     */
    public String toCsv() {
      StringBuilder sb = new StringBuilder();
      record(sb, headers);
      for (List<String> row : rows) {
        record(sb, row);
      }
      return sb.toString();
    }

    private static void record(StringBuilder sb, List<String> cells) {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        String c = cells.get(i);
        if (readAsFormula(c)) {
          c = "'" + c;
        }
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
          sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(c);
        }
      }
      sb.append("\r\n");
    }

    /** True when a spreadsheet opening the CSV would take {@code cell} as a formula (OWASP's CSV injection). */
    private static boolean readAsFormula(String cell) {
      if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
        return false;
      }
      return !PLAIN_NUMBER.matcher(cell).matches();
    }

    @Override
    public String toString() {
      return "SummaryTable{" + title + ", " + rows.size() + " rows}";
    }
  }

  /**
   * One fault in the weekly major-fault summary (REPORT-FMT-01, 每周重大故障汇总). The 序号 is given when the table is
   * rendered. Its {@code toString()} masks the follow-up person's name and any phone number in the texts.
   */
  @Value.Immutable
  public abstract static class MajorFaultSummaryRow {
    /** 故障现象. */
    public abstract String phenomenon();

    /** 影响范围. */
    public abstract String scope();

    /** 发生时间: faultStartTime. */
    public abstract Instant faultStartTime();

    /** 故障恢复时间: repairedAt; empty while the fault is open. */
    public abstract Optional<Instant> repairedAt();

    /** 受影响号码恢复时间: when the affected numbers were restored (e.g. after a data fix), if they were (OQ-14). */
    public abstract Optional<Instant> affectedNumbersRestoredAt();

    /** 处理情况. */
    public abstract String handling();

    /** 改进建议. */
    @Value.Default
    public String improvement() {
      return "";
    }

    /** 故障跟进人 (personal data). */
    public abstract String followUpPerson();

    @Override
    public String toString() {
      return "MajorFaultSummaryRow{phenomenon=" + Masking.phonesIn(phenomenon()) + ", faultStartTime="
          + faultStartTime() + ", repairedAt=" + repairedAt().map(Instant::toString).orElse("-")
          + ", followUpPerson=" + Masking.name(followUpPerson()) + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link MajorFaultSummaryRow} values. */
    public static final class Builder extends ImmutableMajorFaultSummaryRow.Builder {}
  }

  /**
   * One BUG in the weekly BUG summary (REPORT-FMT-02, BUG单每周情况汇总表格). Its {@code toString()} masks the
   * submitter's name and any phone number in the description.
   */
  @Value.Immutable
  public abstract static class BugWeeklySummaryRow {
    /** 时间: when the BUG was raised. */
    public abstract Instant raisedAt();

    /** BUG单号. */
    public abstract String bugId();

    /** 提交人 (personal data). */
    public abstract String submittedBy();

    /** 问题描述. */
    public abstract String description();

    /** AMS单号. */
    public abstract Optional<String> amsBugTicketNo();

    /** CMCP协作单号. */
    public abstract Optional<String> cmcpCollabTicketNo();

    /** 转支持维护室的单号. */
    public abstract Optional<String> supportRoomTicketNo();

    /** 是否已上载. */
    public abstract boolean uploaded();

    /** 预计上载时间. */
    public abstract Optional<Instant> uploadEta();

    /** 程序修复前的处理方法: the workaround (BUG-12). */
    public abstract Optional<String> workaround();

    @Override
    public String toString() {
      return "BugWeeklySummaryRow{bugId=" + bugId() + ", raisedAt=" + raisedAt() + ", submittedBy="
          + Masking.name(submittedBy()) + ", description=" + Masking.phonesIn(description()) + ", uploaded="
          + uploaded() + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link BugWeeklySummaryRow} values. */
    public static final class Builder extends ImmutableBugWeeklySummaryRow.Builder {}
  }
}
