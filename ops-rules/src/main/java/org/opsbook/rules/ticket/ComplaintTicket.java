package org.opsbook.rules.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Role;

/**
 * A complaint ticket as SM-TICKET keeps it (rules-catalog §2.4): its state, owner and what its transitions
 * recorded, including the progress updates TICKET-02 checks. Built by the workflow behind {@code Tickets}. Immutable.
 */
@Value.Immutable
public abstract class ComplaintTicket {
  /** The ticket's ID. */
  public abstract String ticketId();

  /** The state in SM-TICKET. */
  public abstract TicketState state();

  /** When the ticket was received; day d0 of TICKET-02. */
  public abstract Instant receivedAt();

  /** Who holds the ticket now (actor ID), once someone took it up. */
  public abstract Optional<String> handler();

  /** The cause (TICKET-10). */
  public abstract Optional<TicketCause> cause();

  /** The escalation-trend judgement (TICKET-11). */
  public abstract Optional<Boolean> escalationTrend();

  /** Who judged the cause and the escalation trend (TICKET-11: the judgement is recorded with who and when). */
  public abstract Optional<String> escalationTrendJudgedBy();

  /** When the cause and the escalation trend were judged (TICKET-11). */
  public abstract Optional<Instant> escalationTrendJudgedAt();

  /** The ticket needs the developer's help through AMS (TICKET-01, TICKET-15); a system fault does by default. */
  @Value.Default
  public boolean needsDeveloper() {
    return false;
  }

  /** The ticket needs a data modification by the day's data-modification duty (TICKET-01, TICKET-14). */
  @Value.Default
  public boolean needsDataProcessing() {
    return false;
  }

  /** The ticket needs 省计费中心 through the day's billing-declaration duty (TICKET-01, TICKET-07, TICKET-13). */
  @Value.Default
  public boolean needsProvincialBilling() {
    return false;
  }

  /** The ticket needs other departments or the provincial company (TICKET-05, TICKET-12). */
  @Value.Default
  public boolean needsExternalCoordination() {
    return false;
  }

  /** Raw CDRs go to 省网维中心 for the ticket (TICKET-09). */
  @Value.Default
  public boolean rawCdrForProvincialNetMaint() {
    return false;
  }

  /** An outsourced agent (业务外包人员) handles the ticket, so the reviewer chases it (TICKET-04). */
  @Value.Default
  public boolean handledByOutsourced() {
    return false;
  }

  /** AMS单号 of the developer dispatch (TICKET-15). */
  public abstract Optional<String> amsTicketNo();

  /** When the ticket was last dispatched to the developer through AMS (TICKET-15). */
  public abstract Optional<Instant> amsDispatchedAt();

  /** The developer's reply (回单) once reviewed (TICKET-15). */
  public abstract Optional<String> amsReply();

  /** 查证记录 for external coordination (TICKET-12). */
  public abstract Optional<String> verificationRecord();

  /** 意见 for external coordination (TICKET-12). */
  public abstract Optional<String> opinion();

  /** The confirmed result of external coordination (TICKET-18). */
  public abstract Optional<String> externalResult();

  /** Who the ticket was handed to: the day's billing or data-modification duty (TICKET-13, TICKET-14). */
  public abstract Optional<String> assignee();

  /** When the ticket went to the day's billing-declaration duty (TICKET-13). */
  public abstract Optional<Instant> forwardedToBillingDutyAt();

  /** When the ticket went to the day's data-modification duty (TICKET-14). */
  public abstract Optional<Instant> forwardedToDataModDutyAt();

  /** The provincial billing reference (TICKET-07). */
  public abstract Optional<String> provincialRef();

  /** When the declarant forwarded it to 省计费中心 through 省计费网站 (TICKET-07). */
  public abstract Optional<Instant> provincialForwardedAt();

  /** The provincial billing reply, once reviewed (TICKET-08). */
  public abstract Optional<String> provincialReply();

  /** When the raw CDRs went, compressed and encrypted, to 省网维公共邮箱 (TICKET-09). */
  public abstract Optional<Instant> rawCdrSentAt();

  /** The mailbox the raw CDRs went to (TICKET-09). */
  public abstract Optional<String> rawCdrSentTo();

  /** The data-fix script (TICKET-14). */
  public abstract Optional<String> scriptRef();

  /** The data-modification workflow opened for the fix (TICKET-14). */
  public abstract Optional<String> linkedDataOpId();

  /** The escalated fault the ticket joined (TICKET-11, TICKET-19). */
  public abstract Optional<String> linkedFaultId();

  /** The BUG the ticket waits on (TICKET-20). */
  public abstract Optional<String> linkedBugId();

  /** 处理意见 recorded before review (TICKET-16). */
  public abstract Optional<String> handlingOpinion();

  /** The reviewer's verdict (TICKET-17). */
  public abstract Optional<ReviewVerdict> reviewVerdict();

  /** Why the review sent it back (TICKET-17). */
  public abstract Optional<String> reviewNote();

  /** 工单类别 archived (TICKET-21). */
  public abstract Optional<String> ticketCategory();

  /** The reply to the front desk (TICKET-21). */
  public abstract Optional<String> frontDeskReply();

  /** When the ticket was closed (replied); empty while open. */
  public abstract Optional<Instant> closedAt();

  /** When progress was written into the ticket (TICKET-02), in order. */
  public abstract List<Instant> progressUpdates();

  @Value.Check
  protected void check() {
    if (ticketId().isBlank()) {
      throw new InvalidInputException("ticketId", "ticketId must not be blank");
    }
  }

  @Override
  public String toString() {
    return "ComplaintTicket{ticketId=" + ticketId() + ", state=" + state() + ", receivedAt=" + receivedAt()
        + ", handler=" + handler().orElse("-") + ", cause=" + cause().map(Enum::name).orElse("-") + ", opinion="
        + handlingOpinion().map(Masking::phonesIn).orElse("-") + "}";
  }

  /** Returns a new ticket in RECEIVED. */
  public static ComplaintTicket received(String ticketId, Instant receivedAt) {
    return builder().ticketId(ticketId).state(TicketState.RECEIVED).receivedAt(receivedAt).build();
  }

  /**
   * Returns this ticket after the step {@code event} of SM-TICKET, taken by {@code actor} at {@code at} with
   * {@code data}, moved to {@code to}: what the step records. Checks nothing: the workflow behind {@code Tickets}
   * decides whether the step may be taken.
   */
  public ComplaintTicket after(TicketEvent event, TicketState to, Actor actor, TicketEventData data, Instant at) {
    ImmutableComplaintTicket t = (ImmutableComplaintTicket) ImmutableComplaintTicket.copyOf(this);
    return (switch (event) {
      case ACCEPT -> t.withHandler(actor.id()).withHandledByOutsourced(actor.hasRole(Role.OUTSOURCED_AGENT)
          && !actor.hasRole(Role.PRE_PROCESSOR));
      case SET_CAUSE -> t.withCause(data.cause()).withEscalationTrend(data.escalationTrend())
          .withEscalationTrendJudgedBy(actor.id()).withEscalationTrendJudgedAt(at)
          .withNeedsDeveloper(data.needsDeveloper().orElse(t.needsDeveloper()
              || data.cause().orElseThrow() == TicketCause.SYSTEM_FAULT))
          .withNeedsDataProcessing(data.needsDataProcessing().orElse(t.needsDataProcessing()))
          .withNeedsProvincialBilling(data.needsProvincialBilling().orElse(t.needsProvincialBilling()))
          .withNeedsExternalCoordination(data.needsExternalCoordination().orElse(t.needsExternalCoordination()))
          .withRawCdrForProvincialNetMaint(data.rawCdrForProvincialNetMaint()
              .orElse(t.rawCdrForProvincialNetMaint()));
      case DISPATCH_AMS -> t.withAmsTicketNo(data.amsTicketNo()).withAmsDispatchedAt(at);
      case AMS_REPLY_REVIEWED -> t.withAmsReply(data.amsReply());
      case SUBMIT_FOR_COORDINATION -> t.withVerificationRecord(data.verificationRecord()).withOpinion(data.opinion())
          .withNeedsExternalCoordination(true);
      case EXTERNAL_RESULT_CONFIRMED -> t.withExternalResult(data.externalResult()).withHandler(actor.id());
      case SUBMIT_TO_BILLING_DUTY -> t.withAssignee(data.assignee()).withHandler(data.assignee())
          .withNeedsProvincialBilling(true).withForwardedToBillingDutyAt(at);
      case PROVINCIAL_REPLY_REVIEWED -> t.withProvincialRef(data.provincialRef().or(t::provincialRef))
          .withProvincialReply(data.provincialReply());
      case SUBMIT_TO_DATA_MOD_DUTY -> t.withScriptRef(data.scriptRef()).withAssignee(data.assignee())
          .withHandler(data.assignee()).withLinkedDataOpId(data.dataOpId()).withNeedsDataProcessing(true)
          .withForwardedToDataModDutyAt(at);
      case DATA_FIX_CLOSED -> t;
      case ESCALATE -> t.withLinkedFaultId(data.faultId());
      case SUBMIT_FOR_REVIEW -> t.withHandlingOpinion(data.handlingOpinion());
      case REVIEW_NOT_DONE -> t.withReviewVerdict(ReviewVerdict.NOT_DONE).withReviewNote(data.reason());
      case RAISE_BUG -> t.withLinkedBugId(data.bugId());
      case LINKED_FLOW_RESOLVED -> t;
      case APPROVE_AND_ARCHIVE -> t.withReviewVerdict(ReviewVerdict.DONE).withTicketCategory(data.ticketCategory())
          .withHandler(actor.id());
      case REPLY_FRONT_DESK -> t.withFrontDeskReply(data.replyText()).withClosedAt(at);
      case UPDATE_PROGRESS -> t.withProgressUpdates(append(t.progressUpdates(), at));
      case FORWARD_TO_BILLING_CENTER -> t.withProvincialRef(data.provincialRef()).withProvincialForwardedAt(at);
      case SEND_RAW_CDRS -> t.withRawCdrForProvincialNetMaint(true).withRawCdrSentAt(at)
          .withRawCdrSentTo(data.cdrSentTo());
    }).withState(to);
  }

  private static List<Instant> append(List<Instant> list, Instant at) {
    List<Instant> out = new ArrayList<>(list);
    out.add(at);
    return out;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ComplaintTicket} values. */
  public static final class Builder extends ImmutableComplaintTicket.Builder {}

  /** The reviewer's verdict on a pre-processed ticket (TICKET-17): 「判断该投诉单是否处理完毕」. */
  public enum ReviewVerdict {
    /** 处理完毕. */
    DONE,
    /** Not finished: back to pre-processing. */
    NOT_DONE
  }

  /**
   * What caused a complaint (TICKET-10). Quote: 「判断该问题引发的原因(如系统故障、前台差错、业务规则等原因)」; the list is
   * open (「等」), hence {@link #OTHER}.
   */
  public enum TicketCause {
    /** 系统故障: forwarded to the responsible developer. */
    SYSTEM_FAULT,
    /** 前台差错: the frontline fixes it itself. */
    FRONT_DESK_ERROR,
    /** 业务规则: the frontline explains the rule. */
    BUSINESS_RULE,
    /** Any other cause. */
    OTHER
  }
}
