package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.time.StandardWorkCalendar;
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
public final class CutoverCodec implements WorkflowCodec<CutoverTicket, CutoverEventData> {
  private static final CutoverCodec INSTANCE = new CutoverCodec();
  private static final Set<String> FIELDS = Set.of("facts", "record");

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

  private static final Set<String> STEP_FIELDS = Set.of("actorId", "at", "data");
  private static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;

  /** The key of the open complaints (CUTOVER-20) beside the events' names. */
  private static final String OPEN_COMPLAINTS = "openComplaints";

  /**
   * Writes the record: for each event that happened, {@code {"actorId", "at", "data"}} keyed by its name, and the
   * complaints still open as {@code "openComplaints": {"<ref>": "<relayed at>"}} when there are any.
   */
  public static ObjectNode writeRecord(CutoverRecord r) {
    ObjectNode o = OpsJson.object();
    for (CutoverEvent e : CutoverEvent.values()) {
      r.step(e).ifPresent(s -> o.putObject(e.eventName()).put("actorId", s.actorId())
          .put("at", Timestamps.format(s.at(), ZONE)).set("data", DATA.write(s.data(), ZONE)));
    }
    if (!r.openComplaints().isEmpty()) {
      ObjectNode open = o.putObject(OPEN_COMPLAINTS);
      r.openComplaints().forEach((ref, at) -> open.put(ref, Timestamps.format(at, ZONE)));
    }
    return o;
  }

  /** Reads a record back. */
  static CutoverRecord readRecord(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(path, "expected a JSON object");
    }
    CutoverRecord.Builder b = CutoverRecord.builder();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String stepPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (field.getKey().equals(OPEN_COMPLAINTS)) {
        Set<String> refs = new java.util.TreeSet<>();
        if (field.getValue() != null) {
          field.getValue().fieldNames().forEachRemaining(refs::add);
        }
        JsonFields open = JsonFields.of(field.getValue(), stepPath, refs);
        for (Map.Entry<String, JsonNode> c : field.getValue().properties()) {
          b.putOpenComplaint(c.getKey(), open.requiredTimestamp(c.getKey()));
        }
        continue;
      }
      CutoverEvent e = CutoverEvent.fromName(field.getKey(), stepPath);
      JsonFields s = JsonFields.of(field.getValue(), stepPath, STEP_FIELDS);
      b.putStep(e, new RecordedStep(s.requiredString("actorId"), s.requiredTimestamp("at"),
          DATA.read(s.node("data").orElse(OpsJson.object()), s.path("data"))));
    }
    return b.build();
  }

  private CutoverCodec() {}

  /** Returns the codec. */
  public static CutoverCodec instance() {
    return INSTANCE;
  }

  @Override
  public String encode(CutoverTicket ticket) {
    ObjectNode o = OpsJson.object();
    o.set("facts", FACTS.write(ticket.facts(), ZONE));
    o.set("record", writeRecord(ticket.record()));
    return OpsJson.write(o);
  }

  @Override
  public CutoverTicket decode(WorkflowInstance stored) {
    return decode(stored.id(), stored.state(), stored.dataJson());
  }

  /** Reads an instance from its stored ID, state name and data text. */
  public CutoverTicket decode(String id, String state, String dataJson) {
    JsonFields f = JsonFields.of(OpsJson.parse(dataJson), "", FIELDS);
    JsonNode facts = f.node("facts").orElse(OpsJson.object());
    return CutoverTicket.of(id, JsonFields.parseEnum(state, CutoverState.class, "state"),
        FACTS.read(facts, "facts"),
        readRecord(f.node("record").orElse(OpsJson.object()), "record"));
  }

  @Override
  public String encodeData(CutoverEventData data) {
    return DATA.print(data, ZONE);
  }
}
