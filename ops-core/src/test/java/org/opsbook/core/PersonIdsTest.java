package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.core.memory.InMemoryDirectory;
import org.quicktheories.core.Gen;

/** One person, one ID: the canonical form of person IDs and the variants an attacker tries (DATAOP-MOD-14). */
class PersonIdsTest {

  @ParameterizedTest(name = "DATAOP-MOD-14 \"{0}\" is li")
  @ValueSource(strings = {"li", "Li", "LI", " li", "li ", "\tli\n", "\u00A0li\u3000", "\uFF4C\uFF49", "\uFF2C\uFF49",
      "\uD835\uDC25\uD835\uDC22"})
  void spellingsOfLiAreLi(String raw) {
    assertThat(PersonIds.canonical("reviewerId", raw)).isEqualTo("li");
    assertThat(Actor.of(raw).id()).isEqualTo("li");
  }

  @ParameterizedTest(name = "DATAOP-MOD-14 \"{0}\" is refused")
  @ValueSource(strings = {"li\u200B", "\u200Bli", "l\u200Ci", "l\u200Di", "\uFEFFli", "l\u00ADi", "l\u2060i",
      "l\u0456", "\u043Bi", "l\u03B9", "\u04CF\u0456", "\u0430\u0456", "l i", "l\u00A0i", "l\u3000i", "l\u0007i",
      "l\u0000i", "li\u20DD", "l\u3164i", "l\uE000i", "\u2800", "\u200B", "\u00A0", " ", "", "\uFEFF", "\u3164"})
  void invisibleControlWhiteSpaceAndLookAlikeIdsAreRefused(String raw) {
    assertThatThrownBy(() -> PersonIds.canonical("reviewerId", raw))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("reviewerId"));
    assertThatThrownBy(() -> Actor.of(raw)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("id"));
  }

  @Test
  void ordinaryIdsOfEveryKindAreKept() {
    for (String id : List.of("zhang.san", "wang_wu01", "张三", "zhang张三", "d-007", "ops@branch", "иван", "ελένη",
        "1008611")) {
      assertThat(PersonIds.canonical("id", id)).isEqualTo(id);
      assertThat(PersonIds.isCanonical(id)).isTrue();
    }
    assertThat(PersonIds.canonical("id", "Straße")).isEqualTo("strasse");
    assertThat(PersonIds.canonical("id", "\u0661\u0662\u0663")).isEqualTo("123");
    assertThat(PersonIds.isCanonical("Li")).isFalse();
    assertThat(PersonIds.isCanonical(null)).isFalse();
  }

  @Test
  void aNullIdIsRefusedNamingTheField() {
    assertThatThrownBy(() -> PersonIds.canonical("approverId", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("approverId: ");
  }

  @Test
  @DisplayName("DATAOP-MOD-14 the directory keys people by canonical ID and finds every spelling")
  void directoryFindsEverySpelling() {
    Person li = Person.builder().id(" Li").name("李四").build();
    InMemoryDirectory dir = InMemoryDirectory.of(List.of(li));
    assertThat(li.id()).isEqualTo("li");
    for (String raw : List.of("li", "LI", "\uFF4C\uFF49", " li ")) {
      assertThat(dir.find(raw)).contains(li);
    }
    assertThatThrownBy(() -> dir.find("l\u0456")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> InMemoryDirectory.of(List.of(li, Person.builder().id("LI").name("李五").build())))
        .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("李");
  }

  @Test
  void toStringsMaskTheIdAndName() {
    assertThat(Actor.of("zhangsan", Role.DATA_REVIEWER).toString()).contains("z*******")
        .doesNotContain("zhangsan");
    assertThat(Person.builder().id("zhangsan").name("张三").phone("138 0013 8000").build().toString())
        .doesNotContain("zhangsan").doesNotContain("张三").doesNotContain("0013");
  }

  // ---- property: generated variants of an ID are the same person or refused, never a second person ----

  private static final List<String> BASES = List.of("li", "zhang.san", "wangwu01", "chen_jie", "d007", "张三",
      "liu张");

  /** Latin letters and the Cyrillic or Greek letters that look like them. */
  private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(Map.entry('a', "\u0430\u03B1"),
      Map.entry('c', "\u0441\u03F2"), Map.entry('e', "\u0435\u03B5"), Map.entry('i', "\u0456\u03B9"),
      Map.entry('j', "\u0458\u03F3"), Map.entry('l', "\u04CF"), Map.entry('o', "\u043E\u03BF"),
      Map.entry('p', "\u0440\u03C1"), Map.entry('s', "\u0455"), Map.entry('u', "\u03C5"), Map.entry('w', "\u051D"),
      Map.entry('x', "\u0445\u03C7"), Map.entry('y', "\u0443"), Map.entry('h', "\u04BB"), Map.entry('n', "\u03B7"),
      Map.entry('g', "\u0261"), Map.entry('d', "\u0501"));

  private static final String[] INVISIBLES = {"\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060", "\u180E",
      "\u034F", "\uFE0F", "\u3164", "\uFFA0", "\u2800", "\u0007", "\u001F", "\u202E"};
  private static final String[] SPACES = {" ", "\t", "\u00A0", "\u2007", "\u202F", "\u3000", "\u2002", "\n"};

  /** One edit of a variant: kind and two random numbers picking where and what. */
  private record Edit(int kind, int where, int what) {}

  private static Gen<Edit> edits() {
    return integers().between(0, 6).zip(integers().between(0, 1000), integers().between(0, 1000), Edit::new);
  }

  static String apply(String id, Edit e) {
    StringBuilder b = new StringBuilder(id);
    int at = b.length() == 0 ? 0 : e.where() % b.length();
    switch (e.kind()) {
      case 0 -> { // case
        char c = b.charAt(at);
        b.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      }
      case 1 -> { // width
        char c = b.charAt(at);
        if (c > 0x20 && c < 0x7F) {
          b.setCharAt(at, (char) (c - 0x20 + 0xFF00));
        }
      }
      case 2 -> b.insert(0, SPACES[e.what() % SPACES.length]); // leading white space
      case 3 -> b.append(SPACES[e.what() % SPACES.length]); // trailing white space
      case 4 -> b.insert(e.where() % (b.length() + 1), INVISIBLES[e.what() % INVISIBLES.length]);
      case 5 -> { // look-alike
        String alikes = LOOK_ALIKES.get(Character.toLowerCase(b.charAt(at)));
        if (alikes != null) {
          b.setCharAt(at, alikes.charAt(e.what() % alikes.length()));
        }
      }
      default -> b.insert(1 + e.where() % Math.max(1, b.length() - 1), SPACES[e.what() % SPACES.length]); // inside
    }
    return b.toString();
  }

  @Test
  @DisplayName("DATAOP-MOD-14 generated variants (case, width, white space, invisibles, look-alikes): 0 bypasses")
  void variantsAreTheSamePersonOrRefused() {
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger same = new AtomicInteger();
    qt().withExamples(20_000).forAll(integers().between(0, BASES.size() - 1), lists().of(edits()).ofSizeBetween(1, 5))
        .checkAssert((which, edits) -> {
          String base = BASES.get(which);
          String variant = base;
          for (Edit e : edits) {
            variant = apply(variant, e);
          }
          String canonicalBase = PersonIds.canonical("id", base);
          try {
            String canon = PersonIds.canonical("reviewerId", variant);
            assertThat(canon).as("variant %s of %s", escape(variant), base).isEqualTo(canonicalBase);
            same.incrementAndGet();
          } catch (InvalidInputException e) {
            assertThat(e.field()).isEqualTo("reviewerId");
            refused.incrementAndGet();
          }
        });
    assertThat(refused.get()).isPositive();
    assertThat(same.get()).isPositive();
  }

  @Test
  void allWholeLookAlikeSpellingsAreRefused() {
    Set<String> whole = Set.of("\u04CF\u0456", "\u0455\u0430", "\u03BF\u03C1\u03B1");
    whole.forEach(w -> assertThatThrownBy(() -> PersonIds.canonical("id", w))
        .isInstanceOf(InvalidInputException.class));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.append(cp < 0x80 && cp >= 0x20 ? String.valueOf((char) cp)
        : String.format("\\u%04X", cp)));
    return b.toString();
  }
}
