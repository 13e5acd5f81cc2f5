package org.opsbook.json.internal;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opsbook.core.Classification;
import org.opsbook.core.Level;
import org.opsbook.core.RuleId;
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
  public static final Schema<Classification, Classification.Builder> SCHEMA = schema();

  private ClassificationJson() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Schema<Classification, Classification.Builder> schema() {
    Schema s = Schema.of(new Column(Column.BUILDER), new Column(Column.BUILD));
    s.req("level", Kind.of(Level.class, Level.values()), new Column(Column.LEVEL), new Column(Column.LEVEL));
    s.always("severityLabel", Kind.TEXT, new Column(Column.SEVERITY_LABEL), new Column(Column.SEVERITY_LABEL));
    s.always("escalated", Kind.BOOL, new Column(Column.ESCALATED), new Column(Column.ESCALATED));
    s.always("matchedRules", Kind.listOf(Kind.RULE), new Column(Column.MATCHED_RULES),
        new Column(Column.MATCHED_RULES));
    s.always("matchedRulesAllLevels", Kind.listOf(Kind.RULE), new Column(Column.MATCHED_RULES_ALL_LEVELS),
        new Column(Column.MATCHED_RULES_ALL_LEVELS));
    s.flag("overriddenByManual", new Column(Column.OVERRIDDEN_BY_MANUAL), new Column(Column.OVERRIDDEN_BY_MANUAL));
    return s;
  }

  /**
   * Every accessor of the table as one switch-dispatched class rather than a lambda or method reference each: the
   * command line builds this table at every {@code classify}, and each lambda is a call site to link at start-up
   * (fourteen here).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final class Column
      implements Supplier<Classification.Builder>, Function, BiConsumer, Predicate<Classification> {
    static final int BUILDER = 0;
    static final int BUILD = 1;
    static final int LEVEL = 2;
    static final int SEVERITY_LABEL = 3;
    static final int ESCALATED = 4;
    static final int MATCHED_RULES = 5;
    static final int MATCHED_RULES_ALL_LEVELS = 6;
    static final int OVERRIDDEN_BY_MANUAL = 7;

    private final int column;

    Column(int column) {
      this.column = column;
    }

    /** A new builder ({@link #BUILDER}). */
    @Override
    public Classification.Builder get() {
      return Classification.builder();
    }

    /** Builds ({@link #BUILD}) or reads a column of a classification. */
    @Override
    public Object apply(Object o) {
      switch (column) {
        case BUILD: return ((Classification.Builder) o).build();
        case LEVEL: return ((Classification) o).level();
        case SEVERITY_LABEL: return ((Classification) o).severityLabel();
        case ESCALATED: return ((Classification) o).isEscalated();
        case MATCHED_RULES: return List.copyOf(((Classification) o).matchedRules());
        case MATCHED_RULES_ALL_LEVELS: return List.copyOf(((Classification) o).matchedRulesAllLevels());
        default: throw new IllegalStateException("no getter for column " + column);
      }
    }

    /** Sets a column read; {@code severityLabel} and {@code escalated} follow from the level and set nothing. */
    @Override
    public void accept(Object builder, Object value) {
      Classification.Builder b = (Classification.Builder) builder;
      switch (column) {
        case LEVEL: b.level((Level) value); break;
        case SEVERITY_LABEL: case ESCALATED: break;
        case MATCHED_RULES: b.addAllMatchedRules((Iterable<? extends RuleId>) value); break;
        case MATCHED_RULES_ALL_LEVELS: b.addAllMatchedRulesAllLevels((Iterable<? extends RuleId>) value); break;
        case OVERRIDDEN_BY_MANUAL: b.overriddenByManual((Boolean) value); break;
        default: throw new IllegalStateException("no setter for column " + column);
      }
    }

    /** Whether the classification was overridden by hand ({@link #OVERRIDDEN_BY_MANUAL}). */
    @Override
    public boolean test(Classification c) {
      return c.overriddenByManual();
    }
  }
}
