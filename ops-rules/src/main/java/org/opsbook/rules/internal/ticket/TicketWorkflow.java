package org.opsbook.rules.internal.ticket;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Inputs.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.internal.machine.Kernel;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.DutyRoster;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.ticket.TicketState;

/**
 * SM-TICKET (rules-catalog §4.1) as a declared state machine, and the pure step that applies one event: roles and
 * guards that each name their rule (TICKET-06, -07, -09, -10, -12, -13, -14, -15, -16, -17, -18, -21), the day's
 * duty roster read in the host's zone, and as events of their own TICKET-02's progress updates, TICKET-07's hand-off
 * through 省计费网站 and TICKET-09's mailing of raw CDRs, compressed and encrypted. Setting the cause records the
 * judgement of TICKET-11 with who made it and when, and the routing needs that {@code TicketDuties} turns into
 * duties (TICKET-01, -05, -09). Like every declared workflow it
 * answers with a core {@link org.opsbook.core.internal.machine.Outcome}: the ticket after the event and its one audit entry (stream
 * {@code ticket:<id>}), or every failed guard with the ticket unchanged. It runs on the workflow kernel and stores
 * nothing: {@code TicketService} keeps tickets through the core {@code org.opsbook.core.internal.machine.WorkflowStore}.
 *
 * <pre>{@code
 * TicketWorkflow wf = new TicketWorkflow(roster, ZoneId.of("Asia/Shanghai"));
 * ComplaintTicket t = ComplaintTicket.received("T-1", receivedAt);
 * Outcome<ComplaintTicket> created = wf.create(t, preProcessor, now);
 * Outcome<ComplaintTicket> o = wf.apply(created.orThrow(), TicketEvent.ACCEPT, preProcessor, TicketEventData.empty(),
 *     now);
 * }</pre>
 *
 * <p>Immutable and thread-safe when the roster is.
 */
public final class TicketWorkflow
    extends Kernel<ComplaintTicket, TicketState, TicketEvent, TicketEventData, TicketWorkflow.Context> {
  /** The machine's name. */
  public static final String MACHINE_ID = "SM-TICKET";

  private static final Set<Role> HANDLERS = EnumSet.of(Role.PRE_PROCESSOR, Role.OUTSOURCED_AGENT,
      Role.TICKET_REVIEWER, Role.BILLING_DECLARANT, Role.DATA_MOD_DUTY);
  private static final StateMachine<TicketState, TicketEvent, Context> TABLE = build();

  /** What the guards look at: the ticket, the event's data, and the date of the event in the host's zone. */
  record Context(ComplaintTicket ticket, TicketEventData data, LocalDate today, DutyRoster roster) {}

  /**
   * Creates the workflow.
   *
   * @param roster who is on billing and data-modification duty each day
   * @param zone the zone that decides which day "today" is (TIME-01)
   */
  public TicketWorkflow(DutyRoster roster, ZoneId zone) {
    super(family(checkNotNull(roster, "roster"), checkNotNull(zone, "zone")));
  }

  /** The family SM-TICKET on the kernel: a ticket is created as received ({@code receive}, in RECEIVED). */
  private static Spec<ComplaintTicket, TicketState, TicketEvent, TicketEventData, Context> family(DutyRoster roster,
      ZoneId zone) {
    return Kernel.<ComplaintTicket, TicketState, TicketEvent, TicketEventData, Context>spec(TABLE)
        .id(ComplaintTicket::ticketId, "ticketId")
        .state(ComplaintTicket::state)
        .eventName(TicketEvent::eventName)
        .stream(t -> "ticket:" + t.ticketId())
        .context((t, d, at) -> new Context(t, d, at.atZone(zone).toLocalDate(), roster))
        .createdIn(TicketState.RECEIVED, "receive")
        .effect((t, to, event, actor, d, at) -> t.after(event, to, actor, d, at))
        .evidence((before, after, event, d, audit) -> {
          if (d == null) {
            audit.putDetail("receivedAt", before.receivedAt().toString());
          } else {
            audit.putAllDetails(d.details());
          }
        })
        .times(TicketWorkflow::latest, t -> Optional.of(t.receivedAt()));
  }

  /** The latest time the ticket keeps of a step. */
  private static Optional<Instant> latest(ComplaintTicket t) {
    return Stream.concat(Stream.of(Optional.of(t.receivedAt()), t.escalationTrendJudgedAt(), t.amsDispatchedAt(),
                t.forwardedToBillingDutyAt(), t.forwardedToDataModDutyAt(), t.provincialForwardedAt(),
                t.rawCdrSentAt(), t.closedAt()).flatMap(Optional::stream), t.progressUpdates().stream())
        .max(Comparator.naturalOrder());
  }

  private static StateMachine<TicketState, TicketEvent, Context> build() {
    StateMachine.Builder<TicketState, TicketEvent, Context> b =
        StateMachine.builder(MACHINE_ID, TicketState.class, TicketEvent.class, Context.class);
    b.transition("SM-TICKET-T01", TicketState.RECEIVED, TicketEvent.ACCEPT, TicketState.PREPROCESSING)
        .by(Role.PRE_PROCESSOR, Role.OUTSOURCED_AGENT).records("handler").add();
    b.transition("SM-TICKET-T02", TicketState.PREPROCESSING, TicketEvent.SET_CAUSE, TicketState.PREPROCESSING)
        .by(Role.PRE_PROCESSOR, Role.OUTSOURCED_AGENT)
        .guard("TICKET-10", "cause", (c, a) -> c.data().cause().isEmpty()
            ? "judge the cause (系统故障、前台差错、业务规则等)" : null)
        .guard("TICKET-11", "escalationTrend", (c, a) -> c.data().escalationTrend().isEmpty()
            ? "judge whether the complaint tends to escalate (是否有升级投诉的趋势)" : null)
        .records("cause", "escalationTrend", "needsDeveloper", "needsDataProcessing", "needsProvincialBilling",
            "needsExternalCoordination", "rawCdrForProvincialNetMaint").add();
    b.transition("SM-TICKET-T03", TicketState.PREPROCESSING, TicketEvent.DISPATCH_AMS, TicketState.AWAITING_DEVELOPER)
        .by(Role.PRE_PROCESSOR)
        .guard("TICKET-10", "cause", TicketWorkflow::causeFirst)
        .guard("TICKET-15", "amsTicketNo", (c, a) -> blank(c.data().amsTicketNo())
            ? "dispatch through AMS and record the AMS number (通过AMS系统进行派单)" : null)
        .records("amsTicketNo").add();
    b.transition("SM-TICKET-T04", TicketState.AWAITING_DEVELOPER, TicketEvent.AMS_REPLY_REVIEWED,
            TicketState.PREPROCESSING)
        .by(Role.PRE_PROCESSOR)
        .guard("TICKET-15", "amsReply", (c, a) -> blank(c.data().amsReply()) ? "record the developer's reply" : null)
        .guard("TICKET-15", "amsReplyReviewed", (c, a) -> !c.data().amsReplyReviewed().orElse(false)
            ? "the pre-processor reviews the reply before the ticket moves on (对回单结果进行审核)" : null)
        .records("amsReply").add();
    b.transition("SM-TICKET-T05", TicketState.PREPROCESSING, TicketEvent.SUBMIT_FOR_COORDINATION,
            TicketState.AWAITING_EXTERNAL)
        .by(Role.PRE_PROCESSOR)
        .guard("TICKET-10", "cause", TicketWorkflow::causeFirst)
        .guard("TICKET-12", "verificationRecord", (c, a) -> blank(c.data().verificationRecord())
            ? "record the verification before handing over (记录相应的查证记录)" : null)
        .guard("TICKET-12", "opinion", (c, a) -> blank(c.data().opinion())
            ? "record an opinion before handing over (及意见)" : null)
        .records("verificationRecord", "opinion").add();
    b.transition("SM-TICKET-T06", TicketState.AWAITING_EXTERNAL, TicketEvent.EXTERNAL_RESULT_CONFIRMED,
            c -> c.data().next().orElse(TicketState.PREPROCESSING))
        .by(Role.TICKET_REVIEWER)
        .guard("TICKET-18", "externalResult", (c, a) -> blank(c.data().externalResult())
            ? "record the result confirmed with the external department (确认处理结果)" : null)
        .guard("SM-TICKET-T06", "next", (c, a) -> c.data().next()
            .filter(n -> n != TicketState.PREPROCESSING && n != TicketState.UNDER_REVIEW)
            .map(n -> "after coordination the ticket returns to PREPROCESSING or UNDER_REVIEW, not " + n)
            .orElse(null))
        .records("externalResult").add();
    b.transition("SM-TICKET-T07", TicketState.PREPROCESSING, TicketEvent.SUBMIT_TO_BILLING_DUTY,
            TicketState.AWAITING_BILLING_CENTER)
        .by(Role.PRE_PROCESSOR)
        .guard("TICKET-10", "cause", TicketWorkflow::causeFirst)
        .guard("TICKET-13", "assignee", (c, a) -> onDutyFailure(c, Role.BILLING_DECLARANT, "当天值计费申告班"))
        .records("assignee").add();
    b.transition("SM-TICKET-T08", TicketState.AWAITING_BILLING_CENTER, TicketEvent.PROVINCIAL_REPLY_REVIEWED,
            TicketState.PREPROCESSING)
        .by(Role.BILLING_DECLARANT)
        // a reply to a ticket never forwarded records the forwarding too (its provincialRef): that is the duty's
        .guard("TICKET-13", "actor", (c, a) -> c.ticket().provincialForwardedAt().isPresent() ? null
            : notTheForwarder(c, a))
        .guard("TICKET-07", "provincialRef", (c, a) -> blank(c.data().provincialRef())
            && c.ticket().provincialRef().isEmpty() ? "record the 省计费中心 reference of the forwarded ticket" : null)
        .guard("TICKET-08", "provincialReplyReviewed", (c, a) -> blank(c.data().provincialReply())
            || !c.data().provincialReplyReviewed().orElse(false)
            ? "the declarant reviews 省计费中心's reply before the ticket continues (审核省计费中心回复)" : null)
        .records("provincialRef", "provincialReply").add();
    b.transition("TICKET-07", TicketState.AWAITING_BILLING_CENTER, TicketEvent.FORWARD_TO_BILLING_CENTER,
            TicketState.AWAITING_BILLING_CENTER)
        .by(Role.BILLING_DECLARANT)
        .guard("TICKET-13", "actor", TicketWorkflow::notTheForwarder)
        .guard("TICKET-07", "provincialRef", (c, a) -> blank(c.data().provincialRef())
            ? "forward it through 省计费网站 and record the 省计费中心 reference (通过省计费网站进行转派)" : null)
        .records("provincialRef").add();
    b.transition("SM-TICKET-T09", TicketState.PREPROCESSING, TicketEvent.SUBMIT_TO_DATA_MOD_DUTY,
            TicketState.AWAITING_DATA_FIX)
        .guard("TICKET-03", "actor", TicketWorkflow::preProcessorStarts)
        .guard("TICKET-10", "cause", TicketWorkflow::causeFirst)
        .guard("TICKET-14", "scriptRef", (c, a) -> blank(c.data().scriptRef())
            ? "provide the script first (应提供相应脚本后)" : null)
        .guard("TICKET-14", "assignee", (c, a) -> onDutyFailure(c, Role.DATA_MOD_DUTY, "当天值数据修改班"))
        .records("scriptRef", "assignee", "dataOpId").add();
    b.transition("SM-TICKET-T10", TicketState.AWAITING_DATA_FIX, TicketEvent.DATA_FIX_CLOSED,
            TicketState.PREPROCESSING)
        .guard("SM-TICKET-T10", "dataOpClosed", (c, a) -> !c.data().dataOpClosed().orElse(false)
            ? "the linked data modification must be CLOSED" : null)
        .add();
    b.transition("SM-TICKET-T11", TicketState.PREPROCESSING, TicketEvent.ESCALATE, TicketState.ESCALATED)
        .guard("TICKET-03", "actor", TicketWorkflow::preProcessorStarts)
        .guard("TICKET-11", "faultId", (c, a) -> blank(c.data().faultId())
            ? "an escalation links the escalated fault (按升级投诉处理流程进行处理)" : null)
        .records("faultId", "reason").add();
    b.transition("SM-TICKET-T11", TicketState.UNDER_REVIEW, TicketEvent.ESCALATE, TicketState.ESCALATED)
        .by(Role.TICKET_REVIEWER)
        .guard("TICKET-19", "faultId", (c, a) -> blank(c.data().faultId())
            ? "a batch business problem goes to the escalated-complaint flow: link the fault" : null)
        .records("faultId", "reason").add();
    b.transition("SM-TICKET-T12", TicketState.PREPROCESSING, TicketEvent.SUBMIT_FOR_REVIEW, TicketState.UNDER_REVIEW)
        .by(Role.PRE_PROCESSOR, Role.OUTSOURCED_AGENT)
        .guard("TICKET-16", "handlingOpinion", (c, a) -> blank(c.data().handlingOpinion())
            ? "record the handling opinion before review (在投诉单中记录处理意见)" : null)
        .records("handlingOpinion").add();
    b.transition("SM-TICKET-T13", TicketState.UNDER_REVIEW, TicketEvent.REVIEW_NOT_DONE, TicketState.PREPROCESSING)
        .by(Role.TICKET_REVIEWER)
        .guard("TICKET-17", "reason", (c, a) -> blank(c.data().reason())
            ? "say why the ticket is not finished" : null)
        .records("reviewVerdict", "reason").add();
    b.transition("SM-TICKET-T14", TicketState.UNDER_REVIEW, TicketEvent.RAISE_BUG, TicketState.IN_BUG_FLOW)
        .guard("TICKET-06", "actor", (c, a) -> a.hasRole(Role.TICKET_REVIEWER) ? null
            : "only the reviewer starts the BUG flow (审核人员…负责发起BUG处理流程)")
        .guard("TICKET-20", "bugId", (c, a) -> blank(c.data().bugId()) ? "link the BUG (按BUG处理流程进行处理)" : null)
        .records("bugId").add();
    for (TicketState from : EnumSet.of(TicketState.IN_BUG_FLOW, TicketState.ESCALATED)) {
      b.transition("SM-TICKET-T15", from, TicketEvent.LINKED_FLOW_RESOLVED, TicketState.UNDER_REVIEW)
          .guard("SM-TICKET-T15", "linkedFlowResolved", (c, a) -> !c.data().linkedFlowResolved().orElse(false)
              ? "the linked BUG or escalated fault must be resolved" : null)
          .add();
    }
    b.transition("SM-TICKET-T16", TicketState.UNDER_REVIEW, TicketEvent.APPROVE_AND_ARCHIVE, TicketState.ARCHIVED)
        .by(Role.TICKET_REVIEWER)
        .guard("TICKET-21", "reviewVerdict", (c, a) -> c.data().reviewVerdict().orElse(null) != ReviewVerdict.DONE
            ? "only a ticket reviewed as DONE is archived (对处理结果进行审核)" : null)
        .guard("TICKET-21", "ticketCategory", (c, a) -> blank(c.data().ticketCategory())
            ? "archive the ticket under a category (进行工单类别的归档)" : null)
        .records("ticketCategory", "reviewVerdict").add();
    b.transition("SM-TICKET-T17", TicketState.ARCHIVED, TicketEvent.REPLY_FRONT_DESK, TicketState.REPLIED)
        .by(Role.TICKET_REVIEWER)
        .guard("TICKET-21", "replyText", (c, a) -> blank(c.data().replyText())
            ? "reply to the front desk (最后回复前台)" : null)
        .records("replyText").add();
    for (TicketState s : EnumSet.complementOf(EnumSet.of(TicketState.REPLIED))) {
      b.transition("TICKET-02", s, TicketEvent.UPDATE_PROGRESS, s)
          .by(HANDLERS.toArray(new Role[0]))
          .guard("TICKET-02", "progress", (c, a) -> blank(c.data().progress())
              ? "write the handling progress (工单处理进度)" : null)
          .records("progress").add();
    }
    for (TicketState s : EnumSet.complementOf(EnumSet.of(TicketState.REPLIED))) {
      b.transition("TICKET-09", s, TicketEvent.SEND_RAW_CDRS, s)
          .by(Role.BILLING_DECLARANT)
          .guard("TICKET-09", "cdrCompressed", (c, a) -> !c.data().cdrCompressed().orElse(false)
              ? "compress the raw CDRs before mailing them (进行压缩加密后发送)" : null)
          .guard("TICKET-09", "cdrEncrypted", (c, a) -> !c.data().cdrEncrypted().orElse(false)
              ? "encrypt the raw CDRs before mailing them (进行压缩加密后发送)" : null)
          .guard("TICKET-09", "cdrSentTo", (c, a) -> blank(c.data().cdrSentTo())
              ? "name the mailbox: 省网维公共邮箱 (发送至省网维公共邮箱)" : null)
          .records("cdrCompressed", "cdrEncrypted", "cdrSentTo").add();
    }
    b.terminal(TicketState.REPLIED);
    return b.build();
  }

  /** TICKET-03 「负责发起数据处理流程、升级投诉处理流程」: the pre-processor starts the data-processing and escalated flows. */
  private static String preProcessorStarts(Context c, Actor a) {
    return a.hasRole(Role.PRE_PROCESSOR) ? null
        : "only the pre-processor starts the data-processing and escalated-complaint flows (预处理人员…负责发起)";
  }

  private static String causeFirst(Context c, Actor a) {
    return c.ticket().cause().isEmpty() ? "judge the cause before routing the ticket (判断该问题引发的原因)" : null;
  }

  /** TICKET-13: only the billing-declaration duty the ticket was handed to forwards it to 省计费中心. */
  private static String notTheForwarder(Context c, Actor a) {
    return c.ticket().assignee().filter(a.id()::equals).isPresent() ? null
        : "only the billing-declaration duty the ticket was handed to (" + c.ticket().assignee().orElse("nobody")
            + ") submits it to 省计费中心 (由其提交至省计费中心协助处理)";
  }

  private static String onDutyFailure(Context c, Role duty, String name) {
    Optional<String> onDuty = c.roster().onDuty(duty, c.today());
    if (onDuty.isEmpty()) {
      return "no one is on " + name + " duty on " + c.today();
    }
    if (!c.data().assignee().equals(onDuty)) {
      return "hand the ticket to the person on " + name + " duty on " + c.today() + " (" + onDuty.get() + "), not "
          + c.data().assignee().orElse("nobody");
    }
    return null;
  }

}
