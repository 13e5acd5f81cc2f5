package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/** Phone numbers, ID-card numbers and names are masked however they are written. */
class MaskingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "13800138000|138****8000",
      "138-0013-8000|138-****-8000",
      "138 0013 8000|138 **** 8000",
      "138.0013.8000|138.****.8000",
      "+86 138 0013 8000|+86 1** **** 8000",
      "+86-13800138000|+86-1******8000",
      "\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10|\uFF11\uFF13\uFF18****\uFF18\uFF10\uFF10\uFF10",
      "138\u200B0013\u200B8000|138\u200B****\u200B8000",
      "(010) 1234-5678|(010) ****-5678",
      "11010519491231002X|110***********002X",
      "110105194912310021|110***********0021",
      "110105 19491231 002x|110*** ******** 002x",
      "110105491231002|110********1002",
      "号码13912345678投诉|号码139****5678投诉"})
  void everyFormatIsMasked(String clear, String masked) {
    assertThat(Masking.phonesIn(clear)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "138\uFF0C0013\uFF0C8000|138\uFF0C****\uFF0C8000",
      "号码：138，0013，8000。|号码：138，****，8000。",
      "138,0013,8000|138,****,8000",
      "138, 0013, 8000|138, ****, 8000",
      "138+0013+8000|138+****+8000",
      "+86+138+0013+8000|+86+138+****+8000",
      "+86 138,0013,8000|+86 1**,****,8000",
      "to 13800138000,13900139000|to 138****8000,139****9000",
      "12,138,0013,8000|12,138,****,8000",
      "138-0013,8000|138-****,8000",
      "138  -  0013  -  8000|138  -  ****  -  8000",
      "138    0013    8000|138    ****    8000",
      "138 \u3000 0013 \u3000 8000|138 \u3000 **** \u3000 8000"})
  void aMobileNumberJoinedByCommasPlusOrSpacedSeparatorsIsMasked(String clear, String masked) {
    assertThat(Masking.phonesIn(clear)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0} is kept")
  @CsvSource(delimiter = '|', value = {"2026-12-04 15:06:51", "2026-12-04T15:06:51+08:00", "recordCount 1200",
      "2026/12/4 and 1999.01.31", "DATAOP-MOD-14", "v1.2.3", "123456", "none", "amount 1,234,567",
      "amount 13,800,138,000", "1, 2, 3, 4, 5, 6, 7", "years 2024,2025,2026", "2026-12-04 15:06:51,123 INFO",
      "2026-12-04, 2026-12-05", "retries 100, 200, 400, 800", "3+4+5+6+7+8+9", "12     345     67"})
  void datesAndShortNumbersAreKept(String text) {
    assertThat(Masking.phonesIn(text)).isEqualTo(text);
  }

  @Test
  void onePhoneValueIsMaskedByItsDigits() {
    assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
    assertThat(Masking.phone("+86 138 0013 8000")).isEqualTo("+86 1** **** 8000");
    assertThat(Masking.phone("12345")).isEqualTo("***45");
    assertThat(Masking.phone("abc")).isEqualTo("***");
    assertThat(Masking.phone(null)).isNull();
    assertThat(Masking.phonesIn(null)).isNull();
  }

  @Test
  void aDirectorysNamesAreMaskedInFreeText() {
    Masking.Names names = Masking.names(List.of("张三丰", "张三", "李四", "王", "Zhang San"));
    assertThat(names.mask("张三丰和张三通知李四, 王总 Zhang San 138-0013-8000"))
        .isEqualTo("张**和张*通知李*, 王总 Z******** 138-****-8000");
    assertThat(names.mask(null)).isNull();
    assertThat(Masking.names(List.of()).mask("李四 13800138000")).isEqualTo("李四 138****8000");
  }

  // ---- property: generated formats of generated numbers are never left in clear ----

  /** How a number is written: grouping, separator, prefix, digit width, surrounding text. */
  private record Format(int grouping, int separator, int prefix, boolean fullWidth, int context) {}

  private static final int[][] GROUPINGS = {{11}, {3, 4, 4}, {3, 3, 5}, {4, 4, 3}, {3, 8}, {7, 4}};
  private static final int[][] ID_GROUPINGS = {{18}, {6, 8, 4}, {6, 4, 4, 4}, {3, 3, 4, 4, 4}};
  private static final String[] SEPARATORS = {"", "-", " ", ".", "\u00A0", "\u3000", "\uFF0D", " - ", "\u200B",
      "/", "\u2009", "\u2013"};
  private static final String[] PREFIXES = {"", "+86 ", "+86-", "86 ", "0086 ", "(+86) ", "\uFF0B86 "};
  private static final String[] CONTEXTS = {"%s", "号码%s投诉", "call %s.", "用户%s,", "[%s]", "tel:%s;", "\"%s\"",
      "2026-12-04 %s", "%s 2026-12-04", "ID %s end"};

  private static Gen<Format> formats() {
    return integers().between(0, 99).zip(integers().between(0, SEPARATORS.length - 1),
        integers().between(0, PREFIXES.length - 1), integers().between(0, 1),
        (g, s, p, w) -> new int[] {g, s, p, w}).zip(integers().between(0, CONTEXTS.length - 1),
            (a, c) -> new Format(a[0], a[1], a[2], a[3] == 1, c));
  }

  private static String write(String digits, int[] groups, String sep, boolean fullWidth) {
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (int g = 0; g < groups.length; g++) {
      if (g > 0) {
        b.append(sep);
      }
      for (int k = 0; k < groups[g]; k++) {
        char c = digits.charAt(at++);
        b.append(fullWidth && c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c);
      }
    }
    return b.toString();
  }

  /** The digits (as ASCII) and X of a text, in order. */
  private static String digitsOf(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (Character.isDigit(cp)) {
        b.append(Character.digit(cp, 10));
      } else if (cp == 'X' || cp == 'x') {
        b.append('X');
      }
    });
    return b.toString();
  }

  @Test
  @DisplayName("generated phone and ID-card formats: 0 unmasked numbers")
  void generatedFormatsAreNeverLeftInClear() {
    AtomicInteger checked = new AtomicInteger();
    qt().withExamples(20_000).forAll(formats(), lists().of(integers().between(0, 9)).ofSize(18),
            integers().between(0, 1))
        .checkAssert((f, ds, idCard) -> {
          StringBuilder d = new StringBuilder();
          ds.forEach(d::append);
          String number;
          String digits;
          if (idCard == 1) {
            digits = d.substring(0, 17) + (ds.get(17) == 0 ? "X" : String.valueOf(ds.get(17)));
            number = write(digits, ID_GROUPINGS[f.grouping() % ID_GROUPINGS.length], SEPARATORS[f.separator()],
                f.fullWidth());
          } else {
            digits = "1" + d.substring(0, 10);
            number = PREFIXES[f.prefix()] + write(digits, GROUPINGS[f.grouping() % GROUPINGS.length],
                SEPARATORS[f.separator()], f.fullWidth());
          }
          String text = String.format(CONTEXTS[f.context()], number);
          String masked = maskedHidingAllButSeven(text, digits);
          assertThat(masked.chars().filter(c -> c == '*').count()).as("%s -> %s", text, masked)
              .isGreaterThanOrEqualTo(digits.length() - 7);
          checked.incrementAndGet();
        });
    assertThat(checked.get()).isGreaterThan(10_000);
  }

  /**
   * Masks {@code text}, which holds the number {@code digits}, and checks that at most its first three and last four
   * digits remain, that the date beside it is kept, and that the length is unchanged; returns the masked text.
   */
  private static String maskedHidingAllButSeven(String text, String digits) {
    String masked = Masking.phonesIn(text);
    int hidden = digits.length() - 7;
    assertThat(digitsOf(masked).length()).as("%s -> %s", text, masked)
        .isLessThanOrEqualTo(digitsOf(text).length() - hidden);
    if (text.contains("2026-12-04")) {
      assertThat(masked).contains("2026-12-04");
    }
    assertThat(masked.length()).isEqualTo(text.length());
    return masked;
  }

  /** What writes the groups of a mobile number where a person types a list: commas and +, ASCII or wide. */
  private static final String[] LIST_SEPARATORS = {",", ", ", "\uFF0C", "+", "\uFF0B", " , ", "  -  ", "    "};

  @Test
  @DisplayName("generated mobile numbers grouped by commas, + or spaced separators: 0 unmasked numbers")
  void generatedMobileNumbersJoinedByCommasOrPlusAreNeverLeftInClear() {
    AtomicInteger checked = new AtomicInteger();
    qt().withExamples(10_000).forAll(formats(), lists().of(integers().between(0, 9)).ofSize(10),
            integers().between(0, LIST_SEPARATORS.length - 1))
        .checkAssert((f, ds, s) -> {
          StringBuilder d = new StringBuilder("1").append(3 + ds.get(0) % 7);
          ds.subList(1, 10).forEach(d::append);
          String digits = d.toString();
          String number = PREFIXES[f.prefix()] + write(digits, GROUPINGS[f.grouping() % GROUPINGS.length],
              LIST_SEPARATORS[s], f.fullWidth());
          maskedHidingAllButSeven(String.format(CONTEXTS[f.context()], number), digits);
          checked.incrementAndGet();
        });
    assertThat(checked.get()).isGreaterThan(5_000);
  }

  @Test
  void maskingIsLinearOnHostileText() {
    // long runs of separators and digits that never make a number, and one long number: one pass each
    String hostile = "1 ".repeat(200_000) + "-".repeat(200_000) + "9".repeat(200_000);
    String masked = Masking.phonesIn(hostile);
    assertThat(masked).hasSize(hostile.length()).endsWith("9999").contains("****");
  }

  @Test
  void databaseMessagesLoseTheirQuotedValues() {
    assertThat(Masking.databaseMessage("Unique index or primary key violation: \"PUBLIC.PK ON PUBLIC.T(ID) VALUES "
        + "( /* 1 */ '13800138000', '张三' )\"; SQL statement: insert into t values (?, ?) [23505-232]"))
        .doesNotContain("13800138000").doesNotContain("张三").contains("PUBLIC.PK ON PUBLIC.T(ID) VALUES (***)").endsWith("[23505-232]");
    assertThat(Masking.databaseMessage("ERROR: duplicate key value violates unique constraint \"pk\"\n"
        + "  Detail: Key (id)=(李四 138 0013 8000) already exists."))
        .isEqualTo("ERROR: duplicate key value violates unique constraint \"pk\"\n  Detail: Key (id)=(***) already "
            + "exists.");
    assertThat(Masking.databaseMessage("Failing row contains (1, it''s 张三).")).isEqualTo("Failing row contains (***).");
    assertThat(Masking.databaseMessage(null)).isNull();
  }

  @Test
  void errorsMaskTheNumbersTheyQuote() {
    InvalidInputException e = new InvalidInputException("phone", "not a mobile number: 138 0013 8000");
    assertThat(e.getMessage()).isEqualTo("phone: not a mobile number: 138 **** 8000");
    assertThat(e.reason()).doesNotContain("0013");
    StorageException s = new StorageException("append", "13800138000", false,
        new IllegalStateException("VALUES ('13900139000')"));
    assertThat(s.getMessage()).isEqualTo("append [138****8000] failed: VALUES (***)");
  }
}
