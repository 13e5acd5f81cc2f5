package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opsbook.notify.MessageContent;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageType;

class TemplateTest {
  /** 2026-05-06 09:05 in Shanghai, given in UTC so the zone conversion is exercised. */
  static final Instant T0 = Instant.parse("2026-05-06T01:05:00Z");

  /** The manual's texts, copied byte for byte from §2.2.3.2 and §2.3.3.2 of the source (page markers removed). */
  static final String MANUAL_01 = "*故障通知:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,影响范围:*,处理情况:目前(省公司或IT中心)"
      + "正在抢修,预计恢复时间:*,故障跟进人:* 。";
  static final String MANUAL_02 = "*系统故障通知:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,影响范围:*,处理情况:目前(省公司或IT中心)"
      + "正在抢修,预计恢复时间:*,故障跟进人:";
  static final String MANUAL_03 = "*系统故障跟进情况:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,影响范围:*,处理情况:目前(省公司或IT中心)"
      + "正在跟进处理当中,预计恢复时间:*,故障跟进人:* 。";
  static final String MANUAL_04 = "*系统故障恢复通知:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,影响范围:*,处理情况:经(省公司或IT中心)"
      + "抢修后,目前已恢复正常,故障跟进人:* 。";
  static final String MANUAL_05 = "*系统程序故障通知:故障时间:*年*月*日*时*分,故障现象:(用户无法缴费),故障原因:(如BOSS系统*程序有问题),"
      + "影响范围:(如所有用户无法缴费),处理情况:目前确定程序存在问题,需要安排程序上载解决,预计程序上载时间:*,故障跟进人:* ,"
      + "程序上载跟进人:*,应急处理方法:*。";

  /** The part every template fills alike from {@link #content()}: time, phenomenon, cause and scope. */
  static final String FILLED = "故障时间:2026年5月6日9时5分,故障现象:营业厅无法缴费,故障原因:待查,影响范围:全市营业厅,";

  static MessageContent content() {
    return MessageContent.builder().subjectName("BOSS").faultStartTime(T0).phenomenon("营业厅无法缴费")
        .cause("待查").scope("全市营业厅").handlingParty(HandlingParty.IT_CENTER).eta("今天12时前")
        .followUpPerson("张三").uploadEta("2026-05-07T22:00:00+08:00").uploadFollowUpPerson("李四")
        .workaround("改用自助终端缴费").build();
  }

  /** The manual's star form of a parameterised template: each placeholder back to 「*」, the party to its choice. */
  static String starForm(String parameterised) {
    return parameterised.replace("{handlingParty}", "(省公司或IT中心)").replaceAll("\\{[A-Za-z]+\\}", "*");
  }

  static String render(RuleId id) {
    return MessageRenderer.defaults().render(id, content()).text();
  }

  /**
   * The template renders {@link #content()} as its title, the part every template fills alike and its handling
   * sentence; its parameterised text reads as the manual's star form.
   */
  static void assertFilledAsTheManualSays(RuleId id, String title, String handling, String parameterised,
      String manual) {
    assertThat(render(id)).isEqualTo(title + FILLED + handling);
    assertThat(starForm(parameterised)).isEqualTo(manual);
  }

  @Test
  void NOTIFY_TPL_01_businessNotificationIsTheManualsTextFilled() {
    assertFilledAsTheManualSays(TemplateSet.TPL_01, "BOSS故障通知:",
        "处理情况:目前IT中心正在抢修,预计恢复时间:今天12时前,故障跟进人:张三 。", TemplateSet.TEXT_01, MANUAL_01);
  }

  @Test
  void NOTIFY_TPL_02_systemNotificationCompletesTheTruncatedSource() {
    assertThat(render(TemplateSet.TPL_02)).isEqualTo("BOSS系统故障通知:" + FILLED
        + "处理情况:目前IT中心正在抢修,预计恢复时间:今天12时前,故障跟进人:张三 。");
    String star = starForm(TemplateSet.TEXT_02);
    assertThat(star).startsWith(MANUAL_02);
    assertThat(star.substring(MANUAL_02.length())).isEqualTo("* 。");
  }

  @Test
  void NOTIFY_TPL_03_followUpIsTheManualsTextFilled() {
    assertFilledAsTheManualSays(TemplateSet.TPL_03, "BOSS系统故障跟进情况:",
        "处理情况:目前IT中心正在跟进处理当中,预计恢复时间:今天12时前,故障跟进人:张三 。", TemplateSet.TEXT_03, MANUAL_03);
  }

  @Test
  void NOTIFY_TPL_04_recoveryIsTheManualsTextFilled() {
    assertFilledAsTheManualSays(TemplateSet.TPL_04, "BOSS系统故障恢复通知:",
        "处理情况:经IT中心抢修后,目前已恢复正常,故障跟进人:张三 。", TemplateSet.TEXT_04, MANUAL_04);
  }

  @Test
  void NOTIFY_TPL_05_bugNoticeIsTheManualsTextWithItsExamplesAsPlaceholders() {
    assertThat(render(TemplateSet.TPL_05)).isEqualTo("BOSS系统程序故障通知:" + FILLED
        + "处理情况:目前确定程序存在问题,需要安排程序上载解决,"
        + "预计程序上载时间:2026年5月7日22时0分,故障跟进人:张三 ,程序上载跟进人:李四,应急处理方法:改用自助终端缴费。");
    String examples = TemplateSet.TEXT_05.replace("{phenomenon}", "(用户无法缴费)")
        .replace("{cause}", "(如BOSS系统*程序有问题)").replace("{scope}", "(如所有用户无法缴费)");
    assertThat(starForm(examples)).isEqualTo(MANUAL_05);
  }

  @Test
  void NOTIFY_TPL_00_theFaultTimeIsUnpaddedInShanghaiByDefaultAndPaddedOnRequest() {
    assertThat(FaultTimeFormat.defaults().format(T0)).isEqualTo("2026年5月6日9时5分");
    assertThat(new FaultTimeFormat(ZoneId.of("Asia/Shanghai"), true).format(T0)).isEqualTo("2026年05月06日09时05分");
    MessageRenderer padded = new MessageRenderer(TemplateSet.standard(),
        NotifyConfig.builder().padFaultTime(true).build());
    assertThat(padded.render(TemplateSet.TPL_01, content()).text()).contains("故障时间:2026年05月06日09时05分,");
    assertThat(FaultTimeFormat.defaults().format(Instant.parse("2026-12-31T16:30:00Z")))
        .isEqualTo("2027年1月1日0时30分");
  }

  @Test
  void NOTIFY_TPL_00_anEtaTimestampIsWrittenLikeTheFaultTimeAndFreeTextAsItIs() {
    MessageContent c = content();
    assertThat(FaultTimeFormat.defaults().timeOrText("2026-05-06T18:00:00+08:00"))
        .isEqualTo("2026年5月6日18时0分");
    assertThat(FaultTimeFormat.defaults().timeOrText("2026-05-06T10:00:00Z"))
        .isEqualTo("2026年5月6日18时0分");
    assertThat(FaultTimeFormat.defaults().timeOrText("今天12时前")).isEqualTo("今天12时前");
    assertThat(c.eta()).contains("今天12时前");
    assertThatThrownBy(() -> MessageContent.builder().eta("2026-05-06T18:00:00").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("eta");
          assertThat(e.reason()).contains("without an offset");
        });
  }

  @Test
  void NOTIFY_TPL_00_anUnknownPlaceholderFailsWhenTheTemplateIsLoaded() {
    assertThatThrownBy(() -> TemplateSet.standard().toBuilder()
        .register(RuleId.of("HOST-TPL-01"), "{subject}故障:{phenomenom} 。"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("text");
          assertThat(e.ruleId()).contains(RuleId.of("NOTIFY-TPL-00"));
          assertThat(e.reason()).contains("HOST-TPL-01").contains("{phenomenom}");
        });
  }

  @Test
  void NOTIFY_TPL_00_aBareStarOrAnUnbalancedBraceFailsWhenTheTemplateIsLoaded() {
    PlaceholderSet names = TemplateSet.PLACEHOLDERS;
    RuleId id = RuleId.of("HOST-TPL-02");
    assertThatThrownBy(() -> Template.compile(id, "*系统故障:{phenomenon}", names)).hasMessageContaining("bare '*'");
    assertThatThrownBy(() -> Template.compile(id, "{subject系统故障", names)).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Template.compile(id, "系统}故障", names)).hasMessageContaining("unopened");
    assertThatThrownBy(() -> Template.compile(id, "", names)).hasMessageContaining("empty");
  }

  @Test
  void NOTIFY_TPL_00_aMissingValueIsAnErrorNamingThePlaceholderNeverABlank() {
    MessageContent noCause = MessageContent.builder().subjectName("BOSS").faultStartTime(T0).phenomenon("x")
        .scope("y").handlingParty(HandlingParty.PROVINCE).eta("z").followUpPerson("张三").build();
    assertThatThrownBy(() -> MessageRenderer.defaults().render(TemplateSet.TPL_02, noCause))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("cause");
          assertThat(e.ruleId()).contains(TemplateSet.TPL_02);
          assertThat(e.reason()).contains("{cause}");
        });
    MessageContent noTime = MessageContent.builder().subjectName("BOSS").phenomenon("x").cause("c").scope("y")
        .handlingParty(HandlingParty.PROVINCE).eta("z").followUpPerson("张三").build();
    assertThatThrownBy(() -> MessageRenderer.defaults().render(TemplateSet.TPL_02, noTime))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("faultStartTime"));
    Template t = TemplateSet.standard().get(TemplateSet.TPL_01);
    assertThatThrownBy(() -> t.render(TemplateValues.builder(TemplateSet.PLACEHOLDERS).put("subject", "BOSS").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Y"));
  }

  @Test
  void NOTIFY_TPL_00_aBlankValueOrAValueWithAStarIsRefusedNamingTheField() {
    assertThatThrownBy(() -> MessageContent.builder().phenomenon("  ").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phenomenon"));
    assertThatThrownBy(() -> MessageContent.builder().cause("BOSS系统*程序有问题").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("cause");
          assertThat(e.ruleId()).contains(RuleId.of("NOTIFY-TPL-00"));
        });
    assertThatThrownBy(() -> MessageContent.builder().scope("{scope}").build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TemplateValues.builder(TemplateSet.PLACEHOLDERS).put("nope", "x"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nope"));
  }

  @Test
  void OQ_04_aHostRegistersABusinessFollowUpWordingUnderANewId() {
    RuleId own = RuleId.of("HOST-TPL-03");
    TemplateSet templates = TemplateSet.standard().toBuilder()
        .register(own, TemplateSet.TEXT_03.replace("{subject}系统故障跟进情况", "{subject}故障跟进情况")).build();
    MessageRenderer r = new MessageRenderer(templates,
        NotifyConfig.builder().putBusinessTemplates(MessageType.FOLLOW_UP, own).build());
    assertThat(r.templateFor(MessageType.FOLLOW_UP, Optional.of(FaultNature.BUSINESS))).isEqualTo(own);
    assertThat(r.templateFor(MessageType.FOLLOW_UP, Optional.of(FaultNature.SYSTEM))).isEqualTo(TemplateSet.TPL_03);
    assertThat(r.templateFor(MessageType.RECOVERY, Optional.of(FaultNature.BUSINESS))).isEqualTo(TemplateSet.TPL_04);
    assertThat(r.render(MessageType.FOLLOW_UP, Optional.of(FaultNature.BUSINESS), content()).text())
        .startsWith("BOSS故障跟进情况:");
    assertThat(MessageRenderer.defaults().templateFor(MessageType.FOLLOW_UP, Optional.of(FaultNature.BUSINESS)))
        .as("by default the business follow-up uses NOTIFY-TPL-03 unchanged").isEqualTo(TemplateSet.TPL_03);
    assertThatThrownBy(() -> templates.toBuilder().register(own, "x")).hasMessageContaining("already registered");
    assertThatThrownBy(() -> new MessageRenderer(TemplateSet.standard(),
        NotifyConfig.builder().putBusinessTemplates(MessageType.FOLLOW_UP, own).build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("businessTemplates.FOLLOW_UP"));
  }

  @Test
  void templateChoiceFollowsTheBusinessSystemSummaryOfSection9_5() {
    MessageRenderer r = MessageRenderer.defaults();
    assertThat(r.templateFor(MessageType.NOTIFICATION, Optional.of(FaultNature.BUSINESS))).isEqualTo(TemplateSet.TPL_01);
    assertThat(r.templateFor(MessageType.NOTIFICATION, Optional.of(FaultNature.SYSTEM))).isEqualTo(TemplateSet.TPL_02);
    assertThat(r.templateFor(MessageType.BUG_NOTICE, Optional.empty())).isEqualTo(TemplateSet.TPL_05);
    assertThatThrownBy(() -> r.templateFor(MessageType.NOTIFICATION, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nature"));
  }

  @Test
  void handlingPartyIsProvinceOrItCentreOnly() {
    assertThat(HandlingParty.parse("省公司", "f")).isEqualTo(HandlingParty.PROVINCE);
    assertThat(HandlingParty.parse("IT中心", "f")).isEqualTo(HandlingParty.IT_CENTER);
    assertThatThrownBy(() -> HandlingParty.parse("开发商", "message.handlingParty"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("message.handlingParty"));
  }

  @Test
  void valuesAndContentMaskPersonalDataInToString() {
    assertThat(content().toString()).contains("张*").doesNotContain("张三");
    TemplateValues v = TemplateValues.builder(TemplateSet.PLACEHOLDERS).put("phenomenon", "13800138000无法登录").build();
    assertThat(v.toString()).contains("138****8000").doesNotContain("13800138000");
  }

  @Test
  void renderingHandlesNoPlaceholderManyPlaceholdersAndControlCharactersInLiterals() {
    PlaceholderSet names = PlaceholderSet.of("a", "b");
    RuleId id = RuleId.of("HOST-TPL-09");
    TemplateValues v = TemplateValues.builder(names).put("a", "甲").put("b", "乙").build();
    assertThat(Template.compile(id, "无占位符 。", names).render(v)).isEqualTo("无占位符 。");
    assertThat(Template.compile(id, "x\u0001{a}\u0002y{b}", names).render(v)).isEqualTo("x\u0001甲\u0002y乙");
    assertThat(Template.compile(id, "{a}{b}".repeat(10), names).render(v)).isEqualTo("甲乙".repeat(10));
    String many = "{a}-{b}|".repeat(150);
    assertThat(Template.compile(id, many, names).render(v)).isEqualTo("甲-乙|".repeat(150));
  }
}
