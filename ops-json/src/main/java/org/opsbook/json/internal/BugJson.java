package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.rules.bug.BugCodec;
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
  private static final ZoneId STORAGE_ZONE = ZoneOffset.UTC;
  private static final Set<String> TICKET_FIELDS = ImmutableSet.of("bugId", "state", "raisedAt", "submittedBy",
      "description", "complaintNumbers", "complaintIssue", "linkedTicketId", "linkedFaultId", "amsBugTicketNo",
      "developer", "noticePublishedOn", "noticePublishedAt", "uploadEta", "workaround", "opsRoomAgreedBy",
      "supportRoomAgreedBy", "cmcpCollabTicketNo", "supportRoomTicketNo", "bugAffectedCustomers",
      "csComplaintLevel", "needsEmergencyRelease", "impactAssessedAt", "developerReply", "fixVersion",
      "acceptanceRejections", "lastRejectionReason", "uploadedAt", "needsDataFix", "linkedDataOpId",
      "lastWeeklyUpdateAt", "lastWeeklyUpdate", "weeklySummaryRef", "closedAt");
  /** The fields of an event's {@code data} object. */
  public static final Set<String> EVENT_FIELDS = ImmutableSet.of("description", "complaintNumbers",
      "complaintIssue", "linkedTicketId", "linkedFaultId", "amsBugTicketNo", "recheckAccepted", "developer",
      "channels", "uploadEta", "workaround", "opsRoomAgreedBy", "supportRoomAgreedBy", "cmcpCollabTicketNo",
      "supportRoomTicketNo", "bugAffectedCustomers", "csComplaintLevel", "needsEmergencyRelease", "needsDataFix",
      "reply", "version", "reason", "acceptancePassed", "uploaded", "weeklySummaryRef", "updateText", "dataOpId");

  @Override
  public String write(BugTicket bug) {
    return OpsJson.write(toJson(bug));
  }

  @Override
  public BugTicket read(String text) {
    return fromJson(OpsJson.parse(text), "");
  }

  @Override
  public String write(BugEventData data) {
    return OpsJson.write(toJson(data));
  }

  /** Writes a BUG as a JSON object. */
  public static ObjectNode toJson(BugTicket b) {
    ObjectNode o = OpsJson.object();
    o.put("bugId", b.bugId());
    o.put("state", b.state().name());
    time(o, "raisedAt", Optional.of(b.raisedAt()));
    o.put("submittedBy", b.submittedBy());
    o.put("description", b.description());
    strings(o, "complaintNumbers", b.complaintNumbers());
    o.put("complaintIssue", b.complaintIssue());
    text(o, "linkedTicketId", b.linkedTicketId());
    text(o, "linkedFaultId", b.linkedFaultId());
    text(o, "amsBugTicketNo", b.amsBugTicketNo());
    text(o, "developer", b.developer());
    if (!b.noticePublishedOn().isEmpty()) {
      strings(o, "noticePublishedOn", b.noticePublishedOn().stream().map(Enum::name).sorted().toList());
    }
    time(o, "noticePublishedAt", b.noticePublishedAt());
    time(o, "uploadEta", b.uploadEta());
    text(o, "workaround", b.workaround());
    text(o, "opsRoomAgreedBy", b.opsRoomAgreedBy());
    text(o, "supportRoomAgreedBy", b.supportRoomAgreedBy());
    text(o, "cmcpCollabTicketNo", b.cmcpCollabTicketNo());
    text(o, "supportRoomTicketNo", b.supportRoomTicketNo());
    o.put("bugAffectedCustomers", b.bugAffectedCustomers());
    b.csComplaintLevel().ifPresent(v -> o.put("csComplaintLevel", v));
    o.put("needsEmergencyRelease", b.needsEmergencyRelease());
    time(o, "impactAssessedAt", b.impactAssessedAt());
    text(o, "developerReply", b.developerReply());
    text(o, "fixVersion", b.fixVersion());
    o.put("acceptanceRejections", b.acceptanceRejections());
    text(o, "lastRejectionReason", b.lastRejectionReason());
    time(o, "uploadedAt", b.uploadedAt());
    o.put("needsDataFix", b.needsDataFix());
    text(o, "linkedDataOpId", b.linkedDataOpId());
    time(o, "lastWeeklyUpdateAt", b.lastWeeklyUpdateAt());
    text(o, "lastWeeklyUpdate", b.lastWeeklyUpdate());
    text(o, "weeklySummaryRef", b.weeklySummaryRef());
    time(o, "closedAt", b.closedAt());
    return o;
  }

  /** Reads a BUG from a JSON object at {@code path}. */
  public static BugTicket fromJson(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, TICKET_FIELDS);
    BugTicket.Builder b = BugTicket.builder()
        .bugId(f.requiredString("bugId"))
        .state(f.requiredEnum("state", BugState.class))
        .raisedAt(f.requiredTimestamp("raisedAt"))
        .submittedBy(f.requiredString("submittedBy"))
        .description(f.requiredString("description"))
        .addAllComplaintNumbers(f.strings("complaintNumbers"))
        .complaintIssue(f.requiredString("complaintIssue"))
        .linkedTicketId(f.string("linkedTicketId"))
        .linkedFaultId(f.string("linkedFaultId"))
        .amsBugTicketNo(f.string("amsBugTicketNo"))
        .developer(f.string("developer"))
        .addAllNoticePublishedOn(f.enums("noticePublishedOn", NoticeChannel.class))
        .noticePublishedAt(f.timestamp("noticePublishedAt"))
        .uploadEta(f.timestamp("uploadEta"))
        .workaround(f.string("workaround"))
        .opsRoomAgreedBy(f.string("opsRoomAgreedBy"))
        .supportRoomAgreedBy(f.string("supportRoomAgreedBy"))
        .cmcpCollabTicketNo(f.string("cmcpCollabTicketNo"))
        .supportRoomTicketNo(f.string("supportRoomTicketNo"))
        .bugAffectedCustomers(f.count("bugAffectedCustomers"))
        .csComplaintLevel(f.optionalInt("csComplaintLevel", 1))
        .needsEmergencyRelease(f.bool("needsEmergencyRelease"))
        .impactAssessedAt(f.timestamp("impactAssessedAt"))
        .developerReply(f.string("developerReply"))
        .fixVersion(f.string("fixVersion"))
        .acceptanceRejections(f.count("acceptanceRejections"))
        .lastRejectionReason(f.string("lastRejectionReason"))
        .uploadedAt(f.timestamp("uploadedAt"))
        .needsDataFix(f.bool("needsDataFix"))
        .linkedDataOpId(f.string("linkedDataOpId"))
        .lastWeeklyUpdateAt(f.timestamp("lastWeeklyUpdateAt"))
        .lastWeeklyUpdate(f.string("lastWeeklyUpdate"))
        .weeklySummaryRef(f.string("weeklySummaryRef"))
        .closedAt(f.timestamp("closedAt"));
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  /** Writes event data as a JSON object. */
  public static ObjectNode toJson(BugEventData d) {
    ObjectNode o = OpsJson.object();
    text(o, "description", d.description());
    if (!d.complaintNumbers().isEmpty()) {
      strings(o, "complaintNumbers", d.complaintNumbers());
    }
    text(o, "complaintIssue", d.complaintIssue());
    text(o, "linkedTicketId", d.linkedTicketId());
    text(o, "linkedFaultId", d.linkedFaultId());
    text(o, "amsBugTicketNo", d.amsBugTicketNo());
    d.recheckAccepted().ifPresent(v -> o.put("recheckAccepted", v));
    text(o, "developer", d.developer());
    if (!d.channels().isEmpty()) {
      strings(o, "channels", d.channels().stream().map(Enum::name).sorted().toList());
    }
    time(o, "uploadEta", d.uploadEta());
    text(o, "workaround", d.workaround());
    text(o, "opsRoomAgreedBy", d.opsRoomAgreedBy());
    text(o, "supportRoomAgreedBy", d.supportRoomAgreedBy());
    text(o, "cmcpCollabTicketNo", d.cmcpCollabTicketNo());
    text(o, "supportRoomTicketNo", d.supportRoomTicketNo());
    d.bugAffectedCustomers().ifPresent(v -> o.put("bugAffectedCustomers", v));
    d.csComplaintLevel().ifPresent(v -> o.put("csComplaintLevel", v));
    d.needsEmergencyRelease().ifPresent(v -> o.put("needsEmergencyRelease", v));
    d.needsDataFix().ifPresent(v -> o.put("needsDataFix", v));
    text(o, "reply", d.reply());
    text(o, "version", d.version());
    text(o, "reason", d.reason());
    d.acceptancePassed().ifPresent(v -> o.put("acceptancePassed", v));
    d.uploaded().ifPresent(v -> o.put("uploaded", v));
    text(o, "weeklySummaryRef", d.weeklySummaryRef());
    text(o, "updateText", d.updateText());
    text(o, "dataOpId", d.dataOpId());
    return o;
  }

  /** Reads event data from a JSON object at {@code path}; negative counts are invalid input. */
  public static BugEventData eventFromJson(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, EVENT_FIELDS);
    BugEventData.Builder b = BugEventData.builder()
        .description(f.string("description"))
        .addAllComplaintNumbers(f.strings("complaintNumbers"))
        .complaintIssue(f.string("complaintIssue"))
        .linkedTicketId(f.string("linkedTicketId"))
        .linkedFaultId(f.string("linkedFaultId"))
        .amsBugTicketNo(f.string("amsBugTicketNo"))
        .recheckAccepted(f.optionalBool("recheckAccepted"))
        .developer(f.string("developer"))
        .addAllChannels(f.enums("channels", NoticeChannel.class))
        .uploadEta(f.timestamp("uploadEta"))
        .workaround(f.string("workaround"))
        .opsRoomAgreedBy(f.string("opsRoomAgreedBy"))
        .supportRoomAgreedBy(f.string("supportRoomAgreedBy"))
        .cmcpCollabTicketNo(f.string("cmcpCollabTicketNo"))
        .supportRoomTicketNo(f.string("supportRoomTicketNo"))
        .bugAffectedCustomers(f.optionalInt("bugAffectedCustomers", 0))
        .csComplaintLevel(f.optionalInt("csComplaintLevel", 1))
        .needsEmergencyRelease(f.optionalBool("needsEmergencyRelease"))
        .needsDataFix(f.optionalBool("needsDataFix"))
        .reply(f.string("reply"))
        .version(f.string("version"))
        .reason(f.string("reason"))
        .acceptancePassed(f.optionalBool("acceptancePassed"))
        .uploaded(f.optionalBool("uploaded"))
        .weeklySummaryRef(f.string("weeklySummaryRef"))
        .updateText(f.string("updateText"))
        .dataOpId(f.string("dataOpId"));
    return b.build();
  }

  private static void text(ObjectNode o, String field, Optional<String> v) {
    v.ifPresent(s -> o.put(field, s));
  }

  private static void time(ObjectNode o, String field, Optional<Instant> v) {
    v.ifPresent(t -> o.put(field, Timestamps.format(t, STORAGE_ZONE)));
  }

  private static void strings(ObjectNode o, String field, Collection<String> values) {
    ArrayNode a = o.putArray(field);
    values.forEach(a::add);
  }
}
