package org.opsbook.rules.internal.bug;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.rules.report.ReportRules;
import org.opsbook.rules.report.ReportRules.ReportWindow;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;

/**
 * The duties a BUG creates as of a moment (rules-catalog §11): the AMS submission (BUG-03), the notice on three
 * channels (BUG-04), the CMCP ticket via the room supervisor (BUG-05), the room-manager report for a large impact
 * (BUG-06, which also serves BUG-14's 上报领导), pushing the developer on the normal path (BUG-07), the data repair
 * (BUG-13), and the weekly follow-up (BUG-02, BUG-08), due at the end of each ISO week (OQ-23): BUG-02 until the BUG
 * is closed; BUG-08 until it is resolved, when it becomes the feedback to the frontline (「确认每个BUG单都得到及时的解决,
 * 并及时反馈一线知晓」), owed until the follower's next update. Untimed duties (「及时」, 「同时」) have no due time. Sorted
 * by due time (untimed last), then rule ID.
 * Stateless.
 */
public final class BugDuties {
  private static final RuleId BUG_02 = RuleId.of("BUG-02");
  private static final RuleId BUG_03 = RuleId.of("BUG-03");
  private static final RuleId BUG_04 = RuleId.of("BUG-04");
  private static final RuleId BUG_05 = RuleId.of("BUG-05");
  private static final RuleId BUG_06 = RuleId.of("BUG-06");
  private static final RuleId BUG_07 = RuleId.of("BUG-07");
  private static final RuleId BUG_08 = RuleId.of("BUG-08");
  private static final RuleId BUG_13 = RuleId.of("BUG-13");

  private BugDuties() {}

  /**
   * Returns every duty {@code bug} has as of {@code now}, due or still ahead; none once it is closed.
   *
   * @param zone the zone ISO weeks are read in
   */
  public static List<Obligation> of(BugTicket bug, Instant now, OpsParameters p, ZoneId zone) {
    checkNotNull(bug, "bug");
    List<Obligation> out = new ArrayList<>();
    if (bug.state() == BugState.CLOSED) {
      return out;
    }
    String id = bug.bugId();
    boolean unresolved = bug.state().isOpen();
    if (bug.amsBugTicketNo().isEmpty()) {
      out.add(timely(BUG_03, id, Role.BUG_PROCESSOR, "在AMS上提交BUG单给省业支复核", "省业支", Channel.AMS,
          bug.raisedAt()));
    }
    if (bug.noticePublishedAt().isEmpty() && unresolved) {
      out.add(timely(BUG_04, id, Role.BUG_FOLLOWER, "在服务营销系统、合作伙伴门户、BBS上挂BUG信息公告",
          "服务营销系统,合作伙伴门户,BBS", Channel.NOTICE, bug.raisedAt()));
    }
    if (bug.cmcpCollabTicketNo().isEmpty() && unresolved) {
      out.add(timely(BUG_05, id, Role.BUG_FOLLOWER, "通过CMCP提协作单给室主管转发支持维护室跟进上载情况",
          Role.ROOM_SUPERVISOR.name(), Channel.CMCP, bug.raisedAt()));
    }
    if (bug.impactAssessedAt().isPresent() && unresolved) {
      Instant assessed = bug.impactAssessedAt().get();
      if (bug.largeImpact(p) && bug.roomManagerReportedAt().isEmpty()) {
        out.add(timely(BUG_06, id, Role.BUG_FOLLOWER, "上报室经理请求协助推动解决", Role.ROOM_MANAGER.name(),
            Channel.PHONE, assessed));
      }
      if (!bug.needsEmergencyRelease()) {
        out.add(timely(BUG_07, id, Role.BUG_PROCESSOR, "推动开发商尽快完成程序BUG的上载", "开发商", Channel.AMS,
            assessed));
      }
    }
    if (bug.needsDataFix() && bug.linkedDataOpId().isEmpty()) {
      out.add(timely(BUG_13, id, Role.BUG_PROCESSOR, "转数据处理流程", "数据处理流程", Channel.DOC,
          bug.impactAssessedAt().orElse(bug.raisedAt())));
    }
    Instant due = nextWeeklyDue(bug, zone);
    int sequence = weeklySequence(bug, due, zone);
    out.add(weekly(BUG_02, id, "整理AMS上的BUG单, 更新处理情况并上挂服务营销系统和合作伙伴门户", "服务营销系统,合作伙伴门户",
        due, sequence, bug.raisedAt()));
    if (bug.state() != BugState.RESOLVED) {
      out.add(weekly(BUG_08, id, "每周更新信息, 确认BUG单得到及时解决并反馈一线", "一线", due, sequence, bug.raisedAt()));
    } else if (!fedBack(bug)) {
      out.add(timely(BUG_08, id, Role.BUG_FOLLOWER, "BUG已解决: 更新上挂的BUG信息, 及时反馈一线知晓", "一线", Channel.NOTICE,
          bug.uploadedAt().orElse(bug.raisedAt())));
    }
    out.sort(Comparator.comparing((Obligation o) -> o.dueAt().orElse(Instant.MAX))
        .thenComparing(Obligation::ruleId));
    return out;
  }

  /**
   * Returns when the next weekly update falls due (BUG-02, BUG-08): the end of the ISO week after the one of the
   * last update, or, before any update, the end of the week the BUG was raised in. It may lie in the past: an
   * overdue duty.
   */
  public static Instant nextWeeklyDue(BugTicket bug, ZoneId zone) {
    if (bug.lastWeeklyUpdateAt().isPresent()) {
      return ReportWindow.isoWeekOf(ReportWindow.isoWeekOf(bug.lastWeeklyUpdateAt().get(), zone).end(), zone).end();
    }
    return ReportWindow.isoWeekOf(bug.raisedAt(), zone).end();
  }

  /**
   * Returns true when the follower has updated the BUG since it was resolved (BUG-08: 「并及时反馈一线知晓」, SM-BUG-T09
   * triggers the feedback): a weekly update at or after the upload.
   */
  private static boolean fedBack(BugTicket bug) {
    return bug.lastWeeklyUpdateAt().isPresent() && bug.uploadedAt().isPresent()
        && !bug.lastWeeklyUpdateAt().get().isBefore(bug.uploadedAt().get());
  }

  /**
   * Returns when the weekly follow-up {@code duty} (BUG-02, BUG-08), undone at {@code now}, falls due again: the end of
   * the first ISO week after its due time that ends after {@code now}. Empty for any other duty.
   *
   * @param zone the zone ISO weeks are read in
   */
  public static Optional<Instant> repeatsAt(Obligation duty, Instant now, ZoneId zone) {
    if (!duty.recurring() || duty.dueAt().isEmpty()
        || !(duty.ruleId().equals(BUG_02) || duty.ruleId().equals(BUG_08))) {
      return Optional.empty();
    }
    ZonedDateTime due = duty.dueAt().get().atZone(zone).plusWeeks(1);
    while (!due.toInstant().isAfter(now)) {
      due = due.plusWeeks(1);
    }
    return Optional.of(due.toInstant());
  }

  /** Returns true when the week containing {@code at} has had its update (BUG-08: 每周及时更新信息). */
  public static boolean updatedInWeekOf(BugTicket bug, Instant at, ZoneId zone) {
    ReportWindow week = ReportWindow.isoWeekOf(at, zone);
    return bug.lastWeeklyUpdateAt().map(week::contains).orElse(false);
  }

  private static int weeklySequence(BugTicket bug, Instant due, ZoneId zone) {
    Instant firstEnd = ReportWindow.isoWeekOf(bug.raisedAt(), zone).end();
    return 1 + (int) ChronoUnit.WEEKS.between(firstEnd.atZone(zone), due.atZone(zone));
  }

  private static Obligation timely(RuleId rule, String subject, Role actor, String action, String target,
      Channel channel, Instant trigger) {
    return Obligation.builder().ruleId(rule).subjectId(subject).actor(actor).action(action).target(target)
        .channel(channel).triggeredAt(trigger).build();
  }

  private static Obligation weekly(RuleId rule, String subject, String action, String target, Instant due,
      int sequence, Instant trigger) {
    return Obligation.builder().ruleId(rule).subjectId(subject).actor(Role.BUG_FOLLOWER).action(action)
        .target(target).channel(Channel.NOTICE).dueAt(due).triggeredAt(trigger).recurring(true).sequence(sequence)
        .build();
  }
}
