package org.opsbook.notify.internal.workflow;

import org.opsbook.core.internal.EventNames;

/** The events of SM-SMS (rules-catalog §9.6), by the names the audit log and the transition history use. */
enum SmsEvent {
  /** SM-SMS-T01: the author drafts (or re-drafts) the text from a template. */
  DRAFT,
  /** SM-SMS-T02: the author submits the draft for review. */
  SUBMIT_FOR_REVIEW,
  /** SM-SMS-T03: the reviewer approves the text (NOTIFY-REVIEW-01/02). */
  APPROVE,
  /** SM-SMS-T04: the reviewer sends the draft back with a reason. */
  REJECT,
  /** SM-SMS-T05: the sender releases the approved text to the outbox (NOTIFY-REVIEW-03 for a notification). */
  MASS_SEND,
  /** SM-SMS-T06 (proposed): the recovery SMS replaces a follow-up not yet sent (NOTIFY-TRIG-07). */
  SUPERSEDE;

  /** Returns the event's name: the constant in lower camel case, e.g. {@code massSend}. */
  public String eventName() {
    return EventNames.of(this);
  }
}
