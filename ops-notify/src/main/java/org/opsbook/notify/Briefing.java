package org.opsbook.notify;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who was told about the fault before its notification SMS, and when (NOTIFY-REVIEW-03): 「运营管理室升级投诉值班同事在
 * 发送升级投诉通知前,要先将故障情况向运营室经理进行汇报,汇报前先告知故障处理组组长和室主管」. The team leader and the room
 * supervisor are told first, then the room manager is briefed, then the notification may go out. Immutable.
 */
@Value.Immutable
public abstract class Briefing {
  /** When the fault-team leader (故障处理组组长) was told. */
  public abstract Optional<Instant> teamLeaderInformedAt();

  /** When the room supervisor (室主管) was told. */
  public abstract Optional<Instant> roomSupervisorInformedAt();

  /** When the room manager (运营室经理) was briefed. */
  public abstract Optional<Instant> roomManagerBriefedAt();

  /** Returns a briefing with nobody told yet. */
  public static Briefing none() {
    return builder().build();
  }

  /** Returns the briefing with all three times. */
  public static Briefing of(Instant teamLeaderInformedAt, Instant roomSupervisorInformedAt,
      Instant roomManagerBriefedAt) {
    return builder().teamLeaderInformedAt(teamLeaderInformedAt).roomSupervisorInformedAt(roomSupervisorInformedAt)
        .roomManagerBriefedAt(roomManagerBriefedAt).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Briefing}; strict: each field is set once. */
  public static final class Builder extends ImmutableBriefing.Builder {}
}
