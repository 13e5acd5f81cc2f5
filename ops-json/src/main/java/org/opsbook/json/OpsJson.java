package org.opsbook.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.guava.GuavaModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;

/**
 * The project's one Jackson configuration and the entry points for reading and writing decision-API documents.
 * Parsing is strict: malformed JSON, duplicate keys and trailing content are invalid input. Thread-safe.
 *
 * <p>Documents are read and written as trees on Jackson's streaming layer alone; the data-binding mapper, whose
 * set-up costs a short command-line run about a fifth of its time, is built only when {@link #mapper()} is first
 * called.
 */
public final class OpsJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpsJson() {}

  /** The mapper, built on first use. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .addModule(new GuavaModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // money is read exactly, as written: 0.50 stays 0.50
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .build();
  }

  /** Returns the shared mapper: java.time, Optional and Guava collections registered, dates as ISO text. */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /**
   * Parses one JSON document: numbers with a fraction or exponent are read exactly ({@code 0.50} stays
   * {@code 0.50}), whole numbers as {@code int}, {@code long} or big integers by size, as the mapper reads them.
   *
   * @throws InvalidInputException naming the whole document when the text is not exactly one JSON value
   */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("", "empty input: expected one JSON document");
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonNode root = read(p, p.nextToken());
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new InvalidInputException("", "malformed JSON: Trailing token (of type " + trailing
            + ") found after value: not allowed", null, null);
      }
      return root;
    } catch (IOException e) {
      String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new InvalidInputException("", "malformed JSON: " + message, null, e);
    }
  }

  private static JsonNode read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, read(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(read(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Returns a new empty array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Returns an array of the rule IDs' text, in the collection's order. */
  public static ArrayNode ruleIds(Collection<RuleId> ids) {
    ArrayNode a = array();
    for (RuleId id : ids) {
      a.add(id.value());
    }
    return a;
  }

  /** Writes a node as compact JSON text. */
  public static String write(JsonNode node) {
    return write(node, false);
  }

  /** Writes a node as indented JSON text. */
  public static String writePretty(JsonNode node) {
    return write(node, true);
  }

  private static String write(JsonNode node, boolean pretty) {
    // the factory's recycled segments, as ObjectMapper.writeValueAsString uses: a StringWriter grew its buffer and
    // widened it to UTF-16 at the first Chinese character, copying the answer several times
    BufferRecycler buffers = FACTORY._getBufferRecycler();
    try {
      SegmentedStringWriter out = new SegmentedStringWriter(buffers);
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        if (pretty) {
          g.setPrettyPrinter(new DefaultPrettyPrinter());
        }
        write(g, node);
      }
      return out.getAndClear();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    } finally {
      buffers.releaseToPool();
    }
  }

  private static void write(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode e : n) {
          write(g, e);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case NUMBER -> {
        switch (n.numberType()) {
          case INT -> g.writeNumber(n.intValue());
          case LONG -> g.writeNumber(n.longValue());
          case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
          case FLOAT -> g.writeNumber(n.floatValue());
          case DOUBLE -> g.writeNumber(n.doubleValue());
          default -> g.writeNumber(n.decimalValue());
        }
      }
      default -> g.writeString(n.asText()); // binary and POJO nodes are not made by the project
    }
  }

  /**
   * Decodes a request's bytes strictly as UTF-8, as the server reads a body and the command line its standard input:
   * malformed bytes are invalid input, never silently replaced.
   *
   * @throws InvalidInputException naming the document (field {@code ""}) when the bytes are not valid UTF-8
   */
  public static String utf8(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      // every byte below 0x80 is valid UTF-8 and decodes to the char of the same value
      return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException("", "the body is not valid UTF-8 (" + e.getInputLength()
          + " malformed byte(s))");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException("", "the body is not valid UTF-8");
    }
  }
}
