package org.opsbook.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.core.InvalidInputException;

/**
 * A strict reader of one JSON object: it rejects fields it does not know and values of the wrong type, and names
 * the JSON path of the offending field in every error ({@code facts.complaintCount}, {@code steps[1].actor.id}).
 * Absent and {@code null} fields read as the neutral default.
 *
 * <pre>{@code
 * JsonFields f = JsonFields.of(node, "facts", Set.of("complaintCount", "repairedAt"));
 * int complaints = f.count("complaintCount");
 * Optional<Instant> repaired = f.timestamp("repairedAt");
 * }</pre>
 */
public final class JsonFields {
  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * Opens {@code node} as an object whose fields must all be in {@code allowed}.
   *
   * @param node the node; must be an object
   * @param path its JSON path ({@code ""} for the document root)
   * @param allowed the field names it may have
   */
  public static JsonFields of(JsonNode node, String path, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(path, "expected a JSON object, found " + kind(node));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException(join(path, name),
            "unknown field '" + name + "'; known fields: " + new TreeSet<>(allowed));
      }
    }
    return new JsonFields(node, path);
  }

  /** Returns the JSON path of the object. */
  public String path() {
    return path;
  }

  /** Returns the JSON path of a field of this object. */
  public String path(String field) {
    return join(path, field);
  }

  /** Returns the JSON path of element {@code index} of an array at {@code arrayPath}. */
  public static String element(String arrayPath, int index) {
    return arrayPath + "[" + index + "]";
  }

  static String join(String path, String field) {
    return path == null || path.isEmpty() ? field : path + "." + field;
  }

  /** Returns true when the field is present and not {@code null}. */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** Returns the raw node of a field, if present and not null. */
  public Optional<JsonNode> node(String field) {
    return has(field) ? Optional.of(node.get(field)) : Optional.empty();
  }

  /** Returns the value of a field, if present and not null, checked to be {@code expected} by {@code ok}. */
  private Optional<JsonNode> value(String field, java.util.function.Predicate<JsonNode> ok, String expected) {
    Optional<JsonNode> v = node(field);
    if (v.isPresent() && !ok.test(v.get())) {
      throw new InvalidInputException(path(field), "expected " + expected + ", found " + kind(v.get()));
    }
    return v;
  }

  // The readers of a scalar (string, boolean, whole number, number) check the node inline rather than through a
  // predicate: each method reference is a call site to link at the first read, and a decision command reads its
  // one document once (the command line links them at every start).

  /** Returns the value of a field present and not null, or null; {@code ok} false fails as {@link #value} does. */
  private JsonNode present(String field, boolean ok, JsonNode v, String expected) {
    if (!ok) {
      throw new InvalidInputException(path(field), "expected " + expected + ", found " + kind(v));
    }
    return v;
  }

  /** Returns the field's node when present and not null, else null. */
  private JsonNode raw(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** Reads an optional string. */
  public Optional<String> string(String field) {
    JsonNode v = raw(field);
    return v == null ? Optional.empty() : Optional.of(present(field, v.isTextual(), v, "a string").textValue());
  }

  /** Reads a string that must be present and not blank. */
  public String requiredString(String field) {
    String s = string(field).orElseThrow(() -> new InvalidInputException(path(field), "missing required field"));
    if (s.isBlank()) {
      throw new InvalidInputException(path(field), "must not be blank");
    }
    return s;
  }

  /** Reads an optional boolean; absent is {@code false}. */
  public boolean bool(String field) {
    JsonNode v = raw(field);
    return v != null && present(field, v.isBoolean(), v, "true or false").booleanValue();
  }

  /** Reads an optional boolean, or empty when absent. */
  public Optional<Boolean> optionalBool(String field) {
    return has(field) ? Optional.of(bool(field)) : Optional.empty();
  }

  /** Reads a count: a whole number {@code >= 0}; absent is {@code 0}. */
  public int count(String field) {
    return has(field) ? intAtLeast(field, 0) : 0;
  }

  /** Reads an optional whole number {@code >= min}. */
  public OptionalInt optionalInt(String field, int min) {
    return has(field) ? OptionalInt.of(intAtLeast(field, min)) : OptionalInt.empty();
  }

  private int intAtLeast(String field, int min) {
    JsonNode v = raw(field); // present: the callers ask has(field) first
    present(field, v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0, v,
        "a whole number");
    if (!v.canConvertToInt()) {
      throw new InvalidInputException(path(field), "number out of range: " + v.asText());
    }
    int i = v.asInt();
    if (i < min) {
      throw new InvalidInputException(path(field), field + " must be >= " + min + ": " + i);
    }
    return i;
  }

  /** Reads a non-negative number (minutes, seconds, a count with decimals); absent is {@code 0}. */
  public double amount(String field) {
    if (!has(field)) {
      return 0;
    }
    JsonNode v = raw(field); // present: has(field) above
    present(field, v.isNumber(), v, "a number");
    double d = v.asDouble();
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new InvalidInputException(path(field), field + " must be >= 0: " + v.asText());
    }
    return d;
  }

  /** Reads a non-negative decimal exactly (money); absent is empty. */
  public Optional<BigDecimal> decimal(String field) {
    return value(field, JsonNode::isNumber, "a number").map(v -> {
      if (v.decimalValue().signum() < 0) {
        throw new InvalidInputException(path(field), field + " must be >= 0: " + v.asText());
      }
      return v.decimalValue();
    });
  }

  /** Reads an optional timestamp, which must carry an offset. */
  public Optional<Instant> timestamp(String field) {
    return string(field).map(s -> Timestamps.parse(s, path(field)));
  }

  /** Reads a timestamp that must be present. */
  public Instant requiredTimestamp(String field) {
    return timestamp(field).orElseThrow(() -> new InvalidInputException(path(field), "missing required field"));
  }

  /** Reads an optional enum constant by its exact name. */
  public <T extends Enum<T>> Optional<T> enumValue(String field, Class<T> type) {
    return string(field).map(s -> parseEnum(s, type, path(field)));
  }

  /** Reads an enum constant that must be present. */
  public <T extends Enum<T>> T requiredEnum(String field, Class<T> type) {
    return enumValue(field, type)
        .orElseThrow(() -> new InvalidInputException(path(field), "missing required field"));
  }

  /** Parses an enum constant by its exact name, naming the allowed values when it is unknown. */
  public static <T extends Enum<T>> T parseEnum(String text, Class<T> type, String path) {
    for (T c : type.getEnumConstants()) {
      if (c.name().equals(text)) {
        return c;
      }
    }
    List<String> names = new ArrayList<>();
    for (T c : type.getEnumConstants()) {
      names.add(c.name());
    }
    throw new InvalidInputException(path, "unknown value '" + text + "'; expected one of " + names);
  }

  /** Reads an optional array; absent is empty. */
  public List<JsonNode> array(String field) {
    return value(field, JsonNode::isArray, "an array").<List<JsonNode>>map(ImmutableList::copyOf).orElse(List.of());
  }

  /** Reads an optional array of strings; absent is empty. */
  public List<String> strings(String field) {
    List<JsonNode> items = array(field);
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode v = items.get(i);
      if (!v.isTextual()) {
        throw new InvalidInputException(element(path(field), i), "expected a string, found " + kind(v));
      }
      out.add(v.textValue());
    }
    return out;
  }

  /** Opens a nested object that must be present. */
  public JsonFields object(String field, Set<String> allowed) {
    if (!has(field)) {
      throw new InvalidInputException(path(field), "missing required field");
    }
    return of(node.get(field), path(field), allowed);
  }

  /** Opens a nested object, if present. */
  public Optional<JsonFields> optionalObject(String field, Set<String> allowed) {
    return has(field) ? Optional.of(of(node.get(field), path(field), allowed)) : Optional.empty();
  }

  static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      return "string \"" + n.textValue() + "\"";
    }
    if (n.isNumber() || n.isBoolean() || n.isNull()) {
      return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n.asText();
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
