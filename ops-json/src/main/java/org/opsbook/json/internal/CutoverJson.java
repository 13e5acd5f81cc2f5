package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.CountersignMedium;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverRecord;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.cutover.ImportantOperation;
import org.opsbook.rules.cutover.ProjectScope;
import org.opsbook.rules.cutover.RecordedStep;
import org.opsbook.rules.cutover.ReportContent;

/**
 * Reads and writes the cutover documents: the facts of catalog §2.8, an event's data and the stored record.
 * Content names are the catalog's ({@code PLAN}, {@code EMERGENCY_PLAN} …); reading is strict and names the JSON
 * path of any bad value.
 */
public final class CutoverJson {
  /** The fact fields. */
  public static final Set<String> FACT_FIELDS = ImmutableSet.of("cutoverId", "system", "category", "trigger",
      "projectScope", "plannedStart", "applicationSubmittedAt", "affectsCustomerBusiness", "needsSocialAnnouncement",
      "reportContents", "applicationContents", "relatedDepartments");

  private static final Set<String> DATA_FIELDS = ImmutableSet.of("draftContents", "feasible", "businessTimeAgreed",
      "generalAffairsConsulted", "reportContents", "applicationContents", "amsApplicationNo", "approved",
      "countersigners", "countersignMedium", "announcementRef", "media", "recipients", "leaderInChargeNotified",
      "noticeContents", "attendeeRoles", "leadQualified", "preChecklistRef", "preConditionsMet", "allPartiesPresent",
      "importantOperations", "testResultsRef", "postChecklistRef", "equipmentNormal", "expectedEffectAchieved",
      "reason", "rollbackSteps", "csTestResultsRef", "processLogRef", "archiveRef");
  private static final Set<String> OPERATION_FIELDS = Set.of("description", "operatorId", "watcherId");
  private static final Set<String> STEP_FIELDS = Set.of("actorId", "at", "data");
  private static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;

  private CutoverJson() {}

  /** Reads the facts from an object opened with {@link #FACT_FIELDS} or a superset. */
  public static Cutover readFacts(JsonFields f) {
    Cutover.Builder b = Cutover.builder();
    f.string("cutoverId").ifPresent(b::cutoverId);
    f.enumValue("system", CutoverSystem.class).ifPresent(b::system);
    f.enumValue("category", CutoverCategory.class).ifPresent(b::category);
    f.enumValue("trigger", CutoverTrigger.class).ifPresent(b::trigger);
    f.enumValue("projectScope", ProjectScope.class).ifPresent(b::projectScope);
    f.timestamp("plannedStart").ifPresent(b::plannedStart);
    f.timestamp("applicationSubmittedAt").ifPresent(b::applicationSubmittedAt);
    b.affectsCustomerBusiness(f.bool("affectsCustomerBusiness"));
    b.needsSocialAnnouncement(f.bool("needsSocialAnnouncement"));
    b.addAllReportContents(f.enums("reportContents", ReportContent.class));
    b.addAllApplicationContents(f.enums("applicationContents", ApplicationContent.class));
    b.addAllRelatedDepartments(f.strings("relatedDepartments"));
    return b.build();
  }

  /** Writes the facts that differ from their neutral defaults. */
  public static ObjectNode writeFacts(Cutover c) {
    ObjectNode o = OpsJson.object();
    c.cutoverId().ifPresent(v -> o.put("cutoverId", v));
    c.system().ifPresent(v -> o.put("system", v.name()));
    c.category().ifPresent(v -> o.put("category", v.name()));
    c.trigger().ifPresent(v -> o.put("trigger", v.name()));
    c.projectScope().ifPresent(v -> o.put("projectScope", v.name()));
    c.plannedStart().ifPresent(v -> o.put("plannedStart", Timestamps.format(v, ZONE)));
    c.applicationSubmittedAt().ifPresent(v -> o.put("applicationSubmittedAt", Timestamps.format(v, ZONE)));
    flag(o, "affectsCustomerBusiness", c.affectsCustomerBusiness());
    flag(o, "needsSocialAnnouncement", c.needsSocialAnnouncement());
    enums(o, "reportContents", c.reportContents(), ReportContent.values());
    enums(o, "applicationContents", c.applicationContents(), ApplicationContent.values());
    strings(o, "relatedDepartments", c.relatedDepartments());
    return o;
  }

  /** Reads an event's data. */
  public static CutoverEventData readData(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, DATA_FIELDS);
    CutoverEventData.Builder b = CutoverEventData.builder();
    b.addAllDraftContents(f.enums("draftContents", ReportContent.class));
    b.feasible(f.bool("feasible")).businessTimeAgreed(f.bool("businessTimeAgreed"))
        .generalAffairsConsulted(f.bool("generalAffairsConsulted"));
    b.addAllReportContents(f.enums("reportContents", ReportContent.class));
    b.addAllApplicationContents(f.enums("applicationContents", ApplicationContent.class));
    f.string("amsApplicationNo").ifPresent(b::amsApplicationNo);
    f.optionalBool("approved").ifPresent(b::approved);
    b.addAllCountersigners(f.strings("countersigners"));
    f.enumValue("countersignMedium", CountersignMedium.class).ifPresent(b::countersignMedium);
    f.string("announcementRef").ifPresent(b::announcementRef);
    f.string("media").ifPresent(b::media);
    b.addAllRecipients(f.strings("recipients")).leaderInChargeNotified(f.bool("leaderInChargeNotified"));
    b.addAllNoticeContents(f.enums("noticeContents", ApplicationContent.class));
    b.addAllAttendeeRoles(f.enums("attendeeRoles", Role.class));
    b.leadQualified(f.bool("leadQualified"));
    f.string("preChecklistRef").ifPresent(b::preChecklistRef);
    b.preConditionsMet(f.bool("preConditionsMet")).allPartiesPresent(f.bool("allPartiesPresent"));
    List<JsonNode> ops = f.array("importantOperations");
    for (int i = 0; i < ops.size(); i++) {
      JsonFields op = JsonFields.of(ops.get(i), JsonFields.element(f.path("importantOperations"), i),
          OPERATION_FIELDS);
      b.addImportantOperation(new ImportantOperation(op.requiredString("description"), op.string("operatorId"),
          op.string("watcherId")));
    }
    f.string("testResultsRef").ifPresent(b::testResultsRef);
    f.string("postChecklistRef").ifPresent(b::postChecklistRef);
    b.equipmentNormal(f.bool("equipmentNormal")).expectedEffectAchieved(f.bool("expectedEffectAchieved"));
    f.string("reason").ifPresent(b::reason);
    f.string("rollbackSteps").ifPresent(b::rollbackSteps);
    f.string("csTestResultsRef").ifPresent(b::csTestResultsRef);
    f.string("processLogRef").ifPresent(b::processLogRef);
    f.string("archiveRef").ifPresent(b::archiveRef);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  /** Writes an event's data: the fields it sets. */
  public static ObjectNode writeData(CutoverEventData d) {
    ObjectNode o = OpsJson.object();
    enums(o, "draftContents", d.draftContents(), ReportContent.values());
    flag(o, "feasible", d.feasible());
    flag(o, "businessTimeAgreed", d.businessTimeAgreed());
    flag(o, "generalAffairsConsulted", d.generalAffairsConsulted());
    enums(o, "reportContents", d.reportContents(), ReportContent.values());
    enums(o, "applicationContents", d.applicationContents(), ApplicationContent.values());
    d.amsApplicationNo().ifPresent(v -> o.put("amsApplicationNo", v));
    d.approved().ifPresent(v -> o.put("approved", v));
    strings(o, "countersigners", d.countersigners());
    d.countersignMedium().ifPresent(v -> o.put("countersignMedium", v.name()));
    d.announcementRef().ifPresent(v -> o.put("announcementRef", v));
    d.media().ifPresent(v -> o.put("media", v));
    strings(o, "recipients", d.recipients());
    flag(o, "leaderInChargeNotified", d.leaderInChargeNotified());
    enums(o, "noticeContents", d.noticeContents(), ApplicationContent.values());
    enums(o, "attendeeRoles", d.attendeeRoles(), Role.values());
    flag(o, "leadQualified", d.leadQualified());
    d.preChecklistRef().ifPresent(v -> o.put("preChecklistRef", v));
    flag(o, "preConditionsMet", d.preConditionsMet());
    flag(o, "allPartiesPresent", d.allPartiesPresent());
    if (!d.importantOperations().isEmpty()) {
      ArrayNode a = o.putArray("importantOperations");
      for (ImportantOperation op : d.importantOperations()) {
        ObjectNode x = a.addObject().put("description", op.description());
        op.operatorId().ifPresent(v -> x.put("operatorId", v));
        op.watcherId().ifPresent(v -> x.put("watcherId", v));
      }
    }
    d.testResultsRef().ifPresent(v -> o.put("testResultsRef", v));
    d.postChecklistRef().ifPresent(v -> o.put("postChecklistRef", v));
    flag(o, "equipmentNormal", d.equipmentNormal());
    flag(o, "expectedEffectAchieved", d.expectedEffectAchieved());
    d.reason().ifPresent(v -> o.put("reason", v));
    d.rollbackSteps().ifPresent(v -> o.put("rollbackSteps", v));
    d.csTestResultsRef().ifPresent(v -> o.put("csTestResultsRef", v));
    d.processLogRef().ifPresent(v -> o.put("processLogRef", v));
    d.archiveRef().ifPresent(v -> o.put("archiveRef", v));
    return o;
  }

  /** Writes the record: for each event that happened, {@code {"actorId", "at", "data"}} keyed by its name. */
  public static ObjectNode writeRecord(CutoverRecord r) {
    ObjectNode o = OpsJson.object();
    for (CutoverEvent e : CutoverEvent.values()) {
      r.step(e).ifPresent(s -> o.putObject(e.eventName()).put("actorId", s.actorId())
          .put("at", Timestamps.format(s.at(), ZONE)).set("data", writeData(s.data())));
    }
    return o;
  }

  /** Reads a record back. */
  public static CutoverRecord readRecord(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(path, "expected a JSON object");
    }
    CutoverRecord.Builder b = CutoverRecord.builder();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String stepPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      CutoverEvent e = CutoverEvent.fromName(field.getKey(), stepPath);
      JsonFields s = JsonFields.of(field.getValue(), stepPath, STEP_FIELDS);
      b.putStep(e, new RecordedStep(s.requiredString("actorId"), s.requiredTimestamp("at"),
          readData(s.node("data").orElse(OpsJson.object()), s.path("data"))));
    }
    return b.build();
  }

  private static <E extends Enum<E>> void enums(ObjectNode o, String field, Collection<E> values, E[] order) {
    if (values.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray(field);
    for (E e : order) {
      if (values.contains(e)) {
        a.add(e.name());
      }
    }
  }

  private static void strings(ObjectNode o, String field, Collection<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(field);
      values.forEach(a::add);
    }
  }

  private static void flag(ObjectNode o, String field, boolean value) {
    if (value) {
      o.put(field, true);
    }
  }
}
