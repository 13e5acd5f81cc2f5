package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverTicket;

/**
 * Stores cutovers as {@code {"facts": {...}, "record": {...}}} and event data as its JSON object. Thread-safe.
 *
 * <pre>{@code
 * WorkflowStore<CutoverTicket, CutoverEvent, CutoverEventData> store =
 *     new WorkflowStore<>(repository, new CutoverWorkflow(calendar, params), CutoverCodec.instance());
 * }</pre>
 */
public final class CutoverCodec implements WorkflowCodec<CutoverTicket, CutoverEventData> {
  private static final CutoverCodec INSTANCE = new CutoverCodec();
  private static final Set<String> FIELDS = Set.of("facts", "record");

  private CutoverCodec() {}

  /** Returns the codec. */
  public static CutoverCodec instance() {
    return INSTANCE;
  }

  @Override
  public String encode(CutoverTicket ticket) {
    ObjectNode o = OpsJson.object();
    o.set("facts", CutoverJson.writeFacts(ticket.facts()));
    o.set("record", CutoverJson.writeRecord(ticket.record()));
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
        CutoverJson.readFacts(JsonFields.of(facts, "facts", CutoverJson.FACT_FIELDS)),
        CutoverJson.readRecord(f.node("record").orElse(OpsJson.object()), "record"));
  }

  @Override
  public String encodeData(CutoverEventData data) {
    return OpsJson.write(CutoverJson.writeData(data));
  }
}
