package org.opsbook.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.notify.Briefing;

/**
 * Who was told about a fault before its notification SMS went out (NOTIFY-REVIEW-03: 「汇报前先告知故障处理组组长和室主管」,
 * then 「向运营室经理进行汇报」). The host keeps these moments in the tamper-evident audit log, one stream per fault
 * ({@code briefing:<faultId>}), so whoever releases the notification later, the demo or the dashboard, finds them.
 * Thread-safe as the audit log is.
 */
public final class Briefings {
  /** The stream prefix. */
  public static final String PREFIX = "briefing:";
  /** The rule that asks for the briefing. */
  public static final RuleId REVIEW_03 = RuleId.of("NOTIFY-REVIEW-03");

  /** Whom the duty handler told. */
  public enum Told {
    /** 故障处理组组长, told first. */
    TEAM_LEADER("teamLeaderInformed"),
    /** 室主管, told first. */
    ROOM_SUPERVISOR("roomSupervisorInformed"),
    /** 运营室经理, briefed after the two. */
    ROOM_MANAGER("roomManagerBriefed");

    private final String action;

    Told(String action) {
      this.action = action;
    }

    /** Returns the audit action that records it. */
    public String action() {
      return action;
    }
  }

  private final AuditLog log;

  /** Creates the record over {@code log}. */
  public Briefings(AuditLog log) {
    this.log = checkNotNull(log, "log");
  }

  /** Returns the audit stream of a fault's briefing. */
  public static String stream(String faultId) {
    return PREFIX + faultId;
  }

  /** Records that {@code actorId} told {@code whom} ({@code personId}) about the fault at {@code at}. */
  public void record(String faultId, Told whom, String personId, String actorId, Instant at) {
    log.append(AuditEntry.builder().stream(stream(faultId)).at(at).actorId(actorId).action(whom.action())
        .addRuleIds(REVIEW_03).putDetail("told", personId).build());
  }

  /** Returns the fault's briefing as recorded: the first time each person was told. */
  public Briefing of(String faultId) {
    Map<Told, Instant> first = new EnumMap<>(Told.class);
    for (AuditRecord r : log.read(stream(faultId))) {
      for (Told t : Told.values()) {
        if (t.action.equals(r.entry().action())) {
          first.putIfAbsent(t, r.entry().at());
        }
      }
    }
    Briefing.Builder b = Briefing.builder();
    if (first.containsKey(Told.TEAM_LEADER)) {
      b.teamLeaderInformedAt(first.get(Told.TEAM_LEADER));
    }
    if (first.containsKey(Told.ROOM_SUPERVISOR)) {
      b.roomSupervisorInformedAt(first.get(Told.ROOM_SUPERVISOR));
    }
    if (first.containsKey(Told.ROOM_MANAGER)) {
      b.roomManagerBriefedAt(first.get(Told.ROOM_MANAGER));
    }
    return b.build();
  }
}
