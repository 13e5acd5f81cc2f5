package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.internal.esc.StepDataFormat;

/**
 * Writes SM-ESC lifecycles as one JSON object of the catalog's field names (§2.1; the ID and state are kept beside the
 * text by the repository), timestamps ISO-8601 in UTC, absent values left out; and event data as the step's
 * {@code data} object, facts included. Reading is strict: an unknown field, a wrong type or a timestamp without an
 * offset is invalid input naming the field. Thread-safe.
 *
 * <p>A step's data is the {@code stepData} of its {@link org.opsbook.core.FaultEvent} in the fault's history.
 */
public final class EscCodec implements StepDataFormat {
  private static final EscCodec INSTANCE = new EscCodec();
  /** A lifecycle, the ID and state (kept beside the text) and the owner (two fields, both or neither) aside. */
  static final Schema<EscFault, EscFault.Builder> FAULT = Schema.of(EscFault::builder, EscFault.Builder::build)
      .derive(EscFault.class, "faultId", "state", "ownership");
  private static final Set<String> FIELDS =
      ImmutableSet.<String>builder().addAll(FAULT.names()).add("owner", "ownerId").build();

  /** A step's data: what the event recorded, the facts as the {@code classify} document has them. */
  public static final Schema<EscEventData, EscEventData.Builder> DATA =
      Schema.of(EscEventData::builder, EscEventData.Builder::build)
      .opt("facts", Kind.object(FaultFactsJson.SCHEMA), EscEventData::facts, EscEventData.Builder::facts)
      .derive(EscEventData.class, "assignee");

  /** Used by {@link java.util.ServiceLoader}; {@link #instance()} is the shared one. */
  public EscCodec() {}

  /** Returns the codec. */
  public static EscCodec instance() {
    return INSTANCE;
  }

  /** Writes a lifecycle: the catalog's field names, the ID and state left out. */
  public String encode(EscFault f) {
    ObjectNode o = FAULT.write(f, ZoneOffset.UTC);
    f.owner().ifPresent(h -> o.put("owner", h.name()));
    f.ownerId().ifPresent(id -> o.put("ownerId", id));
    return OpsJson.write(o);
  }

  /**
   * Reads a fault from its stored ID, state name and data text.
   *
   * @throws InvalidInputException naming the field when the text is not a fault, or {@code state} when the state
   *     is not one of SM-ESC's
   */
  public EscFault decode(String faultId, String state, String dataJson) {
    JsonFields f = JsonFields.of(OpsJson.parse(dataJson), "", FIELDS);
    EscFault.Builder b = EscFault.builder().faultId(faultId).state(JsonFields.parseEnum(state, EscState.class, "state"));
    FAULT.readInto(f, b);
    return b.ownership(ownership(f)).build();
  }

  private static Optional<EscOwner> ownership(JsonFields f) {
    Optional<EscHandler> handler = f.enumValue("owner", EscHandler.class);
    Optional<String> id = f.string("ownerId");
    if (handler.isPresent() != id.isPresent()) {
      throw new InvalidInputException(handler.isPresent() ? "ownerId" : "owner",
          "a fault's owner is a handler (A or B) and an actor ID, both or neither");
    }
    return handler.map(h -> new EscOwner(h, id.get()));
  }

  /** Writes what an event recorded: its fields by name, timestamps in UTC. */
  @Override
  public String encodeData(EscEventData d) {
    return DATA.print(d, ZoneOffset.UTC);
  }

  /**
   * Reads what a step recorded, as {@link #encodeData} wrote it.
   *
   * @throws InvalidInputException naming the field when the text is not a step's data
   */
  @Override
  public EscEventData decodeData(String json) {
    return DATA.parse(json);
  }
}
