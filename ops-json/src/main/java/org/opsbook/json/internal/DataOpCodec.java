package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.dataop.DataOpRecord.Approval;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpRecord;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.Sample;

/**
 * Reads and writes the data-operation documents: the {@code operation} object (the facts of catalog §2.7), the
 * {@code data} object of a step, and the stored record of a ticket. Field names are the catalog's fact names.
 * Reading is strict: an unknown field, a wrong type, a negative count or a timestamp without an offset is invalid
 * input naming its JSON path. Stores data-operation tickets as {@code {"op": {...operation...}, "record": {...}}}
 * (the ID and state are kept beside the text by the repository) and event data as the step's {@code data} object,
 * sampled numbers masked. Thread-safe.
 *
 * <pre>{@code
 * WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store = new WorkflowStore<>(
 *     repository, DataOpWorkflow.modification(OpsParameters.defaults()), DataOpCodec.instance());
 * }</pre>
 */
public final class DataOpCodec extends TwoPartCodec<DataOpTicket, DataOpState, DataOp, DataOpRecord, DataOpEventData> {

  private static final Set<String> SIDE_EFFECT_FIELDS = Set.of("business", "accounts", "reports");
  private static final Set<String> SAMPLE_FIELDS = Set.of("number", "meetsCriteria");
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
      .opt("sideEffectStatement", SIDE_EFFECTS, DataOpCodec::sideEffects, DataOpCodec::sideEffects)
      .derive(DataOp.class, "sideEffectsBusiness", "sideEffectsAccounts", "sideEffectsReports");

  /** A step's {@code data} object. */
  public static final Schema<DataOpEventData, DataOpEventData.Builder> DATA =
      Schema.of(DataOpEventData::builder, DataOpEventData.Builder::build)
      .opt("sensitiveAccessFormApprovedBy", Kind.object(ActorJson.SCHEMA),
          DataOpEventData::sensitiveAccessFormApprovedBy,
          DataOpEventData.Builder::sensitiveAccessFormApprovedBy)
      .opt("batchSensitiveFormApprovedBy", Kind.object(ActorJson.SCHEMA), DataOpEventData::batchSensitiveFormApprovedBy,
          DataOpEventData.Builder::batchSensitiveFormApprovedBy)
      .list("sampledNumbers", SAMPLE, DataOpEventData::sampledNumbers, DataOpEventData.Builder::addAllSampledNumbers)
      .derive(DataOpEventData.class);

  /** A ticket's stored record. */
  public static final Schema<DataOpRecord, DataOpRecord.Builder> RECORD =
      Schema.of(DataOpRecord::builder, DataOpRecord.Builder::build)
      .opt("sensitiveAccessForm", Kind.object(APPROVAL), DataOpRecord::sensitiveAccessForm,
          DataOpRecord.Builder::sensitiveAccessForm)
      .opt("batchSensitiveForm", Kind.object(APPROVAL), DataOpRecord::batchSensitiveForm,
          DataOpRecord.Builder::batchSensitiveForm)
      .list("reviewSampledNumbers", Kind.object(STORED_SAMPLE), DataOpRecord::reviewSampledNumbers,
          DataOpRecord.Builder::addAllReviewSampledNumbers)
      .derive(DataOpRecord.class);
  /** The codec, made once the tables it is built of are. */
  private static final DataOpCodec INSTANCE = new DataOpCodec();

  private static Optional<String[]> sideEffects(DataOp op) {
    String[] v = {op.sideEffectsBusiness().orElse(null), op.sideEffectsAccounts().orElse(null),
        op.sideEffectsReports().orElse(null)};
    return v[0] == null && v[1] == null && v[2] == null ? Optional.empty() : Optional.of(v);
  }

  private static void sideEffects(DataOp.Builder b, String[] v) {
    b.sideEffectsBusiness(Optional.ofNullable(v[0])).sideEffectsAccounts(Optional.ofNullable(v[1]))
        .sideEffectsReports(Optional.ofNullable(v[2]));
  }

  private DataOpCodec() {
    super(DataOpState.class, "op", true, OPERATION, DataOpTicket::op, RECORD, DataOpTicket::record, DATA, DataOpTicket::of);
  }

  /** Returns the codec. */
  public static DataOpCodec instance() {
    return INSTANCE;
  }
}
