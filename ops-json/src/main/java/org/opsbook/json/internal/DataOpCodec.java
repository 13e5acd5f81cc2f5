package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;

/**
 * Stores data-operation tickets as {@code {"op": {...operation...}, "record": {...}}} (the ID and state are kept
 * beside the text by the repository) and event data as the step's {@code data} object, sampled numbers masked.
 * Thread-safe.
 *
 * <pre>{@code
 * WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store = new WorkflowStore<>(
 *     repository, DataOpWorkflow.modification(OpsParameters.defaults()), DataOpCodec.instance());
 * }</pre>
 */
public final class DataOpCodec implements WorkflowCodec<DataOpTicket, DataOpEventData> {
  private static final DataOpCodec INSTANCE = new DataOpCodec();
  private static final Set<String> FIELDS = Set.of("op", "record");

  private DataOpCodec() {}

  /** Returns the codec. */
  public static DataOpCodec instance() {
    return INSTANCE;
  }

  @Override
  public String encode(DataOpTicket ticket) {
    ObjectNode o = OpsJson.object();
    o.set("op", DataOpJson.writeOperation(ticket.op()));
    o.set("record", DataOpJson.writeRecord(ticket.record()));
    return OpsJson.write(o);
  }

  @Override
  public DataOpTicket decode(WorkflowInstance stored) {
    return decode(stored.id(), stored.state(), stored.dataJson());
  }

  /** Reads an instance from its stored ID, state name and data text. */
  public DataOpTicket decode(String id, String state, String dataJson) {
    JsonNode root = OpsJson.parse(dataJson);
    JsonFields f = JsonFields.of(root, "", FIELDS);
    return DataOpTicket.of(id, JsonFields.parseEnum(state, DataOpState.class, "state"),
        DataOpJson.readOperation(f.node("op").orElse(null), "op"),
        DataOpJson.readRecord(f.node("record").orElse(OpsJson.object()), "record"));
  }

  @Override
  public String encodeData(DataOpEventData data) {
    return OpsJson.write(DataOpJson.writeData(data));
  }
}
