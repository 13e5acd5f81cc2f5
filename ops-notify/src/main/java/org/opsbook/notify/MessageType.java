package org.opsbook.notify;

import java.util.Map;
import java.util.Optional;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;

/**
 * The messages of rules-catalog §9: the three SMS of a fault (notification, follow-up, recovery) and the posted BUG
 * notice. The type is part of a message's idempotency key ({@code faultId/MESSAGE_TYPE/sequence}).
 */
public enum MessageType {
  /** 故障通知短信 (NOTIFY-TPL-01 business-type, NOTIFY-TPL-02 system-type; NOTIFY-TRIG-02..06). */
  NOTIFICATION("故障通知短信", Channel.SMS),
  /** 故障跟进短信 (NOTIFY-TPL-03; NOTIFY-TRIG-07), numbered from 1 per fault. */
  FOLLOW_UP("故障跟进短信", Channel.SMS),
  /** 故障恢复短信 (NOTIFY-TPL-04; NOTIFY-TRIG-08); it replaces a follow-up not yet sent. */
  RECOVERY("故障恢复短信", Channel.SMS),
  /** BUG信息公告 (NOTIFY-TPL-05; BUG-04), posted on 服务营销系统, 合作伙伴门户 and BBS: not an SMS. */
  BUG_NOTICE("BUG信息公告", Channel.NOTICE);

  /** The message each NOTIFY-TRIG duty asks for. */
  private static final Map<String, MessageType> TRIGGERS = Map.of(
      "NOTIFY-TRIG-02", NOTIFICATION,
      "NOTIFY-TRIG-03", NOTIFICATION,
      "NOTIFY-TRIG-04", NOTIFICATION,
      "NOTIFY-TRIG-05", NOTIFICATION,
      "NOTIFY-TRIG-06", NOTIFICATION,
      "NOTIFY-TRIG-07", FOLLOW_UP,
      "NOTIFY-TRIG-08", RECOVERY);

  private final String chineseName;
  private final Channel channel;

  MessageType(String chineseName, Channel channel) {
    this.chineseName = chineseName;
    this.channel = channel;
  }

  /** Returns the manual's name of the message. */
  public String chineseName() {
    return chineseName;
  }

  /** Returns how the message goes out: SMS, or NOTICE for the posted BUG notice. */
  public Channel channel() {
    return channel;
  }

  /** Returns true for the three SMS types. */
  public boolean isSms() {
    return channel == Channel.SMS;
  }

  /**
   * Returns the SMS a duty asks for: NOTIFY-TRIG-02..06 a notification, NOTIFY-TRIG-07 a follow-up, NOTIFY-TRIG-08 a
   * recovery; empty for any other duty or one not sent by SMS.
   */
  public static Optional<MessageType> askedBy(Obligation duty) {
    if (duty.channel() != Channel.SMS) {
      return Optional.empty();
    }
    return Optional.ofNullable(TRIGGERS.get(duty.ruleId().value()));
  }
}
