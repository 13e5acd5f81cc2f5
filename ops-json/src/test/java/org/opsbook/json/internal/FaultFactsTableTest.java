package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultFacts.Builder;
import org.opsbook.json.internal.Schema.Field;
import org.opsbook.json.internal.Schema.Kind;

/**
 * The generated {@code FaultFacts} table ({@link FaultFactsTable}) is what {@link Schema#derive} computes for the
 * type ({@link FaultFactsJson#derived()}): the same source text, rows, kinds, required fields and defaults.
 */
class FaultFactsTableTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Path SOURCE =
      Path.of("src/main/java/org/opsbook/json/internal/FaultFactsTable.java");

  private final Schema<FaultFacts, Builder> derived = FaultFactsJson.derived();
  private final Schema<FaultFacts, Builder> generated = FaultFactsJson.SCHEMA;

  @Test
  void theGeneratedSourceIsWhatTheDerivedTableGives() throws IOException {
    String expected = FaultFactsTableSource.text();
    if (Boolean.getBoolean("opsbook.regenerate")) {
      Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
        .as("FaultFactsTable.java is stale: run this test with -Dopsbook.regenerate=true")
        .isEqualTo(expected);
  }

  @Test
  void sameRowsInTheSameOrderWithTheSameKinds() {
    assertThat(generated).isNotSameAs(derived);
    assertThat(List.copyOf(generated.names())).containsExactlyElementsOf(derived.names());
    assertThat(generated.names()).hasSizeGreaterThan(80);
    for (int i = 0; i < derived.fields().size(); i++) {
      Field<FaultFacts, Builder, ?> d = derived.fields().get(i);
      Field<FaultFacts, Builder, ?> g = generated.fields().get(i);
      assertThat(describe(g.kind())).as(d.name()).isEqualTo(describe(d.kind()));
      assertThat(g.required()).as(d.name()).isEqualTo(d.required());
    }
  }

  @Test
  void complaintLevelIsAtLeastOne() {
    Field<FaultFacts, Builder, ?> level = generated.fields().stream()
        .filter(f -> f.name().equals("csComplaintLevel")).findFirst().orElseThrow();
    assertThat(level.kind().type()).isEqualTo("int>=1");
  }

  /**
   * Every field set, one at a time, to a value other than its default and to its default: both tables write the
   * same object (so a default is left out by both, and only then), and each reads the other's output back to the
   * same facts.
   */
  @Test
  void sameDefaultsAndValuesFieldByField() {
    FaultFacts empty = FaultFacts.empty();
    assertThat(generated.write(empty, ZONE)).isEqualTo(derived.write(empty, ZONE)).isEmpty();
    for (Field<FaultFacts, Builder, ?> d : derived.fields()) {
      for (Object value : samples(d.kind(), defaultOf(d.name()))) {
        Builder b = FaultFacts.builder();
        if (d.name().equals("manualLevelAssessment")) {
          b.manualLevelJustification("stated");
        }
        d.setRaw(b, value);
        FaultFacts facts = b.build();
        JsonNode byDerived = derived.write(facts, ZONE);
        assertThat(generated.write(facts, ZONE)).as(d.name() + " = " + value).isEqualTo(byDerived);
        assertThat(generated.read(byDerived, "")).as(d.name()).isEqualTo(facts);
        assertThat(derived.read(generated.write(facts, ZONE), "")).as(d.name()).isEqualTo(facts);
      }
    }
  }

  @Test
  void everyFieldWrittenAtOnceReadsBack() {
    Builder b = FaultFacts.builder();
    for (Field<FaultFacts, Builder, ?> d : derived.fields()) {
      List<Object> values = samples(d.kind(), defaultOf(d.name()));
      d.setRaw(b, values.get(values.size() - 1));
    }
    b.manualLevelJustification("stated");
    FaultFacts all = b.build();
    JsonNode written = generated.write(all, ZONE);
    assertThat(written).isEqualTo(derived.write(all, ZONE));
    assertThat(written.size()).isEqualTo(derived.names().size());
    assertThat(generated.read(written, "")).isEqualTo(all);
  }

  /** The value an empty document has for a plain attribute (its default); {@code null} for the others. */
  private static Object defaultOf(String name) {
    try {
      Object v = FaultFacts.class.getMethod(name).invoke(FaultFacts.empty());
      return v instanceof Boolean || v instanceof Number || v instanceof Enum ? v : null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The field's default (when it has one) and a value that differs from it. */
  private static List<Object> samples(Kind<?> kind, Object byDefault) {
    List<Object> out = new ArrayList<>();
    if (byDefault != null) {
      out.add(byDefault);
    }
    Object other = switch (kind.type()) {
      case "bool" -> !Boolean.TRUE.equals(byDefault);
      case "count", "int>=0", "int>=1" -> 7;
      case "amount" -> 2.5;
      case "text" -> "AMS-1";
      case "time" -> Instant.parse("2026-11-25T06:30:00Z");
      case "amounts" -> Map.of((Enum<?>) kind.values().get(kind.values().size() - 1), 12.5);
      default -> kind.values().stream().filter(v -> !v.equals(byDefault)).reduce((a, z) -> z).orElseThrow();
    };
    out.add(other);
    return out;
  }

  private static String describe(Kind<?> k) {
    List<Object> values = new ArrayList<>();
    for (Object v : k.values()) {
      values.add(v instanceof Kind<?> element ? describe(element) : v);
    }
    return k.type() + values;
  }
}
