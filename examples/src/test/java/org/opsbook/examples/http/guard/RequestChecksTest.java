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
  void aLoggedTargetMasksANumberInEveryEncodingAndKeepsTheRestAsSent() {
    // before: the numbers were masked in the target as sent, so every encoding of one but the plain kept it
    assertThat(RequestChecks.loggedTarget("/nothing", "phone=138+0013+8000"))
        .isEqualTo("/nothing?phone=138%20****%208000");
    assertThat(RequestChecks.loggedTarget("/nothing", "phone=138%200013%208000"))
        .isEqualTo("/nothing?phone=138%20****%208000");
    assertThat(RequestChecks.loggedTarget("/%31%33%38%30%30%31%33%38%30%30%30", null)).isEqualTo("/138****8000");
    assertThat(RequestChecks.loggedTarget("/a", "q=%2531%2533%2538%2530%2530%2531%2533%2538%2530%2530%2530"))
        .as("encoded twice").isEqualTo("/a?q=138****8000");
    assertThat(RequestChecks.loggedTarget("/a", "%31%33%38%30%30%31%33%38%30%30%30&x=138%EF%BC%8C0013%EF%BC%8C8000"))
        .isEqualTo("/a?138****8000&x=138%EF%BC%8C****%EF%BC%8C8000");
    assertThat(RequestChecks.loggedTarget("/a", "phone=%ZZ13800138000")).isEqualTo("/a?phone=%25ZZ138****8000");
    assertThat(RequestChecks.loggedTarget("/a", "phone=13800138000")).isEqualTo("/a?phone=138****8000");
    String plain = "id=lisi&api+Key=y&sort=asc&day=2026-12-04&n=%E4%B8%AD+1";
    assertThat(RequestChecks.loggedTarget("/login", plain)).isEqualTo("/login?" + plain.replace("=y", "=***"));
  }

  @Test
  void aLoggedTargetKeepsNoSecretWhateverItsNameOrValueHolds() {
    assertThat(RequestChecks.loggedTarget("/login", "id=lisi&otp=1&passwort=2&Passwd=3&client_secret=4&pass=5"
        + "&%E5%AF%86%E7%A0%81=6&p%61ssword%ZZ=7&password=Top;Secret&sort=asc"))
        .isEqualTo("/login?id=lisi&otp=***&passwort=***&Passwd=***&client_secret=***&pass=***"
            + "&%E5%AF%86%E7%A0%81=***&p%61ssword%ZZ=***&password=***&sort=asc");
    assertThat(RequestChecks.loggedTarget("/a;jsessionid=abc/b", "x=1;token=t&y=2"))
        .isEqualTo("/a;jsessionid=***/b?x=1;token=***&y=2");
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
