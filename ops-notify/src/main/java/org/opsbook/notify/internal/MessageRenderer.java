package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Map;
import java.util.Optional;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;

/**
 * Chooses the template for a message and fills it from a {@link MessageContent}: §9.5 picks NOTIFY-TPL-01 for a
 * business-type notification and NOTIFY-TPL-02 for a system-type one, NOTIFY-TPL-03 and -04 for follow-up and
 * recovery (or the host's business wording, OQ-04), and NOTIFY-TPL-05 for the BUG notice. Every placeholder the
 * template uses is required; a missing one is an {@link InvalidInputException} naming the content field
 * ({@code phenomenon}, {@code subjectName}, {@code faultStartTime} …) and the template. Immutable and thread-safe.
 */
public final class MessageRenderer {
  private final TemplateSet templates;
  private final NotifyConfig config;
  private final FaultTimeFormat timeFormat;

  /**
   * Creates a renderer.
   *
   * @param templates the templates; must hold every template {@code config} names
   * @param config the settings (fault-time format, business wordings)
   * @throws InvalidInputException when a business wording names an unregistered template
   */
  public MessageRenderer(TemplateSet templates, NotifyConfig config) {
    this.templates = checkNotNull(templates, "templates");
    this.config = checkNotNull(config, "config");
    this.timeFormat = config.faultTimeFormat();
    for (Map.Entry<MessageType, RuleId> e : config.businessTemplates().entrySet()) {
      if (templates.find(e.getValue()).isEmpty()) {
        throw new InvalidInputException("businessTemplates." + e.getKey(),
            "names template " + e.getValue() + ", which is not registered");
      }
    }
  }

  /** Returns a renderer of the manual's templates with the default settings. */
  public static MessageRenderer defaults() {
    return new MessageRenderer(TemplateSet.standard(), NotifyConfig.defaults());
  }

  /** Returns the templates this renderer uses. */
  public TemplateSet templates() {
    return templates;
  }

  /** Returns the settings. */
  public NotifyConfig config() {
    return config;
  }

  /**
   * Returns the template for {@code type} (§9.5).
   *
   * @param nature 业务类 or 系统类; required for a notification, whose template depends on it
   * @throws InvalidInputException naming {@code nature} for a notification without one
   */
  public RuleId templateFor(MessageType type, Optional<FaultNature> nature) {
    checkNotNull(type, "type");
    if (type == MessageType.BUG_NOTICE) {
      return TemplateSet.TPL_05;
    }
    boolean business = nature.map(n -> n == FaultNature.BUSINESS).orElse(false);
    RuleId override = business ? config.businessTemplates().get(type) : null;
    if (override != null) {
      return override;
    }
    switch (type) {
      case NOTIFICATION:
        if (nature.isEmpty()) {
          throw new InvalidInputException("nature", "a notification needs the fault's nature: BUSINESS takes "
              + "NOTIFY-TPL-01, SYSTEM takes NOTIFY-TPL-02", TemplateSet.TPL_02);
        }
        return business ? TemplateSet.TPL_01 : TemplateSet.TPL_02;
      case FOLLOW_UP:
        return TemplateSet.TPL_03;
      default:
        return TemplateSet.TPL_04;
    }
  }

  /** Renders the template §9.5 picks for {@code type} and {@code nature}. */
  public Rendered render(MessageType type, Optional<FaultNature> nature, MessageContent content) {
    return render(templateFor(type, nature), content);
  }

  /**
   * Renders template {@code templateId} with {@code content}.
   *
   * @throws InvalidInputException naming the content field of the first placeholder without a value
   */
  public Rendered render(RuleId templateId, MessageContent content) {
    Template t = templates.get(templateId);
    TemplateValues.Builder v = TemplateValues.builder(TemplateSet.PLACEHOLDERS);
    boolean timeFilled = false;
    for (String name : t.usedPlaceholders()) {
      if (contentField(name).equals("faultStartTime")) {
        if (!timeFilled) {
          timeFormat.fill(v, require(content.faultStartTime(), name, t.id()));
          timeFilled = true;
        }
      } else {
        v.put(name, value(name, content, t.id()));
      }
    }
    String text = t.render(v.build());
    return new Rendered(t.id(), text, SmsLength.of(text));
  }

  private String value(String name, MessageContent c, RuleId id) {
    switch (name) {
      case "subject":
        return require(c.subjectName(), name, id);
      case "phenomenon":
        return require(c.phenomenon(), name, id);
      case "cause":
        return require(c.cause(), name, id);
      case "scope":
        return require(c.scope(), name, id);
      case "handlingParty":
        return require(c.handlingParty(), name, id).label();
      case "eta":
        return timeFormat.timeOrText(require(c.eta(), name, id));
      case "followUpPerson":
        return require(c.followUpPerson(), name, id);
      case "uploadEta":
        return timeFormat.timeOrText(require(c.uploadEta(), name, id));
      case "uploadFollowUpPerson":
        return require(c.uploadFollowUpPerson(), name, id);
      case "workaround":
        return require(c.workaround(), name, id);
      default:
        throw new IllegalStateException("placeholder {" + name + "} has no content field");
    }
  }

  /**
   * Returns the {@link MessageContent} field that fills {@code placeholder}: {@code subjectName} for
   * {@code subject}, {@code faultStartTime} for {@code Y M D h m}, the placeholder's own name otherwise.
   */
  public static String contentField(String placeholder) {
    switch (placeholder) {
      case "subject":
        return "subjectName";
      case "Y":
      case "M":
      case "D":
      case "h":
      case "m":
        return "faultStartTime";
      default:
        return placeholder;
    }
  }

  private static <T> T require(Optional<T> value, String placeholder, RuleId templateId) {
    if (value.isEmpty()) {
      throw new InvalidInputException(contentField(placeholder), "missing value for placeholder {" + placeholder
          + "} of " + templateId, templateId);
    }
    return value.get();
  }
}
