package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.text.CodePoints;
import org.opsbook.notify.MessageContent;

/**
 * NOTIFY-TPL-00: every 「*」 of a template stands for content the reader must see. A value that shows nothing (a no-break
 * space, a zero-width space, a word joiner, a Hangul filler), or that hides or reorders text (a direction override, a
 * control character, a line break), is refused naming the placeholder.
 */
class PlaceholderValuesTest {
  @Test
  @DisplayName("NOTIFY-TPL-00 a value that shows nothing or hides text is refused naming its placeholder")
  void notifyTpl00InvisibleValuesAreRefused() {
    for (String v : List.of("\u00a0", "\u200b", "\u2060", "\ufeff", "\u180e", "\u3164", "\u2800", "\u202e",
        "\u3000", " \u00a0 ", "a\u0000b", "停机\n故障", "abc\u202edcba")) {
      InvalidInputException e = catchThrowableOfType(() -> MessageContent.builder().followUpPerson(v).build(),
          InvalidInputException.class);
      assertThat(e).as("%s", v.codePoints().mapToObj(CodePoints::name).toList()).isNotNull();
      assertThat(e.field()).isEqualTo("followUpPerson");
      assertThat(e.ruleId()).contains(RuleId.of("NOTIFY-TPL-00"));
    }
    assertThat(MessageContent.builder().followUpPerson("张三 13800138000").build().followUpPerson())
        .contains("张三 13800138000");
    assertThat(MessageContent.checkValue("scope", "全市\u00a0营业厅")).as("a no-break space between words shows")
        .isEqualTo("全市\u00a0营业厅");
  }

  @Test
  @DisplayName("NOTIFY-TPL-00 an accepted value has a visible character and no hidden one, whatever it is made of")
  void notifyTpl00AcceptedValuesAreVisible() {
    int[] pool = {'a', '张', ' ', 0xA0, 0x3000, 0x200B, 0x2060, 0xFEFF, 0x202E, 0x2066, '\n', '\t', 0, 0x3164, 0x2800,
        0xE000, 0x1F600, '*', 0xFF0A, '{', '1'};
    qt().withExamples(3000).forAll(lists().of(integers().between(0, pool.length - 1)).ofSizeBetween(0, 6))
        .checkAssert(picks -> {
          StringBuilder b = new StringBuilder();
          picks.forEach(i -> b.appendCodePoint(pool[i]));
          String v = b.toString();
          boolean visible = v.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
              && CodePoints.hidden(cp) == null);
          boolean clean = v.codePoints().allMatch(cp -> CodePoints.hidden(cp) == null && cp != '*' && cp != 0xFF0A
              && cp != '{' && cp != '}');
          InvalidInputException refused = catchThrowableOfType(() -> MessageContent.checkValue("scope", v),
              InvalidInputException.class);
          assertThat(refused == null).as("accepted %s", v.codePoints().mapToObj(CodePoints::name).toList())
              .isEqualTo(visible && clean);
          if (refused != null) {
            assertThat(refused.field()).isEqualTo("scope");
          }
        });
  }
}
