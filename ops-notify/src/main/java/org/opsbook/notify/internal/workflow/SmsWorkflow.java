package org.opsbook.notify.internal.workflow;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.internal.MessageRenderer;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.internal.RecipientDecision;
import org.opsbook.notify.internal.RecipientRules;
import org.opsbook.notify.internal.Rendered;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.SmsLength;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.internal.TemplateSet;
import org.opsbook.notify.SmsMessage;

/**
 * The notification workflow: one SM-SMS instance per message, from plan through draft, review and approval to its
 * release into the outbox (rules-catalog §9.4, §9.6).
 *
 * <ul>
 *   <li>{@link #plan} turns a NOTIFY-TRIG obligation (or a host's call) into a message of the right type and
 *       sequence; a recovery supersedes every unsent follow-up of the fault (NOTIFY-TRIG-07).
 *   <li>{@link #draft} renders the template with the author's content (placeholders strictly checked, size limited).
 *   <li>{@link #submitForReview}, {@link #approve}, {@link #reject}: the reviewer is the fault-team leader for a
 *       draft by the escalated-fault duty handler (NOTIFY-REVIEW-01) and the duty handler for a draft by 地球村
 *       (NOTIFY-REVIEW-02), never the author; the reviewer approves exactly the drafted text.
 *   <li>{@link #release} (massSend) sends only the approved text, byte for byte; a notification only after the team
 *       leader and room supervisor were told and the room manager briefed (NOTIFY-REVIEW-03). Recipients follow
 *       NOTIFY-RCPT-01..04/08, resolved through the directory, each person once.
 * </ul>
 *
 * <p>Every accepted event is a transition of the workflow repository with its audit entry, sealed atomically through
 * the core {@code WorkflowStore}, the path every declared workflow shares. A
 * refused event changes nothing and returns the failed guards (a refused {@link Outcome}; {@link Outcome#orThrow()} throws); bad input (a missing or invalid
 * placeholder value) throws {@link InvalidInputException} naming the field. Release writes the transition first and
 * then enqueues the message under its key; should the process die in between, {@link SmsDispatcher#drainOnce}
 * enqueues it. Thread-safe: concurrent events on one message fail with
 * {@link ConcurrentUpdateException} rather than overwrite each other.
 *
 * <pre>{@code
 * SmsWorkflow sms = SmsWorkflow.builder().workflows(repo).outbox(outbox).directory(directory).build();
 * SmsMessage planned = sms.plan(obligation, facts, now);
 * sms.draft(planned.key(), dutyHandler, content, now).orThrow();
 * sms.submitForReview(planned.key(), dutyHandler, now).orThrow();
 * sms.approve(planned.key(), teamLeader, text, now).orThrow();
 * sms.release(planned.key(), desk68284, text, briefing, facts, now).orThrow();
 * }</pre>
 */
public final class SmsWorkflow {
  /** The machine name instances are stored under. */
  public static final String MACHINE = "SM-SMS";

  private static final Actor SYSTEM = Actor.builder().id("system").kind(ActorKind.SYSTEM).build();
  private final WorkflowStore<SmsMessage, SmsEvent, SmsChange> store;
  private final WorkflowRepository workflows;
  private final MessageOutbox outbox;
  private final Directory directory;
  private final MessageRenderer renderer;
  private final NotifyConfig config;

  private SmsWorkflow(Builder b) {
    this.store = store(checkNotNull(b.workflows, "workflows"), b.clock, b.skew);
    this.workflows = b.workflows;
    this.outbox = checkNotNull(b.outbox, "outbox");
    this.directory = checkNotNull(b.directory, "directory");
    this.config = b.config;
    this.renderer = new MessageRenderer(b.templates, b.config);
  }

  /** Returns a builder; workflows, outbox and directory are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the SM-SMS transition table as Markdown. */
  public static String describe() {
    return SmsMachine.MACHINE.describe();
  }

  /**
   * Plans the SMS that {@code obligation} asks for, keeping its rule and due time. A notification is planned once per
   * fault whichever rule asks (NOTIFY-TRIG-03 de-duplication); a follow-up takes the obligation's sequence. Planning
   * is idempotent: an existing plan is returned as it is.
   *
   * @param obligation a NOTIFY-TRIG-02..08 duty with channel SMS; its subject is the fault
   * @param facts the fault's facts: nature and CALLCENTER flag choose template and recipients
   * @param now when the plan is made
   * @throws InvalidInputException naming {@code obligation.ruleId} for a duty that is not an SMS, or
   *     {@code facts.nature} when the fault has no nature
   */
  public SmsMessage plan(Obligation obligation, FaultFacts facts, Instant now) {
    MessageType type = MessageType.askedBy(obligation).orElseThrow(() -> new InvalidInputException("obligation.ruleId",
        obligation.ruleId() + " on channel " + obligation.channel() + " does not ask for an SMS",
        obligation.ruleId()));
    int sequence = type == MessageType.FOLLOW_UP ? obligation.sequence() : 1;
    return plan(SmsKey.of(obligation.subjectId(), type, sequence), Optional.of(obligation.ruleId()),
        obligation.dueAt(), facts, now);
  }

  /**
   * Plans a message on the host's own call (without the fault tracker).
   *
   * @param key the message: fault, SMS type and sequence
   * @param triggerRuleId the rule that asks for it, if any
   * @param dueAt when it is due, if timed
   * @param facts the fault's facts
   * @param now when the plan is made
   * @return the planned message, or the existing one
   */
  public SmsMessage plan(SmsKey key, Optional<RuleId> triggerRuleId, Optional<Instant> dueAt, FaultFacts facts,
      Instant now) {
    if (!key.type().isSms()) {
      throw new InvalidInputException("key", "the SMS workflow plans SMS only; the BUG notice is posted by the BUG "
          + "workflow (BUG-04)", TemplateSet.TPL_05);
    }
    Optional<SmsMessage> existing = find(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    FaultNature nature = facts.nature().orElseThrow(() -> new InvalidInputException("facts.nature",
        "a fault SMS needs the fault's nature, BUSINESS or SYSTEM: it chooses template and recipients"));
    RecipientDecision base = baseRecipients(key, nature, facts.callCenterFault());
    SmsRecord record = SmsRecord.builder()
        .faultId(key.faultId())
        .messageType(key.type())
        .sequence(key.sequence())
        .templateId(renderer.templateFor(key.type(), Optional.of(nature)))
        .triggerRuleId(triggerRuleId)
        .dueAt(dueAt)
        .nature(nature)
        .callCenterFault(facts.callCenterFault())
        .addAllBaseClasses(base.classes())
        .addAllBaseRules(base.ruleIds())
        .build();
    try {
      store.create(new SmsMessage(key, SmsState.REQUIRED, 0, record, now), SYSTEM, now);
    } catch (ConcurrentUpdateException e) {
      return find(key).orElseThrow(() -> e);
    }
    if (key.type() == MessageType.RECOVERY) {
      supersedeFollowUps(key, now);
    } else if (key.type() == MessageType.FOLLOW_UP && recoveryOf(key.faultId()).isPresent()) {
      supersede(key, recoveryOf(key.faultId()).get(), now);
    }
    return find(key).orElseThrow();
  }

  /** The notification's classes by nature (NOTIFY-RCPT-01..03); a follow-up or recovery SMS reuses them (-08). */
  private RecipientDecision baseRecipients(SmsKey key, FaultNature nature, boolean callCenterFault) {
    if (key.type() == MessageType.NOTIFICATION) {
      return RecipientRules.base(nature, callCenterFault);
    }
    RecipientDecision notification = find(SmsKey.of(key.faultId(), MessageType.NOTIFICATION, 1))
        .map(n -> RecipientDecision.of(n.record().baseClasses(), n.record().baseRules()))
        .orElseGet(() -> RecipientRules.base(nature, callCenterFault));
    return RecipientRules.alsoUnder(notification, RecipientRules.RCPT_08);
  }

  private Optional<SmsKey> recoveryOf(String faultId) {
    SmsKey recovery = SmsKey.of(faultId, MessageType.RECOVERY, 1);
    return find(recovery).isPresent() ? Optional.of(recovery) : Optional.empty();
  }

  private void supersedeFollowUps(SmsKey recovery, Instant now) {
    for (SmsMessage m : messagesOf(recovery.faultId())) {
      if (m.key().type() == MessageType.FOLLOW_UP && !m.state().isTerminal()) {
        supersede(m.key(), recovery, now);
      }
    }
  }

  private void supersede(SmsKey followUp, SmsKey recovery, Instant now) {
    SmsChange change = new SmsChange(null, Briefing.none(), 0, Integer.MAX_VALUE, 0, true,
        r -> r.withSupersededBy(recovery.toString()), Map.of("supersededBy", recovery.toString()));
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        // a follow-up sent or superseded meanwhile is refused as terminal: nothing is left to replace
        store.fire(followUp.toString(), SmsEvent.SUPERSEDE, SYSTEM, change, now);
        return;
      } catch (ConcurrentUpdateException e) {
        // another writer moved the follow-up between reading and writing it: decide again on what it wrote
      }
    }
  }

  /**
   * Drafts (or re-drafts after a rejection) the message from its template and {@code content} (SM-SMS-T01).
   *
   * @param author the escalated-fault duty handler (A or B) or 地球村
   * @param content the placeholder values; fall back to the fault's facts with
   *     {@link MessageContent#withFallbacks} first if needed
   * @throws InvalidInputException naming the content field of a placeholder without a value
   */
  public Outcome<SmsMessage> draft(SmsKey key, Actor author, MessageContent content, Instant now) {
    SmsMessage m = require(key);
    Rendered r = renderer.render(m.record().templateId(), content);
    Role role = author.hasRole(Role.ESC_DUTY) || !author.hasRole(Role.EARTH_VILLAGE) ? Role.ESC_DUTY
        : Role.EARTH_VILLAGE;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("templateId", r.templateId().value());
    details.put("authorRole", role.name());
    details.put("text", r.text());
    details.put("characters", Integer.toString(r.length().characters()));
    details.put("segments", Integer.toString(r.length().segments()));
    SmsChange change = new SmsChange(r.text(), Briefing.none(), r.length().segments(), config.maxSmsSegments(), 0,
        false, rec -> rec.withAuthor(author.id()).withAuthorRole(role).withContent(content).withText(r.text())
            .withReviewer(Optional.empty()).withApprovedText(Optional.empty()).withApprovedAt(Optional.empty()),
        details);
    return step(key, SmsEvent.DRAFT, author, change, now);
  }

  /** Submits the draft for review (SM-SMS-T02); only its author may. */
  public Outcome<SmsMessage> submitForReview(SmsKey key, Actor author, Instant now) {
    return step(key, SmsEvent.SUBMIT_FOR_REVIEW, author, SmsChange.of(null, r -> r, Map.of()), now);
  }

  /**
   * Approves the draft (SM-SMS-T03, NOTIFY-REVIEW-01/02).
   *
   * @param reviewer the fault-team leader for a duty handler's draft, the duty handler for 地球村's; never the author
   * @param reviewedText the text the reviewer read; it must be the draft, byte for byte
   */
  public Outcome<SmsMessage> approve(SmsKey key, Actor reviewer, String reviewedText, Instant now) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("reviewer", reviewer.id());
    details.put("approvedText", reviewedText);
    return step(key, SmsEvent.APPROVE, reviewer, SmsChange.of(reviewedText, r -> r.withReviewer(
        Optional.of(reviewer.id())).withApprovedText(Optional.of(reviewedText)).withApprovedAt(Optional.of(now)),
        details), now);
  }

  /** Sends the draft back to its author with {@code reason} (SM-SMS-T04). */
  public Outcome<SmsMessage> reject(SmsKey key, Actor reviewer, String reason, Instant now) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("reviewer", reviewer.id());
    details.put("reason", String.valueOf(reason));
    return step(key, SmsEvent.REJECT, reviewer, SmsChange.of(reason, r -> r.withLastRejection(
        reason == null ? "" : reason), details), now);
  }

  /** Releases a follow-up or recovery SMS, which needs no briefing; see {@link #release(SmsKey, Actor, String, Briefing, FaultFacts, Instant)}. */
  public Outcome<SmsMessage> release(SmsKey key, Actor sender, String text, FaultFacts current, Instant now) {
    return release(key, sender, text, Briefing.none(), current, now);
  }

  /**
   * Releases the approved message for sending (SM-SMS-T05, massSend) and puts it in the outbox under its key.
   *
   * @param sender the 68284 duty desk, or 地球村 for its own reviewed draft
   * @param text the text to send; it must be the approved text, byte for byte
   * @param briefing for a notification, when the team leader and room supervisor were told and the room manager
   *     briefed (NOTIFY-REVIEW-03)
   * @param current the fault's current facts: the complaint level decides class D (NOTIFY-RCPT-04/08)
   */
  public Outcome<SmsMessage> release(SmsKey key, Actor sender, String text, Briefing briefing, FaultFacts current,
      Instant now) {
    SmsRecord r = require(key).record();
    RecipientDecision classes = RecipientRules.withComplaintLevel(RecipientDecision.of(r.baseClasses(),
        r.baseRules()), current.csComplaintLevel(), config.parameters());
    List<Person> recipients = RecipientRules.resolve(directory, classes.classes());
    List<String> ids = new ArrayList<>();
    recipients.forEach(p -> ids.add(p.id()));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("sender", sender.id());
    details.put("recipientClasses", classes.classes().toString());
    details.put("recipientCount", Integer.toString(recipients.size()));
    details.put("recipientRules", classes.ruleIds().toString());
    r.dueAt().ifPresent(d -> details.put("onTime", Boolean.toString(!now.isAfter(d))));
    briefing.teamLeaderInformedAt().ifPresent(t -> details.put("teamLeaderInformedAt", t.toString()));
    briefing.roomSupervisorInformedAt().ifPresent(t -> details.put("roomSupervisorInformedAt", t.toString()));
    briefing.roomManagerBriefedAt().ifPresent(t -> details.put("roomManagerBriefedAt", t.toString()));
    SmsChange change = new SmsChange(text, briefing, text == null ? 0 : SmsLength.of(text).segments(),
        config.maxSmsSegments(), recipients.size(), false, rec -> rec.withSender(sender.id()).withSentAt(now)
            .withBriefing(briefing).withRecipientClasses(classes.classes()).withRecipientIds(ids), details);
    Outcome<SmsMessage> step = step(key, SmsEvent.MASS_SEND, sender, change, now);
    if (step.isAccepted()) {
      outbox.enqueue(outboxMessage(step.instance().record(), recipients, now));
    } else if (EnumSet.of(SmsState.REQUIRED, SmsState.DRAFTED, SmsState.IN_REVIEW).contains(step.instance().state())) {
      List<Violation> violations = new ArrayList<>(step.violations());
      violations.add(change.contextFor(step.instance().record(), now).draftedByEarthVillage()
          ? Violation.of(RuleId.of(SmsMachine.REVIEW_02), "approvedBy", "地球村's draft is not yet approved by the "
              + "duty handler (「先将短信发给运营管理室升级投诉值班同事审核后再发出」)")
          : Violation.of(RuleId.of(SmsMachine.REVIEW_01), "approvedBy", "the draft is not yet approved by the "
              + "fault-team leader (「要先将短信内容给故障处理组组长审核」)"));
      return Outcome.refused(step.instance(), step.transitionId(), violations);
    }
    return step;
  }

  /**
   * Builds the outbox row of a released message: the approved text to the resolved people (each mobile number once,
   * as {@link RecipientRules} resolves them), due at once.
   */
  static OutboxMessage outboxMessage(SmsRecord r, List<Person> recipients, Instant now) {
    return OutboxMessage.builder()
        .key(r.key().toString())
        .faultId(r.faultId())
        .messageType(r.messageType().name())
        .channel(r.messageType().channel())
        .text(r.approvedText().orElseThrow())
        .addAllRecipients(recipients)
        .nextAttemptAt(now)
        .createdAt(now)
        .build();
  }

  /** Returns the message with {@code key}, if planned. */
  public Optional<SmsMessage> find(SmsKey key) {
    return store.find(key.toString());
  }

  /**
   * Returns the messages of a fault, ordered by type and sequence; reads only the fault's own instances (by key
   * prefix), however many messages are stored.
   */
  public List<SmsMessage> messagesOf(String faultId) {
    List<SmsMessage> out = new ArrayList<>();
    for (WorkflowInstance i : workflows.listByIdPrefix(MACHINE, faultId + "/")) {
      SmsMessage m = SmsCodec.INSTANCE.decode(i);
      if (m.key().faultId().equals(faultId)) {
        out.add(m);
      }
    }
    out.sort((a, b) -> a.key().type() != b.key().type() ? a.key().type().compareTo(b.key().type())
        : Integer.compare(a.key().sequence(), b.key().sequence()));
    return ImmutableList.copyOf(out);
  }

  /** Returns the messages not yet in a terminal state, most recently updated first (SM-SMS's live states). */
  public List<SmsMessage> live() {
    return store.live();
  }

  /** Returns one page of the messages, most recently updated first, after the message {@code after} when given. */
  public List<SmsMessage> page(int size, Optional<SmsKey> after) {
    return store.page(size, after.map(SmsKey::toString));
  }

  /** Returns the transitions of a message in order. */
  public List<TransitionRecord> history(SmsKey key) {
    return store.history(key.toString());
  }

  /**
   * Returns the SM-SMS messages kept in {@code workflows}, through the path every declared workflow shares, for
   * reading: without a clock it cannot check OPS-TIME-03.
   */
  @SuppressWarnings("removal")
  static WorkflowStore<SmsMessage, SmsEvent, SmsChange> store(WorkflowRepository workflows) {
    return new WorkflowStore<>(workflows, SmsDecisions.INSTANCE, SmsCodec.INSTANCE);
  }

  /** Returns the SM-SMS messages kept in {@code workflows}, with steps checked against {@code clock}. */
  static WorkflowStore<SmsMessage, SmsEvent, SmsChange> store(WorkflowRepository workflows, Clock clock,
      Duration skew) {
    return clock == null ? store(workflows)
        : new WorkflowStore<>(workflows, SmsDecisions.INSTANCE, SmsCodec.INSTANCE, clock, skew);
  }

  private SmsMessage require(SmsKey key) {
    return find(key).orElseThrow(() -> new InvalidInputException("key", "no message planned as " + key));
  }

  /**
   * Fires {@code event}: the store decides on the message as it reads it and writes what is accepted.
   *
   * @throws InvalidInputException naming {@code key} when no message is planned under it
   */
  private Outcome<SmsMessage> step(SmsKey key, SmsEvent event, Actor actor, SmsChange change, Instant now) {
    return store.fire(key.toString(), event, actor, change, now);
  }

  /** Builds an {@link SmsWorkflow}; not thread-safe. */
  public static final class Builder {
    private WorkflowRepository workflows;
    private MessageOutbox outbox;
    private Directory directory;
    private TemplateSet templates = TemplateSet.standard();
    private NotifyConfig config = NotifyConfig.defaults();
    private Clock clock;
    private Duration skew = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Sets the clock steps are checked against (OPS-TIME-03: none dated more than the skew past it); without one
     * only the order of a message's own steps is checked (OPS-TIME-01/02).
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** Sets how far past the clock a step may be dated; 5 minutes by default. */
    public Builder skew(Duration skew) {
      this.skew = checkNotNull(skew, "skew");
      return this;
    }

    /** Sets where SM-SMS instances are stored. */
    public Builder workflows(WorkflowRepository workflows) {
      this.workflows = workflows;
      return this;
    }

    /** Sets the outbox released messages go to. */
    public Builder outbox(MessageOutbox outbox) {
      this.outbox = outbox;
      return this;
    }

    /** Sets the directory that resolves recipient classes to people. */
    public Builder directory(Directory directory) {
      this.directory = directory;
      return this;
    }

    /** Sets the templates; the manual's by default. */
    public Builder templates(TemplateSet templates) {
      this.templates = checkNotNull(templates, "templates");
      return this;
    }

    /** Sets the settings; the defaults by default. */
    public Builder config(NotifyConfig config) {
      this.config = checkNotNull(config, "config");
      return this;
    }

    /** Returns the workflow. */
    public SmsWorkflow build() {
      return new SmsWorkflow(this);
    }
  }
}
