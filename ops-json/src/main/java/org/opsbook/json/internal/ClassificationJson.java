package org.opsbook.json.internal;

import java.util.List;
import org.opsbook.core.Classification;
import org.opsbook.core.Level;
import org.opsbook.json.internal.Schema.Kind;

/**
 * The table of a classification as the {@code classify} and {@code obligations} commands answer with it. A class of
 * its own so that {@code classify} builds this table alone, not every table of {@link Documents}. Stateless.
 */
public final class ClassificationJson {
  /**
   * The {@code classify} response: {@code level}, {@code severityLabel}, {@code escalated}, {@code matchedRules}
   * and {@code matchedRulesAllLevels} (sorted ascending, no duplicates), and {@code overriddenByManual} when true.
   * {@code severityLabel} and {@code escalated} follow from the level: read, they are checked for type and otherwise
   * ignored.
   */
  public static final Schema<Classification, Classification.Builder> SCHEMA =
      Schema.of(Classification::builder, Classification.Builder::build)
      .req("level", Kind.of(Level.class, Level.values()), Classification::level, Classification.Builder::level)
      .always("severityLabel", Kind.TEXT, Classification::severityLabel, (b, v) -> { })
      .always("escalated", Kind.BOOL, Classification::isEscalated, (b, v) -> { })
      .always("matchedRules", Kind.listOf(Kind.RULE), c -> List.copyOf(c.matchedRules()),
          Classification.Builder::addAllMatchedRules)
      .always("matchedRulesAllLevels", Kind.listOf(Kind.RULE), c -> List.copyOf(c.matchedRulesAllLevels()),
          Classification.Builder::addAllMatchedRulesAllLevels)
      .flag("overriddenByManual", Classification::overriddenByManual, Classification.Builder::overriddenByManual);

  private ClassificationJson() {}
}
