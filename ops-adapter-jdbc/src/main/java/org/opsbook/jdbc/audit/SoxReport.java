package org.opsbook.jdbc.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;

/**
 * A SOX export (DATAOP-MOD-18 定期审计): the trails of the operations it covers and how it was made.
 *
 * @param from the start of the period, for a period export
 * @param to the end of the period (exclusive)
 * @param access whether personal data is in clear
 * @param trails one trail per operation
 */
public record SoxReport(Optional<Instant> from, Optional<Instant> to, SoxExport.Access access, List<SoxTrail> trails) {
  /** Copies the trails. */
  public SoxReport {
    trails = List.copyOf(trails);
  }

  /** Returns true when every trail is compliant. */
  public boolean compliant() {
    return trails.stream().allMatch(SoxTrail::compliant);
  }

  /** Writes the report as JSON, timestamps in {@code zone}. */
  public String toJson(ZoneId zone) {
    ObjectNode root = OpsJson.object();
    from.ifPresent(t -> root.put("from", Timestamps.format(t, zone)));
    to.ifPresent(t -> root.put("to", Timestamps.format(t, zone)));
    root.put("personalData", access == SoxExport.Access.CLEAR ? "clear" : "masked");
    root.put("compliant", compliant());
    ArrayNode ts = root.putArray("trails");
    for (SoxTrail t : trails) {
      ObjectNode o = ts.addObject();
      o.put("stream", t.stream());
      o.put("kind", t.kind().name());
      o.put("compliant", t.compliant());
      ObjectNode v = o.putObject("verification");
      v.put("intact", t.verification().intact());
      v.put("recordCount", t.verification().recordCount());
      t.verification().firstBrokenSequence().ifPresent(s -> v.put("firstBrokenSequence", s));
      t.verification().problem().ifPresent(p -> v.put("problem", p));
      t.verification().headHash().ifPresent(h -> v.put("headHash", h));
      ObjectNode steps = o.putObject("steps");
      for (SoxStep s : SoxStep.values()) {
        ObjectNode so = steps.putObject(s.name());
        so.put("label", s.label());
        so.put("required", t.kind().requires(s));
        ArrayNode events = so.putArray("events");
        s.events().forEach(events::add);
        if (t.stepTimes().containsKey(s)) {
          so.put("at", Timestamps.format(t.stepTimes().get(s), zone));
        } else {
          so.putNull("at");
        }
      }
      ArrayNode missing = o.putArray("missingSteps");
      t.missingSteps().forEach(s -> missing.add(s.name()));
      ArrayNode order = o.putArray("orderViolations");
      t.orderViolations().forEach(order::add);
      ArrayNode es = o.putArray("entries");
      for (SoxTrail.Entry e : t.entries()) {
        ObjectNode eo = es.addObject();
        eo.put("sequence", e.sequence());
        eo.put("at", Timestamps.format(e.at(), zone));
        eo.put("actorId", e.actorId());
        eo.put("action", e.action());
        e.fromState().ifPresent(s -> eo.put("fromState", s));
        e.toState().ifPresent(s -> eo.put("toState", s));
        e.step().ifPresent(s -> eo.put("step", s.name()));
        eo.set("ruleIds", OpsJson.ruleIds(e.ruleIds()));
        ObjectNode d = eo.putObject("details");
        new TreeMap<>(e.details()).forEach(d::put);
        eo.put("previousHash", e.previousHash());
        eo.put("hash", e.hash());
      }
    }
    return OpsJson.writePretty(root);
  }
}
