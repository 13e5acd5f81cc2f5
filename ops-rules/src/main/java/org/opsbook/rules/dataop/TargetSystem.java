package org.opsbook.rules.dataop;

/** The system whose database an operation touches (DATAOP-DEF-05: 「适用于BOSS、IBOSS、CALLCENTER以及渠道系统」). */
public enum TargetSystem {
  /** BOSS. */
  BOSS,
  /** IBOSS. */
  IBOSS,
  /** CALLCENTER. */
  CALLCENTER,
  /** 渠道系统. */
  CHANNEL,
  /** Any other system. */
  OTHER
}
