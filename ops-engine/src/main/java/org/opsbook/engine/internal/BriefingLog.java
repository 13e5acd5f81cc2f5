package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.TimeOrder;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.notify.Briefing;

/**
 * Who was told about a fault before its notification SMS went out (NOTIFY-REVIEW-03: 「汇报前先告知故障处理组组长和室主管」,
 * then 「向运营室经理进行汇报」), kept in the audit log, one stream per fault ({@code briefing:<faultId>}). Thread-safe
 * as the audit log is.
 */
final class BriefingLog {
  static final RuleId REVIEW_03 = RuleId.of("NOTIFY-REVIEW-03");
  private static final Map<Role, String> ACTIONS = Map.of(Role.FAULT_TEAM_LEADER, "teamLeaderInformed",
      Role.ROOM_SUPERVISOR, "roomSupervisorInformed", Role.ROOM_MANAGER, "roomManagerBriefed");

  private final AuditLog log;

  BriefingLog(AuditLog log) {
    this.log = checkNotNull(log, "log");
  }

  static String stream(String faultId) {
    return "briefing:" + faultId;
  }

  /**
   * Records that {@code actorId} told {@code listenerId}, holding {@code whom}, at {@code at}: the host's clock, or
   * the fault's last briefing when the clock reads up to the skew before it, as a host's clock behind the one that
   * recorded that briefing does (the order of the briefings is NOTIFY-REVIEW-03's).
   */
  void record(String faultId, Role whom, String listenerId, String actorId, Instant at) {
    String action = ACTIONS.get(whom);
    if (action == null) {
      throw new InvalidInputException("whom", "NOTIFY-REVIEW-03 names the team leader, the room supervisor and the"
          + " room manager; not " + whom, REVIEW_03);
    }
    log.append(AuditEntry.builder().stream(stream(faultId)).at(notBeforeLast(faultId, at)).actorId(actorId)
        .action(action).addRuleIds(REVIEW_03).putDetail("told", listenerId).build());
  }

  /**
   * Returns {@code at}, or the fault's last briefing when {@code at}, a host clock's reading, is up to the skew
   * ({@link TimeOrder#DEFAULT_SKEW}) before it: what comes after a briefing on another host is not dated before it.
   */
  private Instant notBeforeLast(String faultId, Instant at) {
    return TimeOrder.stamp(at, log.read(stream(faultId)).stream().map(r -> r.entry().at())
        .max(Comparator.naturalOrder()), TimeOrder.DEFAULT_SKEW);
  }

  /**
   * Returns {@code at}, a host clock's reading, or the time of the last of {@code briefing}'s three when {@code at} is
   * up to the skew before it: a notification sent after the briefings is not dated before them.
   */
  static Instant after(Briefing briefing, Instant at) {
    return TimeOrder.stamp(at, Stream.of(briefing.teamLeaderInformedAt(), briefing.roomSupervisorInformedAt(),
        briefing.roomManagerBriefedAt()).flatMap(Optional::stream).max(Comparator.naturalOrder()),
        TimeOrder.DEFAULT_SKEW);
  }

  Briefing of(String faultId) {
    Map<Role, Instant> first = new EnumMap<>(Role.class);
    for (AuditRecord r : log.read(stream(faultId))) {
      ACTIONS.forEach((role, action) -> {
        if (action.equals(r.entry().action())) {
          first.putIfAbsent(role, r.entry().at());
        }
      });
    }
    Briefing.Builder b = Briefing.builder();
    if (first.containsKey(Role.FAULT_TEAM_LEADER)) {
      b.teamLeaderInformedAt(first.get(Role.FAULT_TEAM_LEADER));
    }
    if (first.containsKey(Role.ROOM_SUPERVISOR)) {
      b.roomSupervisorInformedAt(first.get(Role.ROOM_SUPERVISOR));
    }
    if (first.containsKey(Role.ROOM_MANAGER)) {
      b.roomManagerBriefedAt(first.get(Role.ROOM_MANAGER));
    }
    return b.build();
  }
}
