package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opsbook.core.Actor;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.engine.Messages;
import org.opsbook.engine.Result;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.internal.RecipientRules;
import org.opsbook.notify.internal.workflow.SmsDispatcher;
import org.opsbook.notify.internal.workflow.SmsWorkflow;

/** {@link Messages} over {@link SmsWorkflow}, with the fault's facts and briefing read from the engine. */
final class MessageDesk implements Messages {
  private final SmsWorkflow sms;
  private final FaultDesk faults;
  private final WorkflowRepository workflows;
  private final AuditLog audit;
  private final Actors actors;
  private final Clock clock;
  private final MessageOutbox outbox;
  /** The outbox loop's dispatcher (built after this desk, with the engine's loops). */
  private final Supplier<SmsDispatcher> dispatcher;

  MessageDesk(SmsWorkflow sms, FaultDesk faults, WorkflowRepository workflows, AuditLog audit, Actors actors,
      Clock clock, MessageOutbox outbox, Supplier<SmsDispatcher> dispatcher) {
    this.outbox = checkNotNull(outbox, "outbox");
    this.dispatcher = checkNotNull(dispatcher, "dispatcher");
    this.sms = checkNotNull(sms, "sms");
    this.faults = checkNotNull(faults, "faults");
    this.workflows = checkNotNull(workflows, "workflows");
    this.audit = checkNotNull(audit, "audit");
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public SmsMessage plan(Obligation duty) {
    checkNotNull(duty, "duty");
    if (MessageType.askedBy(duty).isEmpty()) {
      throw new InvalidInputException("duty", duty.ruleId() + " asks for no SMS", duty.ruleId());
    }
    // the engine's own duty, not the caller's copy: a duty made up (a recovery SMS for a fault not repaired) would
    // plan an SMS nobody owes and supersede the follow-ups owed
    Obligation owed = faults.duties(duty.subjectId()).stream().filter(d -> d.key().equals(duty.key())).findFirst()
        .orElseThrow(() -> new InvalidInputException("duty", "the fault " + duty.subjectId() + " owes no open duty "
            + duty.key() + " now", duty.ruleId()));
    return sms.plan(owed, facts(owed.subjectId()), clock.instant());
  }

  @Override
  public Result<SmsMessage> draft(SmsKey key, String personId, MessageContent content) {
    FaultFacts facts = facts(key.faultId());
    return result(key, sms.draft(key, actors.actor(personId), content.withFallbacks(facts), clock.instant()));
  }

  @Override
  public Result<SmsMessage> submit(SmsKey key, String personId) {
    return result(key, sms.submitForReview(key, actors.actor(personId), clock.instant()));
  }

  @Override
  public Result<SmsMessage> approve(SmsKey key, String personId, String reviewedText) {
    return result(key, sms.approve(key, actors.actor(personId), reviewedText, clock.instant()));
  }

  @Override
  public Result<SmsMessage> reject(SmsKey key, String personId, String reason) {
    return result(key, sms.reject(key, actors.actor(personId), reason, clock.instant()));
  }

  @Override
  public Result<SmsMessage> release(SmsKey key, String personId) {
    SmsMessage m = find(key).orElseThrow(() -> new InvalidInputException("key", "no message " + key));
    boolean notification = key.type() == MessageType.NOTIFICATION;
    Briefing briefing = notification ? faults.briefing(key.faultId()) : Briefing.none();
    // sent after the briefings it follows, though this host's clock be seconds behind the one that recorded them
    Instant now = BriefingLog.after(briefing, clock.instant());
    return result(key, sms.release(key, actors.actor(personId), m.record().approvedText().orElse(null), briefing,
        facts(key.faultId()), now));
  }

  @Override
  public Optional<SmsMessage> find(SmsKey key) {
    return sms.find(key);
  }

  @Override
  public List<Person> recipients(SmsKey key) {
    SmsRecord r = sms.find(key).orElseThrow(() -> new InvalidInputException("key", "no message " + key)).record();
    if (!r.recipientIds().isEmpty()) {
      // released: the people it was released to, as the outbox sends it
      return RecipientRules.releasedTo(actors.directory(), r.recipientIds());
    }
    return RecipientRules.resolve(actors.directory(), r.recipientClasses().isEmpty() ? r.baseClasses()
        : r.recipientClasses());
  }

  @Override
  public List<SmsMessage> ofFault(String faultId) {
    return sms.messagesOf(faultId);
  }

  @Override
  public List<SmsMessage> list() {
    List<SmsMessage> all = new ArrayList<>();
    for (WorkflowInstance i : workflows.list(SmsWorkflow.MACHINE)) {
      sms.find(SmsKey.parse(i.id())).ifPresent(all::add);
    }
    return all;
  }

  @Override
  public List<SmsMessage> live() {
    return sms.live();
  }

  @Override
  public List<SmsMessage> page(int size, Optional<SmsKey> after) {
    return sms.page(size, after);
  }

  @Override
  public List<TransitionRecord> history(SmsKey key) {
    return sms.history(key);
  }

  @Override
  public List<SmsMessage> inDoubt() {
    List<SmsMessage> out = new ArrayList<>();
    for (OutboxMessage m : dispatcher.get().inDoubt(clock.instant())) {
      sms.find(SmsKey.parse(m.key())).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public boolean confirmSent(SmsKey key, String personId) {
    Instant now = clock.instant();
    if (!dispatcher.get().confirmSent(key.toString(), sender(key, personId), now)) {
      return false;
    }
    // when another writer moved the fault on meanwhile, the engines' next look for unrecorded sendings records it
    recordSent(key, personId, now);
    return true;
  }

  /**
   * Records on its fault that the SMS {@code key} went out, once the outbox has it sent: at the gateway's acceptance,
   * sent by whoever released it ({@code otherwise} when the message names nobody), once only. Which discharges its
   * NOTIFY-TRIG duty.
   *
   * @return true when nothing is left to record (recorded now or before, a BUG notice, or the fault closed since);
   *     false when the outbox does not have it sent yet, or another writer moved the fault on meanwhile, perhaps
   *     recording this very SMS: look again later
   */
  boolean recordSent(SmsKey key, String otherwise, Instant now) {
    Optional<OutboxMessage> out = outbox.find(key.toString());
    if (out.isEmpty() || out.get().state() != OutboxState.SENT) {
      return false;
    }
    Optional<FaultEventType> event = sentEvent(key.type());
    if (event.isEmpty()) {
      return true;
    }
    String sender = find(key).flatMap(m -> m.record().sender()).orElse(otherwise);
    try {
      faults.sent(key.faultId(), event.get(), sender, key.toString(), out.get().sentAt().orElse(now));
      return true;
    } catch (ConcurrentUpdateException e) {
      return false;
    } catch (InvalidInputException e) {
      if (faults.load(key.faultId()).isClosed()) {
        return true; // closed meanwhile: a closed history takes no event
      }
      throw e;
    }
  }

  /** The fault event that records the sending of the message {@code key}; empty for a BUG notice or no SMS key. */
  static Optional<FaultEventType> sentEvent(String key) {
    try {
      return sentEvent(SmsKey.parse(key).type());
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static Optional<FaultEventType> sentEvent(MessageType type) {
    return switch (type) {
      case NOTIFICATION -> Optional.of(FaultEventType.NOTIFICATION_SENT);
      case FOLLOW_UP -> Optional.of(FaultEventType.FOLLOW_UP_SENT);
      case RECOVERY -> Optional.of(FaultEventType.RECOVERY_SENT);
      case BUG_NOTICE -> Optional.empty();
    };
  }

  @Override
  public boolean resend(SmsKey key, String personId) {
    return dispatcher.get().resend(key.toString(), sender(key, personId), clock.instant());
  }

  /**
   * The person who resolves the message {@code key} in doubt: who may send it (SM-SMS-T05), the 68284 desk, or the
   * 地球村 author of a draft of its own, which it sends itself.
   */
  private String sender(SmsKey key, String personId) {
    Actor actor = actors.actor(personId);
    if (!sends(key, actor)) {
      throw new InvalidInputException("personId", "only who sends the SMS resolves a send in doubt: the 68284 duty "
          + "desk, or 地球村 for its own reviewed draft; not " + Masking.name(actor.id()), RuleId.of("SM-SMS-T05"));
    }
    return actor.id();
  }

  @Override
  public boolean resolvesDoubt(SmsKey key, String personId) {
    return sends(checkNotNull(key, "key"), actors.actor(personId));
  }

  /** Whether {@code actor} sends the message {@code key}: the 68284 desk, or 地球村 for its own draft (SM-SMS-T05). */
  private boolean sends(SmsKey key, Actor actor) {
    return actor.hasRole(Role.DUTY_68284) || actor.hasRole(Role.EARTH_VILLAGE) && find(key).map(SmsMessage::record)
        .filter(r -> r.authorRole().equals(Optional.of(Role.EARTH_VILLAGE)))
        .flatMap(r -> r.author()).equals(Optional.of(actor.id()));
  }

  private FaultFacts facts(String faultId) {
    return faults.load(faultId).facts();
  }

  private Result<SmsMessage> result(SmsKey key, Outcome<SmsMessage> step) {
    return Results.of(step);
  }
}
