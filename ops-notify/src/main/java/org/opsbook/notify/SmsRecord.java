package org.opsbook.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;
import org.opsbook.core.FaultNature;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

/**
 * What an SM-SMS instance has recorded about its message, as stored in the workflow instance's data: the plan (type,
 * template, trigger, due time, base recipient classes), the draft (author, content, text), the review (reviewer,
 * approved text), and the release (sender, time, briefing, recipients). The instance's state is kept by the workflow
 * repository beside it. Its {@code toString()} leaves out the texts and the people. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class SmsRecord {
  /** The fault the message is about. */
  public abstract String faultId();

  /** The message type. */
  public abstract MessageType messageType();

  /** The sequence number, from 1. */
  public abstract int sequence();

  /** The template the text is rendered from (§9.5). */
  public abstract RuleId templateId();

  /** The NOTIFY-TRIG rule of the obligation that asked for the message; empty for a host's own call. */
  public abstract Optional<RuleId> triggerRuleId();

  /** When the message is due, from the obligation (NOTIFY-TRIG-04/05/07/08); empty when untimed. */
  public abstract Optional<Instant> dueAt();

  /** 业务类 or 系统类. */
  public abstract FaultNature nature();

  /** Whether it is a CALLCENTER类故障. */
  @Value.Default
  public boolean callCenterFault() {
    return false;
  }

  /** The classes of NOTIFY-RCPT-01..03 (for follow-up and recovery, the notification's, NOTIFY-RCPT-08), before D. */
  @Value.NaturalOrder
  public abstract SortedSet<RecipientClass> baseClasses();

  /** The rules that chose {@link #baseClasses()}. */
  @Value.NaturalOrder
  public abstract SortedSet<RuleId> baseRules();

  /** Who drafted the current text. */
  public abstract Optional<String> author();

  /** As what the author drafted: {@code ESC_DUTY} (NOTIFY-REVIEW-01) or {@code EARTH_VILLAGE} (NOTIFY-REVIEW-02). */
  public abstract Optional<Role> authorRole();

  /** What the author wrote into the placeholders. */
  public abstract Optional<MessageContent> content();

  /** The drafted text. */
  public abstract Optional<String> text();

  /** Who approved the text. */
  public abstract Optional<String> reviewer();

  /** The approved text, byte for byte what will be sent. */
  public abstract Optional<String> approvedText();

  /** When the text was approved. */
  public abstract Optional<Instant> approvedAt();

  /** Why the reviewer last sent the draft back. */
  public abstract Optional<String> lastRejection();

  /** Who released the message for sending. */
  public abstract Optional<String> sender();

  /** When it was released. */
  public abstract Optional<Instant> sentAt();

  /** Who was told before a notification (NOTIFY-REVIEW-03). */
  public abstract Optional<Briefing> briefing();

  /** The classes it was sent to, D included when NOTIFY-RCPT-04 applied. */
  @Value.NaturalOrder
  public abstract SortedSet<RecipientClass> recipientClasses();

  /** The IDs of the people it was sent to, each once. */
  public abstract List<String> recipientIds();

  /** The key of the recovery SMS that replaced this follow-up. */
  public abstract Optional<String> supersededBy();

  /** Returns the message's key. */
  public SmsKey key() {
    return SmsKey.of(faultId(), messageType(), sequence());
  }

  /** Returns a copy with the template. */
  public abstract SmsRecord withTemplateId(RuleId templateId);

  /** Returns a copy with the author. */
  public abstract SmsRecord withAuthor(String author);

  /** Returns a copy with the author's role. */
  public abstract SmsRecord withAuthorRole(Role authorRole);

  /** Returns a copy with the content. */
  public abstract SmsRecord withContent(MessageContent content);

  /** Returns a copy with the drafted text. */
  public abstract SmsRecord withText(String text);

  /** Returns a copy with the reviewer. */
  public abstract SmsRecord withReviewer(Optional<String> reviewer);

  /** Returns a copy with the approved text. */
  public abstract SmsRecord withApprovedText(Optional<String> approvedText);

  /** Returns a copy with the approval time. */
  public abstract SmsRecord withApprovedAt(Optional<? extends Instant> approvedAt);

  /** Returns a copy with the last rejection. */
  public abstract SmsRecord withLastRejection(String lastRejection);

  /** Returns a copy with the sender. */
  public abstract SmsRecord withSender(String sender);

  /** Returns a copy with the release time. */
  public abstract SmsRecord withSentAt(Instant sentAt);

  /** Returns a copy with the briefing. */
  public abstract SmsRecord withBriefing(Briefing briefing);

  /** Returns a copy with the recipient classes. */
  public abstract SmsRecord withRecipientClasses(Iterable<? extends RecipientClass> classes);

  /** Returns a copy with the recipient IDs. */
  public abstract SmsRecord withRecipientIds(Iterable<String> ids);

  /** Returns a copy marked as replaced by {@code recoveryKey}. */
  public abstract SmsRecord withSupersededBy(String recoveryKey);

  @Override
  public String toString() {
    return "SmsRecord{key=" + key() + ", template=" + templateId() + ", author=" + author().orElse("-")
        + ", reviewer=" + reviewer().orElse("-") + ", recipients=" + recipientIds().size() + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SmsRecord}; strict: each field is set once. */
  public static final class Builder extends ImmutableSmsRecord.Builder {}
}
