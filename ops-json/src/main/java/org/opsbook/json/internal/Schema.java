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
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
  private final Map<String, Kind<?>> kinds = new java.util.HashMap<>();
  /** The kind of each plain attribute type but an enum. */
  private static final Map<Class<?>, Kind<?>> KINDS = Map.of(boolean.class, Kind.BOOL, Boolean.class, Kind.BOOL,
      int.class, Kind.COUNT, Integer.class, Kind.COUNT, double.class, Kind.AMOUNT, Double.class, Kind.AMOUNT,
      String.class, Kind.TEXT, Instant.class, Kind.TIME, BigDecimal.class, Kind.DECIMAL,
      org.opsbook.core.RuleId.class, Kind.RULE);

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

  /** Adds a list: absent or empty reads and writes as nothing. */
  public <V> Schema<T, B> list(String name, Kind<V> element, Function<T, ? extends java.util.Collection<V>> get,
      BiConsumer<B, List<V>> set) {
    return val(name, Kind.listOf(element), t -> inOrder(get.apply(t)), set, List.of());
  }

  /** Gives the attribute {@code name} a kind other than its type's for {@link #derive} (a level {@code >= 1}). */
  public Schema<T, B> kind(String name, Kind<?> kind) {
    kinds.put(name, kind);
    return this;
  }

  /**
   * Adds a row for every attribute of the value type {@code type} not already in the table, derived from its
   * accessors (an attribute is a public no-argument accessor with a setter of the same name on the builder): the
   * name is the accessor's, the kind follows from its return type ({@code boolean}, {@code int} (a count),
   * {@code double} (an amount), {@code String}, {@link Instant}, {@link BigDecimal}, a rule ID, an enum,
   * {@code Optional} and {@code OptionalInt} of those, a list or set of those, a map from enum to amounts). An
   * abstract accessor of a plain type is required; a defaulted one is not written when it equals its default (the value
   * type's own body of the accessor, run on the document). Rows added before (renamed,
   * computed or specially formatted fields) are kept; all rows then follow the order of the generated
   * implementation's fields (rows it does not name last). {@code skipped} names accessors that are not part of the
   * JSON form.
   */
  public Schema<T, B> derive(Class<T> type, String... skipped) {
    Set<String> skip = Set.of(skipped);
    Class<?> builderType = builder.get().getClass();
    // the builder's public methods listed once and indexed by name: the command line derives a table of about a
    // hundred attributes at every start, where a scan of every method per attribute cost tens of milliseconds
    Method[] methods = builderType.getMethods();
    Map<String, List<Method>> setters = new java.util.HashMap<>();
    for (Method m : methods) {
      if (m.getParameterCount() == 1) {
        setters.computeIfAbsent(m.getName(), n -> new ArrayList<>()).add(m);
      }
    }
    List<String> order = attributeOrder(builderType, methods);
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    for (String name : order) {
      Method accessor = accessor(type, name);
      if (accessor == null || names.contains(name) || skip.contains(name)
          || !(setters.containsKey(name) || setters.containsKey("addAll" + capitalized(name)))) {
        continue;
      }
      addDerived(type, accessor, setters);
    }
    // a plain comparator: Comparator.comparingInt's serializable lambda is spun afresh in every process
    fields.sort((f, g) -> Integer.compare(position.getOrDefault(f.name(), Integer.MAX_VALUE),
        position.getOrDefault(g.name(), Integer.MAX_VALUE)));
    names.clear();
    fields.forEach(f -> names.add(f.name()));
    return this;
  }

  private static List<String> attributeOrder(Class<?> builderType, Method[] methods) {
    Set<String> order = new LinkedHashSet<>();
    for (Class<?> c = builderType; c != null && c != Object.class; c = c.getSuperclass()) {
      Class<?> impl = c.getEnclosingClass();
      if (impl != null) {
        for (java.lang.reflect.Field f : impl.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            order.add(f.getName());
          }
        }
      }
    }
    for (Method m : methods) {
      if (m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
        order.add(m.getName());
      }
    }
    return new ArrayList<>(order);
  }

  private static Method accessor(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      return m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers()) ? null : m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void addDerived(Class<T> type, Method accessor, Map<String, List<Method>> builderMethods) {
    String name = accessor.getName();
    Class<?> raw = accessor.getReturnType();
    Type generic = accessor.getGenericReturnType();
    Function<T, Object> get = t -> invoke(accessor, t);
    boolean abstractAccessor = Modifier.isAbstract(accessor.getModifiers());
    if (raw == Optional.class || raw == OptionalInt.class || raw == OptionalDouble.class) {
      Class<?> element = raw == OptionalInt.class ? int.class : raw == OptionalDouble.class ? double.class
          : argument(generic, 0);
      Kind<Object> kind = (Kind) kinds.getOrDefault(name, raw == OptionalInt.class ? Kind.atLeast(0) : kindOf(element));
      add(new Field<>(name, kind, t -> optional(get.apply(t)), setter(builderMethods, name, element), v -> false,
          false));
    } else if (java.util.Collection.class.isAssignableFrom(raw)) {
      BiConsumer<B, Object> set = setter(builderMethods, "addAll" + capitalized(name), Iterable.class);
      Function<T, java.util.Collection<Object>> items = t -> (java.util.Collection<Object>) get.apply(t);
      list(name, (Kind<Object>) kindOf(argument(generic, 0)), items, (BiConsumer) set);
    } else if (Map.class.isAssignableFrom(raw)) {
      BiConsumer<B, Object> set = setter(builderMethods, "putAll" + capitalized(name), Map.class);
      val(name, Kind.amountsBy((Class) argument(generic, 0)), (Function) get, (BiConsumer) set, Map.of());
    } else {
      BiConsumer<B, Object> set = setter(builderMethods, name, raw);
      Kind<Object> kind = (Kind) kinds.getOrDefault(name,
          raw == String.class && abstractAccessor ? Kind.NONBLANK : kindOf(raw));
      if (abstractAccessor) {
        req(name, kind, get, set);
      } else {
        // the default's method handle is made on the first write: a process that only reads the type (the
        // command line's classify) then spins no method-handle classes for it
        Supplier<MethodHandle> byDefault = Suppliers.memoize(() -> defaultOf(type, accessor));
        Function<T, Optional<Object>> value = t -> {
          Object v = get.apply(t);
          return v.equals(invokeDefault(byDefault.get(), t)) ? Optional.empty() : Optional.of(v);
        };
        add(new Field<>(name, kind, value, set, v -> false, false));
      }
    }
  }

  /** The value type's own body of a defaulted accessor: the default, computed on the instance being written. */
  private static MethodHandle defaultOf(Class<?> type, Method accessor) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).unreflectSpecial(accessor, type);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("cannot read the default of " + accessor, e);
    }
  }

  private static Object invokeDefault(MethodHandle byDefault, Object target) {
    try {
      return byDefault.invoke(target);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }


  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Kind<?> kindOf(Class<?> type) {
    Kind<?> kind = KINDS.get(type);
    if (kind == null && !type.isEnum()) {
      throw new IllegalArgumentException("no JSON kind for " + type.getName() + "; add the field before derive()");
    }
    return kind != null ? kind : Kind.of((Class) type);
  }

  private static Class<?> argument(Type generic, int index) {
    Type t = ((ParameterizedType) generic).getActualTypeArguments()[index];
    if (t instanceof WildcardType w) {
      t = w.getUpperBounds()[0];
    }
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The builder's one-parameter method {@code name} taking {@code parameter}, from the methods indexed by name. */
  private BiConsumer<B, Object> setter(Map<String, List<Method>> builderMethods, String name, Class<?> parameter) {
    Class<?> primitive = java.lang.invoke.MethodType.methodType(parameter).unwrap().returnType();
    Method m = null;
    for (Method candidate : builderMethods.getOrDefault(name, List.of())) {
      Class<?>[] p = candidate.getParameterTypes();
      if (candidate.getName().equals(name) && p.length == 1 && (p[0] == parameter || p[0] == primitive)) {
        m = candidate;
      }
    }
    if (m == null) {
      throw new IllegalArgumentException("no builder setter " + name + "(" + parameter.getSimpleName() + ")");
    }
    m.setAccessible(true);
    Method found = m;
    return (b, v) -> invoke(found, b, v);
  }

  private static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
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
    return built(() -> build.apply(b), path);
  }

  /** Returns what {@code build} builds, naming {@code path} in the error of a value it refuses. */
  static <T> T built(Supplier<T> build, String path) {
    try {
      return build.get();
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
    for (Field<T, B, ?> field : fields) {
      field.writeInto(value, zone, o);
    }
    return o;
  }

  /** Writes a document as compact JSON text, timestamps in {@code zone}. */
  public String print(T value, ZoneId zone) {
    return OpsJson.write(write(value, zone));
  }

  /** Reads a whole document from JSON text; errors name paths from the root. */
  public T parse(String text) {
    return read(OpsJson.parse(text), "");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <V> List<V> inOrder(java.util.Collection<V> values) {
    List<V> out = new ArrayList<>(values);
    if (values instanceof Set && !out.isEmpty() && out.get(0) instanceof Enum) {
      out.sort((a, b) -> ((Enum) a).compareTo((Enum) b));
    }
    return out;
  }

  /** An {@code Optional}, {@code OptionalInt} or {@code OptionalDouble} as an {@code Optional}. */
  private static Optional<Object> optional(Object v) {
    if (v instanceof OptionalInt i) {
      return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    } else if (v instanceof OptionalDouble d) {
      return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }
    return (Optional<Object>) v;
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
      return of(type, type.getEnumConstants());
    }

    /** An enum constant by its exact name, the constants given ({@code E.values()}: no reflective lookup). */
    public static <E extends Enum<E>> Kind<E> of(Class<E> type, E[] constants) {
      return new Kind<>(type.getName(), List.of(constants),
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
      return amountsBy(keys, keys.getEnumConstants());
    }

    /** An object with a field per constant of {@code keys} given ({@code K.values()}), each an amount. */
    public static <K extends Enum<K>> Kind<Map<K, Double>> amountsBy(Class<K> keys, K[] constants) {
      Set<String> allowed = new LinkedHashSet<>();
      for (K k : constants) {
        allowed.add(k.name());
      }
      List<K> all = List.of(constants);
      return new Kind<>("amounts", all, (f, n) -> {
        JsonFields m = f.object(n, allowed);
        Map<K, Double> out = new EnumMap<>(keys);
        for (K k : all) {
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
