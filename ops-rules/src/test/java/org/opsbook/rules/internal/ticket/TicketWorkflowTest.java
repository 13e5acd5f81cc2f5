package org.opsbook.rules.internal.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.ticket.TicketFixtures.DECLARANT;
import static org.opsbook.rules.ticket.TicketFixtures.NOW;
import static org.opsbook.rules.ticket.TicketFixtures.OUTSOURCED;
import static org.opsbook.rules.ticket.TicketFixtures.PRE;
import static org.opsbook.rules.ticket.TicketFixtures.REVIEWER;
import static org.opsbook.rules.ticket.TicketFixtures.SYSTEM;
import static org.opsbook.rules.ticket.TicketFixtures.WF;
import static org.opsbook.rules.ticket.TicketFixtures.caused;
import static org.opsbook.rules.ticket.TicketFixtures.preprocessing;
import static org.opsbook.rules.ticket.TicketFixtures.underReview;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.ticket.TicketFixtures;
import org.opsbook.rules.ticket.TicketState;

/** SM-TICKET's transitions and the TICKET rules its guards enforce, one example per ID. */
class TicketWorkflowTest {
  private static RuleId id(String s) {
    return RuleId.of(s);
  }

  private static Outcome<ComplaintTicket> apply(ComplaintTicket t, TicketEvent e, TicketEventData.Builder d, Actor a) {
    return WF.apply(t, e, a, d.build(), NOW);
  }

  @Test
  @DisplayName("SM-TICKET-T01 the pre-processor (or an outsourced agent) takes the ticket up and becomes its handler")
  void t01() {
    Outcome<ComplaintTicket> s = WF.apply(ComplaintTicket.received("T-1", NOW), TicketEvent.ACCEPT, OUTSOURCED,
        TicketEventData.empty(), NOW);
    assertThat(s.instance().state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(s.instance().handler()).contains("wai");
    assertThat(WF.apply(ComplaintTicket.received("T-1", NOW), TicketEvent.ACCEPT, REVIEWER, TicketEventData.empty(),
        NOW).violatedRules()).containsExactly(id("SM-TICKET-T01"));
  }

  @Test
  @DisplayName("SM-TICKET-T02 TICKET-10 TICKET-11 the cause and the escalation-trend judgement are recorded")
  void t02() {
    assertThat(apply(preprocessing(), TicketEvent.SET_CAUSE, TicketEventData.builder(), PRE).violatedRules())
        .containsExactly(id("TICKET-10"), id("TICKET-11"));
    ComplaintTicket t = caused();
    assertThat(t.cause()).contains(TicketCause.SYSTEM_FAULT);
    assertThat(t.escalationTrend()).contains(false);
  }

  @Test
  @DisplayName("TICKET-03 only the pre-processor starts the data-processing and escalated-complaint flows")
  void ticket03() {
    assertThat(apply(caused(), TicketEvent.SUBMIT_TO_DATA_MOD_DUTY, TicketEventData.builder().assignee("xiu")
        .scriptRef("s.sql"), TicketFixtures.OUTSOURCED).violatedRules()).contains(id("TICKET-03"));
    assertThat(apply(caused(), TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-1"),
        TicketFixtures.OUTSOURCED)
        .violatedRules()).containsExactly(id("TICKET-03"));
    assertThat(apply(caused(), TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-1"), PRE).isAccepted())
        .isTrue();
  }

  @Test
  @DisplayName("TICKET-10 no routing (AMS, coordination, billing, data fix) before the cause is judged")
  void ticket10() {
    ComplaintTicket t = preprocessing();
    assertThat(apply(t, TicketEvent.DISPATCH_AMS, TicketEventData.builder().amsTicketNo("AMS-1"), PRE)
        .violatedRules()).containsExactly(id("TICKET-10"));
    assertThat(apply(t, TicketEvent.SUBMIT_FOR_COORDINATION, TicketEventData.builder().verificationRecord("v")
        .opinion("o"), PRE).violatedRules()).containsExactly(id("TICKET-10"));
    assertThat(apply(t, TicketEvent.SUBMIT_TO_BILLING_DUTY, TicketEventData.builder().assignee("ji"), PRE)
        .violatedRules()).containsExactly(id("TICKET-10"));
    assertThat(apply(t, TicketEvent.SUBMIT_TO_DATA_MOD_DUTY, TicketEventData.builder().assignee("xiu")
        .scriptRef("s.sql"), PRE).violatedRules()).containsExactly(id("TICKET-10"));
  }

  @Test
  @DisplayName("SM-TICKET-T03 SM-TICKET-T04 TICKET-15 AMS dispatch records the number; the reply must be reviewed")
  void t03t04() {
    assertThat(apply(caused(), TicketEvent.DISPATCH_AMS, TicketEventData.builder(), PRE).violatedRules())
        .containsExactly(id("TICKET-15"));
    ComplaintTicket waiting = apply(caused(), TicketEvent.DISPATCH_AMS, TicketEventData.builder().amsTicketNo("AMS-1"),
        PRE).instance();
    assertThat(waiting.state()).isEqualTo(TicketState.AWAITING_DEVELOPER);
    Outcome<ComplaintTicket> unreviewed = apply(waiting, TicketEvent.AMS_REPLY_REVIEWED, TicketEventData.builder().amsReply("已修复"),
        PRE);
    assertThat(unreviewed.violations()).extracting(v -> v.field().orElse("")).containsExactly("amsReplyReviewed");
    ComplaintTicket back = apply(waiting, TicketEvent.AMS_REPLY_REVIEWED, TicketEventData.builder().amsReply("已修复")
        .amsReplyReviewed(true), PRE).instance();
    assertThat(back.state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(back.amsReply()).contains("已修复");
  }

  @Test
  @DisplayName("SM-TICKET-T05 SM-TICKET-T06 TICKET-12 TICKET-18 external coordination needs evidence and a confirmed result")
  void t05t06() {
    assertThat(apply(caused(), TicketEvent.SUBMIT_FOR_COORDINATION, TicketEventData.builder().opinion("o"), PRE)
        .violations()).extracting(v -> v.ruleId().value() + ":" + v.field().orElse(""))
        .containsExactly("TICKET-12:verificationRecord");
    ComplaintTicket external = apply(caused(), TicketEvent.SUBMIT_FOR_COORDINATION, TicketEventData.builder()
        .verificationRecord("已查证话单").opinion("需网络部处理"), PRE).instance();
    assertThat(external.state()).isEqualTo(TicketState.AWAITING_EXTERNAL);
    assertThat(external.state().owner()).isEqualTo(Role.TICKET_REVIEWER);
    assertThat(apply(external, TicketEvent.EXTERNAL_RESULT_CONFIRMED, TicketEventData.builder(), REVIEWER)
        .violatedRules()).containsExactly(id("TICKET-18"));
    assertThat(apply(external, TicketEvent.EXTERNAL_RESULT_CONFIRMED, TicketEventData.builder().externalResult("r")
        .next(TicketState.ARCHIVED), REVIEWER).violatedRules()).containsExactly(id("SM-TICKET-T06"));
    assertThat(apply(external, TicketEvent.EXTERNAL_RESULT_CONFIRMED, TicketEventData.builder().externalResult("r")
        .next(TicketState.UNDER_REVIEW), REVIEWER).instance().state()).isEqualTo(TicketState.UNDER_REVIEW);
    assertThat(apply(external, TicketEvent.EXTERNAL_RESULT_CONFIRMED, TicketEventData.builder().externalResult("r"),
        REVIEWER).instance().state()).isEqualTo(TicketState.PREPROCESSING);
  }

  @Test
  @DisplayName("SM-TICKET-T07 SM-TICKET-T08 TICKET-13 TICKET-07 TICKET-08 billing goes to that day's declarant, who reviews the reply")
  void t07t08() {
    Outcome<ComplaintTicket> wrong = apply(caused(), TicketEvent.SUBMIT_TO_BILLING_DUTY, TicketEventData.builder().assignee("other"),
        PRE);
    assertThat(wrong.violatedRules()).containsExactly(id("TICKET-13"));
    assertThat(wrong.violations().get(0).message()).contains("(ji)");
    ComplaintTicket billing = apply(caused(), TicketEvent.SUBMIT_TO_BILLING_DUTY,
        TicketEventData.builder().assignee("ji"), PRE).instance();
    assertThat(billing.state()).isEqualTo(TicketState.AWAITING_BILLING_CENTER);
    assertThat(billing.handler()).contains("ji");
    assertThat(WF.apply(caused(), TicketEvent.SUBMIT_TO_BILLING_DUTY, PRE,
        TicketEventData.builder().assignee("ji").build(), TicketFixtures.at("2026-11-26T10:00:00+08:00")).violatedRules()).as("Thursday's roster differs")
        .containsExactly(id("TICKET-13"));
    assertThat(apply(billing, TicketEvent.PROVINCIAL_REPLY_REVIEWED, TicketEventData.builder()
        .provincialReply("已退费"), DECLARANT).violatedRules()).containsExactly(id("TICKET-07"), id("TICKET-08"));
    ComplaintTicket back = apply(billing, TicketEvent.PROVINCIAL_REPLY_REVIEWED, TicketEventData.builder()
        .provincialRef("SJF-1").provincialReply("已退费").provincialReplyReviewed(true), DECLARANT).instance();
    assertThat(back.state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(back.provincialRef()).contains("SJF-1");
  }

  @Test
  @DisplayName("TICKET-13 SM-TICKET-T08 a reply to a ticket never forwarded is recorded only by the duty it was handed "
      + "to; once forwarded, any billing declarant may review the reply")
  void aReplyToATicketNeverForwardedIsTheAssigneesAlone() {
    ComplaintTicket billing = apply(caused(), TicketEvent.SUBMIT_TO_BILLING_DUTY,
        TicketEventData.builder().assignee("ji"), PRE).instance();
    Actor other = Actor.of("sun", Role.BILLING_DECLARANT);
    TicketEventData.Builder reply = TicketEventData.builder().provincialRef("SJF-1").provincialReply("已退费")
        .provincialReplyReviewed(true);
    assertThat(apply(billing, TicketEvent.PROVINCIAL_REPLY_REVIEWED, reply, other).violatedRules())
        .containsExactly(id("TICKET-13"));
    ComplaintTicket forwarded = apply(billing, TicketEvent.FORWARD_TO_BILLING_CENTER,
        TicketEventData.builder().provincialRef("SJF-1"), DECLARANT).instance();
    assertThat(apply(forwarded, TicketEvent.PROVINCIAL_REPLY_REVIEWED, TicketEventData.builder()
        .provincialReply("已退费").provincialReplyReviewed(true), other).instance().state())
        .isEqualTo(TicketState.PREPROCESSING);
  }

  @Test
  @DisplayName("SM-TICKET-T09 SM-TICKET-T10 TICKET-14 a data fix needs the script and that day's data-modification duty")
  void t09t10() {
    assertThat(apply(caused(), TicketEvent.SUBMIT_TO_DATA_MOD_DUTY, TicketEventData.builder().assignee("ji"), PRE)
        .violations()).extracting(v -> v.field().orElse("")).containsExactly("scriptRef", "assignee");
    ComplaintTicket fix = apply(caused(), TicketEvent.SUBMIT_TO_DATA_MOD_DUTY, TicketEventData.builder()
        .assignee("xiu").scriptRef("fix.sql").dataOpId("DM-9"), PRE).instance();
    assertThat(fix.state()).isEqualTo(TicketState.AWAITING_DATA_FIX);
    assertThat(fix.linkedDataOpId()).contains("DM-9");
    assertThat(apply(fix, TicketEvent.DATA_FIX_CLOSED, TicketEventData.builder(), SYSTEM).violatedRules())
        .containsExactly(id("SM-TICKET-T10"));
    assertThat(apply(fix, TicketEvent.DATA_FIX_CLOSED, TicketEventData.builder().dataOpClosed(true), SYSTEM)
        .instance().state()).isEqualTo(TicketState.PREPROCESSING);
  }

  @Test
  @DisplayName("SM-TICKET-T11 TICKET-11 TICKET-19 the pre-processor or the reviewer escalates, linking the fault")
  void t11() {
    assertThat(apply(caused(), TicketEvent.ESCALATE, TicketEventData.builder(), PRE).violatedRules())
        .containsExactly(id("TICKET-11"));
    assertThat(apply(caused(), TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-1"), PRE).instance().state())
        .isEqualTo(TicketState.ESCALATED);
    assertThat(apply(underReview(), TicketEvent.ESCALATE, TicketEventData.builder(), REVIEWER).violatedRules())
        .containsExactly(id("TICKET-19"));
    ComplaintTicket esc = apply(underReview(), TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-2")
        .reason("批量业务问题"), REVIEWER).instance();
    assertThat(esc.linkedFaultId()).contains("F-2");
    assertThat(apply(underReview(), TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-2"), PRE)
        .violatedRules()).containsExactly(id("SM-TICKET-T11"));
  }

  @Test
  @DisplayName("SM-TICKET-T12 SM-TICKET-T13 TICKET-16 TICKET-17 review needs the handling opinion; not done goes back")
  void t12t13() {
    assertThat(apply(caused(), TicketEvent.SUBMIT_FOR_REVIEW, TicketEventData.builder(), PRE).violatedRules())
        .containsExactly(id("TICKET-16"));
    ComplaintTicket review = underReview();
    assertThat(review.handlingOpinion()).contains("已指导前台处理");
    assertThat(apply(review, TicketEvent.REVIEW_NOT_DONE, TicketEventData.builder(), REVIEWER).violatedRules())
        .containsExactly(id("TICKET-17"));
    ComplaintTicket back = apply(review, TicketEvent.REVIEW_NOT_DONE, TicketEventData.builder().reason("未回访"),
        REVIEWER).instance();
    assertThat(back.state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(back.reviewVerdict()).contains(ReviewVerdict.NOT_DONE);
  }

  @Test
  @DisplayName("SM-TICKET-T14 TICKET-06 TICKET-20 only the reviewer raises a BUG, linking it")
  void t14() {
    Outcome<ComplaintTicket> byPre = apply(underReview(), TicketEvent.RAISE_BUG, TicketEventData.builder().bugId("BUG-1"), PRE);
    assertThat(byPre.violatedRules()).containsExactly(id("TICKET-06"));
    assertThat(apply(underReview(), TicketEvent.RAISE_BUG, TicketEventData.builder(), REVIEWER).violatedRules())
        .containsExactly(id("TICKET-20"));
    ComplaintTicket bug = apply(underReview(), TicketEvent.RAISE_BUG, TicketEventData.builder().bugId("BUG-1"),
        REVIEWER).instance();
    assertThat(bug.state()).isEqualTo(TicketState.IN_BUG_FLOW);
    assertThat(bug.linkedBugId()).contains("BUG-1");
    assertThat(apply(caused(), TicketEvent.RAISE_BUG, TicketEventData.builder().bugId("BUG-1"), REVIEWER)
        .isAccepted()).as("not from pre-processing").isFalse();
  }

  @Test
  @DisplayName("SM-TICKET-T15 the linked BUG or fault resolved brings the ticket back to review")
  void t15() {
    ComplaintTicket bug = apply(underReview(), TicketEvent.RAISE_BUG, TicketEventData.builder().bugId("BUG-1"),
        REVIEWER).instance();
    assertThat(apply(bug, TicketEvent.LINKED_FLOW_RESOLVED, TicketEventData.builder(), SYSTEM).violatedRules())
        .containsExactly(id("SM-TICKET-T15"));
    assertThat(apply(bug, TicketEvent.LINKED_FLOW_RESOLVED, TicketEventData.builder().linkedFlowResolved(true),
        SYSTEM).instance().state()).isEqualTo(TicketState.UNDER_REVIEW);
  }

  @Test
  @DisplayName("SM-TICKET-T16 SM-TICKET-T17 TICKET-21 archive a DONE ticket under a category, then reply; REPLIED is terminal")
  void t16t17() {
    assertThat(apply(underReview(), TicketEvent.APPROVE_AND_ARCHIVE, TicketEventData.builder()
        .reviewVerdict(ReviewVerdict.NOT_DONE), REVIEWER).violations()).extracting(v -> v.field().orElse(""))
        .containsExactly("reviewVerdict", "ticketCategory");
    ComplaintTicket archived = apply(underReview(), TicketEvent.APPROVE_AND_ARCHIVE, TicketEventData.builder()
        .reviewVerdict(ReviewVerdict.DONE).ticketCategory("计费类"), REVIEWER).instance();
    assertThat(archived.state()).isEqualTo(TicketState.ARCHIVED);
    assertThat(archived.ticketCategory()).contains("计费类");
    assertThat(apply(archived, TicketEvent.REPLY_FRONT_DESK, TicketEventData.builder(), REVIEWER).violatedRules())
        .containsExactly(id("TICKET-21"));
    Outcome<ComplaintTicket> replied = apply(archived, TicketEvent.REPLY_FRONT_DESK, TicketEventData.builder().replyText("已处理"),
        REVIEWER);
    assertThat(replied.instance().state()).isEqualTo(TicketState.REPLIED);
    assertThat(replied.instance().closedAt()).contains(NOW);
    assertThat(replied.audit().orElseThrow().ruleIds()).containsExactly(id("SM-TICKET-T17"), id("TICKET-21"));
    for (TicketEvent e : TicketEvent.values()) {
      assertThat(apply(replied.instance(), e, TicketEventData.builder().progress("p"), REVIEWER).isAccepted()).isFalse();
    }
  }

  @Test
  @DisplayName("TICKET-02 progress updates are recorded in every open state by whoever holds the ticket")
  void progressUpdates() {
    Outcome<ComplaintTicket> s = apply(caused(), TicketEvent.UPDATE_PROGRESS, TicketEventData.builder().progress("等待开发商回复"), PRE);
    assertThat(s.instance().progressUpdates()).containsExactly(NOW);
    assertThat(apply(caused(), TicketEvent.UPDATE_PROGRESS, TicketEventData.builder(), PRE).violatedRules())
        .containsExactly(id("TICKET-02"));
    assertThat(apply(caused(), TicketEvent.UPDATE_PROGRESS, TicketEventData.builder().progress("x"),
        Actor.of("m", Role.ROOM_MANAGER)).isAccepted()).isFalse();
    assertThat(WF.table().describe()).contains("SM-TICKET-T16").contains("TICKET-21");
  }
}
