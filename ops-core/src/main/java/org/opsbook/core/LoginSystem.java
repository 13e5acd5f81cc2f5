package org.opsbook.core;

/** The systems whose login outage ESC-CENTER-08 watches: 「BOSS、CC、IBOSS系统无法登陆超过30分钟」. */
public enum LoginSystem {
  /** BOSS. */
  BOSS,
  /** CC (Call Center). */
  CC,
  /** IBOSS. */
  IBOSS
}
