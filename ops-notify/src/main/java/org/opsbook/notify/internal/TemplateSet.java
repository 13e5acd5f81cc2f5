package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;

/**
 * The message templates a host uses, by ID: the manual's five (NOTIFY-TPL-01..05, verbatim, see {@link #standard()})
 * and any the host registers under new IDs, for example a business-type follow-up wording without 「系统」 (OQ-04).
 * Every template is compiled against {@link #PLACEHOLDERS} when it is registered, so an unknown placeholder fails at
 * load time. Immutable and thread-safe.
 *
 * <pre>{@code
 * TemplateSet templates = TemplateSet.standard().toBuilder()
 *     .register(RuleId.of("HOST-TPL-03"), "{subject}故障跟进情况:故障时间:{Y}年{M}月{D}日{h}时{m}分,...")
 *     .build();
 * }</pre>
 */
public final class TemplateSet {
  /**
   * The placeholders of NOTIFY-TPL-00: {@code subject} (the leading 「*」), the fault time {@code Y M D h m}
   * (「*年*月*日*时*分」), {@code phenomenon}, {@code cause}, {@code scope}, {@code handlingParty} (「(省公司或IT中心)」),
   * {@code eta}, {@code followUpPerson}, {@code uploadEta}, {@code uploadFollowUpPerson} and {@code workaround}.
   */
  public static final PlaceholderSet PLACEHOLDERS = PlaceholderSet.of("subject", "Y", "M", "D", "h", "m",
      "phenomenon", "cause", "scope", "handlingParty", "eta", "followUpPerson", "uploadEta", "uploadFollowUpPerson",
      "workaround");

  /** NOTIFY-TPL-01: 业务类故障短信 (business-type notification SMS). */
  public static final RuleId TPL_01 = RuleId.of("NOTIFY-TPL-01");
  /** NOTIFY-TPL-02: 系统类故障短信 (system-type notification SMS). */
  public static final RuleId TPL_02 = RuleId.of("NOTIFY-TPL-02");
  /** NOTIFY-TPL-03: 故障跟进短信 (follow-up SMS). */
  public static final RuleId TPL_03 = RuleId.of("NOTIFY-TPL-03");
  /** NOTIFY-TPL-04: 故障恢复短信 (recovery SMS). */
  public static final RuleId TPL_04 = RuleId.of("NOTIFY-TPL-04");
  /** NOTIFY-TPL-05: BUG notice posted on 服务营销系统, 合作伙伴门户 and BBS (not an SMS). */
  public static final RuleId TPL_05 = RuleId.of("NOTIFY-TPL-05");

  /**
   * NOTIFY-TPL-01, §2.2.3.2 ¶1 1)(1), verbatim: 「*故障通知:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,影响范围:*,
   * 处理情况:目前(省公司或IT中心)正在抢修,预计恢复时间:*,故障跟进人:* 。」 The source's ASCII {@code , :} and the space
   * before 「 。」 are kept.
   */
  static final String TEXT_01 = "{subject}故障通知:故障时间:{Y}年{M}月{D}日{h}时{m}分,故障现象:{phenomenon},"
      + "故障原因:{cause},影响范围:{scope},处理情况:目前{handlingParty}正在抢修,预计恢复时间:{eta},"
      + "故障跟进人:{followUpPerson} 。";

  /**
   * NOTIFY-TPL-02, §2.2.3.2 ¶1 1)(2). The manual's text is truncated: it stops at 「…预计恢复时间:*,故障跟进人:」 and
   * the next item begins. It is completed with 「{followUpPerson} 。」 as the catalog proposes (OQ-04 (c)), matching
   * NOTIFY-TPL-01, -03 and -04; everything before the completion is verbatim.
   */
  static final String TEXT_02 = "{subject}系统故障通知:故障时间:{Y}年{M}月{D}日{h}时{m}分,故障现象:{phenomenon},"
      + "故障原因:{cause},影响范围:{scope},处理情况:目前{handlingParty}正在抢修,预计恢复时间:{eta},"
      + "故障跟进人:{followUpPerson} 。";

  /**
   * NOTIFY-TPL-03, §2.2.3.2 ¶1 2)(2), verbatim: 「*系统故障跟进情况:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,
   * 影响范围:*,处理情况:目前(省公司或IT中心)正在跟进处理当中,预计恢复时间:*,故障跟进人:* 。」
   */
  static final String TEXT_03 = "{subject}系统故障跟进情况:故障时间:{Y}年{M}月{D}日{h}时{m}分,故障现象:{phenomenon},"
      + "故障原因:{cause},影响范围:{scope},处理情况:目前{handlingParty}正在跟进处理当中,预计恢复时间:{eta},"
      + "故障跟进人:{followUpPerson} 。";

  /**
   * NOTIFY-TPL-04, §2.2.3.2 ¶1 3)(1), verbatim: 「*系统故障恢复通知:故障时间:*年*月*日*时*分,故障现象:*,故障原因:*,
   * 影响范围:*,处理情况:经(省公司或IT中心)抢修后,目前已恢复正常,故障跟进人:* 。」 It carries the fault time only, no
   * recovery time.
   */
  static final String TEXT_04 = "{subject}系统故障恢复通知:故障时间:{Y}年{M}月{D}日{h}时{m}分,故障现象:{phenomenon},"
      + "故障原因:{cause},影响范围:{scope},处理情况:经{handlingParty}抢修后,目前已恢复正常,"
      + "故障跟进人:{followUpPerson} 。";

  /**
   * NOTIFY-TPL-05, §2.3.3.2 7、, verbatim: 「*系统程序故障通知:故障时间:*年*月*日*时*分,故障现象:(用户无法缴费),
   * 故障原因:(如BOSS系统*程序有问题),影响范围:(如所有用户无法缴费),处理情况:目前确定程序存在问题,需要安排程序上载解决,
   * 预计程序上载时间:*,故障跟进人:* ,程序上载跟进人:*,应急处理方法:*。」 The parenthesised texts are the manual's
   * examples of the phenomenon, cause and scope, so they are placeholders; the space before 「 ,程序上载跟进人」 and the
   * missing space before the final 「。」 are the source's.
   */
  static final String TEXT_05 = "{subject}系统程序故障通知:故障时间:{Y}年{M}月{D}日{h}时{m}分,故障现象:{phenomenon},"
      + "故障原因:{cause},影响范围:{scope},处理情况:目前确定程序存在问题,需要安排程序上载解决,"
      + "预计程序上载时间:{uploadEta},故障跟进人:{followUpPerson} ,程序上载跟进人:{uploadFollowUpPerson},"
      + "应急处理方法:{workaround}。";

  private static final TemplateSet STANDARD = new Builder()
      .register(TPL_01, TEXT_01)
      .register(TPL_02, TEXT_02)
      .register(TPL_03, TEXT_03)
      .register(TPL_04, TEXT_04)
      .register(TPL_05, TEXT_05)
      .build();

  private final ImmutableMap<RuleId, Template> templates;

  private TemplateSet(Map<RuleId, Template> templates) {
    this.templates = ImmutableMap.copyOf(templates);
  }

  /** Returns the manual's templates NOTIFY-TPL-01..05. */
  public static TemplateSet standard() {
    return STANDARD;
  }

  /** Returns an empty builder; most hosts start from {@code standard().toBuilder()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these templates, to register more. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.templates.putAll(templates);
    return b;
  }

  /** Returns the template with {@code id}, if registered. */
  public Optional<Template> find(RuleId id) {
    return Optional.ofNullable(templates.get(id));
  }

  /**
   * Returns the template with {@code id}.
   *
   * @throws InvalidInputException naming {@code templateId} when none is registered
   */
  public Template get(RuleId id) {
    Template t = templates.get(checkNotNull(id, "id"));
    if (t == null) {
      throw new InvalidInputException("templateId", "no template registered as " + id + "; registered: "
          + templates.keySet());
    }
    return t;
  }

  /** Returns every template, in registration order. */
  public Collection<Template> all() {
    return templates.values();
  }

  /** Builds a {@link TemplateSet}; not thread-safe. */
  public static final class Builder {
    private final Map<RuleId, Template> templates = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Compiles and registers a template under a new ID.
     *
     * @throws InvalidInputException when the ID is taken or the text is not a valid template (NOTIFY-TPL-00)
     */
    public Builder register(RuleId id, String text) {
      checkNotNull(id, "id");
      if (templates.containsKey(id)) {
        throw new InvalidInputException("templateId", "template " + id + " is already registered");
      }
      templates.put(id, Template.compile(id, text, PLACEHOLDERS));
      return this;
    }

    /** Returns the set. */
    public TemplateSet build() {
      return new TemplateSet(templates);
    }
  }
}
