package org.opsbook.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Role;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.workflow.SmsWorkflow;

/**
 * A notification SMS of the contract tests, taken through plan, draft, review and approval before {@code at}, ready
 * for the 68284 desk to release at {@code at} with its briefing.
 *
 * @param facts the fault's facts it was drafted from
 * @param text the approved text, which the release must send unchanged
 * @param briefing the briefing before the release (NOTIFY-REVIEW-03)
 */
record ApprovedSms(FaultFacts facts, String text, Briefing briefing) {
  static final Actor AUTHOR = Actor.of("duty-a", Role.ESC_HANDLER_A);
  static final Actor REVIEWER = Actor.of("leader", Role.FAULT_TEAM_LEADER);
  static final Actor DESK = Actor.of("desk", Role.DUTY_68284);

  /** Plans, drafts, submits and approves {@code key} in the minute before {@code at}. */
  static ApprovedSms of(SmsWorkflow sms, SmsKey key, Instant at) {
    FaultFacts facts = FaultFacts.builder().faultId(key.faultId()).nature(FaultNature.SYSTEM).callCenterFault(false)
        .subjectName("BOSS").faultStartTime(at.minusSeconds(1800)).build();
    sms.plan(key, Optional.empty(), Optional.empty(), facts, at.minusSeconds(60));
    sms.draft(key, AUTHOR, MessageContent.builder().subjectName("BOSS").faultStartTime(at.minusSeconds(1800))
        .phenomenon("营业厅无法缴费").cause("待查").scope("全市营业厅").handlingParty(HandlingParty.IT_CENTER)
        .eta("今天18时前").followUpPerson("张三").build(), at.minusSeconds(50)).orThrow();
    sms.submitForReview(key, AUTHOR, at.minusSeconds(40)).orThrow();
    String text = sms.find(key).orElseThrow().record().text().orElseThrow();
    sms.approve(key, REVIEWER, text, at.minusSeconds(30)).orThrow();
    return new ApprovedSms(facts, text, Briefing.of(at.minusSeconds(25), at.minusSeconds(20), at.minusSeconds(15)));
  }

  /** Releases it through the desk at {@code at}. */
  void release(SmsWorkflow sms, SmsKey key, Instant at) {
    sms.release(key, DESK, text, briefing, facts, at).orThrow();
  }
}
