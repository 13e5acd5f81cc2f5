package org.opsbook.notify.internal.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Kernel;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.SmsMessage;

/**
 * SM-SMS on the workflow kernel, so that {@link SmsWorkflow} keeps messages through the core
 * {@code org.opsbook.core.internal.machine.WorkflowStore} like every declared workflow. Creating a message plans it (audit
 * action {@code plan}, in REQUIRED at version 0, naming the recipient rules and the rule that asked for it); an
 * event is decided by {@link SmsMachine#MACHINE} on the stored record and the event's {@link SmsChange}. The audit
 * entry of an event names the transition and its guards, less the review rule of the other author
 * (NOTIFY-REVIEW-01 for 地球村's draft, NOTIFY-REVIEW-02 for the duty handler's) and, but for a notification, the
 * briefing of NOTIFY-REVIEW-03. Every audit entry goes to the stream {@code sms:<key>}. Pure and thread-safe.
 */
final class SmsDecisions {
  static final Kernel<SmsMessage, SmsState, SmsEvent, SmsChange, SmsContext> INSTANCE = Kernel.of(
      Kernel.<SmsMessage, SmsState, SmsEvent, SmsChange, SmsContext>spec(SmsMachine.MACHINE)
          .id(m -> m.key().toString(), "key")
          .state(SmsMessage::state)
          .eventName(SmsEvent::eventName)
          .stream(m -> "sms:" + m.key())
          .context((m, change, at) -> change.contextFor(m.record(), at))
          .check(SmsDecisions::check)
          .createdIn(SmsState.REQUIRED, "plan")
          .effect((m, to, event, actor, change, at) -> new SmsMessage(m.key(), to, m.version() + 1,
              change.update().apply(m.record()), at))
          .evidence(SmsDecisions::evidence)
          .auditRules(SmsDecisions::auditRules)
          .times(m -> Optional.of(m.updatedAt()), m -> Optional.empty())
          .statedTimes(change -> briefingTimes(change.briefing())));

  private SmsDecisions() {}

  /** A message is planned in REQUIRED at version 0. */
  private static void check(SmsMessage m, SmsEvent event, SmsChange change) {
    if (event == null && m.version() != 0) {
      throw new InvalidInputException("state", "a message is planned in REQUIRED at version 0, not " + m.state()
          + " at version " + m.version());
    }
  }

  private static void evidence(SmsMessage before, SmsMessage after, SmsEvent event, SmsChange change,
      AuditEntry.Builder audit) {
    if (event == null) {
      SmsRecord r = before.record();
      SortedSet<RuleId> rules = new TreeSet<>(r.baseRules());
      r.triggerRuleId().ifPresent(rules::add);
      audit.addAllRuleIds(rules).putDetail("templateId", r.templateId().value())
          .putDetail("baseClasses", r.baseClasses().toString());
      r.dueAt().ifPresent(d -> audit.putDetail("dueAt", d.toString()));
      return;
    }
    audit.putAllDetails(change.details());
  }

  /**
   * The rules an event's audit entry names: the transition's and its guards', less the review rule of the other
   * author and, but for a notification, NOTIFY-REVIEW-03.
   */
  private static SortedSet<RuleId> auditRules(SmsMessage before, SmsEvent event, SmsChange change,
      SortedSet<RuleId> declared) {
    SortedSet<RuleId> rules = new TreeSet<>(declared);
    if (event == SmsEvent.MASS_SEND && before.record().messageType() != MessageType.NOTIFICATION) {
      rules.remove(RuleId.of(SmsMachine.REVIEW_03));
    }
    if (event == SmsEvent.APPROVE || event == SmsEvent.REJECT || event == SmsEvent.MASS_SEND) {
      boolean earthVillage = change.contextFor(before.record(), before.updatedAt()).draftedByEarthVillage();
      rules.remove(RuleId.of(earthVillage ? SmsMachine.REVIEW_01 : SmsMachine.REVIEW_02));
    }
    return rules;
  }

  /** The times a briefing states (OPS-TIME-02: none after the send that records it). */
  private static Map<String, Instant> briefingTimes(Briefing b) {
    Map<String, Instant> m = new TreeMap<>();
    b.teamLeaderInformedAt().ifPresent(t -> m.put("briefing.teamLeaderInformedAt", t));
    b.roomSupervisorInformedAt().ifPresent(t -> m.put("briefing.roomSupervisorInformedAt", t));
    b.roomManagerBriefedAt().ifPresent(t -> m.put("briefing.roomManagerBriefedAt", t));
    return m;
  }
}
