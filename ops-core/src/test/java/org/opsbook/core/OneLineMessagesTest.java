package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.text.CodePoints;
import org.quicktheories.core.Gen;

/**
 * The promise of {@link OpsException} and {@link InvalidInputException}: an error is safe to log as it is. What a
 * caller typed (a JSON key, an event name, an ID) and a database's own message end up in a message; a line break
 * there forged a log line, a bidirectional override reordered what followed it.
 */
class OneLineMessagesTest {
  private static final String FORGED = "bogus\n2026-12-07 17:00:00 INFO [opsbook] F-7 reminded to zhangsan";

  @Test
  @DisplayName("a field name and a value with a line break give a one-line field, reason and message")
  void aLineBreakInAFieldOrValueIsEscaped() {
    InvalidInputException e = new InvalidInputException(FORGED, "unknown field '" + FORGED + "'");

    assertThat(e.getMessage()).doesNotContain("\n")
        .isEqualTo("bogus\\n2026-12-07 17:00:00 INFO [opsbook] F-7 reminded to zhangsan: unknown field "
            + "'bogus\\n2026-12-07 17:00:00 INFO [opsbook] F-7 reminded to zhangsan'");
    assertThat(e.field()).isEqualTo("bogus\\n2026-12-07 17:00:00 INFO [opsbook] F-7 reminded to zhangsan");
    assertThat(e.reason()).startsWith("unknown field 'bogus\\n2026").doesNotContain("\n");
    assertThat(e.under("facts").field()).isEqualTo("facts." + e.field());
    assertThat(e.under("facts").getMessage()).doesNotContain("\n");
  }

  @Test
  @DisplayName("a bidirectional override, a carriage return and a zero-width space are written as escapes")
  void invisibleAndReorderingCharactersAreEscaped() {
    InvalidInputException e = new InvalidInputException("steps[0].event",
        "unknown SM-BUG event 'a\u202eb\rc\u200bd\u2028e\ud83d'");

    assertThat(e.getMessage())
        .isEqualTo("steps[0].event: unknown SM-BUG event 'a\\u202Eb\\rc\\u200Bd\\u2028e\\uD83D'");
  }

  @Test
  @DisplayName("text with nothing to escape, Chinese and emoji included, is kept as it is")
  void visibleTextIsKept() {
    String reason = "故障 F-1 的「现象」不能为空 🚨 (a\\nb stays a\\nb)";
    assertThat(new InvalidInputException("facts.subjectName", reason).reason()).isSameAs(reason);
  }

  @Test
  @DisplayName("a database's message on several lines and a subject ID with a line break give one-line errors")
  void storageAndConcurrencyErrorsAreOneLine() {
    StorageException storage = new StorageException("append fault events", "F-1\nforged", false,
        new SQLIntegrityConstraintViolationException(
            "ERROR: duplicate key value violates unique constraint \"ops_fault_pk\"\n  Detail: Key (id)=(F-1) exists."));
    ConcurrentUpdateException concurrent = new ConcurrentUpdateException("F-1\r\nforged", 0, 3);

    assertThat(storage.getMessage()).doesNotContain("\n").contains("F-1\\nforged").contains("\\n  Detail");
    assertThat(storage.key()).as("the typed key stays in clear, as documented").isEqualTo("F-1\nforged");
    assertThat(concurrent.getMessage()).isEqualTo("F-1\\r\\nforged exists already (at version 3): nothing was created");
  }

  @Test
  @DisplayName("whatever a caller puts in a field or reason, the error is one line that loses nothing visible")
  void anyTextGivesOneLineThatLosesNothing() {
    qt().withExamples(2_000).forAll(texts(), texts()).checkAssert((field, reason) -> {
      InvalidInputException e = new InvalidInputException(field, reason);
      for (String written : List.of(e.getMessage(), e.field(), e.reason())) {
        assertThat(written.codePoints().filter(cp -> CodePoints.hidden(cp) != null))
            .as("hidden code points of %s", written).isEmpty();
        assertThat(written.lines().count()).as("lines of %s", written).isLessThanOrEqualTo(1);
      }
      if (field.indexOf('\\') < 0) {
        assertThat(unescaped(e.field())).isEqualTo(field);
      }
      assertThat(CodePoints.escaped(e.field())).as("escaping twice changes nothing more").isSameAs(e.field());
    });
  }

  /** Texts of up to 12 code points, half of them from the first 0x3100 (controls, spaces, marks) and half from all. */
  private static Gen<String> texts() {
    Gen<Integer> low = integers().between(0, 0x30FF);
    Gen<Integer> any = integers().between(0, Character.MAX_CODE_POINT);
    return lists().of(low.mix(any)).ofSizeBetween(0, 12)
        .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
  }

  /** Reads the escapes of {@link CodePoints#escaped} back. */
  private static String unescaped(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char kind = text.charAt(++i);
      if (kind == 'n' || kind == 'r' || kind == 't') {
        out.append(kind == 'n' ? '\n' : kind == 'r' ? '\r' : '\t');
      } else if (text.charAt(i + 1) == '{') {
        int end = text.indexOf('}', i);
        out.appendCodePoint(Integer.parseInt(text.substring(i + 2, end), 16));
        i = end;
      } else {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
        i += 4;
      }
    }
    return out.toString();
  }
}
