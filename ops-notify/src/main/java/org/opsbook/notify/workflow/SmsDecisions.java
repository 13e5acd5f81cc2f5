package org.opsbook.notify.workflow;

import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.machine.Decision;
import org.opsbook.core.machine.Outcome;
import org.opsbook.core.machine.Workflow;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.SmsState;

/**
 * SM-SMS as a core {@link Workflow} over stored messages, so that {@link SmsWorkflow} keeps them through the core
 * {@link org.opsbook.core.machine.WorkflowStore} like every declared workflow. Creating a message plans it (audit
 * action {@code plan}, naming the recipient rules and the rule that asked for it); an event is decided by
 * {@link SmsMachine#MACHINE} on the stored record and the event's {@link SmsChange}. Every audit entry goes to the
 * stream {@code sms:<key>}. Pure and thread-safe.
 */
final class SmsDecisions implements Workflow<SmsMessage, SmsEvent, SmsChange> {
  static final SmsDecisions INSTANCE = new SmsDecisions();

  private SmsDecisions() {}

  @Override
  public String machine() {
    return SmsWorkflow.MACHINE;
  }

  @Override
  public String idOf(SmsMessage message) {
    return message.key().toString();
  }

  @Override
  public String stateOf(SmsMessage message) {
    return message.state().name();
  }

  @Override
  public String eventName(SmsEvent event) {
    return event.eventName();
  }

  @Override
  public String idField() {
    return "key";
  }

  /**
   * Plans {@code draft}: a message in REQUIRED at version 0.
   *
   * @throws InvalidInputException naming {@code state} when the draft is past REQUIRED
   */
  @Override
  public Outcome<SmsMessage> create(SmsMessage draft, Actor actor, Instant at) {
    if (draft.state() != SmsState.REQUIRED || draft.version() != 0) {
      throw new InvalidInputException("state", "a message is planned in REQUIRED at version 0, not " + draft.state()
          + " at version " + draft.version());
    }
    SmsRecord r = draft.record();
    SortedSet<RuleId> rules = new TreeSet<>(r.baseRules());
    r.triggerRuleId().ifPresent(rules::add);
    AuditEntry.Builder audit = AuditEntry.builder().stream(stream(draft)).at(at).actorId(actor.id()).action("plan")
        .toState(SmsState.REQUIRED.name()).addAllRuleIds(rules)
        .putDetail("templateId", r.templateId().value()).putDetail("baseClasses", r.baseClasses().toString());
    r.dueAt().ifPresent(d -> audit.putDetail("dueAt", d.toString()));
    return Outcome.accepted(draft, null, audit.build());
  }

  /**
   * Decides {@code event} on the stored {@code message}. The audit entry names the transition and its guards, less
   * the review rule of the other author (NOTIFY-REVIEW-01 for 地球村's draft, NOTIFY-REVIEW-02 for the duty
   * handler's) and, but for a notification, the briefing of NOTIFY-REVIEW-03.
   */
  @Override
  public Outcome<SmsMessage> apply(SmsMessage message, SmsEvent event, Actor actor, SmsChange change, Instant at) {
    SmsContext ctx = change.contextFor(message.record(), at);
    Decision<SmsState> d = SmsMachine.MACHINE.decide(message.state(), event, actor, ctx);
    if (!d.isAllowed()) {
      return Outcome.refused(message, d.transitionId(), d.violations());
    }
    SortedSet<RuleId> rules = new TreeSet<>(SmsMachine.MACHINE.find(message.state(), event).ruleIds());
    if (event == SmsEvent.MASS_SEND && message.record().messageType() != MessageType.NOTIFICATION) {
      rules.remove(RuleId.of(SmsMachine.REVIEW_03));
    }
    if (event == SmsEvent.APPROVE || event == SmsEvent.REJECT || event == SmsEvent.MASS_SEND) {
      rules.remove(RuleId.of(ctx.draftedByEarthVillage() ? SmsMachine.REVIEW_01 : SmsMachine.REVIEW_02));
    }
    AuditEntry audit = AuditEntry.builder().stream(stream(message)).at(at).actorId(actor.id())
        .action(event.eventName()).fromState(message.state().name()).toState(d.to().name()).addAllRuleIds(rules)
        .putAllDetails(change.details()).build();
    SmsMessage after = new SmsMessage(message.key(), d.to(), message.version() + 1,
        change.update().apply(message.record()), at);
    return Outcome.accepted(after, d.transitionId(), audit);
  }

  private static String stream(SmsMessage message) {
    return "sms:" + message.key();
  }
}
