package org.opsbook.rules.bug;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;

/** People, times and event data the BUG tests share. */
public final class BugFixtures {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  public static final Actor REVIEWER = Actor.of("shen", Role.TICKET_REVIEWER);
  public static final Actor PRE_PROCESSOR = Actor.of("pan", Role.PRE_PROCESSOR);
  public static final Actor IT_SUPPORT = Actor.of("ito", Role.IT_SUPPORT);
  public static final Actor PROCESSOR = Actor.of("zhi", Role.BUG_PROCESSOR);
  public static final Actor FOLLOWER = Actor.of("gen", Role.BUG_FOLLOWER);
  public static final Actor SUPERVISOR = Actor.of("zhu", Role.ROOM_SUPERVISOR);
  /** Wednesday 25 November 2026, 10:00 in Shanghai. */
  public static final Instant WEDNESDAY = at("2026-11-25T10:00:00+08:00");
  /** The stores' clock: Wednesday 10:00, so the tests' steps lie within the skew of it. */
  public static final Clock CLOCK = Clock.fixed(WEDNESDAY, ZoneOffset.UTC);

  private BugFixtures() {}

  public static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  public static BugEventData raiseData() {
    return BugEventData.builder().description("BOSS缴费后无法开机").addComplaintNumbers("13800138000")
        .complaintIssue("缴费后未开机").linkedTicketId("T-1").build();
  }

  public static BugEventData ams(String no) {
    return BugEventData.builder().amsBugTicketNo(no).build();
  }

  public static BugEventData recheck(boolean accepted) {
    return BugEventData.builder().recheckAccepted(accepted).developer("亚信").build();
  }

  public static BugEventData notice() {
    return BugEventData.builder().addAllChannels(EnumSet.allOf(NoticeChannel.class))
        .uploadEta(at("2026-11-28T22:00:00+08:00")).workaround("人工开机").opsRoomAgreedBy("gen")
        .supportRoomAgreedBy("zhi").build();
  }

  public static BugEventData impact(int customers, Integer csLevel) {
    BugEventData.Builder b = BugEventData.builder().bugAffectedCustomers(customers);
    if (csLevel != null) {
      b.csComplaintLevel(csLevel);
    }
    return b.build();
  }

  /** Raises a BUG and drives it to {@code target} along the main line. */
  public static BugTicket bugIn(BugState target) {
    BugWorkflow wf = BugWorkflow.standard();
    BugTicket b = wf.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY).orThrow();
    if (target == BugState.IDENTIFIED) {
      return b;
    }
    b = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, ams("AMS-9"), WEDNESDAY).orThrow();
    if (target == BugState.SUBMITTED_TO_PROVINCE) {
      return b;
    }
    b = wf.apply(b, BugEvent.PROVINCE_ASSIGNED, PROCESSOR, recheck(true), WEDNESDAY).orThrow();
    if (target == BugState.WITH_DEVELOPER) {
      return b;
    }
    b = wf.apply(b, BugEvent.DEVELOPER_REPLIED, PROCESSOR,
        BugEventData.builder().reply("已修复").version("v2").build(), WEDNESDAY).orThrow();
    if (target == BugState.FIX_DELIVERED) {
      return b;
    }
    b = wf.apply(b, BugEvent.ACCEPT_AND_UPLOAD, PROCESSOR,
        BugEventData.builder().acceptancePassed(true).uploaded(true).build(), WEDNESDAY).orThrow();
    if (target == BugState.RESOLVED) {
      return b;
    }
    return wf.apply(b, BugEvent.CLOSE_WEEKLY, FOLLOWER, BugEventData.builder().weeklySummaryRef("2026-W48").build(),
        WEDNESDAY).orThrow();
  }
}
