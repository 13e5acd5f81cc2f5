package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.quicktheories.core.Gen;

class TemplatePropertiesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*\\}");
  private static final String ALPHABET = "故障通知系统:,。 ()abcXYZ019-";

  /** Texts over an alphabet without 「*」 or braces. */
  private static Gen<String> literal() {
    return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 12)
        .map(l -> l.stream().map(i -> String.valueOf(ALPHABET.charAt(i))).reduce("", String::concat));
  }

  /** A template: literals alternating with random placeholders of the notification set. */
  private static Gen<String> template() {
    Gen<String> piece = literal().zip(integers().between(0, TemplateSet.PLACEHOLDERS.size() - 1),
        (lit, slot) -> lit + "{" + TemplateSet.PLACEHOLDERS.nameAt(slot) + "}");
    return lists().of(piece).ofSizeBetween(0, 8).zip(literal(), (pieces, tail) -> String.join("", pieces) + tail + "。");
  }

  @Test
  void NOTIFY_TPL_00_renderingNeverLeavesAPlaceholderOrAStar() {
    qt().forAll(template(), lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6))
        .ofSize(TemplateSet.PLACEHOLDERS.size())).checkAssert((text, raw) -> {
          Template t = Template.compile(RuleId.of("HOST-TPL-01"), text, TemplateSet.PLACEHOLDERS);
          TemplateValues.Builder b = TemplateValues.builder(TemplateSet.PLACEHOLDERS);
          for (int i = 0; i < raw.size(); i++) {
            try {
              b.put(TemplateSet.PLACEHOLDERS.nameAt(i), raw.get(i));
            } catch (InvalidInputException refused) {
              // a blank value, or one with a placeholder mark, is refused when it is set: it never reaches a text
            }
          }
          TemplateValues values = b.build();
          boolean complete = t.usedPlaceholders().stream().allMatch(n -> values.get(n).isPresent());
          String out;
          try {
            out = t.render(values);
          } catch (InvalidInputException missing) {
            assertThat(complete).as("only a missing value stops rendering").isFalse();
            assertThat(t.usedPlaceholders()).contains(missing.field());
            return;
          }
          assertThat(complete).isTrue();
          assertThat(out).doesNotContain("*").doesNotContain("＊");
          assertThat(PLACEHOLDER.matcher(out).find()).as(out).isFalse();
        });
  }

  @Test
  void NOTIFY_TPL_00_eachPlaceholderIsReplacedByItsValueInOrder() {
    qt().forAll(lists().of(integers().between(0, 14)).ofSizeBetween(1, 24)).checkAssert(slots -> {
      StringBuilder text = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      TemplateValues.Builder b = TemplateValues.builder(TemplateSet.PLACEHOLDERS);
      for (int s : List.copyOf(slots)) {
        String name = TemplateSet.PLACEHOLDERS.nameAt(s);
        text.append('|').append('{').append(name).append('}');
        expected.append('|').append("v").append(name);
        b.put(name, "v" + name);
      }
      Template t = Template.compile(RuleId.of("HOST-TPL-02"), text.toString(), TemplateSet.PLACEHOLDERS);
      assertThat(t.render(b.build())).isEqualTo(expected.toString());
    });
  }
}
