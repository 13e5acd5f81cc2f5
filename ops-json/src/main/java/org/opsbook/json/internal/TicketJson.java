package org.opsbook.json.internal;

import java.time.ZoneOffset;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.ReviewVerdict;
import org.opsbook.rules.ticket.TicketCause;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.ticket.TicketState;

/**
 * The JSON form of a complaint ticket and of SM-TICKET event data: field names are the ticket's own, timestamps
 * ISO-8601 in UTC, absent optional values left out. As a {@link WorkflowCodec} it stores tickets (the ID and state
 * are kept beside the text by the repository, and in it). Reading is strict: an unknown field, a wrong type or a
 * timestamp without an offset is invalid input naming the field. Thread-safe.
 */
public final class TicketJson implements WorkflowCodec<ComplaintTicket, TicketEventData> {
  /** A stored ticket. */
  public static final Schema<ComplaintTicket, ComplaintTicket.Builder> TICKET =
      Schema.of(ComplaintTicket::builder, ComplaintTicket.Builder::build)
      .req("ticketId", Kind.NONBLANK, ComplaintTicket::ticketId, ComplaintTicket.Builder::ticketId)
      .req("state", Kind.of(TicketState.class), ComplaintTicket::state, ComplaintTicket.Builder::state)
      .req("receivedAt", Kind.TIME, ComplaintTicket::receivedAt, ComplaintTicket.Builder::receivedAt)
      .opt("handler", Kind.TEXT, ComplaintTicket::handler, ComplaintTicket.Builder::handler)
      .opt("cause", Kind.of(TicketCause.class), ComplaintTicket::cause, ComplaintTicket.Builder::cause)
      .opt("escalationTrend", Kind.BOOL, ComplaintTicket::escalationTrend, ComplaintTicket.Builder::escalationTrend)
      .opt("escalationTrendJudgedBy", Kind.TEXT, ComplaintTicket::escalationTrendJudgedBy,
          ComplaintTicket.Builder::escalationTrendJudgedBy)
      .opt("escalationTrendJudgedAt", Kind.TIME, ComplaintTicket::escalationTrendJudgedAt,
          ComplaintTicket.Builder::escalationTrendJudgedAt)
      .flag("needsDeveloper", ComplaintTicket::needsDeveloper, ComplaintTicket.Builder::needsDeveloper)
      .flag("needsDataProcessing", ComplaintTicket::needsDataProcessing, ComplaintTicket.Builder::needsDataProcessing)
      .flag("needsProvincialBilling", ComplaintTicket::needsProvincialBilling,
          ComplaintTicket.Builder::needsProvincialBilling)
      .flag("needsExternalCoordination", ComplaintTicket::needsExternalCoordination,
          ComplaintTicket.Builder::needsExternalCoordination)
      .flag("rawCdrForProvincialNetMaint", ComplaintTicket::rawCdrForProvincialNetMaint,
          ComplaintTicket.Builder::rawCdrForProvincialNetMaint)
      .flag("handledByOutsourced", ComplaintTicket::handledByOutsourced, ComplaintTicket.Builder::handledByOutsourced)
      .opt("amsTicketNo", Kind.TEXT, ComplaintTicket::amsTicketNo, ComplaintTicket.Builder::amsTicketNo)
      .opt("amsDispatchedAt", Kind.TIME, ComplaintTicket::amsDispatchedAt, ComplaintTicket.Builder::amsDispatchedAt)
      .opt("amsReply", Kind.TEXT, ComplaintTicket::amsReply, ComplaintTicket.Builder::amsReply)
      .opt("verificationRecord", Kind.TEXT, ComplaintTicket::verificationRecord,
          ComplaintTicket.Builder::verificationRecord)
      .opt("opinion", Kind.TEXT, ComplaintTicket::opinion, ComplaintTicket.Builder::opinion)
      .opt("externalResult", Kind.TEXT, ComplaintTicket::externalResult, ComplaintTicket.Builder::externalResult)
      .opt("assignee", Kind.TEXT, ComplaintTicket::assignee, ComplaintTicket.Builder::assignee)
      .opt("forwardedToBillingDutyAt", Kind.TIME, ComplaintTicket::forwardedToBillingDutyAt,
          ComplaintTicket.Builder::forwardedToBillingDutyAt)
      .opt("forwardedToDataModDutyAt", Kind.TIME, ComplaintTicket::forwardedToDataModDutyAt,
          ComplaintTicket.Builder::forwardedToDataModDutyAt)
      .opt("provincialRef", Kind.TEXT, ComplaintTicket::provincialRef, ComplaintTicket.Builder::provincialRef)
      .opt("provincialForwardedAt", Kind.TIME, ComplaintTicket::provincialForwardedAt,
          ComplaintTicket.Builder::provincialForwardedAt)
      .opt("provincialReply", Kind.TEXT, ComplaintTicket::provincialReply, ComplaintTicket.Builder::provincialReply)
      .opt("rawCdrSentAt", Kind.TIME, ComplaintTicket::rawCdrSentAt, ComplaintTicket.Builder::rawCdrSentAt)
      .opt("rawCdrSentTo", Kind.TEXT, ComplaintTicket::rawCdrSentTo, ComplaintTicket.Builder::rawCdrSentTo)
      .opt("scriptRef", Kind.TEXT, ComplaintTicket::scriptRef, ComplaintTicket.Builder::scriptRef)
      .opt("linkedDataOpId", Kind.TEXT, ComplaintTicket::linkedDataOpId, ComplaintTicket.Builder::linkedDataOpId)
      .opt("linkedFaultId", Kind.TEXT, ComplaintTicket::linkedFaultId, ComplaintTicket.Builder::linkedFaultId)
      .opt("linkedBugId", Kind.TEXT, ComplaintTicket::linkedBugId, ComplaintTicket.Builder::linkedBugId)
      .opt("handlingOpinion", Kind.TEXT, ComplaintTicket::handlingOpinion, ComplaintTicket.Builder::handlingOpinion)
      .opt("reviewVerdict", Kind.of(ReviewVerdict.class), ComplaintTicket::reviewVerdict,
          ComplaintTicket.Builder::reviewVerdict)
      .opt("reviewNote", Kind.TEXT, ComplaintTicket::reviewNote, ComplaintTicket.Builder::reviewNote)
      .opt("ticketCategory", Kind.TEXT, ComplaintTicket::ticketCategory, ComplaintTicket.Builder::ticketCategory)
      .opt("frontDeskReply", Kind.TEXT, ComplaintTicket::frontDeskReply, ComplaintTicket.Builder::frontDeskReply)
      .opt("closedAt", Kind.TIME, ComplaintTicket::closedAt, ComplaintTicket.Builder::closedAt)
      .list("progressUpdates", Kind.TIME, ComplaintTicket::progressUpdates,
          ComplaintTicket.Builder::addAllProgressUpdates);
  /** An event's {@code data} object. */
  public static final Schema<TicketEventData, TicketEventData.Builder> EVENT =
      Schema.of(TicketEventData::builder, TicketEventData.Builder::build)
      .opt("cause", Kind.of(TicketCause.class), TicketEventData::cause, TicketEventData.Builder::cause)
      .opt("escalationTrend", Kind.BOOL, TicketEventData::escalationTrend, TicketEventData.Builder::escalationTrend)
      .opt("needsDeveloper", Kind.BOOL, TicketEventData::needsDeveloper, TicketEventData.Builder::needsDeveloper)
      .opt("needsDataProcessing", Kind.BOOL, TicketEventData::needsDataProcessing,
          TicketEventData.Builder::needsDataProcessing)
      .opt("needsProvincialBilling", Kind.BOOL, TicketEventData::needsProvincialBilling,
          TicketEventData.Builder::needsProvincialBilling)
      .opt("needsExternalCoordination", Kind.BOOL, TicketEventData::needsExternalCoordination,
          TicketEventData.Builder::needsExternalCoordination)
      .opt("rawCdrForProvincialNetMaint", Kind.BOOL, TicketEventData::rawCdrForProvincialNetMaint,
          TicketEventData.Builder::rawCdrForProvincialNetMaint)
      .opt("amsTicketNo", Kind.TEXT, TicketEventData::amsTicketNo, TicketEventData.Builder::amsTicketNo)
      .opt("amsReply", Kind.TEXT, TicketEventData::amsReply, TicketEventData.Builder::amsReply)
      .opt("amsReplyReviewed", Kind.BOOL, TicketEventData::amsReplyReviewed, TicketEventData.Builder::amsReplyReviewed)
      .opt("verificationRecord", Kind.TEXT, TicketEventData::verificationRecord,
          TicketEventData.Builder::verificationRecord)
      .opt("opinion", Kind.TEXT, TicketEventData::opinion, TicketEventData.Builder::opinion)
      .opt("externalResult", Kind.TEXT, TicketEventData::externalResult, TicketEventData.Builder::externalResult)
      .opt("next", Kind.of(TicketState.class), TicketEventData::next, TicketEventData.Builder::next)
      .opt("assignee", Kind.TEXT, TicketEventData::assignee, TicketEventData.Builder::assignee)
      .opt("provincialRef", Kind.TEXT, TicketEventData::provincialRef, TicketEventData.Builder::provincialRef)
      .opt("provincialReply", Kind.TEXT, TicketEventData::provincialReply, TicketEventData.Builder::provincialReply)
      .opt("provincialReplyReviewed", Kind.BOOL, TicketEventData::provincialReplyReviewed,
          TicketEventData.Builder::provincialReplyReviewed)
      .opt("cdrCompressed", Kind.BOOL, TicketEventData::cdrCompressed, TicketEventData.Builder::cdrCompressed)
      .opt("cdrEncrypted", Kind.BOOL, TicketEventData::cdrEncrypted, TicketEventData.Builder::cdrEncrypted)
      .opt("cdrSentTo", Kind.TEXT, TicketEventData::cdrSentTo, TicketEventData.Builder::cdrSentTo)
      .opt("scriptRef", Kind.TEXT, TicketEventData::scriptRef, TicketEventData.Builder::scriptRef)
      .opt("dataOpId", Kind.TEXT, TicketEventData::dataOpId, TicketEventData.Builder::dataOpId)
      .opt("dataOpClosed", Kind.BOOL, TicketEventData::dataOpClosed, TicketEventData.Builder::dataOpClosed)
      .opt("faultId", Kind.TEXT, TicketEventData::faultId, TicketEventData.Builder::faultId)
      .opt("reason", Kind.TEXT, TicketEventData::reason, TicketEventData.Builder::reason)
      .opt("handlingOpinion", Kind.TEXT, TicketEventData::handlingOpinion, TicketEventData.Builder::handlingOpinion)
      .opt("bugId", Kind.TEXT, TicketEventData::bugId, TicketEventData.Builder::bugId)
      .opt("linkedFlowResolved", Kind.BOOL, TicketEventData::linkedFlowResolved,
          TicketEventData.Builder::linkedFlowResolved)
      .opt("reviewVerdict", Kind.of(ReviewVerdict.class), TicketEventData::reviewVerdict,
          TicketEventData.Builder::reviewVerdict)
      .opt("ticketCategory", Kind.TEXT, TicketEventData::ticketCategory, TicketEventData.Builder::ticketCategory)
      .opt("replyText", Kind.TEXT, TicketEventData::replyText, TicketEventData.Builder::replyText)
      .opt("progress", Kind.TEXT, TicketEventData::progress, TicketEventData.Builder::progress);

  @Override
  public String encode(ComplaintTicket ticket) {
    return OpsJson.write(TICKET.write(ticket, ZoneOffset.UTC));
  }

  @Override
  public ComplaintTicket decode(WorkflowInstance stored) {
    return TICKET.read(OpsJson.parse(stored.dataJson()), "");
  }

  @Override
  public String encodeData(TicketEventData data) {
    return OpsJson.write(EVENT.write(data, ZoneOffset.UTC));
  }

  /** Reads event data from an object already opened with the fields its event records. */
  static TicketEventData data(JsonFields data) {
    return EVENT.read(data);
  }
}
