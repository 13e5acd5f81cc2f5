package org.opsbook.rules.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.ticket.TicketFixtures.DECLARANT;
import static org.opsbook.rules.ticket.TicketFixtures.NOW;
import static org.opsbook.rules.ticket.TicketFixtures.OUTSOURCED;
import static org.opsbook.rules.ticket.TicketFixtures.PRE;
import static org.opsbook.rules.ticket.TicketFixtures.REVIEWER;
import static org.opsbook.rules.ticket.TicketFixtures.WF;
import static org.opsbook.rules.ticket.TicketFixtures.at;
import static org.opsbook.rules.ticket.TicketFixtures.preprocessing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.core.Actor;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.ResponsibleUnit;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.ticket.TicketDuties;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;

/** The duties a complaint ticket creates: TICKET-01, -04, -05, -07, -08, -09 and -11, beside TICKET-02. */
class TicketDutiesTest {
  private static final OpsParameters P = OpsParameters.defaults();
  private static final StandardWorkCalendar CAL = StandardWorkCalendar.weekdays();

  private static List<Obligation> duties(ComplaintTicket t) {
    return TicketDuties.of(t, NOW, P, CAL);
  }

  private static Optional<Obligation> duty(ComplaintTicket t, String rule) {
    return duties(t).stream().filter(o -> o.ruleId().equals(RuleId.of(rule))).findFirst();
  }

  private static List<String> ids(ComplaintTicket t) {
    return duties(t).stream().map(o -> o.ruleId().value() + "#" + o.sequence()).toList();
  }

  private static ComplaintTicket step(ComplaintTicket t, TicketEvent e, TicketEventData.Builder d, Actor a) {
    var o = WF.apply(t, e, a, d.build(), NOW);
    assertThat(o.violations()).as(e.name()).isEmpty();
    return o.instance();
  }

  private static ComplaintTicket judged(TicketCause cause, TicketEventData.Builder d) {
    return step(preprocessing(), TicketEvent.SET_CAUSE, d.cause(cause).escalationTrend(false), PRE);
  }

  @Test
  @DisplayName("TICKET-11 a ticket owes the escalation-trend judgement until it is recorded, with who and when")
  void ticket11Judgement() {
    ComplaintTicket t = preprocessing();
    Obligation judge = duty(t, "TICKET-11.1").orElseThrow();
    assertThat(judge.actor()).isEqualTo(Role.PRE_PROCESSOR);
    assertThat(judge.subjectId()).isEqualTo("T-1");
    assertThat(judge.isTimely()).isTrue();
    assertThat(duty(ComplaintTicket.received("T-1", NOW), "TICKET-11.1")).isPresent();
    ComplaintTicket judged = judged(TicketCause.BUSINESS_RULE, TicketEventData.builder());
    assertThat(judged.escalationTrend()).contains(false);
    assertThat(judged.escalationTrendJudgedBy()).contains("pan");
    assertThat(judged.escalationTrendJudgedAt()).contains(NOW);
    assertThat(ids(judged)).noneMatch(id -> id.startsWith("TICKET-11"));
  }

  @Test
  @DisplayName("TICKET-11 a complaint that tends to escalate owes the escalated-complaint flow until the ticket links the fault")
  void ticket11Escalate() {
    ComplaintTicket trend = step(preprocessing(), TicketEvent.SET_CAUSE, TicketEventData.builder()
        .cause(TicketCause.OTHER).escalationTrend(true), PRE);
    Obligation escalate = duty(trend, "TICKET-11.2").orElseThrow();
    assertThat(escalate.actor()).isEqualTo(Role.PRE_PROCESSOR);
    assertThat(escalate.triggeredAt()).contains(NOW);
    ComplaintTicket escalated = step(trend, TicketEvent.ESCALATE, TicketEventData.builder().faultId("F-1"), PRE);
    assertThat(duty(escalated, "TICKET-11.2")).isEmpty();
  }

  @ParameterizedTest(name = "TICKET-11 {0}: a count of {1} suggests a trend: {2}")
  @CsvSource({"ESC-ROOM-03,9,false", "ESC-ROOM-03,10,true", "ESC-ROOM-03,11,true",
      "FAULT-GEN-04,9,false", "FAULT-GEN-04,10,true", "FAULT-GEN-04,11,true"})
  @DisplayName("TICKET-11 ESC-ROOM-03 FAULT-GEN-04 the count indicators at n-1, n, n+1 (十单以上; 超过10个以上, BND-04)")
  void ticket11CountIndicators(String rule, int count, boolean suggested) {
    FaultFacts.Builder f = FaultFacts.builder().detectedAt(NOW);
    if (rule.equals("ESC-ROOM-03")) {
      f.sameTypeComplaintCount(count);
    } else {
      f.sameFaultCustomerCount(count);
    }
    assertThat(TicketDuties.escalationTrendIndicators(f.build(), NOW, ObligationEngine.standard())
        .contains(RuleId.of(rule))).isEqualTo(suggested);
  }

  @Test
  @DisplayName("TICKET-11 ESC-ROOM-01 ESC-ROOM-16 indicators read the engine's own conditions: the level, the scope, a repair")
  void ticket11Indicators() {
    ObligationEngine engine = ObligationEngine.standard();
    assertThat(TicketDuties.escalationTrendIndicators(FaultFacts.builder().detectedAt(NOW).complaintCount(24)
        .build(), NOW, engine)).containsExactly(RuleId.of("ESC-ROOM-01"));
    assertThat(TicketDuties.escalationTrendIndicators(FaultFacts.builder().detectedAt(NOW).build(), NOW, engine))
        .isEmpty();
    assertThat(TicketDuties.escalationTrendIndicators(FaultFacts.builder().detectedAt(NOW).complaintCount(24)
        .responsibleUnit(ResponsibleUnit.OTHER).build(), NOW, engine)).isEmpty();
    assertThat(TicketDuties.escalationTrendIndicators(FaultFacts.builder().detectedAt(NOW).complaintCount(24)
        .sameFaultCustomerCount(12).repairedAt(NOW).build(), NOW, engine)).isEmpty();
    assertThat(TicketDuties.escalationTrendIndicators(FaultFacts.builder().detectedAt(NOW)
        .affectedCustomersConfirmed(30).potentialComplaintCount(20).sameFaultCustomerCount(30).build(), NOW, engine))
        .containsExactly(RuleId.of("ESC-ROOM-04"), RuleId.of("ESC-ROOM-08"), RuleId.of("FAULT-GEN-04"));
  }

  @Test
  @DisplayName("TICKET-01 a system fault goes to the developer through AMS, then is followed up until the reply is reviewed")
  void ticket01Developer() {
    ComplaintTicket t = judged(TicketCause.SYSTEM_FAULT, TicketEventData.builder());
    assertThat(t.needsDeveloper()).isTrue();
    Obligation dispatch = duty(t, "TICKET-01.1").orElseThrow();
    assertThat(dispatch.channel()).isEqualTo(Channel.AMS);
    assertThat(duty(t, "TICKET-01.2")).isEmpty();
    ComplaintTicket waiting = step(t, TicketEvent.DISPATCH_AMS, TicketEventData.builder().amsTicketNo("AMS-1"),
        PRE);
    assertThat(duty(waiting, "TICKET-01.1")).isEmpty();
    Obligation follow = duty(waiting, "TICKET-01.2").orElseThrow();
    assertThat(follow.action()).contains("跟进");
    assertThat(follow.triggeredAt()).contains(NOW);
    ComplaintTicket back = step(waiting, TicketEvent.AMS_REPLY_REVIEWED, TicketEventData.builder().amsReply("已修复")
        .amsReplyReviewed(true), PRE);
    assertThat(ids(back)).noneMatch(id -> id.startsWith("TICKET-01"));
    assertThat(judged(TicketCause.SYSTEM_FAULT, TicketEventData.builder().needsDeveloper(false)).needsDeveloper())
        .isFalse();
    assertThat(duty(judged(TicketCause.FRONT_DESK_ERROR, TicketEventData.builder()), "TICKET-01.1")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-01 data modification and provincial billing go to the day's duty, each until the ticket is handed over")
  void ticket01Duties() {
    ComplaintTicket t = judged(TicketCause.OTHER, TicketEventData.builder().needsDataProcessing(true)
        .needsProvincialBilling(true));
    assertThat(duty(t, "TICKET-01.3").orElseThrow().target()).isEqualTo("DATA_MOD_DUTY");
    assertThat(duty(t, "TICKET-01.4").orElseThrow().target()).isEqualTo("BILLING_DECLARANT");
    ComplaintTicket data = step(t, TicketEvent.SUBMIT_TO_DATA_MOD_DUTY, TicketEventData.builder().assignee("xiu")
        .scriptRef("fix.sql"), PRE);
    assertThat(data.forwardedToDataModDutyAt()).contains(NOW);
    assertThat(duty(data, "TICKET-01.3")).isEmpty();
    assertThat(duty(data, "TICKET-01.4")).isPresent();
    ComplaintTicket billing = step(t, TicketEvent.SUBMIT_TO_BILLING_DUTY, TicketEventData.builder().assignee("ji"),
        PRE);
    assertThat(duty(billing, "TICKET-01.4")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-04 the reviewer chases a ticket an outsourced agent handles, until it is archived")
  void ticket04() {
    ComplaintTicket byAgent = WF.apply(ComplaintTicket.received("T-1", NOW), TicketEvent.ACCEPT,
        OUTSOURCED, TicketEventData.empty(), NOW).instance();
    assertThat(byAgent.handledByOutsourced()).isTrue();
    Obligation chase = duty(byAgent, "TICKET-04").orElseThrow();
    assertThat(chase.actor()).isEqualTo(Role.TICKET_REVIEWER);
    assertThat(chase.target()).isEqualTo("OUTSOURCED_AGENT");
    assertThat(preprocessing().handledByOutsourced()).isFalse();
    assertThat(duty(preprocessing(), "TICKET-04")).isEmpty();
    ComplaintTicket archived = ((ImmutableComplaintTicket) byAgent).withState(TicketState.ARCHIVED);
    assertThat(duty(archived, "TICKET-04")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-05 the reviewer owns coordination with other departments and the province until the result is confirmed")
  void ticket05() {
    ComplaintTicket external = step(judged(TicketCause.OTHER, TicketEventData.builder()),
        TicketEvent.SUBMIT_FOR_COORDINATION, TicketEventData.builder().verificationRecord("已查证").opinion("需网络部"),
        PRE);
    assertThat(external.needsExternalCoordination()).isTrue();
    Obligation own = duty(external, "TICKET-05").orElseThrow();
    assertThat(own.actor()).isEqualTo(Role.TICKET_REVIEWER);
    ComplaintTicket confirmed = step(external, TicketEvent.EXTERNAL_RESULT_CONFIRMED, TicketEventData.builder()
        .externalResult("网络部已处理"), REVIEWER);
    assertThat(duty(confirmed, "TICKET-05")).isEmpty();
    assertThat(duty(judged(TicketCause.OTHER, TicketEventData.builder().needsExternalCoordination(true)),
        "TICKET-05")).isPresent();
  }

  @Test
  @DisplayName("TICKET-07 TICKET-13 the day's declarant forwards through 省计费网站 with the reference; nobody else may")
  void ticket07() {
    ComplaintTicket billing = step(judged(TicketCause.OTHER, TicketEventData.builder()),
        TicketEvent.SUBMIT_TO_BILLING_DUTY, TicketEventData.builder().assignee("ji"), PRE);
    Obligation forward = duty(billing, "TICKET-07").orElseThrow();
    assertThat(forward.actor()).isEqualTo(Role.BILLING_DECLARANT);
    assertThat(forward.action()).contains("省计费网站");
    assertThat(WF.apply(billing, TicketEvent.FORWARD_TO_BILLING_CENTER, DECLARANT, TicketEventData.empty(), NOW)
        .violatedRules()).containsExactly(RuleId.of("TICKET-07"));
    assertThat(WF.apply(billing, TicketEvent.FORWARD_TO_BILLING_CENTER, Actor.of("other", Role.BILLING_DECLARANT), TicketEventData.builder()
        .provincialRef("SJF-1").build(), NOW).violatedRules())
        .containsExactly(RuleId.of("TICKET-13"));
    ComplaintTicket forwarded = step(billing, TicketEvent.FORWARD_TO_BILLING_CENTER, TicketEventData.builder()
        .provincialRef("SJF-1"), DECLARANT);
    assertThat(forwarded.provincialRef()).contains("SJF-1");
    assertThat(forwarded.provincialForwardedAt()).contains(NOW);
    assertThat(forwarded.state()).isEqualTo(TicketState.AWAITING_BILLING_CENTER);
    assertThat(duty(forwarded, "TICKET-07")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-08 after forwarding the declarant chases 省计费中心 until its reply is reviewed")
  void ticket08() {
    ComplaintTicket forwarded = step(step(judged(TicketCause.OTHER, TicketEventData.builder()),
        TicketEvent.SUBMIT_TO_BILLING_DUTY, TicketEventData.builder().assignee("ji"), PRE),
        TicketEvent.FORWARD_TO_BILLING_CENTER, TicketEventData.builder().provincialRef("SJF-1"), DECLARANT);
    Obligation chase = duty(forwarded, "TICKET-08").orElseThrow();
    assertThat(chase.action()).contains("催促");
    assertThat(chase.triggeredAt()).contains(NOW);
    ComplaintTicket reviewed = step(forwarded, TicketEvent.PROVINCIAL_REPLY_REVIEWED, TicketEventData.builder()
        .provincialReply("已退费").provincialReplyReviewed(true), DECLARANT);
    assertThat(reviewed.provincialRef()).as("kept from the forwarding").contains("SJF-1");
    assertThat(duty(reviewed, "TICKET-08")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-09 raw CDRs for 省网维 are mailed only compressed AND encrypted, and owed until they are")
  void ticket09() {
    ComplaintTicket t = judged(TicketCause.OTHER, TicketEventData.builder().rawCdrForProvincialNetMaint(true));
    Obligation mail = duty(t, "TICKET-09").orElseThrow();
    assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
    assertThat(mail.target()).isEqualTo("省网维公共邮箱");
    var refused = WF.apply(t, TicketEvent.SEND_RAW_CDRS, DECLARANT, TicketEventData.builder().cdrCompressed(true)
        .cdrEncrypted(false).cdrSentTo("wangwei@prov").build(), NOW);
    assertThat(refused.violatedRules()).containsExactly(RuleId.of("TICKET-09"));
    assertThat(refused.violations()).extracting(v -> v.field().orElseThrow()).containsExactly("cdrEncrypted");
    assertThat(WF.apply(t, TicketEvent.SEND_RAW_CDRS, DECLARANT, TicketEventData.builder().cdrEncrypted(true)
        .cdrSentTo("wangwei@prov").build(), NOW).violations()).extracting(v -> v.field().orElseThrow())
        .containsExactly("cdrCompressed");
    assertThat(WF.apply(t, TicketEvent.SEND_RAW_CDRS, DECLARANT, TicketEventData.empty(), NOW).violations())
        .extracting(v -> v.field().orElseThrow()).containsExactly("cdrCompressed", "cdrEncrypted", "cdrSentTo");
    assertThat(WF.apply(t, TicketEvent.SEND_RAW_CDRS, PRE, TicketEventData.builder().cdrCompressed(true)
        .cdrEncrypted(true).cdrSentTo("wangwei@prov").build(), NOW).violatedRules())
        .containsExactly(RuleId.of("TICKET-09"));
    ComplaintTicket sent = step(t, TicketEvent.SEND_RAW_CDRS, TicketEventData.builder().cdrCompressed(true)
        .cdrEncrypted(true).cdrSentTo("wangwei@prov"), DECLARANT);
    assertThat(sent.state()).isEqualTo(TicketState.PREPROCESSING);
    assertThat(sent.rawCdrSentAt()).contains(NOW);
    assertThat(sent.rawCdrSentTo()).contains("wangwei@prov");
    assertThat(duty(sent, "TICKET-09")).isEmpty();
  }

  @Test
  @DisplayName("TICKET-01 TICKET-02 TICKET-09 untimed duties take the host's timelyDeadline; TICKET-02 is listed beside them; none once replied")
  void timingAndOrder() {
    ComplaintTicket t = judged(TicketCause.SYSTEM_FAULT, TicketEventData.builder().rawCdrForProvincialNetMaint(true));
    Instant tomorrow = at("2026-11-26T13:00:00+08:00");
    List<Obligation> all = TicketDuties.of(t, tomorrow, P, CAL);
    assertThat(all).extracting(o -> o.ruleId().value()).containsExactly("TICKET-02", "TICKET-01.1", "TICKET-09");
    assertThat(all.get(0).dueAt()).contains(at("2026-11-26T12:00:00+08:00"));
    OpsParameters deadline = P.toBuilder().timelyDeadline(Duration.ofHours(2)).build();
    assertThat(TicketDuties.of(t, NOW, deadline, CAL)).filteredOn(o -> o.ruleId().value().equals("TICKET-01.1"))
        .extracting(o -> o.dueAt().orElseThrow()).containsExactly(NOW.plus(Duration.ofHours(2)));
    assertThat(TicketDuties.of(((ImmutableComplaintTicket) t).withState(TicketState.REPLIED).withClosedAt(NOW),
        NOW, P, CAL)).isEmpty();
  }
}
