package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.memory.InMemoryDirectory;

/**
 * One person, one number: every spelling of a mobile number that a directory may hold, with a country code,
 * separators or the full-width digits a Chinese input method types, is the same number. The directory refuses it
 * under two IDs (so a person cannot review their own draft under a second ID, DATAOP-MOD-14), and a mass SMS goes to
 * it once.
 */
class PersonMobileNumberTest {
  /** Zero, the ASCII digits; then full-width, Arabic-Indic and Devanagari digits. */
  private static final int[] ZEROS = {'0', 0xFF10, 0x0660, 0x0966};
  private static final String[] PREFIXES = {"", "+86 ", "+86-", "0086 ", "86"};
  private static final String[] SEPARATORS = {"", " ", "-", "\u3000", "－"};

  private static String spelled(String digits, int script, int prefix, int separator) {
    StringBuilder out = new StringBuilder(PREFIXES[prefix]);
    for (int i = 0; i < digits.length(); i++) {
      if (i == 3 || i == 7) {
        out.append(SEPARATORS[separator]);
      }
      out.appendCodePoint(ZEROS[script] + digits.charAt(i) - '0');
    }
    return out.toString();
  }

  private static Person listed(String id, String phone) {
    return Person.builder().id(id).name("赵六").phone(phone).addRoles(Role.ROOM_MANAGER).build();
  }

  @Test
  @DisplayName("DATAOP-MOD-14 every spelling of a mobile number is that number, its digits in ASCII")
  void everySpellingOfANumberIsTheNumber() {
    qt().forAll(longs().between(13_000_000_000L, 19_999_999_999L), integers().between(0, ZEROS.length - 1),
            integers().between(0, PREFIXES.length - 1), integers().between(0, SEPARATORS.length - 1))
        .checkAssert((number, script, prefix, separator) -> {
          String digits = Long.toString(number);
          assertThat(listed("x", spelled(digits, script, prefix, separator)).mobileNumber()).contains(digits);
        });
  }

  @Test
  @DisplayName("DATAOP-MOD-14 a number listed again in full-width digits under a second ID is refused, naming phone")
  void aFullWidthSpellingUnderASecondIdIsRefused() {
    Person zhaoliu = listed("zhaoliu", "13800138006");
    Person alias = listed("zhaoliu2", "１３８－００１３－８００６");
    assertThatThrownBy(() -> InMemoryDirectory.of(List.of(zhaoliu, alias)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("phone");
          assertThat(e.getMessage()).contains("138****8006").doesNotContain("13800138006");
        });
    assertThat(InMemoryDirectory.of(List.of(zhaoliu)).withMobileNumber(alias.mobileNumber().orElseThrow()))
        .containsExactly(zhaoliu);
  }
}
