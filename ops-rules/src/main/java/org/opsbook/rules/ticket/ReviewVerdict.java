package org.opsbook.rules.ticket;

/** The reviewer's verdict on a pre-processed ticket (TICKET-17): 「判断该投诉单是否处理完毕」. */
public enum ReviewVerdict {
  /** 处理完毕. */
  DONE,
  /** Not finished: back to pre-processing. */
  NOT_DONE
}
