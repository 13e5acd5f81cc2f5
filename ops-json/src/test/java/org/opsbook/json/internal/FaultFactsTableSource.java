package org.opsbook.json.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.opsbook.core.FaultFacts;
import org.opsbook.json.internal.Schema.Field;
import org.opsbook.json.internal.Schema.Kind;

/**
 * Writes the source of {@code FaultFactsTable} from the table {@link Schema#derive} builds for {@link FaultFacts}
 * ({@link FaultFactsJson#derived()}): the same rows in the same order, each with its kind, and a defaulted
 * attribute's default as a constant (the value of an empty document). {@code FaultFactsTableTest} compares the file
 * with this text, so the two cannot drift; {@code -Dopsbook.regenerate=true} on that test rewrites the file.
 */
final class FaultFactsTableSource {
  private FaultFactsTableSource() {}

  /** The source text of {@code FaultFactsTable}. */
  static String text() {
    Schema<FaultFacts, FaultFacts.Builder> derived = FaultFactsJson.derived();
    FaultFacts empty = FaultFacts.empty();
    StringBuilder rows = new StringBuilder();
    StringBuilder gets = new StringBuilder();
    StringBuilder sets = new StringBuilder();
    List<Field<FaultFacts, FaultFacts.Builder, ?>> fields = derived.fields();
    for (int i = 0; i < fields.size(); i++) {
      Field<FaultFacts, FaultFacts.Builder, ?> f = fields.get(i);
      String name = f.name();
      Method accessor = accessor(name);
      Class<?> raw = accessor.getReturnType();
      String row = "new FaultFactsTable(" + i + ")";
      if (raw == Optional.class || raw == OptionalInt.class) {
        rows.append("    s.opt(\"").append(name).append("\", ").append(kind(f.kind())).append(", ").append(row)
            .append(", ").append(row).append(");\n");
        String element = raw == OptionalInt.class ? "Integer" : type(argument(accessor, 0));
        gets.append("      case ").append(i).append(": return ")
            .append(raw == OptionalInt.class ? "boxed(t." + name + "())" : "t." + name + "()").append(";\n");
        sets.append("      case ").append(i).append(": b.").append(name).append("((").append(element)
            .append(") v); return;\n");
      } else if (Map.class.isAssignableFrom(raw)) {
        Class<?> key = argument(accessor, 0);
        rows.append("    s.val(\"").append(name).append("\", Kind.amountsBy(").append(type(key)).append(".class, ")
            .append(type(key)).append(".values()), ")
            .append(row).append(", ").append(row).append(", Map.of());\n");
        gets.append("      case ").append(i).append(": return t.").append(name).append("();\n");
        sets.append("      case ").append(i).append(": b.putAll").append(Character.toUpperCase(name.charAt(0)))
            .append(name.substring(1)).append("((Map) v); return;\n");
      } else if (!raw.isPrimitive() && !raw.isEnum() && raw != String.class) {
        throw new IllegalStateException("no generated row for " + name + " of " + raw);
      } else {
        if (Modifier.isAbstract(accessor.getModifiers())) {
          rows.append("    s.req(\"").append(name).append("\", ").append(kind(f.kind())).append(", ").append(row)
              .append(", ").append(row).append(");\n");
        } else {
          rows.append("    s.val(\"").append(name).append("\", ").append(kind(f.kind())).append(", ").append(row)
              .append(", ").append(row).append(", ").append(constant(invoke(accessor, empty))).append(");\n");
        }
        gets.append("      case ").append(i).append(": return t.").append(name).append("();\n");
        sets.append("      case ").append(i).append(": b.").append(name).append("((").append(boxed(raw))
            .append(") v); return;\n");
      }
    }
    return "package org.opsbook.json.internal;\n"
        + "\n"
        + "import java.util.Map;\n"
        + "import java.util.Optional;\n"
        + "import java.util.OptionalInt;\n"
        + "import java.util.function.BiConsumer;\n"
        + "import java.util.function.Function;\n"
        + "import java.util.function.Supplier;\n"
        + "import org.opsbook.core.FaultFacts;\n"
        + "import org.opsbook.core.FaultFacts.Builder;\n"
        + "import org.opsbook.json.internal.Schema.Kind;\n"
        + "\n"
        + "/**\n"
        + " * The {@code FaultFacts} table, generated from what {@code Schema.derive} builds for the type (see\n"
        + " * {@code FaultFactsJson.derived()}): the same rows, order, kinds and defaults, without reflection or a lambda\n"
        + " * per row, so that a process reading one document (the command line's {@code classify}) does not derive the\n"
        + " * table at every start. Do not edit: {@code FaultFactsTableTest} fails when this file differs from what\n"
        + " * {@code FaultFactsTableSource} generates, and rewrites it when run with {@code -Dopsbook.regenerate=true}.\n"
        + " */\n"
        + "@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n"
        + "final class FaultFactsTable implements Function<FaultFacts, Object>, BiConsumer<Builder, Object> {\n"
        + "  private final int row;\n"
        + "\n"
        + "  private FaultFactsTable(int row) {\n"
        + "    this.row = row;\n"
        + "  }\n"
        + "\n"
        + "  /** The table, in the order of the generated implementation's fields. */\n"
        + "  static Schema<FaultFacts, Builder> schema() {\n"
        + "    Ends ends = new Ends();\n"
        + "    Schema s = Schema.of(ends, ends);\n"
        + rows
        + "    return s;\n"
        + "  }\n"
        + "\n"
        + "  private static Optional<Integer> boxed(OptionalInt v) {\n"
        + "    return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();\n"
        + "  }\n"
        + "\n"
        + "  /** The row's value of {@code t}. */\n"
        + "  @Override\n"
        + "  public Object apply(FaultFacts t) {\n"
        + "    switch (row) {\n"
        + gets
        + "      default: throw new IllegalStateException(\"no row \" + row);\n"
        + "    }\n"
        + "  }\n"
        + "\n"
        + "  /** Sets the row's value {@code v} on {@code b}. */\n"
        + "  @Override\n"
        + "  public void accept(Builder b, Object v) {\n"
        + "    switch (row) {\n"
        + sets
        + "      default: throw new IllegalStateException(\"no row \" + row);\n"
        + "    }\n"
        + "  }\n"
        + "\n"
        + "  /** A new builder, and the building of one: a class, not two method references to link at start. */\n"
        + "  private static final class Ends implements Supplier<Builder>, Function<Builder, FaultFacts> {\n"
        + "    @Override\n"
        + "    public Builder get() {\n"
        + "      return FaultFacts.builder();\n"
        + "    }\n"
        + "\n"
        + "    @Override\n"
        + "    public FaultFacts apply(Builder b) {\n"
        + "      return b.build();\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  private static Method accessor(String name) {
    try {
      return FaultFacts.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> argument(Method accessor, int index) {
    return (Class<?>) ((ParameterizedType) accessor.getGenericReturnType()).getActualTypeArguments()[index];
  }

  private static String type(Class<?> c) {
    return c.getName().startsWith("java.lang.") ? c.getSimpleName() : c.getCanonicalName();
  }

  private static String boxed(Class<?> c) {
    return c == boolean.class ? "Boolean" : c == int.class ? "Integer" : c == double.class ? "Double" : type(c);
  }

  /** A kind as the expression that makes it. */
  private static String kind(Kind<?> k) {
    for (java.lang.reflect.Field constant : Kind.class.getFields()) {
      if (Modifier.isStatic(constant.getModifiers())) {
        try {
          if (constant.get(null) == k) {
            return "Kind." + constant.getName();
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (k.type().startsWith("int>=")) {
      return "Kind.atLeast(" + Integer.parseInt(k.type().substring("int>=".length())) + ")";
    }
    if (!k.values().isEmpty() && k.values().get(0) instanceof Enum<?> e
        && k.type().equals(e.getDeclaringClass().getName())) {
      String t = type(e.getDeclaringClass());
      return "Kind.of(" + t + ".class, " + t + ".values())";
    }
    throw new IllegalStateException("no expression for the kind " + k.type());
  }

  private static String constant(Object v) {
    if (v instanceof Boolean || v instanceof Integer) {
      return v.toString();
    } else if (v instanceof Double d) {
      return d + "d";
    } else if (v instanceof Enum<?> e) {
      return type(e.getDeclaringClass()) + "." + e.name();
    }
    throw new IllegalStateException("no constant for the default " + v);
  }
}
