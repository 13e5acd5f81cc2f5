package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscOwner;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault.SystemProblem;
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
  private static final Set<String> FIELDS = ImmutableSet.of("openedAt", "openedBy", "detectedAt",
      "faultStartTime", "intakeChannel", "selfDiscovered", "linkedTicketId", "peakLevel", "amsFaultNo",
      "provinceDutyNotifiedAt", "declaredAt", "owner", "ownerId", "ownerSince", "handlerAAvailable", "handovers",
      "lastHandoverNote", "reportedToProvinceAt", "amsDevTicketNo", "reportedToDeveloperAt", "progressEntries",
      "lastProgressAt", "lastConclusion", "lastSystemProblem", "repairedAt", "recoveryCheck", "relapses",
      "lastRelapseAt", "dutyLogDeliveredAt", "faultReportRef", "postIncidentAt", "interventions",
      "lastInterventionNote", "weeklySummaryRef", "closedAt");

  /** A step's data: what the event recorded, the facts as the {@code classify} document has them. */
  static final Schema<EscEventData, EscEventData.Builder> DATA =
      Schema.of(EscEventData::builder, EscEventData.Builder::build)
      .opt("facts", Kind.object(FaultFactsJson.SCHEMA), EscEventData::facts, EscEventData.Builder::facts)
      .derive(EscEventData.class);

  /** Used by {@link java.util.ServiceLoader}; {@link #instance()} is the shared one. */
  public EscCodec() {}

  /** Returns the codec. */
  public static EscCodec instance() {
    return INSTANCE;
  }

  /** Writes a lifecycle: the catalog's field names, the ID and state left out. */
  public String encode(EscFault f) {
    ObjectNode o = OpsJson.object();
    put(o, "openedAt", Optional.of(f.openedAt()));
    o.put("openedBy", f.openedBy());
    put(o, "detectedAt", Optional.of(f.detectedAt()));
    put(o, "faultStartTime", f.faultStartTime());
    put(o, "intakeChannel", f.intakeChannel());
    o.put("selfDiscovered", f.selfDiscovered());
    put(o, "linkedTicketId", f.linkedTicketId());
    o.put("peakLevel", f.peakLevel().name());
    put(o, "amsFaultNo", f.amsFaultNo());
    put(o, "provinceDutyNotifiedAt", f.provinceDutyNotifiedAt());
    put(o, "declaredAt", f.declaredAt());
    put(o, "owner", f.owner());
    put(o, "ownerId", f.ownerId());
    put(o, "ownerSince", f.ownerSince());
    o.put("handlerAAvailable", f.handlerAAvailable());
    o.put("handovers", f.handovers());
    put(o, "lastHandoverNote", f.lastHandoverNote());
    put(o, "reportedToProvinceAt", f.reportedToProvinceAt());
    put(o, "amsDevTicketNo", f.amsDevTicketNo());
    put(o, "reportedToDeveloperAt", f.reportedToDeveloperAt());
    o.put("progressEntries", f.progressEntries());
    put(o, "lastProgressAt", f.lastProgressAt());
    put(o, "lastConclusion", f.lastConclusion());
    put(o, "lastSystemProblem", f.lastSystemProblem());
    put(o, "repairedAt", f.repairedAt());
    put(o, "recoveryCheck", f.recoveryCheck());
    o.put("relapses", f.relapses());
    put(o, "lastRelapseAt", f.lastRelapseAt());
    put(o, "dutyLogDeliveredAt", f.dutyLogDeliveredAt());
    put(o, "faultReportRef", f.faultReportRef());
    put(o, "postIncidentAt", f.postIncidentAt());
    o.put("interventions", f.interventions());
    put(o, "lastInterventionNote", f.lastInterventionNote());
    put(o, "weeklySummaryRef", f.weeklySummaryRef());
    put(o, "closedAt", f.closedAt());
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
    EscFault.Builder b = EscFault.builder()
        .faultId(faultId)
        .state(JsonFields.parseEnum(state, EscState.class, "state"))
        .openedAt(f.requiredTimestamp("openedAt"))
        .openedBy(f.requiredString("openedBy"))
        .detectedAt(f.requiredTimestamp("detectedAt"))
        .faultStartTime(f.timestamp("faultStartTime"))
        .intakeChannel(f.enumValue("intakeChannel", IntakeChannel.class))
        .selfDiscovered(f.bool("selfDiscovered"))
        .linkedTicketId(f.string("linkedTicketId"))
        .peakLevel(f.enumValue("peakLevel", Level.class).orElse(Level.NONE))
        .amsFaultNo(f.string("amsFaultNo"))
        .provinceDutyNotifiedAt(f.timestamp("provinceDutyNotifiedAt"))
        .declaredAt(f.timestamp("declaredAt"))
        .ownership(ownership(f))
        .ownerSince(f.timestamp("ownerSince"))
        .handlerAAvailable(f.optionalBool("handlerAAvailable").orElse(true))
        .handovers(f.count("handovers"))
        .lastHandoverNote(f.string("lastHandoverNote"))
        .reportedToProvinceAt(f.timestamp("reportedToProvinceAt"))
        .amsDevTicketNo(f.string("amsDevTicketNo"))
        .reportedToDeveloperAt(f.timestamp("reportedToDeveloperAt"))
        .progressEntries(f.count("progressEntries"))
        .lastProgressAt(f.timestamp("lastProgressAt"))
        .lastConclusion(f.string("lastConclusion"))
        .lastSystemProblem(f.enumValue("lastSystemProblem", SystemProblem.class))
        .repairedAt(f.timestamp("repairedAt"))
        .recoveryCheck(f.string("recoveryCheck"))
        .relapses(f.count("relapses"))
        .lastRelapseAt(f.timestamp("lastRelapseAt"))
        .dutyLogDeliveredAt(f.timestamp("dutyLogDeliveredAt"))
        .faultReportRef(f.string("faultReportRef"))
        .postIncidentAt(f.timestamp("postIncidentAt"))
        .interventions(f.count("interventions"))
        .lastInterventionNote(f.string("lastInterventionNote"))
        .weeklySummaryRef(f.string("weeklySummaryRef"))
        .closedAt(f.timestamp("closedAt"));
    return b.build();
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
    return OpsJson.write(DATA.write(d, ZoneOffset.UTC));
  }

  /**
   * Reads what a step recorded, as {@link #encodeData} wrote it.
   *
   * @throws InvalidInputException naming the field when the text is not a step's data
   */
  @Override
  public EscEventData decodeData(String json) {
    return DATA.read(OpsJson.parse(json), "");
  }

  /** Puts a present value: a timestamp in UTC, an enum by name, anything else as text; an absent one is left out. */
  private static void put(ObjectNode o, String field, Optional<?> value) {
    value.ifPresent(v -> o.put(field, v instanceof Instant t ? Timestamps.format(t, ZoneOffset.UTC)
        : v instanceof Enum<?> e ? e.name() : v.toString()));
  }
}
