package org.opsbook.core;

/**
 * What kind of party an actor is. The data-operation rules distinguish city staff from on-site and remote developers
 * (DATAOP-SENS-03, DATAOP-ROLE-03).
 */
public enum ActorKind {
  /** Staff of the city company (市公司 / 深圳分公司). */
  CITY_STAFF,
  /** A developer working on site (在现场的开发商). */
  DEVELOPER_ONSITE,
  /** A developer working remotely (远端开发商). */
  DEVELOPER_REMOTE,
  /** Staff of another unit or company (省公司, 客服中心, 地球村 …). */
  EXTERNAL,
  /** The library or the host system acting on its own (automatic transitions). */
  SYSTEM;

  /** Returns true for on-site and remote developers. */
  public boolean isDeveloper() {
    return this == DEVELOPER_ONSITE || this == DEVELOPER_REMOTE;
  }
}
