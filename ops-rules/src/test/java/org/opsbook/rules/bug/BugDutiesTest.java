package org.opsbook.rules.bug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.bug.BugFixtures.FOLLOWER;
import static org.opsbook.rules.bug.BugFixtures.PROCESSOR;
import static org.opsbook.rules.bug.BugFixtures.SHANGHAI;
import static org.opsbook.rules.bug.BugFixtures.WEDNESDAY;
import static org.opsbook.rules.bug.BugFixtures.at;
import static org.opsbook.rules.bug.BugFixtures.bugIn;
import static org.opsbook.rules.bug.BugFixtures.impact;
import static org.opsbook.rules.bug.BugFixtures.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.report.ReportRules;
import org.opsbook.rules.report.ReportRules.ReportWindow;
import org.opsbook.rules.report.SummaryTables;
import org.opsbook.rules.report.SummaryTables.BugWeeklySummaryRow;
import org.opsbook.rules.internal.bug.BugDuties;

/** The duties a BUG creates (BUG-02..08, BUG-13/14) and its weekly summary rows (BUG-11, REPORT-FMT-02). */
class BugDutiesTest {
  private final BugWorkflow wf = BugWorkflow.standard();
  private static final OpsParameters P = OpsParameters.defaults();
  /** Sunday 29 November 2026 24:00 in Shanghai: the end of the ISO week of {@link BugFixtures#WEDNESDAY}. */
  private static final Instant WEEK_END = at("2026-11-30T00:00:00+08:00");

  private static Optional<Obligation> duty(List<Obligation> duties, String rule) {
    return duties.stream().filter(o -> o.ruleId().equals(RuleId.of(rule))).findFirst();
  }

  @Test
  @DisplayName("BUG-03 BUG-04 BUG-05 a new BUG owes the AMS submission, the notice and the CMCP ticket, untimed")
  void newBugDuties() {
    List<Obligation> d = BugDuties.of(bugIn(BugState.IDENTIFIED), WEDNESDAY, P, SHANGHAI);
    Obligation ams = duty(d, "BUG-03").orElseThrow();
    assertThat(ams.actor()).isEqualTo(Role.BUG_PROCESSOR);
    assertThat(ams.channel()).isEqualTo(Channel.AMS);
    assertThat(ams.isTimely()).isTrue();
    Obligation notice = duty(d, "BUG-04").orElseThrow();
    assertThat(notice.target()).isEqualTo("服务营销系统,合作伙伴门户,BBS");
    assertThat(notice.actor()).isEqualTo(Role.BUG_FOLLOWER);
    Obligation cmcp = duty(d, "BUG-05").orElseThrow();
    assertThat(cmcp.target()).isEqualTo("ROOM_SUPERVISOR");
    assertThat(cmcp.channel()).isEqualTo(Channel.CMCP);
    assertThat(d).extracting(o -> o.ruleId().value()).containsExactly("BUG-02", "BUG-08", "BUG-03", "BUG-04",
        "BUG-05");
  }

  @Test
  @DisplayName("BUG-02 BUG-08 the weekly follow-up is due at the end of the ISO week, then weekly after each update")
  void weeklyFollowUp() {
    BugTicket b = bugIn(BugState.WITH_DEVELOPER);
    Obligation first = duty(BugDuties.of(b, WEDNESDAY, P, SHANGHAI), "BUG-08").orElseThrow();
    assertThat(first.dueAt()).contains(WEEK_END);
    assertThat(first.recurring()).isTrue();
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(duty(BugDuties.of(b, WEDNESDAY, P, SHANGHAI), "BUG-02").orElseThrow().dueAt()).contains(WEEK_END);
    assertThat(BugDuties.updatedInWeekOf(b, WEDNESDAY, SHANGHAI)).isFalse();
    Instant sunday = at("2026-11-29T23:59:59+08:00");
    BugTicket updated = wf.apply(b, BugEvent.WEEKLY_UPDATE, FOLLOWER,
        BugEventData.builder().updateText("跟进中").build(), sunday).orThrow();
    assertThat(BugDuties.updatedInWeekOf(updated, WEDNESDAY, SHANGHAI)).isTrue();
    Obligation second = duty(BugDuties.of(updated, sunday, P, SHANGHAI), "BUG-08").orElseThrow();
    assertThat(second.dueAt()).contains(at("2026-12-07T00:00:00+08:00"));
    assertThat(second.sequence()).isEqualTo(2);
    Instant mondayAfter = at("2026-11-30T00:00:00+08:00");
    BugTicket nextWeek = wf.apply(b, BugEvent.WEEKLY_UPDATE, FOLLOWER,
        BugEventData.builder().updateText("跟进中").build(), mondayAfter).orThrow();
    assertThat(BugDuties.nextWeeklyDue(nextWeek, SHANGHAI)).isEqualTo(at("2026-12-14T00:00:00+08:00"));
    Obligation overdue = duty(BugDuties.of(b, at("2026-12-10T09:00:00+08:00"), P, SHANGHAI), "BUG-02")
        .orElseThrow();
    assertThat(overdue.isDueAt(at("2026-12-10T09:00:00+08:00"))).as("never updated: overdue").isTrue();
  }

  @Test
  @DisplayName("BUG-06 BUG-14 a large impact owes the room manager a report; BUG-07 a small one pushes the developer")
  void impactDuties() {
    BugTicket large = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(201, null),
        WEDNESDAY).orThrow();
    List<Obligation> d = BugDuties.of(large, WEDNESDAY, P, SHANGHAI);
    Obligation report = duty(d, "BUG-06").orElseThrow();
    assertThat(report.target()).isEqualTo("ROOM_MANAGER");
    assertThat(report.channel()).isEqualTo(Channel.PHONE);
    assertThat(report.triggeredAt()).contains(WEDNESDAY);
    assertThat(duty(d, "BUG-07")).isEmpty();
    assertThat(duty(d, "BUG-14")).as("BUG-14's 上报领导 is the BUG-06 report").isEmpty();
    BugTicket small = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(200, 1),
        WEDNESDAY).orThrow();
    List<Obligation> s = BugDuties.of(small, WEDNESDAY, P, SHANGHAI);
    assertThat(duty(s, "BUG-06")).isEmpty();
    assertThat(duty(s, "BUG-07").orElseThrow().actor()).isEqualTo(Role.BUG_PROCESSOR);
    assertThat(duty(BugDuties.of(bugIn(BugState.WITH_DEVELOPER), WEDNESDAY, P, SHANGHAI), "BUG-07"))
        .as("no path before the impact is assessed").isEmpty();
  }

  @Test
  @DisplayName("BUG-06 the report to the room manager is recorded (reportToRoomManager) and ends the duty; it is "
      + "refused for a BUG whose impact is not large or not yet assessed")
  void theRoomManagerReportIsRecorded() {
    BugTicket large = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(201, null),
        WEDNESDAY).orThrow();
    Instant later = WEDNESDAY.plusSeconds(600);
    BugTicket reported = wf.apply(large, BugEvent.REPORT_TO_ROOM_MANAGER, FOLLOWER, BugEventData.empty(), later)
        .orThrow();
    assertThat(reported.roomManagerReportedAt()).contains(later);
    assertThat(duty(BugDuties.of(reported, later, P, SHANGHAI), "BUG-06")).isEmpty();
    BugTicket small = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(200, 1),
        WEDNESDAY).orThrow();
    assertThat(wf.apply(small, BugEvent.REPORT_TO_ROOM_MANAGER, FOLLOWER, BugEventData.empty(), later)
        .violatedRules()).extracting(RuleId::value).containsExactly("BUG-06");
    assertThat(wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.REPORT_TO_ROOM_MANAGER, FOLLOWER,
        BugEventData.empty(), later).violatedRules()).extracting(RuleId::value).containsExactly("BUG-06");
  }

  @Test
  @DisplayName("BUG-06 a level-2 complaint the BUG has caused stays caused when its impact is assessed again")
  void aComplaintCausedStaysCaused() {
    BugTicket complained = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(5, 2),
        WEDNESDAY).orThrow();
    assertThat(duty(BugDuties.of(complained, WEDNESDAY, P, SHANGHAI), "BUG-06")).isPresent();
    Instant nextDay = WEDNESDAY.plusSeconds(86_400);
    for (Integer level : new Integer[] {null, 1}) {
      BugTicket again = wf.apply(complained, BugEvent.ASSESS_IMPACT, PROCESSOR, impact(8, level), nextDay).orThrow();
      assertThat(again.csComplaintLevel()).as("after %s", level).hasValue(2);
      assertThat(again.needsEmergencyRelease()).isTrue();
      assertThat(duty(BugDuties.of(again, nextDay, P, SHANGHAI), "BUG-06")).as("still owed").isPresent();
      assertThat(duty(BugDuties.of(again, nextDay, P, SHANGHAI), "BUG-07")).isEmpty();
    }
    BugTicket worse = wf.apply(complained, BugEvent.ASSESS_IMPACT, PROCESSOR, impact(8, 3), nextDay).orThrow();
    assertThat(worse.csComplaintLevel()).hasValue(3);
  }

  @Test
  @DisplayName("BUG-13 a BUG flagged for a data fix owes the data-processing flow until one is linked")
  void dataFixDuty() {
    BugTicket flagged = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT,
        PROCESSOR, BugEventData.builder().bugAffectedCustomers(10).needsDataFix(true).build(), WEDNESDAY)
        .orThrow();
    assertThat(duty(BugDuties.of(flagged, WEDNESDAY, P, SHANGHAI), "BUG-13")).isPresent();
    BugTicket linked = wf.apply(flagged, BugEvent.NEED_DATA_FIX, PROCESSOR,
        BugEventData.builder().dataOpId("DM-1").build(), WEDNESDAY).orThrow();
    assertThat(duty(BugDuties.of(linked, WEDNESDAY, P, SHANGHAI), "BUG-13")).isEmpty();
  }

  @Test
  @DisplayName("BUG-08 a resolved BUG owes the frontline its feedback until the follower's next update; BUG-02 goes on")
  void resolutionFeedback() {
    BugTicket fixed = bugIn(BugState.FIX_DELIVERED);
    Instant friday = at("2026-11-27T10:00:00+08:00");
    BugTicket resolved = wf.apply(fixed, BugEvent.ACCEPT_AND_UPLOAD, PROCESSOR,
        BugEventData.builder().acceptancePassed(true).uploaded(true).build(), friday).orThrow();
    List<Obligation> owed = BugDuties.of(resolved, friday, P, SHANGHAI);
    Obligation feedback = duty(owed, "BUG-08").orElseThrow();
    assertThat(feedback.isTimely()).isTrue();
    assertThat(feedback.recurring()).isFalse();
    assertThat(feedback.target()).isEqualTo("一线");
    assertThat(feedback.actor()).isEqualTo(Role.BUG_FOLLOWER);
    assertThat(feedback.triggeredAt()).contains(friday);
    assertThat(owed.stream().filter(o -> o.ruleId().equals(RuleId.of("BUG-08")))).hasSize(1);
    assertThat(duty(owed, "BUG-02").orElseThrow().dueAt()).contains(WEEK_END);

    BugTicket told = wf.apply(resolved, BugEvent.WEEKLY_UPDATE, FOLLOWER,
        BugEventData.builder().updateText("程序已上载, BUG已解决").build(), friday.plusSeconds(600)).orThrow();
    List<Obligation> after = BugDuties.of(told, friday.plusSeconds(600), P, SHANGHAI);
    assertThat(duty(after, "BUG-08")).isEmpty();
    assertThat(duty(after, "BUG-02")).isPresent();
    BugTicket updatedBefore = wf.apply(bugIn(BugState.FIX_DELIVERED), BugEvent.WEEKLY_UPDATE, FOLLOWER,
        BugEventData.builder().updateText("开发商修复中").build(), WEDNESDAY).orThrow();
    BugTicket resolvedLater = wf.apply(updatedBefore, BugEvent.ACCEPT_AND_UPLOAD, PROCESSOR,
        BugEventData.builder().acceptancePassed(true).uploaded(true).build(), friday).orThrow();
    assertThat(duty(BugDuties.of(resolvedLater, friday, P, SHANGHAI), "BUG-08").orElseThrow().isTimely()).isTrue();
  }

  @Test
  @DisplayName("BUG-04 BUG-05 duties end once discharged; a closed BUG owes nothing")
  void dischargedDuties() {
    BugTicket b = bugIn(BugState.SUBMITTED_TO_PROVINCE);
    b = wf.apply(b, BugEvent.PUBLISH_NOTICE, FOLLOWER, notice(), WEDNESDAY).orThrow();
    b = wf.apply(b, BugEvent.RAISE_COLLAB, FOLLOWER, BugEventData.builder().cmcpCollabTicketNo("C-1").build(),
        WEDNESDAY).orThrow();
    assertThat(BugDuties.of(b, WEDNESDAY, P, SHANGHAI)).extracting(o -> o.ruleId().value())
        .containsExactly("BUG-02", "BUG-08");
    assertThat(BugDuties.of(bugIn(BugState.CLOSED), WEDNESDAY, P, SHANGHAI)).isEmpty();
  }

  @Test
  @DisplayName("BUG-11 REPORT-FMT-02 the weekly summary lists the BUGs open in the week with their numbers and workaround")
  void weeklySummary() {
    BugTicket b = bugIn(BugState.SUBMITTED_TO_PROVINCE);
    b = wf.apply(b, BugEvent.PUBLISH_NOTICE, FOLLOWER, notice(), WEDNESDAY).orThrow();
    ReportWindow week = ReportWindow.isoWeekOf(WEDNESDAY, SHANGHAI);
    List<BugWeeklySummaryRow> rows = BugSummaries.weekly(List.of(b, bugIn(BugState.CLOSED)), week);
    assertThat(rows).hasSize(2);
    assertThat(BugSummaries.weekly(List.of(bugIn(BugState.CLOSED)),
        ReportWindow.isoWeekOf(at("2026-12-02T10:00:00+08:00"), SHANGHAI))).as("closed the week before").isEmpty();
    List<String> cells = SummaryTables.bugWeekly(List.of(rows.get(0)), SHANGHAI).rows().get(0);
    assertThat(cells).containsExactly("2026-11-25 10:00", "BUG-1", "shen", "BOSS缴费后无法开机", "AMS-9", "", "", "否",
        "2026-11-28 22:00", "人工开机");
  }
}
