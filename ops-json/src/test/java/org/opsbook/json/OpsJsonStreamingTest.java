package org.opsbook.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;

/**
 * {@link OpsJson} reads and writes documents on Jackson's streaming layer, without the data-binding mapper: on
 * random trees (nested objects and arrays, text with escapes and Chinese, every size of whole number, decimals with
 * trailing zeros, booleans and null) it must read exactly the tree the mapper reads and write exactly the text the
 * mapper writes, compact and indented, and refuse what the mapper refuses.
 */
class OpsJsonStreamingTest {
  private static final ObjectMapper MAPPER = OpsJson.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] TEXT = {"", "a", "故障", "二级 \"重大\"", "line\nbreak\ttab", "\\", "\u0001", "😀", "/"};

  @Test
  void readsAndWritesEveryTreeAsTheMapperDoes() {
    qt().withExamples(400).forAll(longs().all(), integers().between(0, 4)).checkAssert((seed, depth) -> {
      JsonNode tree = tree(new SplittableRandom(seed), depth);
      try {
        String compact = MAPPER.writeValueAsString(tree);
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertThat(OpsJson.write(tree)).isEqualTo(compact);
        assertThat(OpsJson.writePretty(tree)).isEqualTo(pretty);
        assertThat(OpsJson.parse(compact)).isEqualTo(MAPPER.readTree(compact)).isEqualTo(tree);
        assertThat(OpsJson.parse(pretty)).isEqualTo(MAPPER.readTree(pretty));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void decimalsKeepTheirScaleAndWholeNumbersTheirSize() {
    JsonNode n = OpsJson.parse("{\"money\": 0.50, \"e\": 1.0E+3, \"i\": 7, \"l\": 9000000000, \"b\": 99999999999999999999}");
    assertThat(n.get("money").decimalValue()).isEqualTo(new BigDecimal("0.50"));
    assertThat(n.get("e").decimalValue()).isEqualTo(new BigDecimal("1.0E+3"));
    assertThat(n.get("i").isInt()).isTrue();
    assertThat(n.get("l").isLong()).isTrue();
    assertThat(n.get("b").isBigInteger()).isTrue();
    assertThat(OpsJson.write(n)).isEqualTo("{\"money\":0.50,\"e\":1.0E+3,\"i\":7,\"l\":9000000000,\"b\":99999999999999999999}");
  }

  @Test
  void malformedDuplicateAndTrailingContentAreInvalidInputNamingTheDocument() {
    for (String bad : new String[] {"{\"a\": 1, \"a\": 2}", "{\"a\": 1} {}", "[1, 2", "{\"a\" 1}", "tru", "1 2"}) {
      assertThatThrownBy(() -> OpsJson.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("malformed JSON")
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEmpty());
      assertThatThrownBy(() -> MAPPER.readTree(bad)).as("the mapper refuses it too: " + bad)
          .isInstanceOf(Exception.class);
    }
    assertThatThrownBy(() -> OpsJson.parse(" \n")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty input");
  }

  private static JsonNode tree(SplittableRandom r, int depth) {
    int kind = depth == 0 ? 2 + r.nextInt(8) : r.nextInt(10);
    switch (kind) {
      case 0: {
        ObjectNode o = F.objectNode();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          o.set(TEXT[r.nextInt(TEXT.length)] + i, tree(r, depth - 1));
        }
        return o;
      }
      case 1: {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          a.add(tree(r, depth - 1));
        }
        return a;
      }
      case 2:
        return F.textNode(TEXT[r.nextInt(TEXT.length)] + TEXT[r.nextInt(TEXT.length)]);
      case 3:
        return F.numberNode(r.nextInt());
      case 4:
        return F.numberNode(r.nextLong() | (1L << 40));
      case 5:
        return F.numberNode(BigInteger.valueOf(r.nextLong()).shiftLeft(70).add(BigInteger.ONE));
      case 6:
        return DecimalNode.valueOf(BigDecimal.valueOf(r.nextLong(), r.nextBoolean() ? r.nextInt(1, 12) : -r.nextInt(1, 4)));
      case 7:
        return DecimalNode.valueOf(new BigDecimal(r.nextInt(1000) + ".50"));
      case 8:
        return F.booleanNode(r.nextBoolean());
      default:
        return F.nullNode();
    }
  }
}
