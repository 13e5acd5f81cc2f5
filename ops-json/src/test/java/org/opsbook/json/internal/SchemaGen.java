package org.opsbook.json.internal;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opsbook.core.InvalidInputException;
import org.quicktheories.core.Gen;

/**
 * Generates documents from a {@link Schema}'s own table: every field of the table is set (or left at its default) by
 * a generator chosen by the field's {@link Schema.Kind}, so a field added to the table is generated without editing
 * the test. Documents the type refuses (a cross-field rule) are discarded.
 */
final class SchemaGen {
  private static final String[] WORDS = {"F-1", "核心网", "BOSS 计费", "a", "值班长", "TK-42", "多 行\n文本"};

  private SchemaGen() {}

  /** Returns documents with each field present about four times in five. */
  static <T, B> Gen<T> documents(Schema<T, B> schema) {
    return documents(schema, schema::newBuilder);
  }

  /** Returns documents with each field present about four times in five, built on what {@code start} sets. */
  static <T, B> Gen<T> documents(Schema<T, B> schema, java.util.function.Supplier<B> start) {
    Gen<T> g = in -> {
      B b = start.get();
      for (Schema.Field<T, B, ?> field : schema.fields()) {
        if (field.required() || integers().between(0, 4).generate(in) > 0) {
          field.setRaw(b, value(field.kind()).generate(in));
        }
      }
      try {
        return schema.build(b, "");
      } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
        return null;
      }
    };
    return g.assuming(Objects::nonNull);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Gen<Object> value(Schema.Kind<?> kind) {
    String type = kind.type();
    switch (type) {
      case "bool":
        return booleans().all().map(v -> (Object) v);
      case "count":
        return integers().between(0, 20_000).map(v -> (Object) v);
      case "amount":
        return doubles().between(0, 10_000).map(v -> (Object) v);
      case "decimal":
        return longs().between(0, 10_000_000).map(v -> (Object) BigDecimal.valueOf(v, 2));
      case "text":
        return integers().between(0, WORDS.length - 1).map(i -> (Object) WORDS[i]);
      case "time":
        return longs().between(1_700_000_000L, 1_900_000_000L).map(s -> (Object) Instant.ofEpochSecond(s));
      case "sideEffects":
        return in -> {
          String[] v = new String[3];
          for (int i = 0; i < 3; i++) {
            v[i] = booleans().all().generate(in) ? WORDS[(int) (long) integers().between(0, WORDS.length - 1)
                .generate(in)] : null;
          }
          return v;
        };
      case "sample":
        return integers().between(0, 9999).zip(booleans().all(),
            (n, ok) -> (Object) org.opsbook.rules.dataop.Sample.of(String.format("1380013%04d", n), ok));
      case "openComplaints":
        return in -> {
          Map<String, Instant> out = new LinkedHashMap<>();
          long n = integers().between(1, 3).generate(in);
          for (int i = 0; i < n; i++) {
            out.put("C-" + integers().between(1, 99).generate(in),
                Instant.ofEpochSecond(longs().between(1_700_000_000L, 1_900_000_000L).generate(in)));
          }
          return out;
        };
      case "rule":
        return integers().between(1, 9).map(i -> (Object) org.opsbook.core.RuleId.of("NOTIFY-TRIG-0" + i));
      case "handlingParty":
        return integers().between(0, org.opsbook.notify.HandlingParty.values().length - 1)
            .map(i -> (Object) org.opsbook.notify.HandlingParty.values()[i]);
      case "object":
        return documents((Schema) kind.values().get(0)).map(v -> (Object) v);
      case "list": {
        Gen<Object> element = value((Schema.Kind<?>) kind.values().get(0));
        return in -> {
          List<Object> out = new ArrayList<>();
          long n = integers().between(0, 3).generate(in);
          for (int i = 0; i < n; i++) {
            out.add(element.generate(in));
          }
          return out;
        };
      }
      case "amounts":
        return in -> {
          Map<Object, Double> out = new LinkedHashMap<>();
          for (Object k : kind.values()) {
            if (booleans().all().generate(in)) {
              out.put(k, doubles().between(0, 10_000).generate(in));
            }
          }
          return out;
        };
      default:
        if (type.startsWith("int>=")) {
          int min = Integer.parseInt(type.substring(5));
          return integers().between(min, min + 20).map(v -> (Object) v);
        }
        if (!kind.values().isEmpty()) {
          List<?> constants = kind.values();
          return integers().between(0, constants.size() - 1).map(i -> (Object) constants.get(i));
        }
        throw new IllegalArgumentException("no generator for kind " + type);
    }
  }
}
