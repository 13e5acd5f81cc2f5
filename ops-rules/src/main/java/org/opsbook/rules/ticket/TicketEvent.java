package org.opsbook.rules.ticket;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.EventNames;

/**
 * The events of SM-TICKET (rules-catalog §4.1), plus the progress update of TICKET-02, the provincial billing
 * hand-off of TICKET-07 and the raw-CDR mailing of TICKET-09.
 */
public enum TicketEvent {
  /** SM-TICKET-T01. */
  ACCEPT,
  /** SM-TICKET-T02 (TICKET-10, TICKET-11). */
  SET_CAUSE,
  /** SM-TICKET-T03 (TICKET-15). */
  DISPATCH_AMS,
  /** SM-TICKET-T04 (TICKET-15). */
  AMS_REPLY_REVIEWED,
  /** SM-TICKET-T05 (TICKET-12). */
  SUBMIT_FOR_COORDINATION,
  /** SM-TICKET-T06 (TICKET-18). */
  EXTERNAL_RESULT_CONFIRMED,
  /** SM-TICKET-T07 (TICKET-13). */
  SUBMIT_TO_BILLING_DUTY,
  /** SM-TICKET-T08 (TICKET-08). */
  PROVINCIAL_REPLY_REVIEWED,
  /** SM-TICKET-T09 (TICKET-14). */
  SUBMIT_TO_DATA_MOD_DUTY,
  /** SM-TICKET-T10. */
  DATA_FIX_CLOSED,
  /** SM-TICKET-T11 (TICKET-11, TICKET-19). */
  ESCALATE,
  /** SM-TICKET-T12 (TICKET-16). */
  SUBMIT_FOR_REVIEW,
  /** SM-TICKET-T13 (TICKET-17). */
  REVIEW_NOT_DONE,
  /** SM-TICKET-T14 (TICKET-06, TICKET-20). */
  RAISE_BUG,
  /** SM-TICKET-T15. */
  LINKED_FLOW_RESOLVED,
  /** SM-TICKET-T16 (TICKET-21). */
  APPROVE_AND_ARCHIVE,
  /** SM-TICKET-T17 (TICKET-21). */
  REPLY_FRONT_DESK,
  /** TICKET-02: a progress update written into the ticket. */
  UPDATE_PROGRESS,
  /** TICKET-07: the declarant forwards the ticket to 省计费中心 through 省计费网站. */
  FORWARD_TO_BILLING_CENTER,
  /** TICKET-09: the declarant mails the raw CDRs, compressed and encrypted, to 省网维公共邮箱. */
  SEND_RAW_CDRS;

  /** Returns the catalog's event name: the constant in lower camel case, e.g. {@code submitForReview}. */
  public String eventName() {
    return EventNames.of(this);
  }

  /**
   * Returns the event named {@code name}.
   *
   * @throws InvalidInputException naming {@code field} when no event has that name
   */
  public static TicketEvent fromName(String name, String field) {
    return EventNames.find(TicketEvent.class, name)
        .orElseThrow(() -> new InvalidInputException(field, "unknown SM-TICKET event '" + name + "'"));
  }
}
