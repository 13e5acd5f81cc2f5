package org.opsbook.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.text.CodePoints;
import org.quicktheories.core.Gen;

/**
 * A new fault's or ticket's ID is one line a person can read: what a host may give is shown on the dashboard, in SMS
 * and reminders, and written to logs, so it must not start a forged log line, reorder the text around it, or look
 * like another ID.
 */
class InstanceIdsTest {
  @ParameterizedTest(name = "refused: {0}")
  @ValueSource(strings = {"F-1\n2026-12-07 17:00:00 INFO reminded F-7 to zhangsan by email", "F-1\r", "F\t1",
      "F-1\u0085", "F-1\u2028x", "F-1\u200b", "\u202eF-1", "F-1\u2066", "\ufeffF-1", "F-1\u00ad", "F\u00a01",
      "F\u30001", "F-1\ufe0f", "F-1\ue000", "F-1\ud800", "F-1 ", " F-1", "F-1\u001b[2J"})
  void anIdThatHidesACharacterOrBreaksItsLineIsRefusedNamingTheField(String id) {
    InvalidInputException e = catchThrowableOfType(() -> InstanceIds.checkNew("bugId", id),
        InvalidInputException.class);
    assertThat(e).as("%s", id.codePoints().mapToObj(CodePoints::name).toList()).isNotNull();
    assertThat(e.field()).isEqualTo("bugId");
  }

  @ParameterizedTest(name = "accepted: {0}")
  @ValueSource(strings = {"F-1", "故障 2026-12-07 第3号", "BUG/CRM/0042", "Ｆ-１", "工单#12 (复核)",
      "😀-1"})
  void aVisibleIdOnOneLineIsAcceptedAsGiven(String id) {
    assertThat(InstanceIds.checkNew("faultId", id)).isSameAs(id);
  }

  @Test
  @DisplayName("whatever a host gives, an ID accepted is one line, trimmed, of characters a person can see")
  void anAcceptedIdIsOneVisibleLine() {
    qt().withExamples(2_000).forAll(ids()).checkAssert(id -> {
      boolean accepted;
      try {
        accepted = InstanceIds.checkNew("faultId", id) == id;
      } catch (InvalidInputException e) {
        assertThat(e.field()).isEqualTo("faultId");
        accepted = false;
      }
      if (accepted) {
        assertThat(id.lines().count()).as("lines of %s", id).isLessThanOrEqualTo(1);
        assertThat(id).isEqualTo(id.strip());
        assertThat(id.codePoints().filter(cp -> switch (Character.getType(cp)) {
          case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
              Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
          case Character.SPACE_SEPARATOR -> cp != ' ';
          default -> false;
        })).as("hidden code points of %s", id).isEmpty();
      }
    });
  }

  /** IDs of up to 12 code points, half of them from the first 0x3100 (controls, spaces, marks) and half from all. */
  private static Gen<String> ids() {
    Gen<Integer> low = integers().between(0, 0x30FF);
    Gen<Integer> any = integers().between(0, Character.MAX_CODE_POINT);
    Gen<Integer> cp = low.mix(any);
    return lists().of(cp).ofSizeBetween(0, 12).map(InstanceIdsTest::text);
  }

  private static String text(List<Integer> cps) {
    return cps.stream().map(Character::toString).collect(Collectors.joining());
  }
}
