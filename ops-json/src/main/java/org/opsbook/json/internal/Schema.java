package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;

/**
 * The one JSON mechanism: a table of a document type's fields, each written once with its name, its {@link Kind},
 * its getter and its builder setter, that drives reading, writing, the known-field list and the errors. Reading is
 * strict (an unknown field, a wrong type or a value out of range is an {@link InvalidInputException} naming the
 * exact JSON path, e.g. {@code events[3].facts.complaintCount}); an absent field keeps the builder's default, and
 * writing leaves out what is absent or neutral. A schema is filled once, in a static initializer, and is then
 * immutable and thread-safe.
 *
 * @param <T> the document type
 * @param <B> its builder type
 */
public final class Schema<T, B> {
  private final Supplier<B> builder;
  private final Function<B, T> build;
  private final List<Field<T, B, ?>> fields = new ArrayList<>();
  private final Set<String> names = new LinkedHashSet<>();

  private Schema(Supplier<B> builder, Function<B, T> build) {
    this.builder = builder;
    this.build = build;
  }

  /** Starts a schema of documents made by {@code builder} and {@code build}. */
  public static <T, B> Schema<T, B> of(Supplier<B> builder, Function<B, T> build) {
    return new Schema<>(builder, build);
  }

  /** Adds a field that may be absent ({@code Optional} getter); written when present. */
  public <V> Schema<T, B> opt(String name, Kind<V> kind, Function<T, Optional<V>> get, BiConsumer<B, V> set) {
    return add(new Field<>(name, kind, get, set, v -> false, false));
  }

  /** Adds a field with a neutral value that is neither written nor needed: absent reads as the builder's default. */
  public <V> Schema<T, B> val(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set, V neutral) {
    return add(new Field<>(name, kind, t -> Optional.ofNullable(get.apply(t)), set, neutral::equals, false));
  }

  /** Adds a field that is always written (an empty list, {@code false}, {@code null}); absent reads as the default. */
  public <V> Schema<T, B> always(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set) {
    return add(new Field<>(name, kind, t -> Optional.of(get.apply(t)), set, v -> false, false));
  }

  /** Adds a field that must be present; always written. */
  public <V> Schema<T, B> req(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set) {
    return add(new Field<>(name, kind, t -> Optional.of(get.apply(t)), set, v -> false, true));
  }

  /** Adds a yes/no fact: absent is {@code false}. */
  public Schema<T, B> flag(String name, Predicate<T> get, BiConsumer<B, Boolean> set) {
    return val(name, Kind.BOOL, get::test, set, false);
  }

  /** Adds a count: a whole number {@code >= 0}; absent is 0. */
  public Schema<T, B> count(String name, Function<T, Integer> get, BiConsumer<B, Integer> set) {
    return val(name, Kind.COUNT, get, set, 0);
  }

  /** Adds an amount (minutes, seconds): a number {@code >= 0}; absent is 0. */
  public Schema<T, B> amount(String name, Function<T, Double> get, BiConsumer<B, Double> set) {
    return val(name, Kind.AMOUNT, get, set, 0.0);
  }

  /** Adds a list: absent or empty reads and writes as nothing. */
  public <V> Schema<T, B> list(String name, Kind<V> element, Function<T, ? extends java.util.Collection<V>> get,
      BiConsumer<B, List<V>> set) {
    return val(name, Kind.listOf(element), t -> inOrder(get.apply(t)), set, List.of());
  }

  /** Adds an object with a field per constant of an enum, each an amount; absent or empty reads as nothing. */
  public <K extends Enum<K>> Schema<T, B> amounts(String name, Class<K> keys, Function<T, Map<K, Double>> get,
      BiConsumer<B, Map<K, Double>> set) {
    return val(name, Kind.amountsBy(keys), get, set, Map.of());
  }

  private Schema<T, B> add(Field<T, B, ?> field) {
    if (!names.add(field.name())) {
      throw new IllegalArgumentException("field " + field.name() + " listed twice");
    }
    fields.add(field);
    return this;
  }

  /** Returns the names of the fields, in the table's order. */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(names);
  }

  /** Returns the fields, in the table's order. */
  public List<Field<T, B, ?>> fields() {
    return java.util.Collections.unmodifiableList(fields);
  }

  /** Returns a new builder of the document type. */
  public B newBuilder() {
    return builder.get();
  }

  /** Builds a document, naming {@code path} in the error of a value the document refuses. */
  public T build(B b, String path) {
    try {
      return build.apply(b);
    } catch (InvalidInputException e) {
      throw e.under(path);
    } catch (IllegalStateException e) {
      throw new InvalidInputException(path, e.getMessage(), null, e);
    }
  }

  /**
   * Reads a document.
   *
   * @param node the JSON object
   * @param path its JSON path ({@code ""} for a document root)
   * @throws InvalidInputException naming the offending field's path
   */
  public T read(JsonNode node, String path) {
    return read(JsonFields.of(node, path, names));
  }

  /** Reads a document from an object already opened with {@link #names()} (or a superset). */
  public T read(JsonFields f) {
    B b = builder.get();
    readInto(f, b);
    return build(b, f.path());
  }

  /** Sets on {@code b} every field of the table that {@code f} has; refuses a missing required field. */
  public void readInto(JsonFields f, B b) {
    for (Field<T, B, ?> field : fields) {
      field.readInto(f, b);
    }
  }

  /** Writes a document: every field that is present and not neutral, timestamps in {@code zone}. */
  public ObjectNode write(T value, ZoneId zone) {
    ObjectNode o = OpsJson.object();
    writeInto(value, zone, o);
    return o;
  }

  /** Writes the fields of {@code value} into {@code o}. */
  public void writeInto(T value, ZoneId zone, ObjectNode o) {
    for (Field<T, B, ?> field : fields) {
      field.writeInto(value, zone, o);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <V> List<V> inOrder(java.util.Collection<V> values) {
    List<V> out = new ArrayList<>(values);
    if (values instanceof Set && !out.isEmpty() && out.get(0) instanceof Enum) {
      out.sort((a, b) -> ((Enum) a).compareTo((Enum) b));
    }
    return out;
  }

  /** Wraps an {@code OptionalDouble} getter's value as an {@code Optional}. */
  public static Optional<Double> boxed(java.util.OptionalDouble v) {
    return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
  }

  /** Wraps an {@code OptionalInt} getter's value as an {@code Optional}. */
  public static Optional<Integer> boxed(OptionalInt v) {
    return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
  }

  /**
   * One row of a table.
   *
   * @param name the JSON field name
   * @param kind how the value is read and written
   * @param get the getter, empty when the value is absent
   * @param set the builder setter
   * @param neutral which values are not written
   * @param required whether the field must be present
   */
  public record Field<T, B, V>(String name, Kind<V> kind, Function<T, Optional<V>> get, BiConsumer<B, V> set,
      Predicate<V> neutral, boolean required) {
    void readInto(JsonFields f, B b) {
      if (f.has(name)) {
        set.accept(b, kind.reader().apply(f, name));
      } else if (required) {
        throw new InvalidInputException(f.path(name), "missing required field");
      }
    }

    void writeInto(T value, ZoneId zone, ObjectNode o) {
      get.apply(value).filter(v -> !neutral.test(v)).ifPresent(v -> o.set(name, kind.writer().apply(v, zone)));
    }

    /** Sets a value on a builder (for tests that fill every field). */
    @SuppressWarnings("unchecked")
    public void setRaw(B b, Object value) {
      set.accept(b, (V) value);
    }
  }

  /**
   * How one value is read from the object holding it and written.
   *
   * @param type what the value is: {@code bool}, {@code count}, {@code amount}, {@code text}, {@code time},
   *     {@code decimal}, {@code int>=N}, an enum's class name, {@code list:…}, {@code amounts:…} or {@code object}
   * @param values the enum constants, the element kind's, or none
   * @param reader reads the named field of an object
   * @param writer writes a value, timestamps in the zone
   */
  public record Kind<V>(String type, List<?> values, BiFunction<JsonFields, String, V> reader,
      BiFunction<V, ZoneId, JsonNode> writer) {
    /** {@code true} or {@code false}. */
    public static final Kind<Boolean> BOOL =
        new Kind<>("bool", List.of(), JsonFields::bool, (v, z) -> BooleanNode.valueOf(v));
    /** A whole number {@code >= 0}. */
    public static final Kind<Integer> COUNT =
        new Kind<>("count", List.of(), JsonFields::count, (v, z) -> IntNode.valueOf(v));
    /** A number {@code >= 0}. */
    public static final Kind<Double> AMOUNT =
        new Kind<>("amount", List.of(), JsonFields::amount, (v, z) -> DoubleNode.valueOf(v));
    /** A non-negative decimal, read exactly. */
    public static final Kind<BigDecimal> DECIMAL = new Kind<>("decimal", List.of(),
        (f, n) -> f.decimal(n).orElseThrow(), (v, z) -> DecimalNode.valueOf(v));
    /** A string. */
    public static final Kind<String> TEXT =
        new Kind<>("text", List.of(), (f, n) -> f.string(n).orElseThrow(), (v, z) -> TextNode.valueOf(v));
    /** A string that is not blank. */
    public static final Kind<String> NONBLANK =
        new Kind<>("text", List.of(), JsonFields::requiredString, (v, z) -> TextNode.valueOf(v));
    /** A timestamp with an offset. */
    public static final Kind<Instant> TIME = new Kind<>("time", List.of(), (f, n) -> f.timestamp(n).orElseThrow(),
        (v, z) -> TextNode.valueOf(Timestamps.format(v, z)));

    /** A rule ID ({@code NOTIFY-TRIG-05}); a malformed one is invalid input naming the field. */
    public static final Kind<org.opsbook.core.RuleId> RULE = new Kind<>("rule", List.of(), (f, n) -> {
      try {
        return org.opsbook.core.RuleId.of(f.requiredString(n));
      } catch (InvalidInputException e) {
        throw e.field().equals(f.path(n)) ? e : new InvalidInputException(f.path(n), e.reason());
      }
    }, (v, z) -> TextNode.valueOf(v.value()));

    /** A whole number {@code >= min}. */
    public static Kind<Integer> atLeast(int min) {
      return new Kind<>("int>=" + min, List.of(), (f, n) -> f.optionalInt(n, min).getAsInt(),
          (v, z) -> IntNode.valueOf(v));
    }

    /** An enum constant by its exact name. */
    public static <E extends Enum<E>> Kind<E> of(Class<E> type) {
      return new Kind<>(type.getName(), List.of(type.getEnumConstants()),
          (f, n) -> f.enumValue(n, type).orElseThrow(), (v, z) -> TextNode.valueOf(v.name()));
    }

    /** A nested object described by {@code schema}. */
    public static <V> Kind<V> object(Schema<V, ?> schema) {
      return new Kind<>("object", List.of(schema), (f, n) -> schema.read(f.node(n).orElseThrow(), f.path(n)),
          schema::write);
    }

    /** A value with its own reader and writer. */
    public static <V> Kind<V> custom(String type, BiFunction<JsonFields, String, V> reader,
        BiFunction<V, ZoneId, JsonNode> writer) {
      return new Kind<>(type, List.of(), reader, writer);
    }

    /** A value that is written as {@code null} when empty; a {@code null} or absent one reads as the default. */
    public static <V> Kind<Optional<V>> nullable(Kind<V> kind) {
      return new Kind<>(kind.type(), kind.values(), (f, n) -> Optional.of(kind.reader().apply(f, n)),
          (v, z) -> v.isPresent() ? kind.writer().apply(v.get(), z) : NullNode.getInstance());
    }

    /** An array of {@code element}s; each error names the element's index. */
    public static <V> Kind<List<V>> listOf(Kind<V> element) {
      return new Kind<>("list", List.of(element), (f, n) -> {
        List<JsonNode> items = f.array(n);
        ImmutableList.Builder<V> out = ImmutableList.builder();
        for (int i = 0; i < items.size(); i++) {
          ObjectNode holder = OpsJson.object();
          holder.set("v", items.get(i));
          String at = JsonFields.element(f.path(n), i);
          try {
            out.add(element.reader().apply(JsonFields.of(holder, "", Set.of("v")), "v"));
          } catch (InvalidInputException e) {
            String rest = e.field().startsWith("v") ? e.field().substring(1) : "";
            throw new InvalidInputException(at + rest, e.reason().replace("v must", "element must"),
                e.ruleId().orElse(null), e);
          }
        }
        return out.build();
      }, (v, z) -> {
        ArrayNode a = OpsJson.array();
        v.forEach(e -> a.add(element.writer().apply(e, z)));
        return a;
      });
    }

    /** An object with a field per constant of {@code keys}, each an amount. */
    public static <K extends Enum<K>> Kind<Map<K, Double>> amountsBy(Class<K> keys) {
      Set<String> allowed = new LinkedHashSet<>();
      for (K k : keys.getEnumConstants()) {
        allowed.add(k.name());
      }
      return new Kind<>("amounts", List.of(keys.getEnumConstants()), (f, n) -> {
        JsonFields m = f.object(n, allowed);
        Map<K, Double> out = new EnumMap<>(keys);
        for (K k : keys.getEnumConstants()) {
          if (m.has(k.name())) {
            out.put(k, m.amount(k.name()));
          }
        }
        return out;
      }, (v, z) -> {
        ObjectNode o = OpsJson.object();
        v.forEach((k, d) -> o.put(k.name(), d));
        return o;
      });
    }
  }
}
