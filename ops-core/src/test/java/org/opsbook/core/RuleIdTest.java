package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/**
 * The form of a rule ID, written out in {@link RuleId#isWellFormed}, against the regular expression it replaces. The
 * IDs here are invented ones of the catalog's form, so that the rules' documentation does not list this test as
 * testing a rule.
 */
class RuleIdTest {
  /** The form as the catalog states it. */
  private static final Pattern FORM =
      Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]{2}(?:\\.[0-9]{1,2})?");

  /** The characters a rule ID is made of, their neighbours, and characters that look like them. */
  private static final String ALPHABET = "AZBM09155--..aZ_ Ａ١\u00C9";

  @ParameterizedTest(name = "\"{0}\" is a rule ID")
  @ValueSource(strings = {"AREA-CLASS-L2-01", "AREA-DEPT-02", "SM-AREA-MOD-T08", "AREA-REQ-02.3", "AREA-REQ-02.11",
      "A-01", "A1-01", "A-B-01", "AB-X01", "AREA-TIME-03", "AREA-GEN-05.8", "A-1-01"})
  void catalogFormsAreAccepted(String id) {
    assertThat(RuleId.isWellFormed(id)).isTrue();
    assertThat(RuleId.of(id).value()).isEqualTo(id);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"", "-", "A", "A-", "-01", "A-1", "A-001", "AB-XY1", "A--01", "A-01.", "A-01.123",
      "A.1-01", "A-0.1", "1A-01", "a-01", "area-dept-02", "A-01 ", " A-01", "A-01-", "A-01..1", "AREA-REQ-02.3.1",
      "Ａ-01", "A-０1", "É-01", "A_B-01", "A-B_-01", "A-X01X"})
  void otherTextsAreRefusedNamingTheField(String text) {
    assertThat(RuleId.isWellFormed(text)).isFalse();
    assertThatThrownBy(() -> RuleId.of(text)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("ruleId"));
  }

  @Test
  void theWrittenOutCheckAgreesWithTheExpressionOnRandomTexts() {
    Gen<String> texts = lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 14)
        .map(RuleIdTest::spell);
    qt().withExamples(20_000).forAll(texts)
        .check(text -> RuleId.isWellFormed(text) == FORM.matcher(text).matches());
  }

  @Test
  void theWrittenOutCheckAgreesWithTheExpressionNearRealIds() {
    List<String> real = List.of("AREA-CLASS-L2-01", "AREA-REQ-02.3", "SM-AREA-MOD-T08", "A-01");
    Gen<String> edited = integers().between(0, real.size() - 1)
        .zip(integers().between(0, 40), integers().between(0, ALPHABET.length()), integers().between(0, 2),
            (which, at, by, how) -> edit(real.get(which), at, by, how));
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(20_000).forAll(edited).check(text -> {
      boolean expected = FORM.matcher(text).matches();
      (expected ? accepted : refused).incrementAndGet();
      return RuleId.isWellFormed(text) == expected;
    });
    // one edit of a real ID keeps it well formed or breaks it: the property saw both answers many times
    assertThat(accepted.get()).isGreaterThan(1_000);
    assertThat(refused.get()).isGreaterThan(1_000);
  }

  private static String spell(List<Integer> indexes) {
    StringBuilder b = new StringBuilder();
    indexes.forEach(i -> b.append(ALPHABET.charAt(i)));
    return b.toString();
  }

  /** Replaces, inserts or deletes one character of {@code id} at {@code at} (modulo its length). */
  private static String edit(String id, int at, int by, int how) {
    int i = at % (id.length() + 1);
    String c = by == ALPHABET.length() ? "" : String.valueOf(ALPHABET.charAt(by));
    switch (how) {
      case 0:
        return id.substring(0, i) + c + id.substring(i);
      case 1:
        return i == id.length() ? id : id.substring(0, i) + c + id.substring(i + 1);
      default:
        return i == id.length() ? id : id.substring(0, i) + id.substring(i + 1);
    }
  }
}
