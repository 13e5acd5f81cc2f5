package org.opsbook.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.core.InvalidInputException;

/** The scalar readers of {@link JsonFields}: the values they read and the exact invalid-input messages. */
class JsonFieldsTest {
  private static final Set<String> FIELDS = Set.of("s", "b", "n", "a");

  private static JsonFields fields(String json) {
    return JsonFields.of(OpsJson.parse(json), "facts", FIELDS);
  }

  @Test
  void readsPresentValues() {
    JsonFields f = fields("{\"s\": \"x\", \"b\": true, \"n\": 3.0, \"a\": 2.5}");
    assertThat(f.string("s")).contains("x");
    assertThat(f.bool("b")).isTrue();
    assertThat(f.count("n")).isEqualTo(3);
    assertThat(f.optionalInt("n", 1)).hasValue(3);
    assertThat(f.amount("a")).isEqualTo(2.5);
  }

  @Test
  void absentAndNullAreTheDefaults() {
    JsonFields f = fields("{\"s\": null, \"b\": null, \"n\": null}");
    assertThat(f.string("s")).isEqualTo(Optional.empty());
    assertThat(f.bool("b")).isFalse();
    assertThat(f.count("n")).isZero();
    assertThat(f.optionalInt("n", 1)).isEmpty();
    assertThat(f.amount("a")).isZero();
    assertThat(fields("{\"b\": false}").bool("b")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"s\": 1}           | s | facts.s: expected a string, found number 1",
      "{\"b\": \"yes\"}     | b | facts.b: expected true or false, found string \"yes\"",
      "{\"n\": 1.5}         | n | facts.n: expected a whole number, found number 1.5",
      "{\"n\": -1}          | n | facts.n: n must be >= 0: -1",
      "{\"n\": 9999999999}  | n | facts.n: number out of range: ********99",
      "{\"a\": false}       | a | facts.a: expected a number, found boolean false",
      "{\"a\": -2}          | a | facts.a: a must be >= 0: -2"})
  void wrongValuesNameTheFieldAndWhatWasFound(String json, String field, String message) {
    JsonFields f = fields(json);
    assertThatThrownBy(() -> {
      switch (field) {
        case "s": f.string(field); break;
        case "b": f.bool(field); break;
        case "n": f.count(field); break;
        default: f.amount(field); break;
      }
    }).isInstanceOf(InvalidInputException.class).hasMessage(message);
  }
}
