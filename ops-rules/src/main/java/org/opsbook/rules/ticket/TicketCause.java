package org.opsbook.rules.ticket;

/**
 * What caused a complaint (TICKET-10). Quote: 「判断该问题引发的原因(如系统故障、前台差错、业务规则等原因)」; the list is
 * open (「等」), hence {@link #OTHER}.
 */
public enum TicketCause {
  /** 系统故障: forwarded to the responsible developer. */
  SYSTEM_FAULT,
  /** 前台差错: the frontline fixes it itself. */
  FRONT_DESK_ERROR,
  /** 业务规则: the frontline explains the rule. */
  BUSINESS_RULE,
  /** Any other cause. */
  OTHER
}
