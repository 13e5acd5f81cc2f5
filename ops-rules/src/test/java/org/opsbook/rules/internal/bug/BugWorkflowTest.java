package org.opsbook.rules.internal.bug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.bug.BugFixtures.FOLLOWER;
import static org.opsbook.rules.bug.BugFixtures.IT_SUPPORT;
import static org.opsbook.rules.bug.BugFixtures.PRE_PROCESSOR;
import static org.opsbook.rules.bug.BugFixtures.PROCESSOR;
import static org.opsbook.rules.bug.BugFixtures.REVIEWER;
import static org.opsbook.rules.bug.BugFixtures.SUPERVISOR;
import static org.opsbook.rules.bug.BugFixtures.WEDNESDAY;
import static org.opsbook.rules.bug.BugFixtures.bugIn;
import static org.opsbook.rules.bug.BugFixtures.impact;
import static org.opsbook.rules.bug.BugFixtures.notice;
import static org.opsbook.rules.bug.BugFixtures.raiseData;

import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.Workflow;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugFixtures;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;

/** SM-BUG's transitions and the BUG rules its guards enforce, one example per ID. */
class BugWorkflowTest {
  private final BugWorkflow wf = BugWorkflow.standard();

  private static RuleId id(String s) {
    return RuleId.of(s);
  }

  @Test
  @DisplayName("SM-BUG-T01 the reviewer raises a BUG; it records submitter, time, description and links")
  void t01() {
    Outcome<BugTicket> s = wf.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY);
    assertThat(s.isAccepted()).isTrue();
    BugTicket b = s.orThrow();
    assertThat(b.state()).isEqualTo(BugState.IDENTIFIED);
    assertThat(b.submittedBy()).isEqualTo("shen");
    assertThat(b.raisedAt()).isEqualTo(WEDNESDAY);
    assertThat(b.linkedTicketId()).contains("T-1");
    assertThat(s.audit().orElseThrow().ruleIds()).contains(id("SM-BUG-T01"), id("TICKET-06"), id("NOTIFY-TPL-06"));
    assertThat(s.audit().orElseThrow().stream()).isEqualTo("bug:BUG-1");
    assertThat(wf.raise("BUG-2", raiseData(), IT_SUPPORT, WEDNESDAY).isAccepted()).as("BUG-11: IT support").isTrue();
    assertThat(wf.raise("BUG-3", raiseData(), Actor.of("a", Role.ESC_HANDLER_A), WEDNESDAY).isAccepted())
        .as("ESC-REQ-13: the escalated-fault duty").isTrue();
  }

  @Test
  @DisplayName("TICKET-06 a pre-processor may not raise a BUG; only the reviewer starts the BUG flow")
  void ticket06() {
    Outcome<BugTicket> s = wf.raise("BUG-1", raiseData(), PRE_PROCESSOR, WEDNESDAY);
    assertThat(s.isAccepted()).isFalse();
    assertThat(s.violatedRules()).containsExactly(id("SM-BUG-T01"), id("TICKET-06"));
    assertThat(s.instance()).as("the draft, not a BUG").isEqualTo(BugWorkflow.draft("BUG-1", raiseData(), PRE_PROCESSOR,
        WEDNESDAY));
    assertThat(s.audit()).isEmpty();
    Actor both = Actor.of("pr", Role.PRE_PROCESSOR, Role.TICKET_REVIEWER);
    assertThat(wf.raise("BUG-1", raiseData(), both, WEDNESDAY).isAccepted()).isTrue();
  }

  @Test
  @DisplayName("NOTIFY-TPL-06 a BUG must name complaint numbers and the complaint issue; every failure is listed")
  void tpl06() {
    Outcome<BugTicket> s = wf.raise("BUG-1", BugEventData.empty(), REVIEWER, WEDNESDAY);
    assertThat(s.violations()).extracting(v -> v.field().orElse(""))
        .containsExactly("description", "complaintNumbers", "complaintIssue");
    assertThat(s.violatedRules()).containsExactly(id("NOTIFY-TPL-06"));
  }

  @Test
  @DisplayName("SM-BUG-T02 BUG-03 the processor submits the BUG in AMS and records the AMS number")
  void t02() {
    BugTicket b = bugIn(BugState.IDENTIFIED);
    Outcome<BugTicket> missing = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, BugEventData.empty(), WEDNESDAY);
    assertThat(missing.violatedRules()).containsExactly(id("BUG-03"));
    assertThat(missing.instance()).isEqualTo(b);
    Outcome<BugTicket> wrongRole = wf.apply(b, BugEvent.SUBMIT_AMS, FOLLOWER, BugFixtures.ams("AMS-1"), WEDNESDAY);
    assertThat(wrongRole.violatedRules()).containsExactly(id("SM-BUG-T02"));
    Outcome<BugTicket> ok = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("AMS-1"), WEDNESDAY);
    assertThat(ok.orThrow().state()).isEqualTo(BugState.SUBMITTED_TO_PROVINCE);
    assertThat(ok.orThrow().amsBugTicketNo()).contains("AMS-1");
  }

  @Test
  @DisplayName("SM-BUG-T03 BUG-03 the BUG goes to the developer only after 省业支's re-check accepted it")
  void t03() {
    BugTicket b = bugIn(BugState.SUBMITTED_TO_PROVINCE);
    assertThat(wf.apply(b, BugEvent.PROVINCE_ASSIGNED, PROCESSOR, BugFixtures.recheck(false), WEDNESDAY)
        .violatedRules()).containsExactly(id("BUG-03"));
    BugTicket after = wf.apply(b, BugEvent.PROVINCE_ASSIGNED, PROCESSOR, BugFixtures.recheck(true), WEDNESDAY)
        .orThrow();
    assertThat(after.state()).isEqualTo(BugState.WITH_DEVELOPER);
    assertThat(after.developer()).contains("亚信");
  }

  @Test
  @DisplayName("SM-BUG-T04 BUG-04 BUG-10 BUG-12 the notice needs both rooms' agreement, all three channels and the workaround")
  void t04() {
    BugTicket b = bugIn(BugState.IDENTIFIED);
    Outcome<BugTicket> refused = wf.apply(b, BugEvent.PUBLISH_NOTICE, FOLLOWER, BugEventData.builder()
        .addChannels(NoticeChannel.BBS).opsRoomAgreedBy("gen").build(), WEDNESDAY);
    assertThat(refused.violatedRules()).containsExactly(id("BUG-04"), id("BUG-10"), id("NOTIFY-TPL-05"));
    assertThat(refused.violations()).hasSize(4);
    Outcome<BugTicket> samePerson = wf.apply(b, BugEvent.PUBLISH_NOTICE, FOLLOWER, BugEventData.builder()
        .addAllChannels(EnumSet.allOf(NoticeChannel.class)).uploadEta(WEDNESDAY).workaround("人工开机")
        .opsRoomAgreedBy("gen").supportRoomAgreedBy("gen").build(), WEDNESDAY);
    assertThat(samePerson.violatedRules()).containsExactly(id("BUG-10"));
    assertThat(samePerson.violations().get(0).message()).contains("both rooms");
    Outcome<BugTicket> ok = wf.apply(b, BugEvent.PUBLISH_NOTICE, FOLLOWER, notice(), WEDNESDAY);
    BugTicket after = ok.orThrow();
    assertThat(after.state()).isEqualTo(BugState.IDENTIFIED);
    assertThat(after.noticePublishedOn()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(NoticeChannel.class));
    assertThat(after.workaround()).contains("人工开机");
    assertThat(after.noticePublishedAt()).contains(WEDNESDAY);
  }

  @Test
  @DisplayName("SM-BUG-T05 BUG-05 the CMCP ticket quotes the AMS number, so it follows the AMS submission")
  void t05() {
    BugEventData collab = BugEventData.builder().cmcpCollabTicketNo("CMCP-5").supportRoomTicketNo("ZC-7").build();
    assertThat(wf.apply(bugIn(BugState.IDENTIFIED), BugEvent.RAISE_COLLAB, FOLLOWER, collab, WEDNESDAY)
        .violatedRules()).containsExactly(id("BUG-05"));
    BugTicket after = wf.apply(bugIn(BugState.SUBMITTED_TO_PROVINCE), BugEvent.RAISE_COLLAB, SUPERVISOR, collab,
        WEDNESDAY).orThrow();
    assertThat(after.cmcpCollabTicketNo()).contains("CMCP-5");
    assertThat(after.supportRoomTicketNo()).contains("ZC-7");
  }

  @ParameterizedTest(name = "BUG-06 {0} customers, cs level {1} -> emergency {2}")
  @CsvSource(nullValues = "-", value = {"199,-,false", "200,-,false", "201,-,true", "0,1,false", "0,2,true",
      "0,3,true", "201,1,true"})
  @DisplayName("SM-BUG-T06 BUG-06 more than 200 customers or a level-2+ complaint means an emergency release")
  void bug06Boundaries(int customers, Integer cs, boolean emergency) {
    BugTicket after = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR,
        impact(customers, cs), WEDNESDAY).orThrow();
    assertThat(after.needsEmergencyRelease()).isEqualTo(emergency);
    assertThat(after.largeImpact(OpsParameters.defaults())).isEqualTo(emergency);
    assertThat(after.impactAssessedAt()).contains(WEDNESDAY);
  }

  @Test
  @DisplayName("BUG-06 the emergency default (一般) can be overridden, and thresholds come from the parameters")
  void bug06Override() {
    BugTicket normal = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT,
        PROCESSOR, BugEventData.builder().bugAffectedCustomers(900).needsEmergencyRelease(false).build(), WEDNESDAY)
        .orThrow();
    assertThat(normal.needsEmergencyRelease()).isFalse();
    BugWorkflow strict = new BugWorkflow(OpsParameters.builder().bugEmergencyCustomers(50).build());
    assertThat(strict.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, impact(51, null),
        WEDNESDAY).orThrow().needsEmergencyRelease()).isTrue();
    assertThat(wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.ASSESS_IMPACT, PROCESSOR, BugEventData.empty(),
        WEDNESDAY).violatedRules()).containsExactly(id("BUG-06"));
  }

  @Test
  @DisplayName("SM-BUG-T07 SM-BUG-T09 the developer's reply, then acceptance and upload resolve the BUG")
  void t07t09() {
    BugTicket delivered = bugIn(BugState.FIX_DELIVERED);
    assertThat(delivered.developerReply()).contains("已修复");
    assertThat(delivered.fixVersion()).contains("v2");
    Outcome<BugTicket> notUploaded = wf.apply(delivered, BugEvent.ACCEPT_AND_UPLOAD,
        PROCESSOR, BugEventData.builder().acceptancePassed(true).build(), WEDNESDAY);
    assertThat(notUploaded.violations()).extracting(v -> v.field().orElse("")).containsExactly("uploaded");
    BugTicket resolved = bugIn(BugState.RESOLVED);
    assertThat(resolved.uploaded()).isTrue();
    assertThat(wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.DEVELOPER_REPLIED, PROCESSOR, BugEventData.empty(),
        WEDNESDAY).violatedRules()).containsExactly(id("SM-BUG-T07"));
  }

  @Test
  @DisplayName("SM-BUG-T08 BUG-09 only the BUG processor returns a failed fix to the developer, with the reason; the loop has no limit")
  void t08() {
    BugTicket delivered = bugIn(BugState.FIX_DELIVERED);
    Outcome<BugTicket> byFollower = wf.apply(delivered, BugEvent.REJECT_ACCEPTANCE,
        FOLLOWER, BugEventData.builder().reason("仍无法开机").build(), WEDNESDAY);
    assertThat(byFollower.violatedRules()).containsExactly(id("BUG-09"));
    assertThat(byFollower.violations().get(0).field()).contains("actor");
    assertThat(wf.apply(delivered, BugEvent.REJECT_ACCEPTANCE, PROCESSOR, BugEventData.empty(), WEDNESDAY)
        .violations()).extracting(v -> v.field().orElse("")).containsExactly("reason");
    BugTicket b = delivered;
    for (int i = 1; i <= 5; i++) {
      b = wf.apply(b, BugEvent.REJECT_ACCEPTANCE, PROCESSOR,
          BugEventData.builder().reason("第" + i + "次验收失败").build(), WEDNESDAY).orThrow();
      assertThat(b.state()).isEqualTo(BugState.WITH_DEVELOPER);
      b = wf.apply(b, BugEvent.DEVELOPER_REPLIED, PROCESSOR, BugEventData.builder().reply("再修").build(), WEDNESDAY)
          .orThrow();
    }
    assertThat(b.acceptanceRejections()).isEqualTo(5);
    assertThat(b.lastRejectionReason()).contains("第5次验收失败");
  }

  @Test
  @DisplayName("SM-BUG-T10 REPORT-FMT-02 a resolved BUG is closed in the week's summary; CLOSED is terminal")
  void t10() {
    BugTicket resolved = bugIn(BugState.RESOLVED);
    assertThat(wf.apply(resolved, BugEvent.CLOSE_WEEKLY, FOLLOWER, BugEventData.empty(), WEDNESDAY).violatedRules())
        .containsExactly(id("REPORT-FMT-02"));
    BugTicket closed = bugIn(BugState.CLOSED);
    assertThat(closed.closedAt()).contains(WEDNESDAY);
    for (BugEvent e : BugEvent.values()) {
      Outcome<BugTicket> s = wf.apply(closed, e, FOLLOWER, notice(), WEDNESDAY);
      assertThat(s.isAccepted()).isFalse();
      assertThat(s.violations().get(0).message()).contains("terminal");
    }
    assertThat(wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.CLOSE_WEEKLY,
        FOLLOWER, BugEventData.builder().weeklySummaryRef("W").build(), WEDNESDAY).isAccepted()).isFalse();
  }

  @Test
  @DisplayName("SM-BUG-T11 BUG-08 BUG-02 the follower's weekly update is allowed in every open state and records its time")
  void t11() {
    for (BugState s : EnumSet.range(BugState.IDENTIFIED, BugState.RESOLVED)) {
      Outcome<BugTicket> step = wf.apply(bugIn(s), BugEvent.WEEKLY_UPDATE, FOLLOWER,
          BugEventData.builder().updateText("开发商修复中").build(), WEDNESDAY);
      assertThat(step.isAccepted()).as(s.name()).isTrue();
      assertThat(step.orThrow().state()).isEqualTo(s);
      assertThat(step.orThrow().lastWeeklyUpdateAt()).contains(WEDNESDAY);
    }
    assertThat(wf.apply(bugIn(BugState.IDENTIFIED), BugEvent.WEEKLY_UPDATE, FOLLOWER, BugEventData.empty(),
        WEDNESDAY).violatedRules()).containsExactly(id("BUG-08"));
  }

  @Test
  @DisplayName("SM-BUG-T12 BUG-13 a data repair links the data-processing workflow")
  void t12() {
    BugTicket b = wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.NEED_DATA_FIX,
        PROCESSOR, BugEventData.builder().dataOpId("DM-42").build(), WEDNESDAY).orThrow();
    assertThat(b.needsDataFix()).isTrue();
    assertThat(b.linkedDataOpId()).contains("DM-42");
    assertThat(wf.apply(bugIn(BugState.WITH_DEVELOPER), BugEvent.NEED_DATA_FIX, PROCESSOR, BugEventData.empty(),
        WEDNESDAY).violatedRules()).containsExactly(id("BUG-13"));
  }

  @Test
  @DisplayName("SM-BUG-T01..T12 the declared table names every transition, and the audit entry the guards' rules")
  void tableAndAudit() {
    assertThat(wf.table().transitions()).extracting(t -> t.id().value()).contains("SM-BUG-T01", "SM-BUG-T02",
        "SM-BUG-T03", "SM-BUG-T04", "SM-BUG-T05", "SM-BUG-T06", "SM-BUG-T07", "SM-BUG-T08", "SM-BUG-T09",
        "SM-BUG-T10", "SM-BUG-T11", "SM-BUG-T12");
    assertThat(wf.guardRules(BugState.IDENTIFIED, BugEvent.PUBLISH_NOTICE))
        .containsExactly(id("BUG-04"), id("BUG-10"), id("NOTIFY-TPL-05"));
    assertThat(wf.guardRules(BugState.CLOSED, BugEvent.PUBLISH_NOTICE)).isEmpty();
    Outcome<BugTicket> s = wf.apply(bugIn(BugState.IDENTIFIED), BugEvent.PUBLISH_NOTICE, FOLLOWER, notice(), WEDNESDAY);
    assertThat(s.audit().orElseThrow().ruleIds()).containsExactly(id("BUG-04"), id("BUG-10"), id("NOTIFY-TPL-05"),
        id("SM-BUG-T04"));
    assertThat(s.audit().orElseThrow().details()).containsEntry("workaround", "人工开机")
        .containsEntry("channels", "[BBS, PARTNER_PORTAL, SERVICE_MARKETING_SYSTEM]");
    assertThat(wf.table().describe()).contains("SM-BUG-T08").contains("BUG-09");
  }

  @Test
  @DisplayName("BUG-01 the BUG processor (支持维护室) alone drives the ticket through AMS, the developer and acceptance")
  void bug01() {
    for (BugEvent e : java.util.List.of(BugEvent.SUBMIT_AMS, BugEvent.PROVINCE_ASSIGNED, BugEvent.DEVELOPER_REPLIED,
        BugEvent.ACCEPT_AND_UPLOAD)) {
      assertThat(wf.table().transitions().stream().filter(t -> t.event() == e))
          .allSatisfy(t -> assertThat(t.roles()).containsExactly(Role.BUG_PROCESSOR));
    }
    assertThat(wf.apply(bugIn(BugState.FIX_DELIVERED), BugEvent.ACCEPT_AND_UPLOAD, FOLLOWER, BugEventData.builder()
        .acceptancePassed(true).uploaded(true).build(), WEDNESDAY).violatedRules())
        .containsExactly(id("SM-BUG-T09"));
  }

  @Test
  @DisplayName("BUG-15 an escalated fault caused by a BUG: the escalated-fault duty raises it, linking the fault")
  void bug15() {
    Outcome<BugTicket> s = wf.raise("BUG-9", BugEventData.builder().description("计费程序缺陷").addComplaintNumbers("13800138000")
        .complaintIssue("多扣费").linkedFaultId("F-7").build(), Actor.of("b", Role.ESC_HANDLER_B), WEDNESDAY);
    assertThat(s.isAccepted()).isTrue();
    assertThat(s.orThrow().linkedFaultId()).contains("F-7");
  }

  @Test
  void toStringMasksPersonalData() {
    BugTicket b = bugIn(BugState.IDENTIFIED);
    assertThat(b.toString()).contains("138****8000").doesNotContain("13800138000");
    assertThat(raiseData().toString()).doesNotContain("13800138000");
  }

  @Test
  @DisplayName("SM-BUG-T01 as a core Workflow: creating a BUG's draft raises it; the raise records what T01 records")
  void asWorkflowCreatesByRaising() {
    Workflow<BugTicket, BugEvent, BugEventData> w = wf;
    assertThat(w.machine()).isEqualTo("SM-BUG");
    assertThat(w.idField()).isEqualTo("bugId");
    BugEventData withExtra = BugEventData.builder().description("BOSS缴费后无法开机")
        .addComplaintNumbers("13800138000").complaintIssue("缴费后未开机").linkedTicketId("T-1").amsBugTicketNo("AMS-0")
        .build();
    BugTicket draft = BugWorkflow.draft("BUG-1", withExtra, IT_SUPPORT, WEDNESDAY.minusSeconds(60));
    Outcome<BugTicket> o = w.create(draft, REVIEWER, WEDNESDAY);
    assertThat(o.isAccepted()).isTrue();
    assertThat(o.instance()).isEqualTo(wf.raise("BUG-1", raiseData(), REVIEWER, WEDNESDAY).orThrow());
    assertThat(o.instance().submittedBy()).isEqualTo("shen");
    assertThat(o.instance().raisedAt()).isEqualTo(WEDNESDAY);
    assertThat(o.instance().amsBugTicketNo()).isEmpty();
    assertThat(o.audit().orElseThrow().details()).containsOnlyKeys("description", "complaintNumbers",
        "complaintIssue", "linkedTicketId");
    assertThat(o.audit().orElseThrow().fromState()).as("a creation has no state before it").isEmpty();
    assertThat(w.stateOf(o.instance())).isEqualTo("IDENTIFIED");

    BugTicket empty = BugWorkflow.draft("BUG-2", BugEventData.empty(), REVIEWER, WEDNESDAY);
    Outcome<BugTicket> refused = w.create(empty, REVIEWER, WEDNESDAY);
    assertThat(refused.violatedRules()).containsExactly(id("NOTIFY-TPL-06"));
    assertThat(refused.instance()).isEqualTo(empty);
    assertThat(refused.audit()).isEmpty();
    assertThat(w.create(draft, PRE_PROCESSOR, WEDNESDAY).violatedRules())
        .containsExactly(id("SM-BUG-T01"), id("TICKET-06"));
    assertThatThrownBy(() -> w.create(bugIn(BugState.SUBMITTED_TO_PROVINCE), REVIEWER, WEDNESDAY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("state"));
    assertThatThrownBy(() -> BugWorkflow.draft(" ", raiseData(), REVIEWER, WEDNESDAY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("bugId"));
  }

  @Test
  @DisplayName("SM-BUG-T02 BUG-03 as a core Workflow: an event's outcome is the step's, without the decision")
  void asWorkflowAppliesAsTheStepDoes() {
    BugTicket b = bugIn(BugState.IDENTIFIED);
    Outcome<BugTicket> o = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("AMS-1"), WEDNESDAY);
    Outcome<BugTicket> s = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, BugFixtures.ams("AMS-1"), WEDNESDAY);
    assertThat(o.instance()).isEqualTo(s.orThrow());
    assertThat(o.audit()).isEqualTo(s.audit());
    assertThat(o.transitionId()).isEqualTo(s.transitionId()).isEqualTo(id("SM-BUG-T02"));
    assertThat(s.audit().orElseThrow().fromState()).contains("IDENTIFIED");
    assertThat(s.instance().state()).isEqualTo(BugState.SUBMITTED_TO_PROVINCE);
    Outcome<BugTicket> refused = wf.apply(b, BugEvent.SUBMIT_AMS, PROCESSOR, BugEventData.empty(), WEDNESDAY);
    assertThat(refused.violatedRules()).containsExactly(id("BUG-03"));
    assertThat(refused.instance()).isEqualTo(b);
  }

  @Test
  @DisplayName("SM-BUG-T01 a step before the BUG exists: raiseBug creates it, any other event is refused in NEW")
  void stepsBeforeTheBugExists() {
    Outcome<java.util.Optional<BugTicket>> early = wf.step("BUG-1", java.util.Optional.empty(), BugEvent.SUBMIT_AMS,
        PROCESSOR, BugEventData.empty(), WEDNESDAY);
    assertThat(early.isAccepted()).isFalse();
    assertThat(early.instance()).isEmpty();
    assertThat(early.violations()).isNotEmpty();
    Outcome<java.util.Optional<BugTicket>> raised = wf.step("BUG-1", java.util.Optional.empty(), BugEvent.RAISE_BUG,
        REVIEWER, raiseData(), WEDNESDAY);
    assertThat(raised.isAccepted()).isTrue();
    assertThat(raised.instance()).hasValueSatisfying(b -> {
      assertThat(b.bugId()).isEqualTo("BUG-1");
      assertThat(b.state()).isEqualTo(BugState.IDENTIFIED);
    });
    Outcome<java.util.Optional<BugTicket>> refusedRaise = wf.step("BUG-2", java.util.Optional.empty(),
        BugEvent.RAISE_BUG, REVIEWER, BugEventData.empty(), WEDNESDAY);
    assertThat(refusedRaise.isAccepted()).isFalse();
    assertThat(refusedRaise.instance()).isEmpty();
    Outcome<java.util.Optional<BugTicket>> next = wf.step("BUG-1", raised.instance(), BugEvent.SUBMIT_AMS,
        PROCESSOR, BugEventData.empty(), WEDNESDAY);
    assertThat(next.instance()).isEqualTo(raised.instance());
    assertThat(next.isAccepted()).isFalse();
  }
}
