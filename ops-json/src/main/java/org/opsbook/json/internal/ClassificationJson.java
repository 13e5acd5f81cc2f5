package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.List;
import org.opsbook.core.Classification;
import org.opsbook.core.Classification.Builder;
import org.opsbook.core.Level;
import org.opsbook.json.internal.Schema.Kind;

/**
 * The {@code classify} response document: {@code level}, {@code severityLabel}, {@code escalated},
 * {@code matchedRules} and {@code matchedRulesAllLevels} (sorted ascending, no duplicates), and
 * {@code overriddenByManual} when true. {@code severityLabel} and {@code escalated} follow from the level: read, they
 * are checked for type and otherwise ignored.
 */
public final class ClassificationJson {
  /** The document's fields. */
  public static final Schema<Classification, Builder> SCHEMA = Schema.of(Classification::builder, Builder::build)
      .req("level", Kind.of(Level.class), Classification::level, Builder::level)
      .always("severityLabel", Kind.TEXT, Classification::severityLabel, (b, v) -> { })
      .always("escalated", Kind.BOOL, Classification::isEscalated, (b, v) -> { })
      .always("matchedRules", Kind.listOf(Kind.RULE), c -> List.copyOf(c.matchedRules()),
          Builder::addAllMatchedRules)
      .always("matchedRulesAllLevels", Kind.listOf(Kind.RULE), c -> List.copyOf(c.matchedRulesAllLevels()),
          Builder::addAllMatchedRulesAllLevels)
      .flag("overriddenByManual", Classification::overriddenByManual, Builder::overriddenByManual);

  private ClassificationJson() {}

  /** Writes the document. */
  public static ObjectNode write(Classification c) {
    return SCHEMA.write(c, ZoneOffset.UTC);
  }

  /** Reads the document back (for clients and round-trip tests). */
  public static Classification read(JsonNode node, String path) {
    return SCHEMA.read(node, path);
  }
}
