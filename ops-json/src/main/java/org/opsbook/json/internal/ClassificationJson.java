package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opsbook.core.Classification;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;

/**
 * The {@code classify} response document: {@code level}, {@code severityLabel}, {@code escalated},
 * {@code matchedRules} and {@code matchedRulesAllLevels} (sorted ascending, no duplicates).
 */
public final class ClassificationJson {
  private static final Set<String> FIELDS =
      Set.of("level", "severityLabel", "escalated", "matchedRules", "matchedRulesAllLevels", "overriddenByManual");

  private ClassificationJson() {}

  /** Writes the document. */
  public static ObjectNode write(Classification c) {
    ObjectNode o = OpsJson.object();
    o.put("level", c.level().name());
    o.put("severityLabel", c.severityLabel());
    o.put("escalated", c.isEscalated());
    o.set("matchedRules", OpsJson.ruleIds(c.matchedRules()));
    o.set("matchedRulesAllLevels", OpsJson.ruleIds(c.matchedRulesAllLevels()));
    if (c.overriddenByManual()) {
      o.put("overriddenByManual", true);
    }
    return o;
  }

  /** Reads the document back (for clients and round-trip tests). */
  public static Classification read(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, FIELDS);
    Level level = f.requiredEnum("level", Level.class);
    Classification.Builder b = Classification.builder().level(level)
        .overriddenByManual(f.bool("overriddenByManual"));
    for (String id : f.strings("matchedRules")) {
      b.addMatchedRules(ruleId(id, f.path("matchedRules")));
    }
    for (String id : f.strings("matchedRulesAllLevels")) {
      b.addMatchedRulesAllLevels(ruleId(id, f.path("matchedRulesAllLevels")));
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new InvalidInputException(path, e.getMessage());
    }
  }

  static RuleId ruleId(String text, String path) {
    try {
      return RuleId.of(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(path, e.reason());
    }
  }
}
