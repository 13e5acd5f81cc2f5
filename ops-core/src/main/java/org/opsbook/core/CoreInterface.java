package org.opsbook.core;

/**
 * The BOSS/IBOSS interfaces of ESC-CENTER-14: 「BOSS/IBOSS和CC、HLR、银行主动缴费、SMP的接口全面中断超过30分钟」.
 */
public enum CoreInterface {
  /** Call Center. */
  CC,
  /** HLR. */
  HLR,
  /** 银行主动缴费. */
  BANK_ACTIVE_PAYMENT,
  /** SMP. */
  SMP
}
