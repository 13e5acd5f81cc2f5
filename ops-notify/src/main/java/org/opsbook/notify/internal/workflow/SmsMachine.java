package org.opsbook.notify.internal.workflow;

import java.time.Instant;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsState;

/**
 * SM-SMS as a declared transition table (rules-catalog §9.6). T01–T05 are the catalog's; re-drafting after a
 * rejection reuses T01, and T06 (supersede) is proposed for NOTIFY-TRIG-07's 「the RECOVERY SMS replaces the
 * follow-up」.
 */
final class SmsMachine {
  static final String REVIEW_01 = "NOTIFY-REVIEW-01";
  static final String REVIEW_02 = "NOTIFY-REVIEW-02";
  static final String REVIEW_03 = "NOTIFY-REVIEW-03";

  static final StateMachine<SmsState, SmsEvent, SmsContext> MACHINE = build();

  private SmsMachine() {}

  private static StateMachine<SmsState, SmsEvent, SmsContext> build() {
    StateMachine.Builder<SmsState, SmsEvent, SmsContext> b =
        StateMachine.builder("SM-SMS", SmsState.class, SmsEvent.class, SmsContext.class);
    for (SmsState from : new SmsState[] {SmsState.REQUIRED, SmsState.DRAFTED}) {
      b.transition("SM-SMS-T01", from, SmsEvent.DRAFT, SmsState.DRAFTED)
          .by(Role.ESC_DUTY, Role.EARTH_VILLAGE)
          .guard("SM-SMS-T01", "text", SmsMachine::withinSegmentLimit)
          .records("author", "text", "templateId")
          .add();
    }
    b.transition("SM-SMS-T02", SmsState.DRAFTED, SmsEvent.SUBMIT_FOR_REVIEW, SmsState.IN_REVIEW)
        .by(Role.ESC_DUTY, Role.EARTH_VILLAGE)
        .guard("SM-SMS-T02", "actor", (c, a) -> a.id().equals(c.record().author().orElse(null)) ? null
            : "only the author " + c.record().author().orElse("-") + " submits the draft, not " + a.id())
        .records("time")
        .add();
    b.transition("SM-SMS-T03", SmsState.IN_REVIEW, SmsEvent.APPROVE, SmsState.APPROVED)
        .by(Role.FAULT_TEAM_LEADER, Role.ESC_DUTY)
        .guard(REVIEW_01, "reviewer", (c, a) -> c.draftedByEarthVillage() || a.hasRole(Role.FAULT_TEAM_LEADER) ? null
            : "a draft by the duty handler is reviewed by the fault-team leader (「要先将短信内容给故障处理组组长审核」); "
                + a.id() + " is not one")
        .guard(REVIEW_02, "reviewer", (c, a) -> !c.draftedByEarthVillage() || a.hasRole(Role.ESC_DUTY) ? null
            : "a draft by 地球村 is reviewed by the duty handler (「先将短信发给运营管理室升级投诉值班同事审核后再发出」); "
                + a.id() + " is not one")
        .guard(REVIEW_01, "reviewer", (c, a) -> c.draftedByEarthVillage() ? null : notTheAuthor(c, a))
        .guard(REVIEW_02, "reviewer", (c, a) -> c.draftedByEarthVillage() ? notTheAuthor(c, a) : null)
        .guard(REVIEW_01, "text", (c, a) -> c.draftedByEarthVillage() ? null : sameAsDraft(c))
        .guard(REVIEW_02, "text", (c, a) -> c.draftedByEarthVillage() ? sameAsDraft(c) : null)
        .records("reviewer", "time", "approvedText")
        .add();
    b.transition("SM-SMS-T04", SmsState.IN_REVIEW, SmsEvent.REJECT, SmsState.DRAFTED)
        .by(Role.FAULT_TEAM_LEADER, Role.ESC_DUTY)
        .guard(REVIEW_01, "reviewer", (c, a) -> c.draftedByEarthVillage() ? null : notTheAuthor(c, a))
        .guard(REVIEW_02, "reviewer", (c, a) -> c.draftedByEarthVillage() ? notTheAuthor(c, a) : null)
        .guard("SM-SMS-T04", "reason", (c, a) -> c.text() != null && !c.text().isBlank() ? null
            : "a rejection records its reason")
        .records("reason")
        .add();
    b.transition("SM-SMS-T05", SmsState.APPROVED, SmsEvent.MASS_SEND, SmsState.SENT)
        .by(Role.DUTY_68284, Role.EARTH_VILLAGE)
        .guard("SM-SMS-T05", "actor", SmsMachine::senderMaySend)
        .guard(REVIEW_01, "text", (c, a) -> c.draftedByEarthVillage() ? null : sameAsApproved(c))
        .guard(REVIEW_02, "text", (c, a) -> c.draftedByEarthVillage() ? sameAsApproved(c) : null)
        .guard(REVIEW_01, "approvedBy", (c, a) -> c.draftedByEarthVillage() ? null : approvedByAnother(c))
        .guard(REVIEW_02, "approvedBy", (c, a) -> c.draftedByEarthVillage() ? approvedByAnother(c) : null)
        .guard(REVIEW_03, "briefing.teamLeaderInformedAt", (c, a) -> told(c, c.briefing().teamLeaderInformedAt(),
            "the fault-team leader (故障处理组组长)"))
        .guard(REVIEW_03, "briefing.roomSupervisorInformedAt", (c, a) -> told(c,
            c.briefing().roomSupervisorInformedAt(), "the room supervisor (室主管)"))
        .guard(REVIEW_03, "briefing.roomManagerBriefedAt", SmsMachine::managerBriefedInOrder)
        .guard("SM-SMS-T05", "text", SmsMachine::withinSegmentLimit)
        .guard("SM-SMS-T05", "recipients", (c, a) -> c.recipientCount() > 0 ? null
            : "the directory resolves the recipient classes to nobody")
        .records("sentAt", "recipientClasses", "recipientCount")
        .add();
    for (SmsState from : new SmsState[] {SmsState.REQUIRED, SmsState.DRAFTED, SmsState.IN_REVIEW,
        SmsState.APPROVED}) {
      b.transition("SM-SMS-T06", from, SmsEvent.SUPERSEDE, SmsState.SUPERSEDED)
          .guard("NOTIFY-TRIG-07", "messageType", (c, a) ->
              c.record().messageType() == MessageType.FOLLOW_UP && c.recoveryPlanned() ? null
                  : "only a follow-up is replaced, and only by a planned recovery SMS")
          .records("supersededBy")
          .add();
    }
    return b.terminal(SmsState.SENT, SmsState.SUPERSEDED).build();
  }

  private static String withinSegmentLimit(SmsContext c, Actor a) {
    return c.segments() <= c.maxSegments() ? null
        : "the text takes " + c.segments() + " SMS segments; at most " + c.maxSegments() + " are allowed";
  }

  private static String notTheAuthor(SmsContext c, Actor a) {
    return a.id().equals(c.record().author().orElse(null))
        ? "the reviewer must not be the author (" + a.id() + ")" : null;
  }

  private static String sameAsDraft(SmsContext c) {
    return c.record().text().isPresent() && c.record().text().get().equals(c.text()) ? null
        : "the text reviewed differs from the draft; approve exactly the drafted text";
  }

  private static String sameAsApproved(SmsContext c) {
    return c.record().approvedText().isPresent() && c.record().approvedText().get().equals(c.text()) ? null
        : "the text to send differs from the approved text; only the approved text is sent, byte for byte";
  }

  private static String approvedByAnother(SmsContext c) {
    Optional<String> reviewer = c.record().reviewer();
    if (reviewer.isEmpty()) {
      return "the stored message records no approval";
    }
    return reviewer.equals(c.record().author()) ? "the stored approval is by the author " + reviewer.get() : null;
  }

  private static String senderMaySend(SmsContext c, Actor a) {
    if (a.hasRole(Role.DUTY_68284)) {
      return null;
    }
    return c.draftedByEarthVillage() && a.id().equals(c.record().author().orElse(null)) ? null
        : "only the 68284 duty desk mass-sends; 地球村 sends only its own reviewed draft";
  }

  private static boolean notification(SmsContext c) {
    return c.record().messageType() == MessageType.NOTIFICATION;
  }

  private static String told(SmsContext c, Optional<Instant> at, String who) {
    if (!notification(c) || at.isPresent()) {
      return null;
    }
    return who + " must be told before the notification is sent (「汇报前先告知故障处理组组长和室主管」)";
  }

  private static String managerBriefedInOrder(SmsContext c, Actor a) {
    if (!notification(c)) {
      return null;
    }
    Briefing b = c.briefing();
    if (b.roomManagerBriefedAt().isEmpty()) {
      return "the room manager must be briefed before the notification is sent (「要先将故障情况向运营室经理进行汇报」)";
    }
    Instant briefed = b.roomManagerBriefedAt().get();
    if (b.teamLeaderInformedAt().map(t -> t.isAfter(briefed)).orElse(false)
        || b.roomSupervisorInformedAt().map(t -> t.isAfter(briefed)).orElse(false)) {
      return "the room manager was briefed before the team leader and the room supervisor were told";
    }
    return briefed.isAfter(c.now()) ? "the room manager is briefed at " + briefed + ", after the sending time "
        + c.now() : null;
  }
}
