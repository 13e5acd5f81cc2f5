package org.opsbook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./opsbook demo} end to end on the embedded H2 default and on a real PostgreSQL (embedded binaries): the
 * timeline names the rules of every step of the bundled day, the audit chains verify, and a second run on the same
 * data succeeds with its own IDs.
 */
class DemoSmokeTest {
  private static EmbeddedPostgres postgres;

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void replaysTheDayOnH2AndAgainOnTheSameFolder(@TempDir Path dir) {
    Path data = dir.resolve("data");
    DemoRun first = DemoRun.of(false, "--data", data.toString());
    assertTheDay(first, "");
    assertThat(first.line("Database: H2 database in " + data.toAbsolutePath())).contains("migrations applied");
    assertThat(Files.exists(data.resolve("opsbook.mv.db"))).isTrue();

    DemoRun second = DemoRun.of(false, "--data", data.toString());
    assertTheDay(second, "-r2");
    assertThat(second.line("Database:")).contains("schema up to date", "run 2, IDs suffixed -r2");
  }

  @Test
  void theNarrativeSpeaksChineseWithTheManualsPostsUnderLangZh(@TempDir Path dir) {
    DemoRun zh = DemoRun.of(false, "--data", dir.resolve("zh").toString(), "--lang", "zh");
    assertThat(zh.status()).as(zh.err()).isZero();
    assertThat(zh.out()).contains("opsbook 演示:运营管理室的一天", "── 审计", "── 完成", "每条 HMAC 封印的链均已验证",
        "(升级投诉值班同事)", "(故障处理组组长)").doesNotContain("(ESC_DUTY)", "Replayed ", "Dashboard: ");
    DemoRun bad = DemoRun.of(false, "--lang", "fr");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--lang must be zh or en");
  }

  @Test
  void replaysTheDayOnPostgresql() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    String base = postgres.getJdbcUrl("postgres", "postgres");
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA demo_smoke");
    }
    String url = base + "&password=not-shown&currentSchema=demo_smoke";
    DemoRun first = DemoRun.of(false, "--db", url);
    assertTheDay(first, "");
    assertThat(first.line("Database:")).contains("jdbc:postgresql://", "password=***").doesNotContain("not-shown");
    assertThat(first.out()).doesNotContain("not-shown");
    DemoRun second = DemoRun.of(false, "--db", url);
    assertTheDay(second, "-r2");
  }

  @Test
  void showsItsProgressOnStandardErrorOnlyWhenAsked(@TempDir Path dir) {
    DemoRun quiet = DemoRun.of(false, "--data", dir.resolve("a").toString());
    DemoRun shown = DemoRun.of(true, "--data", dir.resolve("b").toString());
    assertThat(quiet.err()).isEmpty();
    assertThat(shown.err()).contains("\r", "%").contains("11-26 11:00  100%");
    assertThat(shown.out()).doesNotContain("\r").isEqualTo(shown.out().replace("\r", ""));
    assertThat(shown.lines()).hasSameSizeAs(quiet.lines());
  }

  @Test
  void badArgumentsExitTwo() {
    DemoRun r = DemoRun.of(false, "--colour");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("unknown option --colour", "usage: ./opsbook demo");
  }

  private static void assertTheDay(DemoRun run, String suffix) {
    assertThat(run.status()).as(run.err()).isZero();
    String f1 = "F-20261125-01" + suffix;
    String f2 = "F-20261126-01" + suffix;
    // the week's report carries the duty ledger of the store's faults (a replay adds its own), by rule and role (ORG-03)
    assertThat(run.line("故障职责履行情况:")).containsPattern("duties of [0-9]+ faults, [0-9]+ missed");
    assertThat(run.out()).contains("| 规则 | ESC-DEPT-02 |", "| 角色 | 升级故障值班人员 (业务系统维护) |");
    // the BOSS outage grows from a general fault to 二级, with the rule IDs at every change
    assertThat(run.line("FAULT-CLASS-DEF-01", f1 + " opened")).contains("一般故障 (NONE)");
    assertThat(run.line("FAULT-CLASS-L1-04", f1)).contains("一般故障 (NONE) → 一级故障 L1 (严重)");
    assertThat(run.line("FAULT-CLASS-L2-04", f1, "→ 二级故障 L2")).contains("一级故障 L1 (严重) → 二级故障 L2 (重大)");
    // duties falling due and done: room manager, 30-minute progress, department manager at 24 h
    assertThat(run.line("09:20", "ESC-ROOM-01", f1, "due now")).contains("赵六 (ROOM_MANAGER)");
    assertThat(run.line("ESC-ROOM-01", "briefs 赵六 (ROOM_MANAGER)")).startsWith("09:24");
    assertThat(run.line("09:54", "ESC-PROG-01", f1)).contains("progress report #1");
    assertThat(run.line("↻ ESC-PROG-01")).contains("every 30 min");
    assertThat(run.line("08:40", "ESC-DEPT-02", "due now")).contains("钱七 (DEPT_MANAGER)");
    assertThat(run.line("08:45", "ESC-DEPT-02")).contains("phones 钱七 (DEPT_MANAGER)");
    // the SMS: refused to its author, approved by the team leader, sent after the briefing, follow-up before 18:00
    assertThat(run.line("09:29", "NOTIFY-REVIEW-01", f1 + "/NOTIFICATION/1")).contains("may not approve");
    assertThat(run.line("09:31", "NOTIFY-REVIEW-01", "SM-SMS-T03")).contains("approved by 李四 (FAULT_TEAM_LEADER)");
    assertThat(run.line("09:33", "NOTIFY-REVIEW-03", "SM-SMS-T05", f1 + "/NOTIFICATION/1"))
        .contains("mass-sent by 孙八 (DUTY_68284)", "room manager 09:24");
    assertThat(run.line("console gateway", "138****")).doesNotContain("13800000");
    assertThat(run.line("17:10", "NOTIFY-TRIG-07", f1 + "/FOLLOW_UP/1")).contains("mass-sent");
    assertThat(run.line("SM-ESC-T07", f1)).startsWith("10:20");
    assertThat(run.line("10:32", "NOTIFY-TRIG-08", f1 + "/RECOVERY/1")).contains("mass-sent");
    // the CALLCENTER fault: class A left out
    assertThat(run.line("NOTIFY-RCPT-03", f2 + "/NOTIFICATION/1")).contains("to classes B,C", "class A is left out");
    // data operations and the cutover
    assertThat(run.line("DATAOP-MOD-14", "DM-20261125-01" + suffix)).contains("refused", "may not review it");
    assertThat(run.line("SM-DATAOP-MOD-T08", "DM-20261125-01" + suffix)).contains("吴十 (DATA_REVIEWER)");
    assertThat(run.line("DATAOP-MOD-18", "SOX trail")).contains("complete, in order", "chain verified");
    assertThat(run.line("11:00", "DATAOP-EXT-04", "EX-20261125-01" + suffix, "refused")).contains("peak hours");
    assertThat(run.line("DATAOP-EXT-04", "earliest allowed start")).endsWith("12:00");
    assertThat(run.line("CUTOVER-23", "CO-20261127-01" + suffix, "refused")).contains("applies through AMS");
    assertThat(run.line("SM-CUTOVER-T04", "CO-20261201-01" + suffix)).contains("applies through AMS");
    // the week's report
    assertThat(run.line("REPORT-WEEKLY-01", "BOSS 缴费开机失败")).contains("the weekly and the monthly report");
    assertThat(run.line("REPORT-FMT-01")).contains("每周重大故障汇总");
    // the audit chains, and where to look next
    assertThat(run.line("audit", "this run wrote")).contains("every HMAC-sealed chain verified");
    assertThat(run.line("Dashboard:")).contains("./opsbook serve", f2 + "/NOTIFICATION/1 waits");
  }
}
