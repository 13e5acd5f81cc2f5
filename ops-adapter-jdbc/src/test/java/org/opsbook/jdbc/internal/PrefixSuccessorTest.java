package org.opsbook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The upper bound of a key-prefix scan on PostgreSQL: above every string with the prefix, in UTF-8 byte order. */
class PrefixSuccessorTest {
  private static int bytewise(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** No unpaired surrogate: a string UTF-8 can encode (a key's prefix is one). */
  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
  }

  @Test
  void theSuccessorRaisesTheLastCodePoint() {
    assertThat(JdbcWorkflowRepository.successor("F-1/")).contains("F-10");
    assertThat(JdbcWorkflowRepository.successor("故障/")).contains("故障0");
    assertThat(JdbcWorkflowRepository.successor("a\uD7FF")).contains("a\uE000");
    assertThat(JdbcWorkflowRepository.successor("")).isEmpty();
    assertThat(JdbcWorkflowRepository.successor(new String(Character.toChars(Character.MAX_CODE_POINT))))
        .isEmpty();
  }

  @Test
  void everyStringWithThePrefixLiesBetweenThePrefixAndItsSuccessor() {
    qt().forAll(strings().allPossible().ofLengthBetween(1, 6), strings().allPossible().ofLengthBetween(0, 6))
        .assuming((p, rest) -> wellFormed(p) && wellFormed(rest) && JdbcWorkflowRepository.successor(p).isPresent())
        .check((p, rest) -> {
          Optional<String> above = JdbcWorkflowRepository.successor(p);
          return bytewise(p, p + rest) <= 0 && bytewise(p + rest, above.orElseThrow()) < 0;
        });
  }
}
