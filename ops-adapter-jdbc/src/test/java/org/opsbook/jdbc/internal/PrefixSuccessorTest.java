package org.opsbook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The upper bound of a key-prefix scan on PostgreSQL: above every string with the prefix, in UTF-8 byte order. */
class PrefixSuccessorTest {
  private static int bytewise(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Strings of {@code min} to {@code max} code points, any but the surrogates (a string UTF-8 can encode, as a key's
   * prefix is): drawn so, rather than filtered, so that no seed runs out of examples.
   */
  private static Gen<String> texts(int min, int max) {
    int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
    return lists().of(integers().between(0, Character.MAX_CODE_POINT - surrogates)).ofSizeBetween(min, max)
        .map(cps -> cps.stream().mapToInt(cp -> cp >= Character.MIN_SURROGATE ? cp + surrogates : cp)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
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
    qt().forAll(texts(1, 6), texts(0, 6))
        .assuming((p, rest) -> JdbcWorkflowRepository.successor(p).isPresent())
        .check((p, rest) -> {
          Optional<String> above = JdbcWorkflowRepository.successor(p);
          return bytewise(p, p + rest) <= 0 && bytewise(p + rest, above.orElseThrow()) < 0;
        });
  }
}
