package org.opsbook.notify;

/**
 * The states of SM-SMS (rules-catalog §9.6), one instance per message: planned, drafted, under review, approved,
 * released for sending, or superseded. {@code SENT} and {@code SUPERSEDED} are terminal.
 */
public enum SmsState {
  /** The plan exists: a message is owed (NOTIFY-TRIG-0x). */
  REQUIRED,
  /** A text is drafted (SM-SMS-T01), or sent back by the reviewer (SM-SMS-T04). */
  DRAFTED,
  /** Waiting for the reviewer (SM-SMS-T02). */
  IN_REVIEW,
  /** The reviewer approved the text (SM-SMS-T03, NOTIFY-REVIEW-01/02). */
  APPROVED,
  /** Released to the outbox with the approved text (SM-SMS-T05); the outbox delivers it exactly once. */
  SENT,
  /** A follow-up replaced by the recovery SMS before it was sent (NOTIFY-TRIG-07, SM-SMS-T06); never sent. */
  SUPERSEDED;

  /** Returns true for the states no event leaves. */
  public boolean isTerminal() {
    return this == SENT || this == SUPERSEDED;
  }
}
