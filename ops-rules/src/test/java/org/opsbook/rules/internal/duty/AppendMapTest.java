package org.opsbook.rules.internal.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The versions of an append-only map: each sees its own entries, appends on the newest copy nothing. */
class AppendMapTest {
  @Test
  @DisplayName("FAULT-CLASS-DEF-07 appending to the newest version shares the log; older versions keep what they saw")
  void versionsShareOneLog() {
    AppendMap<String, Integer> empty = AppendMap.empty();
    long copies = AppendMap.copies();
    AppendMap<String, Integer> one = empty.with("a", 1);
    AppendMap<String, Integer> two = one.with("b", 2);
    AppendMap<String, Integer> three = two.with("c", 3);
    assertThat(AppendMap.copies()).isEqualTo(copies);
    assertThat(empty).isEmpty();
    assertThat(one).containsExactly(Map.entry("a", 1));
    assertThat(two).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    assertThat(three).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
    assertThat(one.get("b")).isNull();
    assertThat(one.containsKey("c")).isFalse();
    assertThat(two.with("b", 2)).isSameAs(two);
    assertThat(two.withIfAbsent("a", 9)).isSameAs(two);
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-07 a branch from an older version or a replaced value copies, and changes no other version")
  void branchesAndReplacementsCopy() {
    AppendMap<String, Integer> two = AppendMap.<String, Integer>empty().with("a", 1).with("b", 2);
    AppendMap<String, Integer> three = two.with("c", 3);
    long copies = AppendMap.copies();
    AppendMap<String, Integer> branch = two.with("d", 4);
    AppendMap<String, Integer> replaced = three.with("a", 7);
    assertThat(AppendMap.copies()).isEqualTo(copies + 2);
    assertThat(branch).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("d", 4));
    assertThat(replaced).containsExactly(Map.entry("a", 7), Map.entry("b", 2), Map.entry("c", 3));
    assertThat(three).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
    assertThat(two).isEqualTo(new LinkedHashMap<>(Map.of("a", 1, "b", 2)));
    assertThatThrownBy(() -> three.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
