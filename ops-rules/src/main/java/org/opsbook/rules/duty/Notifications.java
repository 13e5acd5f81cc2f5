package org.opsbook.rules.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.spi.WorkCalendar;

/**
 * Which message 68284 owes and by when (NOTIFY-TRIG-01..08); rendering and sending belong to the notifications
 * module, which reacts to these duties. The triggers are united (CONFLICT-12): an escalated fault (NOTIFY-TRIG-02,
 * and NOTIFY-TRIG-03 「如发现严重以上故障…需要通知68284的值班同事群发故障通知短信、故障跟进短信和故障恢复短信」, one plan per
 * message type) or the emergency procedure at 10 or more same-fault customers (NOTIFY-TRIG-06, even at level NONE)
 * owe the notification SMS; once it was sent the follow-ups (NOTIFY-TRIG-07) and the recovery SMS
 * (NOTIFY-TRIG-08) follow.
 */
final class Notifications {
  private static final Duty[] NOTIFICATION = {
    Duty.NOTIFY_TRIG_02, Duty.NOTIFY_TRIG_03, Duty.NOTIFY_TRIG_04, Duty.NOTIFY_TRIG_05, Duty.NOTIFY_TRIG_06};

  /** What the action of a business fault's notification SMS adds when the centre's level-1 SMS is missing. */
  static final String MISSING_CS_SMS = "; trigger missing: the customer-service centre has sent no level-1 fault"
      + " SMS (NOTIFY-TRIG-04), so it is due from detection (OQ-06)";

  private Notifications() {}

  /**
   * The notification SMS, once owed: for a system fault at once (NOTIFY-TRIG-05 「在系统故障出现后马上进行发送」, not
   * before {@code detectedAt}); for a business fault right after the customer-service centre's level-1 SMS and not
   * before (NOTIFY-TRIG-04 「客服中心发送一级故障短信后马上发送」); for a business fault whose centre has sent no level-1
   * SMS yet, from {@code detectedAt} all the same, under the rule that still requires it (NOTIFY-TRIG-03
   * 「如发现严重以上故障…群发故障通知短信、故障跟进短信和故障恢复短信」 for an L1/L2 fault, else NOTIFY-TRIG-06), its action flagging
   * the missing trigger (the catalog's OQ-06 reading of NOTIFY-TRIG-04); once raised it stands when the centre's SMS
   * comes later (one plan per fault and message type); for a fault of unknown nature at once to class C, under the
   * rule that made it owed (NOTIFY-TRIG-02 or NOTIFY-TRIG-06). Null when nothing new is owed.
   */
  static Obligation notificationDuty(FaultTracker f, Instant at) {
    if (!f.isOpen() || f.notificationAt() != null || raisedNotification(f)) {
      return null;
    }
    Instant escalated = f.peakLevel().isEscalated() ? f.escalatedAt() : null;
    Instant emergency = null;
    if (f.hasRaised(Duty.ESC_REQ_02, 1)) {
      emergency = f.raisedDuty(f.key(Duty.ESC_REQ_02, 1)).triggeredAt().orElseThrow();
    } else if (f.emergency()) {
      emergency = at;
    }
    Instant reason = escalated == null ? emergency
        : emergency == null || !emergency.isBefore(escalated) ? escalated : emergency;
    if (reason == null) {
      return null;
    }
    FaultNature nature = f.facts().nature().orElse(null);
    String classes = recipientClasses(f);
    if (nature == FaultNature.SYSTEM) {
      Instant trigger = ComputedDuties.latest(reason, f.detectedAt());
      return f.obligation(Duty.NOTIFY_TRIG_05, 1, classes, trigger, f.grace(trigger));
    }
    if (nature == FaultNature.BUSINESS) {
      Instant csSms = f.facts().csCenterLevel1SmsSentAt().orElse(null);
      if (csSms == null) {
        Duty why = reason.equals(escalated) ? Duty.NOTIFY_TRIG_03 : Duty.NOTIFY_TRIG_06;
        Instant trigger = ComputedDuties.latest(reason, f.detectedAt());
        return f.obligation(why, 1, classes, trigger, f.grace(trigger), MISSING_CS_SMS);
      }
      Instant trigger = ComputedDuties.latest(reason, csSms);
      return f.obligation(Duty.NOTIFY_TRIG_04, 1, classes, trigger, f.grace(trigger));
    }
    Duty why = reason.equals(escalated) ? Duty.NOTIFY_TRIG_02 : Duty.NOTIFY_TRIG_06;
    return f.obligation(why, 1, classes, reason, f.grace(reason));
  }

  /** True once a notification SMS duty was raised, under whichever rule. */
  static boolean raisedNotification(FaultTracker f) {
    for (Duty d : NOTIFICATION) {
      if (f.hasRaised(d, 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * NOTIFY-TRIG-07 「故障短信发送以后,如当天有重大进展及预计恢复时间的,则马上发送故障跟进短信;否则在当天下午下班前发送」: every calendar
   * day from the notification until the repair, a follow-up by 下班 (workdayEnd, TIME-03) unless one was sent that
   * day; when the notification went out at or after 下班 the first deadline is the next working day's 下班 (NOTIFY-TRIG-07
   * (c): 「当天下午下班前」 has passed, and 下班 is a working day's); significant progress or a
   * new estimated recovery time (read as OR, OQ-13) makes the next follow-up due at once. The recovery SMS replaces a
   * follow-up still pending at the repair.
   */
  static void followUp(FaultTracker f, List<Candidate> out) {
    Instant sent = f.notificationAt();
    if (sent == null) {
      return;
    }
    WorkCalendar cal = f.calendar();
    Instant last = f.lastFollowUpAt();
    Instant anchor;
    LocalDate day;
    if (last != null && last.isAfter(sent)) {
      anchor = last;
      day = cal.dateOf(last).plusDays(1);
    } else {
      anchor = sent;
      day = cal.dateOf(sent);
      if (!sent.isBefore(cal.at(day, cal.workdayEnd()))) {
        day = cal.nextWorkingDay(day);
      }
    }
    Instant due = cal.at(day, cal.workdayEnd());
    Instant trigger = anchor;
    Instant progress = f.lastSignificantProgressAt();
    if (progress != null && progress.isAfter(anchor) && f.grace(progress).isBefore(due)) {
      due = f.grace(progress);
      trigger = progress;
    }
    int next = f.maxSettledSequence(Duty.NOTIFY_TRIG_07.id) + 1;
    ComputedDuties.addIfNew(f, out,
        new Candidate(f.obligation(Duty.NOTIFY_TRIG_07, next, recipientClasses(f), trigger, due), due));
  }

  /**
   * The recipient classes of the fault's SMS, as the duty's target: C for a business fault (NOTIFY-RCPT-01), A, B
   * and C for a system fault, B and C for a CALLCENTER one (NOTIFY-RCPT-02/03), C when the nature is unknown; D
   * added from customer-service complaint level 3 (NOTIFY-RCPT-04). Follow-up and recovery go to the same set,
   * recomputed with the current level (NOTIFY-RCPT-08).
   */
  static String recipientClasses(FaultTracker f) {
    FaultFacts facts = f.facts();
    StringBuilder s = new StringBuilder();
    FaultNature nature = facts.nature().orElse(null);
    if (nature == FaultNature.SYSTEM && !facts.callCenterFault()) {
      s.append(RecipientClass.A).append(',');
    }
    if (nature == FaultNature.SYSTEM) {
      s.append(RecipientClass.B).append(',');
    }
    s.append(RecipientClass.C);
    if (ComputedDuties.csLevelAtLeast(facts, f.parameters().dRecipientsCsLevelMin())) {
      s.append(',').append(RecipientClass.D);
    }
    return s.toString();
  }
}
