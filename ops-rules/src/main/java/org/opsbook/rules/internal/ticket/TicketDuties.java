package org.opsbook.rules.internal.ticket;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Obligation;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketState;

/**
 * The duties a complaint ticket creates as of a moment (rules-catalog §4), each with the ticket as subject: the
 * routing of TICKET-01 (the developer through AMS and its follow-up, the day's data-modification and billing duties),
 * the reviewer chasing outsourced work (TICKET-04) and owning external coordination (TICKET-05), the billing hand-off
 * through 省计费网站 and the chase of its reply (TICKET-07, TICKET-08), the raw CDRs for 省网维 (TICKET-09), the
 * escalation-trend judgement and, when there is a trend, the escalated-complaint flow (TICKET-11), and TICKET-02's
 * daily progress update. A duty ends when the ticket records what it asks for; the routing and coordination duties
 * end once the ticket is archived. TICKET-01 asks for four actions (dispatch to the developer, follow it up, hand
 * over to the day's data-modification and billing duties) and TICKET-11 for two (judge, then escalate); they are
 * listed under the catalog's dotted sub-step form (§0.1), e.g. {@code TICKET-01.3}. Duties the manual times
 * 「及时」 or not at all have no due time unless the host set {@link OpsParameters#timelyDeadline()}. Sorted by due
 * time (untimed last), then rule ID, then occurrence. Stateless.
 */
public final class TicketDuties {
  /** TICKET-01: 「将涉及开发商协助处理的工单(如AMS)应及时进行转派」: dispatch to the developer through AMS. */
  public static final RuleId TICKET_01_DISPATCH = RuleId.of("TICKET-01.1");
  /** TICKET-01: 「并跟进处理」: follow the AMS ticket up until its reply is reviewed (as TICKET-15 details). */
  public static final RuleId TICKET_01_FOLLOW_UP = RuleId.of("TICKET-01.2");
  /** TICKET-01: 「涉及需进行数据修改…的工单应及时转派至相应值班人员」: the day's data-modification duty. */
  public static final RuleId TICKET_01_DATA = RuleId.of("TICKET-01.3");
  /** TICKET-01: 「涉及…省计费的工单应及时转派至相应值班人员」: the day's billing-declaration duty. */
  public static final RuleId TICKET_01_BILLING = RuleId.of("TICKET-01.4");
  /** TICKET-04: 「负责审核并催促业务外包人员处理的各种工单」: the reviewer chases outsourced tickets. */
  public static final RuleId TICKET_04 = RuleId.of("TICKET-04");
  /** TICKET-05: 「解决需要协调外部门和省公司的问题」: the reviewer owns external coordination. */
  public static final RuleId TICKET_05 = RuleId.of("TICKET-05");
  /** TICKET-07: 「负责处理需转省计费中心协助处理的各种工单,并通过省计费网站进行转派」. */
  public static final RuleId TICKET_07 = RuleId.of("TICKET-07");
  /** TICKET-08: 「负责审核省计费中心回复的计费申告工单内容,同时催促计费申告单的及时处理」. */
  public static final RuleId TICKET_08 = RuleId.of("TICKET-08");
  /** TICKET-09: 「负责将涉及省网维中心协助处理的原始话单进行压缩加密后发送至省网维公共邮箱」. */
  public static final RuleId TICKET_09 = RuleId.of("TICKET-09");
  /** TICKET-11: 「预处理人员应进行判断是否有升级投诉的趋势」: judge the trend. */
  public static final RuleId TICKET_11_JUDGE = RuleId.of("TICKET-11.1");
  /** TICKET-11: 「若有升级投诉趋势则按升级投诉处理流程进行处理」: start the escalated-complaint flow. */
  public static final RuleId TICKET_11_ESCALATE = RuleId.of("TICKET-11.2");

  private static final Comparator<Obligation> ORDER = Comparator
      .comparing((Obligation o) -> o.dueAt().orElse(Instant.MAX))
      .thenComparing(Obligation::ruleId)
      .thenComparingInt(Obligation::sequence);

  private TicketDuties() {}

  /**
   * Returns when TICKET-02's progress entry {@code duty}, undone at {@code now}, falls due again: 12:00 (the update
   * time) of the first counted day after its due day that is still ahead. Empty for any other duty.
   *
   * @param p the parameters: TICKET-02's update time and calendar
   * @param calendar the days TICKET-02 counts
   */
  public static Optional<Instant> repeatsAt(Obligation duty, Instant now, OpsParameters p, WorkCalendar calendar) {
    return TicketProgress.repeatsAt(checkNotNull(duty, "duty"), checkNotNull(now, "now"), p, calendar);
  }

  /**
   * Returns every duty {@code ticket} has as of {@code now}, due or still ahead; none once it is replied.
   *
   * @param p the parameters: {@code timelyDeadline} and TICKET-02's update time and calendar
   * @param calendar the days TICKET-02 counts
   */
  public static List<Obligation> of(ComplaintTicket ticket, Instant now, OpsParameters p, WorkCalendar calendar) {
    checkNotNull(ticket, "ticket");
    checkNotNull(now, "now");
    checkNotNull(p, "p");
    List<Obligation> out = new ArrayList<>();
    if (ticket.state() == TicketState.REPLIED) {
      return out;
    }
    Duties d = new Duties(ticket, p, out);
    boolean open = ticket.state() != TicketState.ARCHIVED;
    Instant judged = ticket.escalationTrendJudgedAt().orElse(ticket.receivedAt());
    if (open && ticket.needsDeveloper() && ticket.amsTicketNo().isEmpty()) {
      d.add(TICKET_01_DISPATCH, Role.PRE_PROCESSOR, "将需开发商协助处理的工单及时通过AMS转派", "开发商", Channel.AMS,
          judged);
    }
    if (ticket.state() == TicketState.AWAITING_DEVELOPER) {
      d.add(TICKET_01_FOLLOW_UP, Role.PRE_PROCESSOR, "实时跟进AMS单的处理情况并审核回单结果", "开发商", Channel.AMS,
          ticket.amsDispatchedAt().orElse(judged));
    }
    if (open && ticket.needsDataProcessing() && ticket.forwardedToDataModDutyAt().isEmpty()) {
      d.add(TICKET_01_DATA, Role.PRE_PROCESSOR, "提供相应脚本后及时转派至当天值数据修改班的同事处理",
          Role.DATA_MOD_DUTY.name(), Channel.DOC, judged);
    }
    if (open && ticket.needsProvincialBilling() && ticket.forwardedToBillingDutyAt().isEmpty()) {
      d.add(TICKET_01_BILLING, Role.PRE_PROCESSOR, "及时转派至当天值计费申告班的同事处理",
          Role.BILLING_DECLARANT.name(), Channel.DOC, judged);
    }
    if (open && ticket.handledByOutsourced()) {
      d.add(TICKET_04, Role.TICKET_REVIEWER, "审核并催促业务外包人员处理工单, 保障处理的质量和速度",
          Role.OUTSOURCED_AGENT.name(), Channel.DOC, ticket.receivedAt());
    }
    if (open && ticket.needsExternalCoordination() && ticket.externalResult().isEmpty()) {
      d.add(TICKET_05, Role.TICKET_REVIEWER, "协调外部门和省公司解决, 确认处理结果", "外部门/省公司", Channel.PHONE,
          judged);
    }
    if (open && ticket.forwardedToBillingDutyAt().isPresent() && ticket.provincialForwardedAt().isEmpty()
        && ticket.provincialReply().isEmpty()) {
      d.add(TICKET_07, Role.BILLING_DECLARANT, "通过省计费网站转派省计费中心协助处理", "省计费中心", Channel.DOC,
          ticket.forwardedToBillingDutyAt().get());
    }
    if (open && ticket.provincialForwardedAt().isPresent() && ticket.provincialReply().isEmpty()) {
      d.add(TICKET_08, Role.BILLING_DECLARANT, "催促计费申告单的及时处理, 审核省计费中心回复的内容", "省计费中心",
          Channel.DOC, ticket.provincialForwardedAt().get());
    }
    if (ticket.rawCdrForProvincialNetMaint() && ticket.rawCdrSentAt().isEmpty()) {
      d.add(TICKET_09, Role.BILLING_DECLARANT, "将原始话单进行压缩加密后发送至省网维公共邮箱", "省网维公共邮箱",
          Channel.EMAIL, judged);
    }
    if (ticket.escalationTrend().isEmpty() && (ticket.state() == TicketState.RECEIVED
        || ticket.state() == TicketState.PREPROCESSING)) {
      d.add(TICKET_11_JUDGE, Role.PRE_PROCESSOR, "判断是否有升级投诉的趋势", "工单", Channel.DOC, ticket.receivedAt());
    }
    if (open && ticket.escalationTrend().orElse(false) && ticket.linkedFaultId().isEmpty()) {
      d.add(TICKET_11_ESCALATE, Role.PRE_PROCESSOR, "有升级投诉趋势: 按升级投诉处理流程进行处理", "升级投诉处理流程",
          Channel.DOC, judged);
    }
    TicketProgress.obligation(ticket, now, p, calendar).ifPresent(out::add);
    out.sort(ORDER);
    return out;
  }

  /**
   * Returns the signs of an escalation trend in the facts of the fault behind a ticket (TICKET-11, proposed
   * indicators): each of ESC-ROOM-01..08 whose condition holds, and FAULT-GEN-04, as the obligations engine reads
   * them (its parameters, its classifier for ESC-ROOM-01). A suggestion for the pre-processor's judgement, which the
   * ticket records; empty when there is none.
   *
   * @param facts what is known of the fault the complaints point to, as of {@code now}
   * @throws org.opsbook.core.InvalidInputException naming {@code facts.<field>} as
   *     {@link ObligationEngine#assess} does
   */
  public static SortedSet<RuleId> escalationTrendIndicators(FaultFacts facts, Instant now, ObligationEngine engine) {
    checkNotNull(engine, "engine");
    return engine.assess(facts, List.of(), now).escalationTrendIndicators();
  }

  /** Builds the ticket's duties into a list. */
  private record Duties(ComplaintTicket ticket, OpsParameters p, List<Obligation> out) {
    void add(RuleId rule, Role actor, String action, String target, Channel channel, Instant trigger) {
      Obligation.Builder b = Obligation.builder().ruleId(rule).subjectId(ticket.ticketId()).actor(actor)
          .action(action).target(target).channel(channel).triggeredAt(trigger);
      p.timelyDeadline().ifPresent(d -> b.dueAt(trigger.plus(d)));
      out.add(b.build());
    }
  }
}
