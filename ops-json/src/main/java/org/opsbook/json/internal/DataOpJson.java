package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.dataop.Approval;
import org.opsbook.rules.dataop.Attachment;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpRecord;
import org.opsbook.rules.dataop.NotifyChannel;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;
import org.opsbook.core.ActorKind;

/**
 * Reads and writes the data-operation documents: the {@code operation} object (the facts of catalog §2.7), the
 * {@code data} object of a step, and the stored record of a ticket. Field names are the catalog's fact names.
 * Reading is strict: an unknown field, a wrong type, a negative count or a timestamp without an offset is invalid
 * input naming its JSON path.
 */
public final class DataOpJson {
  /** The fields an {@code operation} object may have. */
  public static final Set<String> OPERATION_FIELDS = ImmutableSet.of("opType", "ticketNo", "ticketKind",
      "targetSystem", "recordCount", "isFinancialReportCorrection", "financialAmountDifferenceYuan",
      "isInventoryReportCorrection", "inventoryReportError", "singleNumber", "isImportant",
      "involvesLevel1Sensitive", "routineOperation", "insertOnly", "impactStatement", "sideEffectStatement",
      "urgency", "linkedFaultId", "fullScopeExtractionRef", "fullScopeJustification", "requirementPurpose",
      "requirementContent", "dataRequirements", "requiredFields", "estimatedRowCount",
      "estimatedExecutionMinutes", "plannedStart");

  private static final Set<String> SIDE_EFFECT_FIELDS = Set.of("business", "accounts", "reports");
  private static final Set<String> SAMPLE_FIELDS = Set.of("number", "meetsCriteria");
  private static final Set<String> STORED_SAMPLE_FIELDS = Set.of("maskedNumber", "meetsCriteria");
  private static final Set<String> APPROVAL_FIELDS = Set.of("approver", "approvedAt");
  private static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;

  private DataOpJson() {}

  // ---- operation ----

  /** Reads an {@code operation} object. */
  public static DataOp readOperation(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, OPERATION_FIELDS);
    DataOp.Builder b = DataOp.builder().opType(f.requiredEnum("opType", OpType.class));
    f.string("ticketNo").ifPresent(b::ticketNo);
    f.enumValue("ticketKind", TicketKind.class).ifPresent(b::ticketKind);
    f.enumValue("targetSystem", TargetSystem.class).ifPresent(b::targetSystem);
    b.recordCount(f.count("recordCount"));
    b.isFinancialReportCorrection(f.bool("isFinancialReportCorrection"));
    f.decimal("financialAmountDifferenceYuan").ifPresent(b::financialAmountDifferenceYuan);
    b.isInventoryReportCorrection(f.bool("isInventoryReportCorrection"));
    f.decimal("inventoryReportError").ifPresent(b::inventoryReportError);
    b.singleNumber(f.bool("singleNumber"));
    b.isImportant(f.bool("isImportant"));
    b.involvesLevel1Sensitive(f.bool("involvesLevel1Sensitive"));
    b.routineOperation(f.bool("routineOperation"));
    b.insertOnly(f.bool("insertOnly"));
    f.string("impactStatement").ifPresent(b::impactStatement);
    readSideEffects(f, b);
    f.string("urgency").ifPresent(b::urgency);
    f.string("linkedFaultId").ifPresent(b::linkedFaultId);
    f.string("fullScopeExtractionRef").ifPresent(b::fullScopeExtractionRef);
    f.string("fullScopeJustification").ifPresent(b::fullScopeJustification);
    f.string("requirementPurpose").ifPresent(b::requirementPurpose);
    f.string("requirementContent").ifPresent(b::requirementContent);
    f.string("dataRequirements").ifPresent(b::dataRequirements);
    b.addAllRequiredFields(f.strings("requiredFields"));
    b.estimatedRowCount(f.count("estimatedRowCount"));
    b.estimatedExecutionMinutes(f.amount("estimatedExecutionMinutes"));
    f.timestamp("plannedStart").ifPresent(b::plannedStart);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  /**
   * The side effects are an object {@code {"business": "无", "accounts": "无", "reports": "月报需重出"}}, or one
   * statement that names each of 业务, 帐务 (or 账务) and 报表; what it does not name stays unstated (DATAOP-MOD-06).
   */
  private static void readSideEffects(JsonFields f, DataOp.Builder b) {
    Optional<JsonNode> node = f.node("sideEffectStatement");
    if (node.isEmpty()) {
      return;
    }
    if (node.get().isTextual()) {
      String s = node.get().textValue();
      if (s.contains("业务")) {
        b.sideEffectsBusiness(s);
      }
      if (s.contains("帐务") || s.contains("账务")) {
        b.sideEffectsAccounts(s);
      }
      if (s.contains("报表")) {
        b.sideEffectsReports(s);
      }
      return;
    }
    JsonFields se = f.object("sideEffectStatement", SIDE_EFFECT_FIELDS);
    se.string("business").ifPresent(b::sideEffectsBusiness);
    se.string("accounts").ifPresent(b::sideEffectsAccounts);
    se.string("reports").ifPresent(b::sideEffectsReports);
  }

  /** Writes an {@code operation} object: every fact that differs from its neutral default. */
  public static ObjectNode writeOperation(DataOp op) {
    ObjectNode o = OpsJson.object();
    o.put("opType", op.opType().name());
    op.ticketNo().ifPresent(v -> o.put("ticketNo", v));
    op.ticketKind().ifPresent(v -> o.put("ticketKind", v.name()));
    op.targetSystem().ifPresent(v -> o.put("targetSystem", v.name()));
    putCount(o, "recordCount", op.recordCount());
    putFlag(o, "isFinancialReportCorrection", op.isFinancialReportCorrection());
    if (op.financialAmountDifferenceYuan().signum() != 0) {
      o.put("financialAmountDifferenceYuan", op.financialAmountDifferenceYuan());
    }
    putFlag(o, "isInventoryReportCorrection", op.isInventoryReportCorrection());
    if (op.inventoryReportError().signum() != 0) {
      o.put("inventoryReportError", op.inventoryReportError());
    }
    putFlag(o, "singleNumber", op.singleNumber());
    putFlag(o, "isImportant", op.isImportant());
    putFlag(o, "involvesLevel1Sensitive", op.involvesLevel1Sensitive());
    putFlag(o, "routineOperation", op.routineOperation());
    putFlag(o, "insertOnly", op.insertOnly());
    op.impactStatement().ifPresent(v -> o.put("impactStatement", v));
    if (op.sideEffectsBusiness().isPresent() || op.sideEffectsAccounts().isPresent()
        || op.sideEffectsReports().isPresent()) {
      ObjectNode se = o.putObject("sideEffectStatement");
      op.sideEffectsBusiness().ifPresent(v -> se.put("business", v));
      op.sideEffectsAccounts().ifPresent(v -> se.put("accounts", v));
      op.sideEffectsReports().ifPresent(v -> se.put("reports", v));
    }
    op.urgency().ifPresent(v -> o.put("urgency", v));
    op.linkedFaultId().ifPresent(v -> o.put("linkedFaultId", v));
    op.fullScopeExtractionRef().ifPresent(v -> o.put("fullScopeExtractionRef", v));
    op.fullScopeJustification().ifPresent(v -> o.put("fullScopeJustification", v));
    op.requirementPurpose().ifPresent(v -> o.put("requirementPurpose", v));
    op.requirementContent().ifPresent(v -> o.put("requirementContent", v));
    op.dataRequirements().ifPresent(v -> o.put("dataRequirements", v));
    if (!op.requiredFields().isEmpty()) {
      ArrayNode a = o.putArray("requiredFields");
      op.requiredFields().forEach(a::add);
    }
    putCount(o, "estimatedRowCount", op.estimatedRowCount());
    if (op.estimatedExecutionMinutes() != 0) {
      o.put("estimatedExecutionMinutes", op.estimatedExecutionMinutes());
    }
    op.plannedStart().ifPresent(v -> o.put("plannedStart", Timestamps.format(v, ZONE)));
    return o;
  }

  // ---- step data ----

  /**
   * Reads a step's {@code data} object, accepting only {@code allowed} fields (what the event records).
   *
   * <p>{@code sampledNumbers} lists numbers as strings (listing one in a passed review attests that it meets the
   * criteria) or as {@code {"number": "...", "meetsCriteria": false}}; numbers are masked as they are read.
   * Approvers ({@code sensitiveAccessFormApprovedBy}, {@code batchSensitiveFormApprovedBy}) are actor objects, so
   * their roles can be checked.
   */
  public static DataOpEventData readData(JsonNode node, String path, Set<String> allowed) {
    if (node == null || node.isNull()) {
      return DataOpEventData.none();
    }
    JsonFields f = JsonFields.of(node, path, allowed);
    DataOpEventData.Builder b = DataOpEventData.builder();
    f.string("scriptRef").ifPresent(b::scriptRef);
    f.string("backupRef").ifPresent(b::backupRef);
    f.timestamp("backupTakenAt").ifPresent(b::backupTakenAt);
    b.addAllAttachments(f.enums("attachments", Attachment.class));
    b.inlineOriginalDataAndScript(f.bool("inlineOriginalDataAndScript"));
    f.node("sensitiveAccessFormApprovedBy")
        .ifPresent(n -> b.sensitiveAccessFormApprovedBy(ActorJson.read(n, f.path("sensitiveAccessFormApprovedBy"))));
    f.timestamp("sensitiveAccessFormApprovedAt").ifPresent(b::sensitiveAccessFormApprovedAt);
    f.node("batchSensitiveFormApprovedBy")
        .ifPresent(n -> b.batchSensitiveFormApprovedBy(ActorJson.read(n, f.path("batchSensitiveFormApprovedBy"))));
    f.timestamp("batchSensitiveFormApprovedAt").ifPresent(b::batchSensitiveFormApprovedAt);
    f.string("developerId").ifPresent(b::developerId);
    f.enumValue("executorKind", ActorKind.class).ifPresent(b::executorKind);
    f.string("cityMonitorId").ifPresent(b::cityMonitorId);
    b.cityMonitorPresentThroughout(f.bool("cityMonitorPresentThroughout"));
    f.string("impactReply").ifPresent(b::impactReply);
    f.optionalInt("actualRecordCount", 0).ifPresent(b::actualRecordCount);
    f.optionalInt("actualRowCount", 0).ifPresent(b::actualRowCount);
    if (f.has("actualExecutionMinutes")) {
      b.actualExecutionMinutes(f.amount("actualExecutionMinutes"));
    }
    f.timestamp("startedAt").ifPresent(b::startedAt);
    b.scriptVerified(f.bool("scriptVerified"));
    b.resultVerified(f.bool("resultVerified"));
    b.logicVerified(f.bool("logicVerified"));
    b.countVerified(f.bool("countVerified"));
    b.addAllSampledNumbers(readSamples(f));
    f.string("findings").ifPresent(b::findings);
    f.enumValue("channel", NotifyChannel.class).ifPresent(b::channel);
    f.string("deliveredTo").ifPresent(b::deliveredTo);
    f.string("estimatedEffort").ifPresent(b::estimatedEffort);
    f.optionalInt("estimatedRowCount", 0).ifPresent(b::estimatedRowCount);
    if (f.has("estimatedExecutionMinutes")) {
      b.estimatedExecutionMinutes(f.amount("estimatedExecutionMinutes"));
    }
    f.string("reason").ifPresent(b::reason);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  private static List<Sample> readSamples(JsonFields f) {
    List<JsonNode> items = f.array("sampledNumbers");
    Sample[] out = new Sample[items.size()];
    for (int i = 0; i < items.size(); i++) {
      String path = JsonFields.element(f.path("sampledNumbers"), i);
      JsonNode n = items.get(i);
      try {
        if (n.isTextual()) {
          out[i] = Sample.of(n.textValue());
        } else {
          JsonFields s = JsonFields.of(n, path, SAMPLE_FIELDS);
          out[i] = Sample.of(s.requiredString("number"), !s.has("meetsCriteria") || s.bool("meetsCriteria"));
        }
      } catch (InvalidInputException e) {
        throw e.field().startsWith(path) ? e : new InvalidInputException(path, e.reason());
      }
    }
    return List.of(out);
  }

  /** Writes a step's {@code data}: the fields it sets; sampled numbers only masked. */
  public static ObjectNode writeData(DataOpEventData d) {
    ObjectNode o = OpsJson.object();
    d.scriptRef().ifPresent(v -> o.put("scriptRef", v));
    d.backupRef().ifPresent(v -> o.put("backupRef", v));
    d.backupTakenAt().ifPresent(v -> o.put("backupTakenAt", Timestamps.format(v, ZONE)));
    if (!d.attachments().isEmpty()) {
      ArrayNode a = o.putArray("attachments");
      for (Attachment x : Attachment.values()) {
        if (d.attachments().contains(x)) {
          a.add(x.name());
        }
      }
    }
    putFlag(o, "inlineOriginalDataAndScript", d.inlineOriginalDataAndScript());
    d.sensitiveAccessFormApprovedBy().ifPresent(v -> o.set("sensitiveAccessFormApprovedBy", ActorJson.write(v)));
    d.sensitiveAccessFormApprovedAt().ifPresent(v -> o.put("sensitiveAccessFormApprovedAt", Timestamps.format(v, ZONE)));
    d.batchSensitiveFormApprovedBy().ifPresent(v -> o.set("batchSensitiveFormApprovedBy", ActorJson.write(v)));
    d.batchSensitiveFormApprovedAt().ifPresent(v -> o.put("batchSensitiveFormApprovedAt", Timestamps.format(v, ZONE)));
    d.developerId().ifPresent(v -> o.put("developerId", v));
    d.executorKind().ifPresent(v -> o.put("executorKind", v.name()));
    d.cityMonitorId().ifPresent(v -> o.put("cityMonitorId", v));
    putFlag(o, "cityMonitorPresentThroughout", d.cityMonitorPresentThroughout());
    d.impactReply().ifPresent(v -> o.put("impactReply", v));
    d.actualRecordCount().ifPresent(v -> o.put("actualRecordCount", v));
    d.actualRowCount().ifPresent(v -> o.put("actualRowCount", v));
    d.actualExecutionMinutes().ifPresent(v -> o.put("actualExecutionMinutes", v));
    d.startedAt().ifPresent(v -> o.put("startedAt", Timestamps.format(v, ZONE)));
    putFlag(o, "scriptVerified", d.scriptVerified());
    putFlag(o, "resultVerified", d.resultVerified());
    putFlag(o, "logicVerified", d.logicVerified());
    putFlag(o, "countVerified", d.countVerified());
    if (!d.sampledNumbers().isEmpty()) {
      o.set("sampledNumbers", writeSamples(d.sampledNumbers()));
    }
    d.findings().ifPresent(v -> o.put("findings", v));
    d.channel().ifPresent(v -> o.put("channel", v.name()));
    d.deliveredTo().ifPresent(v -> o.put("deliveredTo", v));
    d.estimatedEffort().ifPresent(v -> o.put("estimatedEffort", v));
    d.estimatedRowCount().ifPresent(v -> o.put("estimatedRowCount", v));
    d.estimatedExecutionMinutes().ifPresent(v -> o.put("estimatedExecutionMinutes", v));
    d.reason().ifPresent(v -> o.put("reason", v));
    return o;
  }

  // ---- stored record ----

  /** The fields of a stored record. */
  static final Set<String> RECORD_FIELDS = ImmutableSet.of("submitterId", "submittedAt", "businessApproverId",
      "businessApprovedAt", "scriptAuthorId", "scriptRef", "backupRef", "backupTakenAt", "attachments",
      "inlineOriginalDataAndScript", "techApproverId", "techApprovedAt", "sensitiveAccessForm", "batchSensitiveForm",
      "assignedDeveloperId", "assignedExecutorKind", "cityMonitorId", "cityMonitorPresentThroughout",
      "developerImpactReply", "developerImpactReplyAt", "submitterConsentAt", "executorId", "executorKind",
      "executedAt", "actualRecordCount", "actualRowCount", "actualExecutionMinutes", "estimatedRowCount",
      "estimatedExecutionMinutes", "processorIds", "executorIds", "reviewerId", "reviewedAt",
      "reviewScriptVerified", "reviewResultVerified", "reviewLogicVerified", "reviewCountVerified",
      "reviewSampledNumbers", "findings", "reworkCount", "estimatedEffort", "assessedAt", "deliveredTo",
      "deliveredAt", "requesterNotifiedVia", "requesterNotifiedAt", "businessConfirmedBy", "businessConfirmedAt",
      "cancelReason");

  /** Writes a ticket's record. */
  public static ObjectNode writeRecord(DataOpRecord r) {
    ObjectNode o = OpsJson.object();
    r.submitterId().ifPresent(v -> o.put("submitterId", v));
    time(o, "submittedAt", r.submittedAt());
    r.businessApproverId().ifPresent(v -> o.put("businessApproverId", v));
    time(o, "businessApprovedAt", r.businessApprovedAt());
    r.scriptAuthorId().ifPresent(v -> o.put("scriptAuthorId", v));
    r.scriptRef().ifPresent(v -> o.put("scriptRef", v));
    r.backupRef().ifPresent(v -> o.put("backupRef", v));
    time(o, "backupTakenAt", r.backupTakenAt());
    if (!r.attachments().isEmpty()) {
      ArrayNode a = o.putArray("attachments");
      for (Attachment x : Attachment.values()) {
        if (r.attachments().contains(x)) {
          a.add(x.name());
        }
      }
    }
    putFlag(o, "inlineOriginalDataAndScript", r.inlineOriginalDataAndScript());
    r.techApproverId().ifPresent(v -> o.put("techApproverId", v));
    time(o, "techApprovedAt", r.techApprovedAt());
    r.sensitiveAccessForm().ifPresent(v -> o.set("sensitiveAccessForm", writeApproval(v)));
    r.batchSensitiveForm().ifPresent(v -> o.set("batchSensitiveForm", writeApproval(v)));
    r.assignedDeveloperId().ifPresent(v -> o.put("assignedDeveloperId", v));
    r.assignedExecutorKind().ifPresent(v -> o.put("assignedExecutorKind", v.name()));
    r.cityMonitorId().ifPresent(v -> o.put("cityMonitorId", v));
    putFlag(o, "cityMonitorPresentThroughout", r.cityMonitorPresentThroughout());
    r.developerImpactReply().ifPresent(v -> o.put("developerImpactReply", v));
    time(o, "developerImpactReplyAt", r.developerImpactReplyAt());
    time(o, "submitterConsentAt", r.submitterConsentAt());
    r.executorId().ifPresent(v -> o.put("executorId", v));
    r.executorKind().ifPresent(v -> o.put("executorKind", v.name()));
    time(o, "executedAt", r.executedAt());
    r.actualRecordCount().ifPresent(v -> o.put("actualRecordCount", v));
    r.actualRowCount().ifPresent(v -> o.put("actualRowCount", v));
    r.actualExecutionMinutes().ifPresent(v -> o.put("actualExecutionMinutes", v));
    r.estimatedRowCount().ifPresent(v -> o.put("estimatedRowCount", v));
    r.estimatedExecutionMinutes().ifPresent(v -> o.put("estimatedExecutionMinutes", v));
    if (!r.processorIds().isEmpty()) {
      ArrayNode a = o.putArray("processorIds");
      r.processorIds().forEach(a::add);
    }
    if (!r.executorIds().isEmpty()) {
      ArrayNode a = o.putArray("executorIds");
      r.executorIds().forEach(a::add);
    }
    r.reviewerId().ifPresent(v -> o.put("reviewerId", v));
    time(o, "reviewedAt", r.reviewedAt());
    putFlag(o, "reviewScriptVerified", r.reviewScriptVerified());
    putFlag(o, "reviewResultVerified", r.reviewResultVerified());
    putFlag(o, "reviewLogicVerified", r.reviewLogicVerified());
    putFlag(o, "reviewCountVerified", r.reviewCountVerified());
    if (!r.reviewSampledNumbers().isEmpty()) {
      ArrayNode a = o.putArray("reviewSampledNumbers");
      for (Sample s : r.reviewSampledNumbers()) {
        a.addObject().put("maskedNumber", s.maskedNumber()).put("meetsCriteria", s.meetsCriteria());
      }
    }
    r.findings().ifPresent(v -> o.put("findings", v));
    putCount(o, "reworkCount", r.reworkCount());
    r.estimatedEffort().ifPresent(v -> o.put("estimatedEffort", v));
    time(o, "assessedAt", r.assessedAt());
    r.deliveredTo().ifPresent(v -> o.put("deliveredTo", v));
    time(o, "deliveredAt", r.deliveredAt());
    r.requesterNotifiedVia().ifPresent(v -> o.put("requesterNotifiedVia", v.name()));
    time(o, "requesterNotifiedAt", r.requesterNotifiedAt());
    r.businessConfirmedBy().ifPresent(v -> o.put("businessConfirmedBy", v));
    time(o, "businessConfirmedAt", r.businessConfirmedAt());
    r.cancelReason().ifPresent(v -> o.put("cancelReason", v));
    return o;
  }

  /** Reads a ticket's record back. */
  public static DataOpRecord readRecord(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, RECORD_FIELDS);
    DataOpRecord.Builder b = DataOpRecord.builder();
    b.submitterId(f.string("submitterId")).submittedAt(f.timestamp("submittedAt"));
    b.businessApproverId(f.string("businessApproverId")).businessApprovedAt(f.timestamp("businessApprovedAt"));
    b.scriptAuthorId(f.string("scriptAuthorId")).scriptRef(f.string("scriptRef")).backupRef(f.string("backupRef"))
        .backupTakenAt(f.timestamp("backupTakenAt"));
    b.attachments(f.enums("attachments", Attachment.class));
    b.inlineOriginalDataAndScript(f.bool("inlineOriginalDataAndScript"));
    b.techApproverId(f.string("techApproverId")).techApprovedAt(f.timestamp("techApprovedAt"));
    f.node("sensitiveAccessForm").ifPresent(n -> b.sensitiveAccessForm(readApproval(n,
        f.path("sensitiveAccessForm"))));
    f.node("batchSensitiveForm").ifPresent(n -> b.batchSensitiveForm(readApproval(n, f.path("batchSensitiveForm"))));
    b.assignedDeveloperId(f.string("assignedDeveloperId"));
    b.assignedExecutorKind(f.enumValue("assignedExecutorKind", ActorKind.class));
    b.cityMonitorId(f.string("cityMonitorId")).cityMonitorPresentThroughout(f.bool("cityMonitorPresentThroughout"));
    b.developerImpactReply(f.string("developerImpactReply"))
        .developerImpactReplyAt(f.timestamp("developerImpactReplyAt"))
        .submitterConsentAt(f.timestamp("submitterConsentAt"));
    b.executorId(f.string("executorId")).executorKind(f.enumValue("executorKind", ActorKind.class))
        .executedAt(f.timestamp("executedAt"));
    f.optionalInt("actualRecordCount", 0).ifPresent(b::actualRecordCount);
    f.optionalInt("actualRowCount", 0).ifPresent(b::actualRowCount);
    if (f.has("actualExecutionMinutes")) {
      b.actualExecutionMinutes(f.amount("actualExecutionMinutes"));
    }
    f.optionalInt("estimatedRowCount", 0).ifPresent(b::estimatedRowCount);
    if (f.has("estimatedExecutionMinutes")) {
      b.estimatedExecutionMinutes(f.amount("estimatedExecutionMinutes"));
    }
    b.addAllProcessorIds(f.strings("processorIds")).addAllExecutorIds(f.strings("executorIds"));
    b.reviewerId(f.string("reviewerId")).reviewedAt(f.timestamp("reviewedAt"));
    b.reviewScriptVerified(f.bool("reviewScriptVerified")).reviewResultVerified(f.bool("reviewResultVerified"))
        .reviewLogicVerified(f.bool("reviewLogicVerified")).reviewCountVerified(f.bool("reviewCountVerified"));
    List<JsonNode> samples = f.array("reviewSampledNumbers");
    for (int i = 0; i < samples.size(); i++) {
      JsonFields s = JsonFields.of(samples.get(i), JsonFields.element(f.path("reviewSampledNumbers"), i),
          STORED_SAMPLE_FIELDS);
      b.addReviewSampledNumber(new Sample(s.requiredString("maskedNumber"), s.bool("meetsCriteria")));
    }
    b.findings(f.string("findings")).reworkCount(f.count("reworkCount"));
    b.estimatedEffort(f.string("estimatedEffort")).assessedAt(f.timestamp("assessedAt"));
    b.deliveredTo(f.string("deliveredTo")).deliveredAt(f.timestamp("deliveredAt"));
    b.requesterNotifiedVia(f.enumValue("requesterNotifiedVia", NotifyChannel.class))
        .requesterNotifiedAt(f.timestamp("requesterNotifiedAt"));
    b.businessConfirmedBy(f.string("businessConfirmedBy")).businessConfirmedAt(f.timestamp("businessConfirmedAt"));
    b.cancelReason(f.string("cancelReason"));
    return b.build();
  }

  private static ObjectNode writeApproval(Approval a) {
    ObjectNode o = OpsJson.object();
    o.set("approver", ActorJson.write(a.approver()));
    o.put("approvedAt", Timestamps.format(a.approvedAt(), ZONE));
    return o;
  }

  private static Approval readApproval(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, APPROVAL_FIELDS);
    return new Approval(ActorJson.read(f.node("approver").orElse(null), f.path("approver")),
        f.requiredTimestamp("approvedAt"));
  }

  static ArrayNode writeSamples(List<Sample> samples) {
    ArrayNode a = OpsJson.array();
    for (Sample s : samples) {
      ObjectNode o = a.addObject();
      o.put("number", s.maskedNumber());
      o.put("meetsCriteria", s.meetsCriteria());
    }
    return a;
  }

  private static void time(ObjectNode o, String field, Optional<Instant> t) {
    t.ifPresent(v -> o.put(field, Timestamps.format(v, ZONE)));
  }

  private static void putFlag(ObjectNode o, String field, boolean value) {
    if (value) {
      o.put(field, true);
    }
  }

  private static void putCount(ObjectNode o, String field, int value) {
    if (value != 0) {
      o.put(field, value);
    }
  }
}
