package org.opsbook.notify.internal;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.RuleId;
import org.opsbook.notify.MessageContent;

/**
 * The CMCP collaboration ticket to 支持维护室 (NOTIFY-TPL-06, §2.3.3.5 1、), with its field guards. The manual's
 * format, whose line breaks the extraction lost: 「支持维护同事:你好,*系统发现存在问题:应详细描述故障现象,(必须要有投诉号码及投诉
 * 问题)开发商的回复:如有BUG单号,需说明BUG单号。需要支持维护室协助的内容影响范围:应说明投诉量或导致系统中断的时间紧急程度:特级、紧急、一般
 * 期望解决时间:应说明如未在该时间点前解决,会出现什么问题。」
 *
 * <p>Each label is kept verbatim and starts a line; the text after a label is the author's. The guards, checked when
 * the value is built (each an {@link InvalidInputException} naming the field and NOTIFY-TPL-06, or BUG-05):
 * <ul>
 *   <li>the problem names at least one complaint number and the complaint issue (「必须要有投诉号码及投诉问题」);
 *   <li>a ticket raised for a BUG (BUG-05) states the BUG ticket number (「如有BUG单号,需说明BUG单号」);
 *   <li>the expected resolution time says what happens if it is missed (「应说明如未在该时间点前解决,会出现什么问题」);
 *   <li>every other field is present and not blank.
 * </ul>
 *
 * <p>The label 「需要支持维护室协助的内容」 has no colon in the source, so its text follows on the next line. The
 * {@code toString()} masks the complaint numbers. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CollabTicket {
  /** NOTIFY-TPL-06. */
  public static final RuleId TPL_06 = RuleId.of("NOTIFY-TPL-06");
  private static final RuleId BUG_05 = RuleId.of("BUG-05");

  /** The system of 「*系统发现存在问题」, e.g. BOSS. */
  public abstract String subjectName();

  /** The fault phenomenon, described in detail (「应详细描述故障现象」). */
  public abstract String phenomenon();

  /** The complaint numbers (投诉号码), at least one (personal data). */
  public abstract List<String> complaintNumbers();

  /** The complaint issue (投诉问题). */
  public abstract String complaintIssue();

  /** 开发商的回复: the developer's reply. */
  public abstract String developerReply();

  /** The AMS BUG ticket number, if a BUG ticket exists. */
  public abstract Optional<String> bugTicketNo();

  /** True when the ticket is raised for a BUG (BUG-05), which makes the BUG ticket number required. */
  @Value.Default
  public boolean raisedForBug() {
    return false;
  }

  /** 需要支持维护室协助的内容: what 支持维护室 is asked to do. */
  public abstract String assistanceNeeded();

  /** 影响范围: the complaint volume or how long the system was interrupted. */
  public abstract String scope();

  /** 紧急程度. */
  public abstract CollabUrgency urgency();

  /** 期望解决时间: free text or an ISO-8601 timestamp with offset, rendered like the fault time. */
  public abstract String expectedResolution();

  /** What goes wrong if it is not solved by then (「如未在该时间点前解决,会出现什么问题」). */
  public abstract String consequenceIfLate();

  /** Renders the ticket with the fault-time format of {@code format}. */
  public String render(FaultTimeFormat format) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("支持维护同事:你好,\n");
    sb.append(subjectName()).append("系统发现存在问题:").append(phenomenon())
        .append(",投诉号码:").append(String.join("、", complaintNumbers()))
        .append(",投诉问题:").append(complaintIssue()).append('\n');
    sb.append("开发商的回复:").append(developerReply());
    bugTicketNo().ifPresent(no -> sb.append(",BUG单号:").append(no));
    sb.append('\n');
    sb.append("需要支持维护室协助的内容\n").append(assistanceNeeded()).append('\n');
    sb.append("影响范围:").append(scope()).append('\n');
    sb.append("紧急程度:").append(urgency().label()).append('\n');
    sb.append("期望解决时间:").append(format.timeOrText(expectedResolution()))
        .append(",如未在该时间点前解决:").append(consequenceIfLate());
    return sb.toString();
  }

  @Value.Check
  protected void check() {
    text("subjectName", subjectName());
    text("phenomenon", phenomenon());
    if (complaintNumbers().isEmpty()) {
      throw new InvalidInputException("complaintNumbers",
          "the problem must name at least one complaint number (「必须要有投诉号码及投诉问题」)", TPL_06);
    }
    for (int i = 0; i < complaintNumbers().size(); i++) {
      text("complaintNumbers[" + i + "]", complaintNumbers().get(i));
    }
    text("complaintIssue", complaintIssue());
    text("developerReply", developerReply());
    if (raisedForBug() && bugTicketNo().isEmpty()) {
      throw new InvalidInputException("bugTicketNo",
          "a collaboration ticket for a BUG states the BUG ticket number (「如有BUG单号,需说明BUG单号」)", BUG_05);
    }
    bugTicketNo().ifPresent(no -> text("bugTicketNo", no));
    text("assistanceNeeded", assistanceNeeded());
    text("scope", scope());
    text("expectedResolution", expectedResolution());
    text("consequenceIfLate", consequenceIfLate());
  }

  private static void text(String field, String value) {
    if (value.isBlank()) {
      throw new InvalidInputException(field, "must not be blank", TPL_06);
    }
    if (value.indexOf('*') >= 0 || value.indexOf('＊') >= 0) {
      throw new InvalidInputException(field, "must not contain '*': fill in the manual's placeholder", TPL_06);
    }
  }

  @Override
  public String toString() {
    return "CollabTicket{subject=" + subjectName() + ", complaintNumbers="
        + complaintNumbers().stream().map(Masking::phone).toList() + ", urgency=" + urgency()
        + ", bugTicketNo=" + bugTicketNo().orElse("-") + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CollabTicket}; strict: each field is set once. */
  public static final class Builder extends ImmutableCollabTicket.Builder {}
}
