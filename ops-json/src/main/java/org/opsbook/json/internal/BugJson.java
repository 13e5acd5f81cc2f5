package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.internal.bug.BugCodec;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.NoticeChannel;

/**
 * The JSON form of a BUG and of SM-BUG event data, as the BUG service stores them: field names are the catalog's
 * (§2.6), timestamps ISO-8601 in UTC, absent optional values left out. Reading is strict: an unknown field, a wrong
 * type or a timestamp without an offset is invalid input naming the field. Thread-safe.
 */
public final class BugJson implements BugCodec {
  /** A stored BUG. */
  public static final Schema<BugTicket, BugTicket.Builder> TICKET =
      Schema.of(BugTicket::builder, BugTicket.Builder::build)
      .req("bugId", Kind.NONBLANK, BugTicket::bugId, BugTicket.Builder::bugId)
      .req("state", Kind.of(BugState.class), BugTicket::state, BugTicket.Builder::state)
      .req("raisedAt", Kind.TIME, BugTicket::raisedAt, BugTicket.Builder::raisedAt)
      .req("submittedBy", Kind.NONBLANK, BugTicket::submittedBy, BugTicket.Builder::submittedBy)
      .req("description", Kind.NONBLANK, BugTicket::description, BugTicket.Builder::description)
      .list("complaintNumbers", Kind.TEXT, BugTicket::complaintNumbers, BugTicket.Builder::addAllComplaintNumbers)
      .req("complaintIssue", Kind.NONBLANK, BugTicket::complaintIssue, BugTicket.Builder::complaintIssue)
      .opt("linkedTicketId", Kind.TEXT, BugTicket::linkedTicketId, BugTicket.Builder::linkedTicketId)
      .opt("linkedFaultId", Kind.TEXT, BugTicket::linkedFaultId, BugTicket.Builder::linkedFaultId)
      .opt("amsBugTicketNo", Kind.TEXT, BugTicket::amsBugTicketNo, BugTicket.Builder::amsBugTicketNo)
      .opt("developer", Kind.TEXT, BugTicket::developer, BugTicket.Builder::developer)
      .list("noticePublishedOn", Kind.of(NoticeChannel.class), BugTicket::noticePublishedOn,
          BugTicket.Builder::addAllNoticePublishedOn)
      .opt("noticePublishedAt", Kind.TIME, BugTicket::noticePublishedAt, BugTicket.Builder::noticePublishedAt)
      .opt("uploadEta", Kind.TIME, BugTicket::uploadEta, BugTicket.Builder::uploadEta)
      .opt("workaround", Kind.TEXT, BugTicket::workaround, BugTicket.Builder::workaround)
      .opt("opsRoomAgreedBy", Kind.TEXT, BugTicket::opsRoomAgreedBy, BugTicket.Builder::opsRoomAgreedBy)
      .opt("supportRoomAgreedBy", Kind.TEXT, BugTicket::supportRoomAgreedBy, BugTicket.Builder::supportRoomAgreedBy)
      .opt("cmcpCollabTicketNo", Kind.TEXT, BugTicket::cmcpCollabTicketNo, BugTicket.Builder::cmcpCollabTicketNo)
      .opt("supportRoomTicketNo", Kind.TEXT, BugTicket::supportRoomTicketNo, BugTicket.Builder::supportRoomTicketNo)
      .count("bugAffectedCustomers", BugTicket::bugAffectedCustomers, BugTicket.Builder::bugAffectedCustomers)
      .opt("csComplaintLevel", Kind.atLeast(1), x -> Schema.boxed(x.csComplaintLevel()),
          BugTicket.Builder::csComplaintLevel)
      .flag("needsEmergencyRelease", BugTicket::needsEmergencyRelease, BugTicket.Builder::needsEmergencyRelease)
      .opt("impactAssessedAt", Kind.TIME, BugTicket::impactAssessedAt, BugTicket.Builder::impactAssessedAt)
      .opt("developerReply", Kind.TEXT, BugTicket::developerReply, BugTicket.Builder::developerReply)
      .opt("fixVersion", Kind.TEXT, BugTicket::fixVersion, BugTicket.Builder::fixVersion)
      .count("acceptanceRejections", BugTicket::acceptanceRejections, BugTicket.Builder::acceptanceRejections)
      .opt("lastRejectionReason", Kind.TEXT, BugTicket::lastRejectionReason, BugTicket.Builder::lastRejectionReason)
      .opt("uploadedAt", Kind.TIME, BugTicket::uploadedAt, BugTicket.Builder::uploadedAt)
      .flag("needsDataFix", BugTicket::needsDataFix, BugTicket.Builder::needsDataFix)
      .opt("linkedDataOpId", Kind.TEXT, BugTicket::linkedDataOpId, BugTicket.Builder::linkedDataOpId)
      .opt("lastWeeklyUpdateAt", Kind.TIME, BugTicket::lastWeeklyUpdateAt, BugTicket.Builder::lastWeeklyUpdateAt)
      .opt("lastWeeklyUpdate", Kind.TEXT, BugTicket::lastWeeklyUpdate, BugTicket.Builder::lastWeeklyUpdate)
      .opt("weeklySummaryRef", Kind.TEXT, BugTicket::weeklySummaryRef, BugTicket.Builder::weeklySummaryRef)
      .opt("closedAt", Kind.TIME, BugTicket::closedAt, BugTicket.Builder::closedAt);
  /** An event's {@code data} object. */
  public static final Schema<BugEventData, BugEventData.Builder> EVENT =
      Schema.of(BugEventData::builder, BugEventData.Builder::build)
      .opt("description", Kind.TEXT, BugEventData::description, BugEventData.Builder::description)
      .list("complaintNumbers", Kind.TEXT, BugEventData::complaintNumbers, BugEventData.Builder::addAllComplaintNumbers)
      .opt("complaintIssue", Kind.TEXT, BugEventData::complaintIssue, BugEventData.Builder::complaintIssue)
      .opt("linkedTicketId", Kind.TEXT, BugEventData::linkedTicketId, BugEventData.Builder::linkedTicketId)
      .opt("linkedFaultId", Kind.TEXT, BugEventData::linkedFaultId, BugEventData.Builder::linkedFaultId)
      .opt("amsBugTicketNo", Kind.TEXT, BugEventData::amsBugTicketNo, BugEventData.Builder::amsBugTicketNo)
      .opt("recheckAccepted", Kind.BOOL, BugEventData::recheckAccepted, BugEventData.Builder::recheckAccepted)
      .opt("developer", Kind.TEXT, BugEventData::developer, BugEventData.Builder::developer)
      .list("channels", Kind.of(NoticeChannel.class), BugEventData::channels, BugEventData.Builder::addAllChannels)
      .opt("uploadEta", Kind.TIME, BugEventData::uploadEta, BugEventData.Builder::uploadEta)
      .opt("workaround", Kind.TEXT, BugEventData::workaround, BugEventData.Builder::workaround)
      .opt("opsRoomAgreedBy", Kind.TEXT, BugEventData::opsRoomAgreedBy, BugEventData.Builder::opsRoomAgreedBy)
      .opt("supportRoomAgreedBy", Kind.TEXT, BugEventData::supportRoomAgreedBy,
          BugEventData.Builder::supportRoomAgreedBy)
      .opt("cmcpCollabTicketNo", Kind.TEXT, BugEventData::cmcpCollabTicketNo, BugEventData.Builder::cmcpCollabTicketNo)
      .opt("supportRoomTicketNo", Kind.TEXT, BugEventData::supportRoomTicketNo,
          BugEventData.Builder::supportRoomTicketNo)
      .opt("bugAffectedCustomers", Kind.atLeast(0), x -> Schema.boxed(x.bugAffectedCustomers()),
          BugEventData.Builder::bugAffectedCustomers)
      .opt("csComplaintLevel", Kind.atLeast(1), x -> Schema.boxed(x.csComplaintLevel()),
          BugEventData.Builder::csComplaintLevel)
      .opt("needsEmergencyRelease", Kind.BOOL, BugEventData::needsEmergencyRelease,
          BugEventData.Builder::needsEmergencyRelease)
      .opt("needsDataFix", Kind.BOOL, BugEventData::needsDataFix, BugEventData.Builder::needsDataFix)
      .opt("reply", Kind.TEXT, BugEventData::reply, BugEventData.Builder::reply)
      .opt("version", Kind.TEXT, BugEventData::version, BugEventData.Builder::version)
      .opt("reason", Kind.TEXT, BugEventData::reason, BugEventData.Builder::reason)
      .opt("acceptancePassed", Kind.BOOL, BugEventData::acceptancePassed, BugEventData.Builder::acceptancePassed)
      .opt("uploaded", Kind.BOOL, BugEventData::uploaded, BugEventData.Builder::uploaded)
      .opt("weeklySummaryRef", Kind.TEXT, BugEventData::weeklySummaryRef, BugEventData.Builder::weeklySummaryRef)
      .opt("updateText", Kind.TEXT, BugEventData::updateText, BugEventData.Builder::updateText)
      .opt("dataOpId", Kind.TEXT, BugEventData::dataOpId, BugEventData.Builder::dataOpId);

  @Override
  public String write(BugTicket bug) {
    return OpsJson.write(TICKET.write(bug, ZoneOffset.UTC));
  }

  @Override
  public BugTicket read(String text) {
    return TICKET.read(OpsJson.parse(text), "");
  }

  @Override
  public String write(BugEventData data) {
    return OpsJson.write(EVENT.write(data, ZoneOffset.UTC));
  }

  /** Writes a BUG as a JSON object. */
  public static ObjectNode toJson(BugTicket b) {
    return TICKET.write(b, ZoneOffset.UTC);
  }

  /** Reads a BUG from a JSON object at {@code path}. */
  public static BugTicket fromJson(JsonNode node, String path) {
    return TICKET.read(node, path);
  }

  /** Reads event data from a JSON object at {@code path}; negative counts are invalid input. */
  public static BugEventData eventFromJson(JsonNode node, String path) {
    return EVENT.read(node, path);
  }
}
