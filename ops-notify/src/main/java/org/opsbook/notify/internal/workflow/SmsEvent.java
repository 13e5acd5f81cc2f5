package org.opsbook.notify.internal.workflow;

/** The events of SM-SMS (rules-catalog §9.6), by the names the audit log and the transition history use. */
enum SmsEvent {
  /** SM-SMS-T01: the author drafts (or re-drafts) the text from a template. */
  DRAFT("draft"),
  /** SM-SMS-T02: the author submits the draft for review. */
  SUBMIT_FOR_REVIEW("submitForReview"),
  /** SM-SMS-T03: the reviewer approves the text (NOTIFY-REVIEW-01/02). */
  APPROVE("approve"),
  /** SM-SMS-T04: the reviewer sends the draft back with a reason. */
  REJECT("reject"),
  /** SM-SMS-T05: the sender releases the approved text to the outbox (NOTIFY-REVIEW-03 for a notification). */
  MASS_SEND("massSend"),
  /** SM-SMS-T06 (proposed): the recovery SMS replaces a follow-up not yet sent (NOTIFY-TRIG-07). */
  SUPERSEDE("supersede");

  private final String eventName;

  SmsEvent(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the event's name, e.g. {@code massSend}. */
  public String eventName() {
    return eventName;
  }
}
