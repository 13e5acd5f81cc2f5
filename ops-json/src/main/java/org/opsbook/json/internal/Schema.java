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
    return add(new Field<>(name, kind, get, set, Neutral.none(), false));
  }

  /** Adds a field with a neutral value that is neither written nor needed: absent reads as the builder's default. */
  public <V> Schema<T, B> val(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set, V neutral) {
    return add(new Field<>(name, kind, new Getter<>(Read.NULLABLE, get), set, new Neutral<>(neutral), false));
  }

  /** Adds a field that is always written (an empty list, {@code false}, {@code null}); absent reads as the default. */
  public <V> Schema<T, B> always(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set) {
    return add(new Field<>(name, kind, new Getter<>(Read.PRESENT, get), set, Neutral.none(), false));
  }

  /** Adds a field that must be present; always written. */
  public <V> Schema<T, B> req(String name, Kind<V> kind, Function<T, V> get, BiConsumer<B, V> set) {
    return add(new Field<>(name, kind, new Getter<>(Read.PRESENT, get), set, Neutral.none(), true));
  }

  /** Adds a yes/no fact: absent is {@code false}. */
  public Schema<T, B> flag(String name, Predicate<T> get, BiConsumer<B, Boolean> set) {
    return add(new Field<>(name, Kind.BOOL, new Getter<>(Read.TESTED, get), set, new Neutral<>(false), false));
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
    return built(build, b, path);
  }

  /** Returns what {@code build} builds, naming {@code path} in the error of a value it refuses. */
  static <T> T built(Supplier<T> build, String path) {
    return built(Supplier::get, build, path);
  }

  private static <A, T> T built(Function<A, T> build, A from, String path) {
    try {
      return build.apply(from);
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
      Optional<V> v = get.apply(value);
      if (v.isPresent() && !neutral.test(v.get())) {
        o.set(name, kind.writer().apply(v.get(), zone));
      }
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
    public static final Kind<Boolean> BOOL = standard("bool", Standard.BOOL, List.of(), null);
    /** A whole number {@code >= 0}. */
    public static final Kind<Integer> COUNT = standard("count", Standard.COUNT, List.of(), null);
    /** A number {@code >= 0}. */
    public static final Kind<Double> AMOUNT = standard("amount", Standard.AMOUNT, List.of(), null);
    /** A non-negative decimal, read exactly. */
    public static final Kind<BigDecimal> DECIMAL = standard("decimal", Standard.DECIMAL, List.of(), null);
    /** A string. */
    public static final Kind<String> TEXT = standard("text", Standard.TEXT, List.of(), null);
    /** A string that is not blank. */
    public static final Kind<String> NONBLANK = standard("text", Standard.NONBLANK, List.of(), null);
    /** A timestamp with an offset. */
    public static final Kind<Instant> TIME = standard("time", Standard.TIME, List.of(), null);
    /** A rule ID ({@code NOTIFY-TRIG-05}); a malformed one is invalid input naming the field. */
    public static final Kind<org.opsbook.core.RuleId> RULE = standard("rule", Standard.RULE, List.of(), null);

    /** A whole number {@code >= min}. */
    public static Kind<Integer> atLeast(int min) {
      return standard("int>=" + min, Standard.AT_LEAST, List.of(), min);
    }

    /** An enum constant by its exact name. */
    public static <E extends Enum<E>> Kind<E> of(Class<E> type) {
      return of(type, type.getEnumConstants());
    }

    /** An enum constant by its exact name, the constants given ({@code E.values()}: no reflective lookup). */
    public static <E extends Enum<E>> Kind<E> of(Class<E> type, E[] constants) {
      return standard(type.getName(), Standard.ENUM, List.of(constants), type);
    }

    private static <V> Kind<V> standard(String type, Standard standard, List<?> values, Object argument) {
      return new Kind<>(type, values, new StandardReader<>(standard, argument),
          new StandardWriter<>(standard, argument));
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
      return standard("list", Standard.LIST, List.of(element), element);
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
      return standard("amounts", Standard.AMOUNTS, all, new Amounts<>(keys, allowed, all));
    }
  }

  /**
   * A function chosen by a constant, with what it needs: the form of the classes below, which stand where lambdas
   * would, for the reason {@link Standard} gives.
   */
  private abstract static class Chosen<C extends Enum<C>> {
    final C choice;
    final Object argument;

    Chosen(C choice, Object argument) {
      this.choice = choice;
      this.argument = argument;
    }
  }

  /** How a {@link Getter} makes the row's {@code Optional}: of a value that may be null, is never null, or a test. */
  private enum Read { NULLABLE, PRESENT, TESTED }

  /**
   * The getter of a row added with {@link #val}, {@link #always}, {@link #req} or {@link #flag}: the accessor's value
   * as the row's {@code Optional}. A {@link Chosen}, not a lambda per method.
   */
  private static final class Getter<T, V> extends Chosen<Read> implements Function<T, Optional<V>> {
    Getter(Read read, Object get) {
      super(read, get);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<V> apply(T t) {
      switch (choice) {
        case NULLABLE: return Optional.ofNullable(((Function<T, V>) argument).apply(t));
        case PRESENT: return Optional.of(((Function<T, V>) argument).apply(t));
        default: return Optional.of((V) (Boolean) ((Predicate<T>) argument).test(t));
      }
    }
  }

  /** Whether a value is the row's neutral one, not written; {@link #none()}: the row is written when present. */
  private static final class Neutral<V> implements Predicate<V> {
    private static final Neutral<Object> NONE = new Neutral<>();
    private final Object neutral;

    private Neutral() {
      this.neutral = null;
    }

    Neutral(Object neutral) {
      this.neutral = java.util.Objects.requireNonNull(neutral, "neutral");
    }

    @SuppressWarnings("unchecked")
    static <V> Neutral<V> none() {
      return (Neutral<V>) NONE;
    }

    @Override
    public boolean test(V v) {
      return neutral != null && neutral.equals(v);
    }
  }

  /**
   * The reading and writing of the standard kinds (scalars, enums, lists, amounts by key), chosen by a constant rather
   * than written as lambdas: a process that reads one document (the command line's {@code classify}, W9) links every
   * lambda it meets through a bootstrap call, and the first sets up {@code java.lang.invoke}; the kinds' lambdas took
   * about 8 ms of an interpreted start.
   */
  private enum Standard { BOOL, COUNT, AMOUNT, DECIMAL, TEXT, NONBLANK, TIME, RULE, AT_LEAST, ENUM, LIST, AMOUNTS }

  /** The keys of an {@code amounts} kind: their class, their names, the constants in order. */
  private record Amounts<K extends Enum<K>>(Class<K> keys, Set<String> allowed, List<K> all) {}

  /**
   * Reads the named field of an object as a {@link Standard} kind; {@code argument} is the minimum, the enum class,
   * the list's element kind or the {@link Amounts}.
   */
  private static final class StandardReader<V> extends Chosen<Standard> implements BiFunction<JsonFields, String, V> {
    StandardReader(Standard standard, Object argument) {
      super(standard, argument);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public V apply(JsonFields f, String n) {
      switch (choice) {
        case BOOL: return (V) (Boolean) f.bool(n);
        case COUNT: return (V) (Integer) f.count(n);
        case AMOUNT: return (V) (Double) f.amount(n);
        case DECIMAL: return (V) f.decimal(n).orElseThrow();
        case TEXT: return (V) f.string(n).orElseThrow();
        case NONBLANK: return (V) f.requiredString(n);
        case TIME: return (V) f.timestamp(n).orElseThrow();
        case RULE: return (V) rule(f, n);
        case AT_LEAST: return (V) (Integer) f.optionalInt(n, (Integer) argument).getAsInt();
        case ENUM: return (V) f.enumValue(n, (Class) argument).orElseThrow();
        case LIST: return (V) list(f, n, (Kind<Object>) argument);
        default: return (V) amounts(f, n, (Amounts) argument);
      }
    }

    private static List<Object> list(JsonFields f, String n, Kind<Object> element) {
      List<JsonNode> items = f.array(n);
      ImmutableList.Builder<Object> out = ImmutableList.builder();
      for (int i = 0; i < items.size(); i++) {
        String at = JsonFields.element(f.path(n), i);
        if (items.get(i) == null || items.get(i).isNull()) {
          throw new InvalidInputException(at, "a list element must not be null");
        }
        ObjectNode holder = OpsJson.object();
        holder.set("v", items.get(i));
        try {
          out.add(element.reader().apply(JsonFields.of(holder, "", Set.of("v")), "v"));
        } catch (InvalidInputException e) {
          String rest = e.field().startsWith("v") ? e.field().substring(1) : "";
          throw new InvalidInputException(at + rest, e.reason().replace("v must", "element must"),
              e.ruleId().orElse(null), e);
        }
      }
      return out.build();
    }

    private static <K extends Enum<K>> Map<K, Double> amounts(JsonFields f, String n, Amounts<K> keys) {
      JsonFields m = f.object(n, keys.allowed());
      Map<K, Double> out = new EnumMap<>(keys.keys());
      for (K k : keys.all()) {
        if (m.has(k.name())) {
          out.put(k, m.amount(k.name()));
        }
      }
      return out;
    }

    private static org.opsbook.core.RuleId rule(JsonFields f, String n) {
      try {
        return org.opsbook.core.RuleId.of(f.requiredString(n));
      } catch (InvalidInputException e) {
        throw e.field().equals(f.path(n)) ? e : new InvalidInputException(f.path(n), e.reason());
      }
    }
  }

  /** Writes a value of a {@link Standard} kind, timestamps in the zone. */
  private static final class StandardWriter<V> extends Chosen<Standard> implements BiFunction<V, ZoneId, JsonNode> {
    StandardWriter(Standard standard, Object argument) {
      super(standard, argument);
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonNode apply(V v, ZoneId z) {
      switch (choice) {
        case BOOL: return BooleanNode.valueOf((Boolean) v);
        case COUNT:
        case AT_LEAST: return IntNode.valueOf((Integer) v);
        case AMOUNT: return DoubleNode.valueOf((Double) v);
        case DECIMAL: return DecimalNode.valueOf((BigDecimal) v);
        case TEXT:
        case NONBLANK: return TextNode.valueOf((String) v);
        case TIME: return TextNode.valueOf(Timestamps.format((Instant) v, z));
        case RULE: return TextNode.valueOf(((org.opsbook.core.RuleId) v).value());
        case ENUM: return TextNode.valueOf(((Enum<?>) v).name());
        case LIST: {
          ArrayNode a = OpsJson.array();
          for (Object e : (List<Object>) v) {
            a.add(((Kind<Object>) argument).writer().apply(e, z));
          }
          return a;
        }
        default: {
          ObjectNode o = OpsJson.object();
          for (Map.Entry<Enum<?>, Double> e : ((Map<Enum<?>, Double>) v).entrySet()) {
            o.put(e.getKey().name(), e.getValue());
          }
          return o;
        }
      }
    }
  }
}
