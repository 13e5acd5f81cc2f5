package org.opsbook.rules.ticket;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.opsbook.core.Masking;
import org.opsbook.core.internal.EventIds;
import org.opsbook.rules.ticket.ComplaintTicket.ReviewVerdict;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;

/**
 * What an SM-TICKET event records (rules-catalog §4.1, column "Must record"): every field is optional here, and
 * each transition's guards demand the ones it needs, naming the rule. Immutable.
 */
@Value.Immutable
public abstract class TicketEventData {
  /** setCause: the cause (TICKET-10). */
  public abstract Optional<TicketCause> cause();

  /** setCause: the escalation-trend judgement (TICKET-11). */
  public abstract Optional<Boolean> escalationTrend();

  /** setCause: the ticket needs the developer through AMS (TICKET-01); a system fault does unless this says not. */
  public abstract Optional<Boolean> needsDeveloper();

  /** setCause: the ticket needs a data modification (TICKET-01). */
  public abstract Optional<Boolean> needsDataProcessing();

  /** setCause: the ticket needs 省计费中心 (TICKET-01). */
  public abstract Optional<Boolean> needsProvincialBilling();

  /** setCause: the ticket needs other departments or the provincial company (TICKET-05). */
  public abstract Optional<Boolean> needsExternalCoordination();

  /** setCause: raw CDRs go to 省网维中心 (TICKET-09). */
  public abstract Optional<Boolean> rawCdrForProvincialNetMaint();

  /** dispatchAms: AMS单号 (TICKET-15). */
  public abstract Optional<String> amsTicketNo();

  /** amsReplyReviewed: the developer's reply (回单). */
  public abstract Optional<String> amsReply();

  /** amsReplyReviewed: the pre-processor reviewed the reply (对回单结果进行审核). */
  public abstract Optional<Boolean> amsReplyReviewed();

  /** submitForCoordination: 查证记录 (TICKET-12). */
  public abstract Optional<String> verificationRecord();

  /** submitForCoordination: 意见 (TICKET-12). */
  public abstract Optional<String> opinion();

  /** externalResultConfirmed: the external department's confirmed result (TICKET-18). */
  public abstract Optional<String> externalResult();

  /** externalResultConfirmed: where the ticket goes next, PREPROCESSING or UNDER_REVIEW. */
  public abstract Optional<TicketState> next();

  /** submitToBillingDuty / submitToDataModDuty: the person handed the ticket (TICKET-13, TICKET-14). */
  public abstract Optional<String> assignee();

  /** provincialReplyReviewed: the 省计费中心 reference (TICKET-07). */
  public abstract Optional<String> provincialRef();

  /** provincialReplyReviewed: the reply. */
  public abstract Optional<String> provincialReply();

  /** provincialReplyReviewed: the declarant reviewed the reply (TICKET-08). */
  public abstract Optional<Boolean> provincialReplyReviewed();

  /** sendRawCdrs: the raw CDRs were compressed (压缩, TICKET-09). */
  public abstract Optional<Boolean> cdrCompressed();

  /** sendRawCdrs: the raw CDRs were encrypted (加密, TICKET-09). */
  public abstract Optional<Boolean> cdrEncrypted();

  /** sendRawCdrs: the mailbox they went to: 省网维公共邮箱 (TICKET-09). */
  public abstract Optional<String> cdrSentTo();

  /** submitToDataModDuty: the script (TICKET-14). */
  public abstract Optional<String> scriptRef();

  /** submitToDataModDuty / dataFixClosed: the data-modification workflow. */
  public abstract Optional<String> dataOpId();

  /** dataFixClosed: the linked data modification reached CLOSED. */
  public abstract Optional<Boolean> dataOpClosed();

  /** escalate: the escalated fault (TICKET-11, TICKET-19). */
  public abstract Optional<String> faultId();

  /** escalate / reviewNotDone: why. */
  public abstract Optional<String> reason();

  /** submitForReview: 处理意见 (TICKET-16). */
  public abstract Optional<String> handlingOpinion();

  /** raiseBug: the BUG (TICKET-20). */
  public abstract Optional<String> bugId();

  /** linkedFlowResolved: the linked BUG or escalated fault is resolved. */
  public abstract Optional<Boolean> linkedFlowResolved();

  /** approveAndArchive: the verdict (TICKET-17). */
  public abstract Optional<ReviewVerdict> reviewVerdict();

  /** approveAndArchive: 工单类别 (TICKET-21). */
  public abstract Optional<String> ticketCategory();

  /** replyFrontDesk: the reply (TICKET-21). */
  public abstract Optional<String> replyText();

  /** updateProgress: the progress written (TICKET-02). */
  public abstract Optional<String> progress();

  /** Returns the recorded values as text, by field name, for the audit entry. */
  public Map<String, String> details() {
    Map<String, String> d = new TreeMap<>();
    cause().ifPresent(v -> d.put("cause", v.name()));
    escalationTrend().ifPresent(v -> d.put("escalationTrend", v.toString()));
    needsDeveloper().ifPresent(v -> d.put("needsDeveloper", v.toString()));
    needsDataProcessing().ifPresent(v -> d.put("needsDataProcessing", v.toString()));
    needsProvincialBilling().ifPresent(v -> d.put("needsProvincialBilling", v.toString()));
    needsExternalCoordination().ifPresent(v -> d.put("needsExternalCoordination", v.toString()));
    rawCdrForProvincialNetMaint().ifPresent(v -> d.put("rawCdrForProvincialNetMaint", v.toString()));
    amsTicketNo().ifPresent(v -> d.put("amsTicketNo", v));
    amsReply().ifPresent(v -> d.put("amsReply", v));
    amsReplyReviewed().ifPresent(v -> d.put("amsReplyReviewed", v.toString()));
    verificationRecord().ifPresent(v -> d.put("verificationRecord", v));
    opinion().ifPresent(v -> d.put("opinion", v));
    externalResult().ifPresent(v -> d.put("externalResult", v));
    next().ifPresent(v -> d.put("next", v.name()));
    assignee().ifPresent(v -> d.put("assignee", v));
    provincialRef().ifPresent(v -> d.put("provincialRef", v));
    provincialReply().ifPresent(v -> d.put("provincialReply", v));
    provincialReplyReviewed().ifPresent(v -> d.put("provincialReplyReviewed", v.toString()));
    cdrCompressed().ifPresent(v -> d.put("cdrCompressed", v.toString()));
    cdrEncrypted().ifPresent(v -> d.put("cdrEncrypted", v.toString()));
    cdrSentTo().ifPresent(v -> d.put("cdrSentTo", v));
    scriptRef().ifPresent(v -> d.put("scriptRef", v));
    dataOpId().ifPresent(v -> d.put("dataOpId", v));
    dataOpClosed().ifPresent(v -> d.put("dataOpClosed", v.toString()));
    faultId().ifPresent(v -> d.put("faultId", v));
    reason().ifPresent(v -> d.put("reason", v));
    handlingOpinion().ifPresent(v -> d.put("handlingOpinion", v));
    bugId().ifPresent(v -> d.put("bugId", v));
    linkedFlowResolved().ifPresent(v -> d.put("linkedFlowResolved", v.toString()));
    reviewVerdict().ifPresent(v -> d.put("reviewVerdict", v.name()));
    ticketCategory().ifPresent(v -> d.put("ticketCategory", v));
    replyText().ifPresent(v -> d.put("replyText", v));
    progress().ifPresent(v -> d.put("progress", v));
    return d;
  }

  @Override
  public String toString() {
    Map<String, String> d = details();
    d.replaceAll((k, v) -> Masking.phonesIn(v));
    return "TicketEventData" + d;
  }

  /** Returns an empty record. */
  public static TicketEventData empty() {
    return builder().build();
  }

  /** Canonical person IDs ({@link org.opsbook.core.PersonIds}): one person, one ID in every guard. */
  @Value.Check
  protected TicketEventData canonicalIds() {
    if (EventIds.isCanonical(assignee())) {
      return this;
    }
    return ((ImmutableTicketEventData) ImmutableTicketEventData.copyOf(this))
        .withAssignee(EventIds.canonical("assignee", assignee()));
  }

  /**
   * Returns this data with {@link #dataOpClosed()} as {@code closed}: SM-TICKET-T10's premise, which a host holding
   * the linked data modification knows better than the step that claims it.
   */
  public TicketEventData withDataOpClosed(boolean closed) {
    return ImmutableTicketEventData.copyOf(this).withDataOpClosed(closed);
  }

  /**
   * Returns this data with {@link #linkedFlowResolved()} as {@code resolved}: SM-TICKET-T15's premise, which a host
   * holding the linked BUG or fault knows better than the step that claims it.
   */
  public TicketEventData withLinkedFlowResolved(boolean resolved) {
    return ImmutableTicketEventData.copyOf(this).withLinkedFlowResolved(resolved);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TicketEventData}. */
  public static final class Builder extends ImmutableTicketEventData.Builder {}
}
