package org.opsbook.rules.ticket;

import org.opsbook.core.Role;

/** The states of SM-TICKET (rules-catalog §4.1), each with the role that owns the ticket while it is there. */
public enum TicketState {
  /** Received, not yet taken up. */
  RECEIVED(Role.PRE_PROCESSOR),
  /** With the pre-processor. */
  PREPROCESSING(Role.PRE_PROCESSOR),
  /** Dispatched to the developer through AMS (TICKET-15). */
  AWAITING_DEVELOPER(Role.PRE_PROCESSOR),
  /** With the reviewer for external coordination (TICKET-12). */
  AWAITING_EXTERNAL(Role.TICKET_REVIEWER),
  /** With the day's billing-declaration duty for 省计费中心 (TICKET-13). */
  AWAITING_BILLING_CENTER(Role.BILLING_DECLARANT),
  /** With the day's data-modification duty (TICKET-14). */
  AWAITING_DATA_FIX(Role.DATA_MOD_DUTY),
  /** With the reviewer (TICKET-16, TICKET-17). */
  UNDER_REVIEW(Role.TICKET_REVIEWER),
  /** Part of an escalated fault (TICKET-11, TICKET-19). */
  ESCALATED(Role.TICKET_REVIEWER),
  /** Waiting on a BUG (TICKET-20). */
  IN_BUG_FLOW(Role.TICKET_REVIEWER),
  /** Reviewed and archived under a category (TICKET-21). */
  ARCHIVED(Role.TICKET_REVIEWER),
  /** Replied to the front desk: closed (terminal). */
  REPLIED(Role.TICKET_REVIEWER);

  private final Role owner;

  TicketState(Role owner) {
    this.owner = owner;
  }

  /** Returns the role that owns the ticket in this state and owes its progress updates (TICKET-02, OQ-29). */
  public Role owner() {
    return owner;
  }
}
