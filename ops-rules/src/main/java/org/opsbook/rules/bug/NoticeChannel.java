package org.opsbook.rules.bug;

/** Where a BUG notice is posted (BUG-04). Quote: 「同时在服务营销系统、合作伙伴门户、BBS上上挂BUG信息公告」. */
public enum NoticeChannel {
  /** 服务营销系统 (服营网站). */
  SERVICE_MARKETING_SYSTEM("服务营销系统"),
  /** 合作伙伴门户. */
  PARTNER_PORTAL("合作伙伴门户"),
  /** BBS. */
  BBS("BBS");

  private final String chineseName;

  NoticeChannel(String chineseName) {
    this.chineseName = chineseName;
  }

  /** Returns the manual's name of the channel. */
  public String chineseName() {
    return chineseName;
  }
}
