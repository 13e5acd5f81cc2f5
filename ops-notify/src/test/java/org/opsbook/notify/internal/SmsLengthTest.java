package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class SmsLengthTest {
  private static String chinese(int n) {
    return "故".repeat(n);
  }

  @Test
  void oneSegmentHoldsSeventyCharacters_boundary69_70_71() {
    assertThat(SmsLength.of(chinese(69))).isEqualTo(new SmsLength(69, 1));
    assertThat(SmsLength.of(chinese(70))).isEqualTo(new SmsLength(70, 1));
    assertThat(SmsLength.of(chinese(71))).isEqualTo(new SmsLength(71, 2));
  }

  @Test
  void concatenatedPartsHoldSixtySevenCharacters_boundary133_134_135() {
    assertThat(SmsLength.of(chinese(133)).segments()).isEqualTo(2);
    assertThat(SmsLength.of(chinese(134)).segments()).isEqualTo(2);
    assertThat(SmsLength.of(chinese(135)).segments()).isEqualTo(3);
  }

  @Test
  void theEmptyTextTakesNoSegment() {
    assertThat(SmsLength.of("")).isEqualTo(new SmsLength(0, 0));
  }

  @Test
  void aPartNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String text = chinese(66) + emoji + chinese(10);
    assertThat(text.length()).isEqualTo(78);
    assertThat(SmsLength.of(text)).isEqualTo(new SmsLength(78, 2));
    String tight = chinese(66) + emoji + chinese(66);
    assertThat(tight.length()).isEqualTo(134);
    assertThat(SmsLength.of(tight).segments()).as("the pair moves to part two, which then overflows").isEqualTo(3);
  }

  @Test
  void segmentCountMatchesTheTextLength() {
    qt().forAll(integers().between(0, 2000)).checkAssert(n -> {
      SmsLength l = SmsLength.of(chinese(n));
      int expected = n == 0 ? 0 : n <= 70 ? 1 : (n + 66) / 67;
      assertThat(l.characters()).isEqualTo(n);
      assertThat(l.segments()).isEqualTo(expected);
    });
  }
}
