package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverRecord;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverEventData.ImportantOperation;
import org.opsbook.rules.cutover.CutoverRecord.RecordedStep;

/**
 * Reads and writes the cutover documents: the facts of catalog §2.8, an event's data and the stored record.
 * Content names are the catalog's ({@code PLAN}, {@code EMERGENCY_PLAN} …); reading is strict and names the JSON
 * path of any bad value. Stores cutovers as {@code {"facts": {...}, "record": {...}}} and event data as its JSON
 * object. Thread-safe.
 *
 * <pre>{@code
 * WorkflowStore<CutoverTicket, CutoverEvent, CutoverEventData> store =
 *     new WorkflowStore<>(repository, new CutoverWorkflow(calendar, params), CutoverCodec.instance());
 * }</pre>
 */
public final class CutoverCodec extends TwoPartCodec<CutoverTicket, CutoverState, Cutover, CutoverRecord, CutoverEventData> {

  /** The facts. */
  public static final Schema<Cutover, Cutover.Builder> FACTS = Schema.of(Cutover::builder, Cutover.Builder::build)
      .derive(Cutover.class);

  private static final Schema<ImportantOperation, Object[]> OPERATION = Schema.<ImportantOperation, Object[]>of(
          () -> new Object[3], a -> new ImportantOperation((String) a[0], Optional.ofNullable((String) a[1]),
              Optional.ofNullable((String) a[2])))
      .req("description", Kind.NONBLANK, ImportantOperation::description, (a, v) -> a[0] = v)
      .opt("operatorId", Kind.TEXT, ImportantOperation::operatorId, (a, v) -> a[1] = v)
      .opt("watcherId", Kind.TEXT, ImportantOperation::watcherId, (a, v) -> a[2] = v);

  /** An event's data. */
  public static final Schema<CutoverEventData, CutoverEventData.Builder> DATA =
      Schema.of(CutoverEventData::builder, CutoverEventData.Builder::build)
      .list("importantOperations", Kind.object(OPERATION), CutoverEventData::importantOperations,
          CutoverEventData.Builder::addAllImportantOperations)
      .derive(CutoverEventData.class);

  /** One event that happened: who fired it, when, and what it recorded. */
  private static final Schema<RecordedStep, Object[]> STEP = Schema.<RecordedStep, Object[]>of(() -> new Object[3],
          a -> new RecordedStep((String) a[0], (Instant) a[1], a[2] == null ? CutoverEventData.none()
              : (CutoverEventData) a[2]))
      .req("actorId", Kind.NONBLANK, RecordedStep::actorId, (a, v) -> a[0] = v)
      .req("at", Kind.TIME, RecordedStep::at, (a, v) -> a[1] = v)
      .always("data", Kind.object(DATA), RecordedStep::data, (a, v) -> a[2] = v);

  /** The complaints still open (CUTOVER-20), each ref with when it was relayed. */
  private static final Kind<Map<String, Instant>> OPEN_COMPLAINTS = Kind.custom("openComplaints", (f, n) -> {
    Set<String> refs = new LinkedHashSet<>();
    f.node(n).orElseThrow().fieldNames().forEachRemaining(refs::add);
    JsonFields open = f.object(n, refs);
    Map<String, Instant> out = new LinkedHashMap<>();
    refs.forEach(ref -> out.put(ref, open.requiredTimestamp(ref)));
    return out;
  }, (v, z) -> {
    ObjectNode open = OpsJson.object();
    v.forEach((ref, at) -> open.put(ref, Timestamps.format(at, z)));
    return open;
  });

  /**
   * The record: for each event that happened, {@code {"actorId", "at", "data"}} keyed by its name, and the
   * complaints still open as {@code "openComplaints": {"<ref>": "<relayed at>"}} when there are any.
   */
  public static final Schema<CutoverRecord, CutoverRecord.Builder> RECORD = record();
  /** The codec, made once the tables it is built of are. */
  private static final CutoverCodec INSTANCE = new CutoverCodec();

  private static Schema<CutoverRecord, CutoverRecord.Builder> record() {
    Schema<CutoverRecord, CutoverRecord.Builder> s = Schema.of(CutoverRecord::builder, CutoverRecord.Builder::build);
    for (CutoverEvent e : CutoverEvent.values()) {
      s.opt(e.eventName(), Kind.object(STEP), r -> r.step(e), (b, step) -> b.putStep(e, step));
    }
    return s.val("openComplaints", OPEN_COMPLAINTS, CutoverRecord::openComplaints,
        CutoverRecord.Builder::putAllOpenComplaints, Map.of());
  }

  private CutoverCodec() {
    super(CutoverState.class, "facts", false, FACTS, CutoverTicket::facts, RECORD, CutoverTicket::record, DATA, CutoverTicket::of);
  }

  /** Returns the codec. */
  public static CutoverCodec instance() {
    return INSTANCE;
  }
}
