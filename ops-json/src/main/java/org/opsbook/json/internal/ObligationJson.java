package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.Timestamps;
import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Set;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;

/**
 * An obligation in the {@code obligations} response: {@code ruleId}, {@code actor}, {@code target},
 * {@code channel}, {@code dueAt} ({@code null} for a timely duty) and {@code recurring}, plus the optional
 * {@code action}, {@code sequence} and {@code subjectId}.
 */
public final class ObligationJson {
  private static final Set<String> FIELDS = Set.of("ruleId", "actor", "target", "channel", "dueAt", "recurring",
      "action", "sequence", "subjectId", "triggeredAt");

  private ObligationJson() {}

  /** Writes one obligation, times in {@code zone}. */
  public static ObjectNode write(Obligation ob, ZoneId zone) {
    ObjectNode o = OpsJson.object();
    o.put("ruleId", ob.ruleId().value());
    o.put("actor", ob.actor().name());
    o.put("target", ob.target());
    o.put("channel", ob.channel().name());
    if (ob.dueAt().isPresent()) {
      o.put("dueAt", Timestamps.format(ob.dueAt().get(), zone));
    } else {
      o.putNull("dueAt");
    }
    o.put("recurring", ob.recurring());
    o.put("action", ob.action());
    if (ob.recurring()) {
      o.put("sequence", ob.sequence());
    }
    return o;
  }

  /**
   * Reads one obligation back (for clients and round-trip tests).
   *
   * @param subjectId the subject when the document does not name one
   */
  public static Obligation read(JsonNode node, String path, String subjectId) {
    JsonFields f = JsonFields.of(node, path, FIELDS);
    Obligation.Builder b = Obligation.builder()
        .ruleId(ClassificationJson.ruleId(f.requiredString("ruleId"), f.path("ruleId")))
        .subjectId(f.string("subjectId").orElse(subjectId))
        .actor(f.requiredEnum("actor", Role.class))
        .target(f.requiredString("target"))
        .channel(f.requiredEnum("channel", Channel.class))
        .action(f.string("action").orElse(""))
        .recurring(f.bool("recurring"));
    f.timestamp("dueAt").ifPresent(b::dueAt);
    f.timestamp("triggeredAt").ifPresent(b::triggeredAt);
    f.optionalInt("sequence", 1).ifPresent(b::sequence);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }
}
