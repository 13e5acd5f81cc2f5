package org.opsbook.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.examples.http.Texts;

/**
 * The narrative's words in each language: English keeps the library's texts, Chinese takes the duty room's words
 * from the bundle, and falls back to the library's text where the bundle has none.
 */
class NarrativeTest {
  private static final Narrative EN = new Narrative(Locale.ENGLISH);
  private static final Narrative ZH = new Narrative(Locale.SIMPLIFIED_CHINESE);
  private static final Pattern FORMAT = Pattern.compile("%[-0-9.]*[sdf]");

  @Test
  void ESC_PROG_01_aDutysActionIsTheLibrarysTextInEnglishAndTheBundlesInChinese() {
    Obligation progress = duty("ESC-PROG-01", "report handling progress to the room manager (escalated fault)");
    assertThat(EN.action(progress)).isEqualTo(progress.action());
    assertThat(ZH.action(progress)).isEqualTo("向室经理汇报处理进展(升级故障)");
    // one rule, two postings: the bundle entry is chosen by the library's text
    assertThat(ZH.action(duty("NOTIFY-TRIG-01",
        "ask 68284 to post the recovery notice (故障恢复公告) on 服营网站 and I-OFFICE"))).contains("故障恢复公告");
    assertThat(ZH.action(duty("NOTIFY-TRIG-01",
        "ask 68284 to post the fault notice (故障通知公告) on 服营网站 and I-OFFICE"))).contains("故障通知公告");
    // a text the bundle does not know (the library changed it) is printed as the library has it
    Obligation changed = duty("ESC-PROG-01", "report progress to the room manager");
    assertThat(ZH.action(changed)).isEqualTo("report progress to the room manager");
  }

  @Test
  void NOTIFY_REVIEW_01_aRefusalIsTheLibrarysMessageInEnglishAndItsRuleWithASummaryInChinese() {
    List<Violation> refused = List.of(
        Violation.of(RuleId.of("NOTIFY-REVIEW-01"), "the reviewer must not be the author (zhangsan)"),
        Violation.of(RuleId.of("NOTIFY-REVIEW-01"), "zhangsan is not a fault-team leader"),
        Violation.of(RuleId.of("SM-SMS-T03"), "the message is not in review"));
    assertThat(EN.violations(refused)).isEqualTo("the reviewer must not be the author (zhangsan); zhangsan is not a "
        + "fault-team leader; the message is not in review");
    assertThat(ZH.violations(refused)).as("one summary per rule; a rule without one keeps its message")
        .isEqualTo("NOTIFY-REVIEW-01 值班人员起草的短信须由故障处理组组长审核,起草人不得自审;the message is not in review");
  }

  @Test
  void theDayTheChannelsTheLevelsAndTheRolesInEachLanguage() {
    LocalDate wednesday = LocalDate.of(2026, 11, 25);
    assertThat(EN.day(wednesday)).isEqualTo("Wed 25 Nov 2026");
    assertThat(ZH.day(wednesday)).isEqualTo("2026年11月25日 星期三");
    assertThat(EN.every(Duration.ofMinutes(30))).isEqualTo("30 min");
    assertThat(ZH.every(Duration.ofHours(2))).isEqualTo("2 小时");
    assertThat(EN.channel(Channel.PHONE)).isEqualTo("PHONE");
    assertThat(ZH.channel(Channel.PHONE)).isEqualTo("电话");
    assertThat(ZH.channel(Channel.SMS)).isEqualTo("短信");
    assertThat(EN.level(Level.NONE)).isEqualTo("一般故障 (NONE)");
    assertThat(ZH.level(Level.NONE)).isEqualTo("一般故障");
    assertThat(EN.unit("DUTY_LOG_WRITER")).isEqualTo("DUTY_LOG_WRITER");
    assertThat(ZH.unit("DUTY_LOG_WRITER")).isEqualTo("当天负责值班日志撰写的同事");
    assertThat(ZH.unit("市场部")).isEqualTo("市场部");
    assertThat(ZH.roles("张三 (ESC_DUTY) → 赵六 (ROOM_MANAGER)")).isEqualTo("张三 (升级投诉值班同事) → 赵六 (运营室经理)");
    assertThat(EN.roles("张三 (ESC_DUTY)")).isEqualTo("张三 (ESC_DUTY)");
  }

  @Test
  void everyPhraseTakesTheSameArgumentsInBothLanguages() {
    ResourceBundle en = Texts.bundle(Locale.ENGLISH);
    ResourceBundle zh = Texts.bundle(Locale.SIMPLIFIED_CHINESE);
    int phrases = 0;
    for (String key : en.keySet()) {
      if (key.startsWith("demo.") || key.startsWith("day.")) {
        assertThat(formats(zh.getString(key))).as(key).isEqualTo(formats(en.getString(key)));
        phrases++;
      }
    }
    assertThat(phrases).isGreaterThan(100);
  }

  private static List<String> formats(String pattern) {
    Matcher m = FORMAT.matcher(pattern);
    return m.results().map(r -> r.group().replaceAll("[-0-9.]", "")).toList();
  }

  private static Obligation duty(String rule, String action) {
    return Obligation.builder().ruleId(RuleId.of(rule)).subjectId("F-20261125-01").actor(Role.ESC_DUTY)
        .action(action).target("ROOM_MANAGER").channel(Channel.PHONE).build();
  }
}
