package org.opsbook.examples.http.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;

/** The body checks: strict UTF-8 and the caps on events and steps, whichever way a body spells them. */
class RequestChecksTest {
  private static String array(String key, int n) {
    return "{\"facts\": {}, \"" + key + "\": [" + String.join(",", Collections.nCopies(n, "{}")) + "]}";
  }

  @Test
  void aKeySpelledWithEscapesIsCappedLikeThePlainOne() {
    assertThatThrownBy(() -> RequestChecks.caps(array("ev\\u0065nts", 3), 2, 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 2 events");
    assertThatThrownBy(() -> RequestChecks.caps(array("\\u0073teps", 3), 2, 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 2 steps");
    assertThatThrownBy(() -> RequestChecks.caps("{\"a\": [{\"events\": [1, 2, 3]}]}", 2, 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 2 events");
  }

  @Test
  void aBodyThatCannotNameEitherArrayIsNotParsedAgain() {
    assertThat(RequestChecks.mayNameCappedArray("{\"complaintCount\": 3, \"eventz\": [1, 2, 3]}")).isFalse();
    assertThat(RequestChecks.mayNameCappedArray("{\"events\": []}")).isTrue();
    assertThat(RequestChecks.mayNameCappedArray("{\"steps\": []}")).isTrue();
    assertThat(RequestChecks.mayNameCappedArray("{\"ev\\u0065nts\": []}")).isTrue();
    RequestChecks.caps(array("eventz", 3), 2, 2);
  }

  @Test
  void strictUtf8DecodesAsciiAndMultibyteTextAndRefusesEveryMalformedSequence() {
    assertThat(RequestChecks.utf8("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"a\": 1}");
    assertThat(RequestChecks.utf8(new byte[0])).isEmpty();
    String chinese = "{\"note\": \"故障 \\u0000 😀\"}";
    assertThat(RequestChecks.utf8(chinese.getBytes(StandardCharsets.UTF_8))).isEqualTo(chinese);
    for (byte[] bad : new byte[][] {
        {'{', (byte) 0xff, '}'},
        {(byte) 0xc0, (byte) 0xaf},
        {'a', (byte) 0x80},
        {(byte) 0xe6, (byte) 0x95},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}}) {
      assertThatThrownBy(() -> RequestChecks.utf8(bad)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("not valid UTF-8");
    }
  }
}
