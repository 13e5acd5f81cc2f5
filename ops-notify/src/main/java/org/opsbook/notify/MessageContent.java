package org.opsbook.notify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.text.CodePoints;

/**
 * What the drafter writes into a message: the values of the placeholders of NOTIFY-TPL-00, named as the decision
 * API's {@code message} object names them, plus the fault time. Every text is checked when the value is built
 * ({@link #checkValue}): something visible, nothing invisible or line-breaking, and free of 「*」 and braces, so a
 * rendered message never looks unfilled.
 *
 * <p>{@link #eta()} and {@link #uploadEta()} are free text (『待定』, 『今晚20时前』) or an ISO-8601 timestamp with an
 * offset, which is rendered like the fault time; a timestamp without an offset is invalid input. The
 * {@code toString()} masks the follow-up people's names and phone numbers in the texts. Immutable and thread-safe.
 *
 * <pre>{@code
 * MessageContent c = MessageContent.builder().subjectName("BOSS").faultStartTime(t0).phenomenon("无法缴费")
 *     .cause("待查").scope("全市营业厅").handlingParty(HandlingParty.IT_CENTER).eta("2026-11-25T18:00:00+08:00")
 *     .followUpPerson("张三").build();
 * }</pre>
 */
@Value.Immutable
public abstract class MessageContent {
  private static final RuleId TPL_00 = RuleId.of("NOTIFY-TPL-00");

  /** {@code {subject}}: the system or business name of the leading 「*」, e.g. BOSS. */
  public abstract Optional<String> subjectName();

  /** {@code {Y}…{m}}: 故障时间, when the fault began. */
  public abstract Optional<Instant> faultStartTime();

  /** {@code {phenomenon}}: 故障现象. */
  public abstract Optional<String> phenomenon();

  /** {@code {cause}}: 故障原因; may be 『待查』. */
  public abstract Optional<String> cause();

  /** {@code {scope}}: 影响范围. */
  public abstract Optional<String> scope();

  /** {@code {handlingParty}}: 省公司 or IT中心. */
  public abstract Optional<HandlingParty> handlingParty();

  /** {@code {eta}}: 预计恢复时间, free text or an ISO-8601 timestamp with offset. */
  public abstract Optional<String> eta();

  /** {@code {followUpPerson}}: 故障跟进人 (personal data). */
  public abstract Optional<String> followUpPerson();

  /** {@code {uploadEta}}: 预计程序上载时间, free text or an ISO-8601 timestamp with offset. */
  public abstract Optional<String> uploadEta();

  /** {@code {uploadFollowUpPerson}}: 程序上载跟进人 (personal data). */
  public abstract Optional<String> uploadFollowUpPerson();

  /** {@code {workaround}}: 应急处理方法. */
  public abstract Optional<String> workaround();

  /**
   * Returns this content with the subject and the fault time taken from {@code facts} where this content has none
   * ({@code message.subjectName} falls back to {@code facts.subjectName}).
   */
  public MessageContent withFallbacks(FaultFacts facts) {
    ImmutableMessageContent c = (ImmutableMessageContent) this;
    if (subjectName().isEmpty() && facts.subjectName().isPresent()) {
      c = c.withSubjectName(facts.subjectName());
    }
    if (faultStartTime().isEmpty() && facts.faultStartTime().isPresent()) {
      c = c.withFaultStartTime(facts.faultStartTime());
    }
    return c;
  }

  private static boolean localTimestamp(String value) {
    try {
      LocalDateTime.parse(value.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  @Value.Check
  protected void check() {
    text("subjectName", subjectName());
    text("phenomenon", phenomenon());
    text("cause", cause());
    text("scope", scope());
    text("eta", eta());
    text("followUpPerson", followUpPerson());
    text("uploadEta", uploadEta());
    text("uploadFollowUpPerson", uploadFollowUpPerson());
    text("workaround", workaround());
    for (String field : new String[] {"eta", "uploadEta"}) {
      Optional<String> v = field.equals("eta") ? eta() : uploadEta();
      if (v.isPresent() && localTimestamp(v.get())) {
        throw new InvalidInputException(field, "timestamp without an offset (write e.g. " + v.get().strip()
            + "+08:00): " + v.get(), TPL_00);
      }
    }
  }

  private static void text(String field, Optional<String> value) {
    value.ifPresent(v -> checkValue(field, v));
  }

  /**
   * Checks that {@code value} may fill placeholder {@code name}: something a reader sees (white space of any kind,
   * the no-break and ideographic spaces among it, is blank), nothing a reader does not see or that breaks the line
   * (controls, line breaks, invisible and format characters such as the zero-width space or a direction override, which
   * would reorder the rest of the SMS), and no 「*」, 「＊」, 「{」 or 「}」.
   *
   * @throws InvalidInputException naming {@code name} and NOTIFY-TPL-00 otherwise
   */
  public static String checkValue(String name, String value) {
    if (value == null || value.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
      throw new InvalidInputException(name, "must not be blank: a placeholder is never rendered empty", TPL_00);
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String hidden = CodePoints.hidden(cp);
      if (hidden != null) {
        throw new InvalidInputException(name, "must not contain " + hidden + " (" + CodePoints.name(cp) + " at " + i
            + "): the SMS shows every character of its placeholders, on one line", TPL_00);
      }
      if (cp == '*' || cp == '＊' || cp == '{' || cp == '}') {
        throw new InvalidInputException(name, "must not contain '" + Character.toString(cp)
            + "': it would read as an unfilled placeholder", TPL_00);
      }
      i += Character.charCount(cp);
    }
    return value;
  }

  @Override
  public String toString() {
    return "MessageContent{subject=" + subjectName().orElse("-") + ", faultStartTime="
        + faultStartTime().map(Instant::toString).orElse("-")
        + ", phenomenon=" + phenomenon().map(Masking::phonesIn).orElse("-")
        + ", cause=" + cause().map(Masking::phonesIn).orElse("-")
        + ", scope=" + scope().map(Masking::phonesIn).orElse("-")
        + ", handlingParty=" + handlingParty().map(HandlingParty::label).orElse("-")
        + ", eta=" + eta().orElse("-")
        + ", followUpPerson=" + followUpPerson().map(Masking::name).orElse("-")
        + ", uploadEta=" + uploadEta().orElse("-")
        + ", uploadFollowUpPerson=" + uploadFollowUpPerson().map(Masking::name).orElse("-")
        + ", workaround=" + workaround().map(Masking::phonesIn).orElse("-") + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MessageContent}; strict: each field is set once. */
  public static final class Builder extends ImmutableMessageContent.Builder {}
}
