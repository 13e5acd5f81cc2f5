package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
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
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;

/**
 * Reads and writes the data-operation documents: the {@code operation} object (the facts of catalog §2.7), the
 * {@code data} object of a step, and the stored record of a ticket. Field names are the catalog's fact names.
 * Reading is strict: an unknown field, a wrong type, a negative count or a timestamp without an offset is invalid
 * input naming its JSON path.
 */
public final class DataOpJson {
  private static final Set<String> SIDE_EFFECT_FIELDS = Set.of("business", "accounts", "reports");
  private static final Set<String> SAMPLE_FIELDS = Set.of("number", "meetsCriteria");
  private static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;

  /**
   * The side effects are an object {@code {"business": "无", "accounts": "无", "reports": "月报需重出"}}, or one
   * statement that names each of 业务, 帐务 (or 账务) and 报表; what it does not name stays unstated (DATAOP-MOD-06).
   */
  private static final Kind<String[]> SIDE_EFFECTS = Kind.custom("sideEffects", (f, n) -> {
    JsonNode node = f.node(n).orElseThrow();
    if (node.isTextual()) {
      String s = node.textValue();
      return new String[] {s.contains("业务") ? s : null, s.contains("帐务") || s.contains("账务") ? s : null,
          s.contains("报表") ? s : null};
    }
    JsonFields se = f.object(n, SIDE_EFFECT_FIELDS);
    return new String[] {se.string("business").orElse(null), se.string("accounts").orElse(null),
        se.string("reports").orElse(null)};
  }, (v, z) -> {
    ObjectNode se = OpsJson.object();
    String[] names = {"business", "accounts", "reports"};
    for (int i = 0; i < 3; i++) {
      if (v[i] != null) {
        se.put(names[i], v[i]);
      }
    }
    return se;
  });

  /**
   * A sampled number: a string (listing one in a passed review attests that it meets the criteria) or
   * {@code {"number": "...", "meetsCriteria": false}}; numbers are masked as they are read and only masked written.
   */
  private static final Kind<Sample> SAMPLE = Kind.custom("sample", (f, n) -> {
    JsonNode node = f.node(n).orElseThrow();
    if (node.isTextual()) {
      return Sample.of(node.textValue());
    }
    JsonFields s = f.object(n, SAMPLE_FIELDS);
    return Sample.of(s.requiredString("number"), !s.has("meetsCriteria") || s.bool("meetsCriteria"));
  }, (s, z) -> OpsJson.object().put("number", s.maskedNumber()).put("meetsCriteria", s.meetsCriteria()));

  private static final Schema<Sample, Object[]> STORED_SAMPLE = Schema.<Sample, Object[]>of(() -> new Object[3],
          a -> a[2] == null ? new Sample((String) a[0], Boolean.TRUE.equals(a[1]))
              : new Sample((String) a[0], (String) a[2], Boolean.TRUE.equals(a[1])))
      .req("maskedNumber", Kind.NONBLANK, Sample::maskedNumber, (a, v) -> a[0] = v)
      .opt("digest", Kind.NONBLANK, s -> java.util.Optional.of(s.digest()), (a, v) -> a[2] = v)
      .flag("meetsCriteria", Sample::meetsCriteria, (a, v) -> a[1] = v);

  private static final Schema<Approval, Object[]> APPROVAL = Schema.<Approval, Object[]>of(() -> new Object[2],
          a -> new Approval((Actor) a[0], (Instant) a[1]))
      .req("approver", Kind.object(ActorJson.SCHEMA), Approval::approver, (a, v) -> a[0] = v)
      .req("approvedAt", Kind.TIME, Approval::approvedAt, (a, v) -> a[1] = v);

  /** An {@code operation} object: the facts of catalog §2.7. */
  public static final Schema<DataOp, DataOp.Builder> OPERATION = Schema.of(DataOp::builder, DataOp.Builder::build)
      .req("opType", Kind.of(OpType.class), DataOp::opType, DataOp.Builder::opType)
      .opt("ticketNo", Kind.TEXT, DataOp::ticketNo, DataOp.Builder::ticketNo)
      .opt("ticketKind", Kind.of(TicketKind.class), DataOp::ticketKind, DataOp.Builder::ticketKind)
      .opt("targetSystem", Kind.of(TargetSystem.class), DataOp::targetSystem, DataOp.Builder::targetSystem)
      .count("recordCount", DataOp::recordCount, DataOp.Builder::recordCount)
      .flag("isFinancialReportCorrection", DataOp::isFinancialReportCorrection,
          DataOp.Builder::isFinancialReportCorrection)
      .val("financialAmountDifferenceYuan", Kind.DECIMAL, DataOp::financialAmountDifferenceYuan,
          DataOp.Builder::financialAmountDifferenceYuan, BigDecimal.ZERO)
      .flag("isInventoryReportCorrection", DataOp::isInventoryReportCorrection,
          DataOp.Builder::isInventoryReportCorrection)
      .val("inventoryReportError", Kind.DECIMAL, DataOp::inventoryReportError, DataOp.Builder::inventoryReportError,
          BigDecimal.ZERO)
      .flag("singleNumber", DataOp::singleNumber, DataOp.Builder::singleNumber)
      .flag("isImportant", DataOp::isImportant, DataOp.Builder::isImportant)
      .flag("involvesLevel1Sensitive", DataOp::involvesLevel1Sensitive, DataOp.Builder::involvesLevel1Sensitive)
      .flag("routineOperation", DataOp::routineOperation, DataOp.Builder::routineOperation)
      .flag("insertOnly", DataOp::insertOnly, DataOp.Builder::insertOnly)
      .opt("impactStatement", Kind.TEXT, DataOp::impactStatement, DataOp.Builder::impactStatement)
      .opt("sideEffectStatement", SIDE_EFFECTS, DataOpJson::sideEffects, DataOpJson::sideEffects)
      .opt("urgency", Kind.TEXT, DataOp::urgency, DataOp.Builder::urgency)
      .opt("linkedFaultId", Kind.TEXT, DataOp::linkedFaultId, DataOp.Builder::linkedFaultId)
      .opt("fullScopeExtractionRef", Kind.TEXT, DataOp::fullScopeExtractionRef, DataOp.Builder::fullScopeExtractionRef)
      .opt("fullScopeJustification", Kind.TEXT, DataOp::fullScopeJustification, DataOp.Builder::fullScopeJustification)
      .opt("requirementPurpose", Kind.TEXT, DataOp::requirementPurpose, DataOp.Builder::requirementPurpose)
      .opt("requirementContent", Kind.TEXT, DataOp::requirementContent, DataOp.Builder::requirementContent)
      .opt("dataRequirements", Kind.TEXT, DataOp::dataRequirements, DataOp.Builder::dataRequirements)
      .list("requiredFields", Kind.TEXT, DataOp::requiredFields, DataOp.Builder::addAllRequiredFields)
      .count("estimatedRowCount", DataOp::estimatedRowCount, DataOp.Builder::estimatedRowCount)
      .amount("estimatedExecutionMinutes", DataOp::estimatedExecutionMinutes, DataOp.Builder::estimatedExecutionMinutes)
      .opt("plannedStart", Kind.TIME, DataOp::plannedStart, DataOp.Builder::plannedStart);
  /** The fields an {@code operation} object may have. */
  public static final Set<String> OPERATION_FIELDS = OPERATION.names();

  /** A step's {@code data} object. */
  public static final Schema<DataOpEventData, DataOpEventData.Builder> DATA =
      Schema.of(DataOpEventData::builder, DataOpEventData.Builder::build)
      .opt("scriptRef", Kind.TEXT, DataOpEventData::scriptRef, DataOpEventData.Builder::scriptRef)
      .opt("backupRef", Kind.TEXT, DataOpEventData::backupRef, DataOpEventData.Builder::backupRef)
      .opt("backupTakenAt", Kind.TIME, DataOpEventData::backupTakenAt, DataOpEventData.Builder::backupTakenAt)
      .list("attachments", Kind.of(Attachment.class), DataOpEventData::attachments,
          DataOpEventData.Builder::addAllAttachments)
      .flag("inlineOriginalDataAndScript", DataOpEventData::inlineOriginalDataAndScript,
          DataOpEventData.Builder::inlineOriginalDataAndScript)
      .opt("sensitiveAccessFormApprovedBy", Kind.object(ActorJson.SCHEMA),
          DataOpEventData::sensitiveAccessFormApprovedBy,
          DataOpEventData.Builder::sensitiveAccessFormApprovedBy)
      .opt("sensitiveAccessFormApprovedAt", Kind.TIME, DataOpEventData::sensitiveAccessFormApprovedAt,
          DataOpEventData.Builder::sensitiveAccessFormApprovedAt)
      .opt("batchSensitiveFormApprovedBy", Kind.object(ActorJson.SCHEMA), DataOpEventData::batchSensitiveFormApprovedBy,
          DataOpEventData.Builder::batchSensitiveFormApprovedBy)
      .opt("batchSensitiveFormApprovedAt", Kind.TIME, DataOpEventData::batchSensitiveFormApprovedAt,
          DataOpEventData.Builder::batchSensitiveFormApprovedAt)
      .opt("developerId", Kind.TEXT, DataOpEventData::developerId, DataOpEventData.Builder::developerId)
      .opt("executorKind", Kind.of(ActorKind.class), DataOpEventData::executorKind,
          DataOpEventData.Builder::executorKind)
      .opt("cityMonitorId", Kind.TEXT, DataOpEventData::cityMonitorId, DataOpEventData.Builder::cityMonitorId)
      .flag("cityMonitorPresentThroughout", DataOpEventData::cityMonitorPresentThroughout,
          DataOpEventData.Builder::cityMonitorPresentThroughout)
      .opt("impactReply", Kind.TEXT, DataOpEventData::impactReply, DataOpEventData.Builder::impactReply)
      .opt("actualRecordCount", Kind.atLeast(0), x -> Schema.boxed(x.actualRecordCount()),
          DataOpEventData.Builder::actualRecordCount)
      .opt("actualRowCount", Kind.atLeast(0), x -> Schema.boxed(x.actualRowCount()),
          DataOpEventData.Builder::actualRowCount)
      .opt("actualExecutionMinutes", Kind.AMOUNT, x -> Schema.boxed(x.actualExecutionMinutes()),
          DataOpEventData.Builder::actualExecutionMinutes)
      .opt("startedAt", Kind.TIME, DataOpEventData::startedAt, DataOpEventData.Builder::startedAt)
      .flag("scriptVerified", DataOpEventData::scriptVerified, DataOpEventData.Builder::scriptVerified)
      .flag("resultVerified", DataOpEventData::resultVerified, DataOpEventData.Builder::resultVerified)
      .flag("logicVerified", DataOpEventData::logicVerified, DataOpEventData.Builder::logicVerified)
      .flag("countVerified", DataOpEventData::countVerified, DataOpEventData.Builder::countVerified)
      .list("sampledNumbers", SAMPLE, DataOpEventData::sampledNumbers, DataOpEventData.Builder::addAllSampledNumbers)
      .opt("findings", Kind.TEXT, DataOpEventData::findings, DataOpEventData.Builder::findings)
      .opt("channel", Kind.of(NotifyChannel.class), DataOpEventData::channel, DataOpEventData.Builder::channel)
      .opt("deliveredTo", Kind.TEXT, DataOpEventData::deliveredTo, DataOpEventData.Builder::deliveredTo)
      .opt("estimatedEffort", Kind.TEXT, DataOpEventData::estimatedEffort, DataOpEventData.Builder::estimatedEffort)
      .opt("estimatedRowCount", Kind.atLeast(0), x -> Schema.boxed(x.estimatedRowCount()),
          DataOpEventData.Builder::estimatedRowCount)
      .opt("estimatedExecutionMinutes", Kind.AMOUNT, x -> Schema.boxed(x.estimatedExecutionMinutes()),
          DataOpEventData.Builder::estimatedExecutionMinutes)
      .opt("reason", Kind.TEXT, DataOpEventData::reason, DataOpEventData.Builder::reason);

  /** A ticket's stored record. */
  public static final Schema<DataOpRecord, DataOpRecord.Builder> RECORD =
      Schema.of(DataOpRecord::builder, DataOpRecord.Builder::build)
      .opt("submitterId", Kind.TEXT, DataOpRecord::submitterId, DataOpRecord.Builder::submitterId)
      .opt("submittedAt", Kind.TIME, DataOpRecord::submittedAt, DataOpRecord.Builder::submittedAt)
      .opt("businessApproverId", Kind.TEXT, DataOpRecord::businessApproverId, DataOpRecord.Builder::businessApproverId)
      .opt("businessApprovedAt", Kind.TIME, DataOpRecord::businessApprovedAt, DataOpRecord.Builder::businessApprovedAt)
      .opt("scriptAuthorId", Kind.TEXT, DataOpRecord::scriptAuthorId, DataOpRecord.Builder::scriptAuthorId)
      .opt("scriptRef", Kind.TEXT, DataOpRecord::scriptRef, DataOpRecord.Builder::scriptRef)
      .opt("backupRef", Kind.TEXT, DataOpRecord::backupRef, DataOpRecord.Builder::backupRef)
      .opt("backupTakenAt", Kind.TIME, DataOpRecord::backupTakenAt, DataOpRecord.Builder::backupTakenAt)
      .list("attachments", Kind.of(Attachment.class), DataOpRecord::attachments, DataOpRecord.Builder::attachments)
      .flag("inlineOriginalDataAndScript", DataOpRecord::inlineOriginalDataAndScript,
          DataOpRecord.Builder::inlineOriginalDataAndScript)
      .opt("techApproverId", Kind.TEXT, DataOpRecord::techApproverId, DataOpRecord.Builder::techApproverId)
      .opt("techApprovedAt", Kind.TIME, DataOpRecord::techApprovedAt, DataOpRecord.Builder::techApprovedAt)
      .opt("sensitiveAccessForm", Kind.object(APPROVAL), DataOpRecord::sensitiveAccessForm,
          DataOpRecord.Builder::sensitiveAccessForm)
      .opt("batchSensitiveForm", Kind.object(APPROVAL), DataOpRecord::batchSensitiveForm,
          DataOpRecord.Builder::batchSensitiveForm)
      .opt("assignedDeveloperId", Kind.TEXT, DataOpRecord::assignedDeveloperId,
          DataOpRecord.Builder::assignedDeveloperId)
      .opt("assignedExecutorKind", Kind.of(ActorKind.class), DataOpRecord::assignedExecutorKind,
          DataOpRecord.Builder::assignedExecutorKind)
      .opt("cityMonitorId", Kind.TEXT, DataOpRecord::cityMonitorId, DataOpRecord.Builder::cityMonitorId)
      .flag("cityMonitorPresentThroughout", DataOpRecord::cityMonitorPresentThroughout,
          DataOpRecord.Builder::cityMonitorPresentThroughout)
      .opt("developerImpactReply", Kind.TEXT, DataOpRecord::developerImpactReply,
          DataOpRecord.Builder::developerImpactReply)
      .opt("developerImpactReplyAt", Kind.TIME, DataOpRecord::developerImpactReplyAt,
          DataOpRecord.Builder::developerImpactReplyAt)
      .opt("submitterConsentAt", Kind.TIME, DataOpRecord::submitterConsentAt, DataOpRecord.Builder::submitterConsentAt)
      .opt("executorId", Kind.TEXT, DataOpRecord::executorId, DataOpRecord.Builder::executorId)
      .opt("executorKind", Kind.of(ActorKind.class), DataOpRecord::executorKind, DataOpRecord.Builder::executorKind)
      .opt("executedAt", Kind.TIME, DataOpRecord::executedAt, DataOpRecord.Builder::executedAt)
      .opt("actualRecordCount", Kind.atLeast(0), x -> Schema.boxed(x.actualRecordCount()),
          DataOpRecord.Builder::actualRecordCount)
      .opt("actualRowCount", Kind.atLeast(0), x -> Schema.boxed(x.actualRowCount()),
          DataOpRecord.Builder::actualRowCount)
      .opt("actualExecutionMinutes", Kind.AMOUNT, x -> Schema.boxed(x.actualExecutionMinutes()),
          DataOpRecord.Builder::actualExecutionMinutes)
      .opt("estimatedRowCount", Kind.atLeast(0), x -> Schema.boxed(x.estimatedRowCount()),
          DataOpRecord.Builder::estimatedRowCount)
      .opt("estimatedExecutionMinutes", Kind.AMOUNT, x -> Schema.boxed(x.estimatedExecutionMinutes()),
          DataOpRecord.Builder::estimatedExecutionMinutes)
      .list("processorIds", Kind.TEXT, DataOpRecord::processorIds, DataOpRecord.Builder::addAllProcessorIds)
      .list("executorIds", Kind.TEXT, DataOpRecord::executorIds, DataOpRecord.Builder::addAllExecutorIds)
      .opt("reviewerId", Kind.TEXT, DataOpRecord::reviewerId, DataOpRecord.Builder::reviewerId)
      .opt("reviewedAt", Kind.TIME, DataOpRecord::reviewedAt, DataOpRecord.Builder::reviewedAt)
      .flag("reviewScriptVerified", DataOpRecord::reviewScriptVerified, DataOpRecord.Builder::reviewScriptVerified)
      .flag("reviewResultVerified", DataOpRecord::reviewResultVerified, DataOpRecord.Builder::reviewResultVerified)
      .flag("reviewLogicVerified", DataOpRecord::reviewLogicVerified, DataOpRecord.Builder::reviewLogicVerified)
      .flag("reviewCountVerified", DataOpRecord::reviewCountVerified, DataOpRecord.Builder::reviewCountVerified)
      .list("reviewSampledNumbers", Kind.object(STORED_SAMPLE), DataOpRecord::reviewSampledNumbers,
          DataOpRecord.Builder::addAllReviewSampledNumbers)
      .opt("findings", Kind.TEXT, DataOpRecord::findings, DataOpRecord.Builder::findings)
      .count("reworkCount", DataOpRecord::reworkCount, DataOpRecord.Builder::reworkCount)
      .opt("estimatedEffort", Kind.TEXT, DataOpRecord::estimatedEffort, DataOpRecord.Builder::estimatedEffort)
      .opt("assessedAt", Kind.TIME, DataOpRecord::assessedAt, DataOpRecord.Builder::assessedAt)
      .opt("deliveredTo", Kind.TEXT, DataOpRecord::deliveredTo, DataOpRecord.Builder::deliveredTo)
      .opt("deliveredAt", Kind.TIME, DataOpRecord::deliveredAt, DataOpRecord.Builder::deliveredAt)
      .opt("requesterNotifiedVia", Kind.of(NotifyChannel.class), DataOpRecord::requesterNotifiedVia,
          DataOpRecord.Builder::requesterNotifiedVia)
      .opt("requesterNotifiedAt", Kind.TIME, DataOpRecord::requesterNotifiedAt,
          DataOpRecord.Builder::requesterNotifiedAt)
      .opt("businessConfirmedBy", Kind.TEXT, DataOpRecord::businessConfirmedBy,
          DataOpRecord.Builder::businessConfirmedBy)
      .opt("businessConfirmedAt", Kind.TIME, DataOpRecord::businessConfirmedAt,
          DataOpRecord.Builder::businessConfirmedAt)
      .opt("cancelReason", Kind.TEXT, DataOpRecord::cancelReason, DataOpRecord.Builder::cancelReason)
      .list("recordedViolations", Kind.RULE, DataOpRecord::recordedViolations,
          DataOpRecord.Builder::addAllRecordedViolations);
  /** The fields of a stored record. */
  static final Set<String> RECORD_FIELDS = RECORD.names();

  private DataOpJson() {}

  private static Optional<String[]> sideEffects(DataOp op) {
    String[] v = {op.sideEffectsBusiness().orElse(null), op.sideEffectsAccounts().orElse(null),
        op.sideEffectsReports().orElse(null)};
    return v[0] == null && v[1] == null && v[2] == null ? Optional.empty() : Optional.of(v);
  }

  private static void sideEffects(DataOp.Builder b, String[] v) {
    b.sideEffectsBusiness(Optional.ofNullable(v[0])).sideEffectsAccounts(Optional.ofNullable(v[1]))
        .sideEffectsReports(Optional.ofNullable(v[2]));
  }

  /** Reads an {@code operation} object. */
  public static DataOp readOperation(JsonNode node, String path) {
    return OPERATION.read(node, path);
  }

  /** Writes an {@code operation} object: every fact that differs from its neutral default. */
  public static ObjectNode writeOperation(DataOp op) {
    return OPERATION.write(op, ZONE);
  }

  /** Reads a step's {@code data} object, accepting only {@code allowed} fields (what the event records). */
  public static DataOpEventData readData(JsonNode node, String path, Set<String> allowed) {
    if (node == null || node.isNull()) {
      return DataOpEventData.none();
    }
    return DATA.read(JsonFields.of(node, path, allowed));
  }

  /** Writes a step's {@code data}: the fields it sets; sampled numbers only masked. */
  public static ObjectNode writeData(DataOpEventData d) {
    return DATA.write(d, ZONE);
  }

  /** Writes a ticket's record. */
  public static ObjectNode writeRecord(DataOpRecord r) {
    return RECORD.write(r, ZONE);
  }

  /** Reads a ticket's record back. */
  public static DataOpRecord readRecord(JsonNode node, String path) {
    return RECORD.read(node, path);
  }
}
