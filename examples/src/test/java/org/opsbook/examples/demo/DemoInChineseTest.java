package org.opsbook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.Person;
import org.opsbook.examples.host.People;

/**
 * {@code ./opsbook demo --lang zh}: the whole narrative is in Chinese. Once the names that are the same in every
 * language are taken out (rule, ticket and fault IDs, masked numbers, the systems' names, the people's sign-in IDs,
 * paths and commands), no line of the timeline keeps an English word of three or more letters.
 */
class DemoInChineseTest {
  /** Latin words no line may keep. */
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

  @TempDir
  static Path dir;
  private static DemoRun zh;

  @BeforeAll
  static void replayInChinese() {
    zh = DemoRun.of(false, "--data", dir.resolve("data").toString(), "--lang", "zh");
    assertThat(zh.status()).as(zh.err()).isZero();
  }

  @Test
  void noLineKeepsAnEnglishWordOnceTheNamesAndIdsAreTakenOut() {
    List<Pattern> names = new ArrayList<>(List.of(
        // commands to type and paths: ./opsbook serve --data DIR, /tmp/…, docs/rules.md, the dashboard's URL
        Pattern.compile("\\./opsbook( --?[a-z]+| [a-z]+)*"),
        Pattern.compile("https?://\\S+"),
        // ticket, fault and message IDs: F-20261125-01, DM-20261125-01-r2, F-20261125-01/NOTIFICATION/1
        Pattern.compile("\\b(F|EX|DM|CO)-\\d{8}-\\d{2}(-r\\d+)?(/[A-Z_]+/\\d+)?"),
        // rule IDs (ESC-PROG-01, SM-SMS-T05), template IDs (NOTIFY-TPL-02), I-OFFICE
        Pattern.compile("[A-Z]+(-[A-Z0-9]+)+"),
        // the console gateway's message IDs
        Pattern.compile("console-\\d+"),
        // masked phone numbers
        Pattern.compile("\\d{3}\\*{4}\\d{4}"),
        // the systems and channels the manual names as they are, and the product
        Pattern.compile("(?<![A-Za-z])(BOSS|CALLCENTER|AMS|SOX|HMAC|H2|SMS|ITC|CMCP|teamserver|opsbook)(?![A-Za-z])"),
        Pattern.compile("(?<![\\p{L}\\d])/[^\\s,,。;;()()]+"),
        Pattern.compile("([\\w-]+/)*[\\w-]+\\.md")));
    // the people's sign-in IDs (lisi, sunba), which the dashboard asks for
    for (Person p : People.demo().everyone()) {
      names.add(Pattern.compile("(?<![A-Za-z])" + Pattern.quote(p.id()) + "(?![A-Za-z])"));
    }
    List<String> english = new ArrayList<>();
    for (String line : zh.lines()) {
      String rest = line;
      for (Pattern n : names) {
        rest = n.matcher(rest).replaceAll(" ");
      }
      if (ENGLISH.matcher(rest).find()) {
        english.add(line + "\n    left: " + rest.strip());
      }
    }
    assertThat(english).as("lines with English words under --lang zh").isEmpty();
    assertThat(zh.lines().size()).as("the whole day").isGreaterThan(150);
  }

  @Test
  void ESC_PROG_01_theDutyRoomsOwnWordsForTheDayItsChannelsAndItsLedger() {
    assertThat(zh.out()).contains("── 2026年11月25日 星期三 (北京时间)", "── 2026年11月26日 星期四 (北京时间)");
    assertThat(zh.line("09:54", "ESC-PROG-01", "F-20261125-01")).contains("经电话:第 1 次进展汇报,到期即报");
    assertThat(zh.line("↻ ESC-PROG-01")).contains("每 30 分钟一次");
    assertThat(zh.line("NOTIFY-TRIG-05", "现已到期")).contains("类用户,经短信:群发故障通知短信");
    assertThat(zh.line("SM-DATAOP-MOD-T12")).contains("确认客户已恢复使用:工单关闭");
    assertThat(zh.line("DATAOP-MOD-18", "SOX")).contains("审计轨迹", "完整有序", "链已验证");
    assertThat(zh.line("故障职责履行情况:")).containsPattern("[0-9]+ 项职责,涉及 [0-9]+ 个故障,漏报 [0-9]+ 项,逾期 [0-9]+ 项");
    assertThat(zh.line("审计", "本次运行写入")).contains("每条 HMAC 封印的链均已验证");
  }

  @Test
  void NOTIFY_REVIEW_01_aRefusalNamesItsRuleWithTheBundlesSummary() {
    assertThat(zh.line("09:29", "NOTIFY-REVIEW-01", "F-20261125-01/NOTIFICATION/1"))
        .contains("无权审核通过", "NOTIFY-REVIEW-01 值班人员起草的短信须由故障处理组组长审核");
    assertThat(zh.line("CUTOVER-23", "CO-20261127-01", "被拒绝")).contains("今天通过 AMS 提交割接申请");
    assertThat(zh.line("DATAOP-MOD-14", "被拒绝")).contains("批量修改的执行人不得复核");
  }
}
