package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link FaultFacts} is built without Immutables' initialization shim ({@code unsafeDefaultAndDerived}): every
 * default still reads as the value the abstract class declares (its own method body, called on the built value),
 * every value set reads back, the derived {@code csComplaintLevelOrZero} is {@code csComplaintLevel().orElse(0)},
 * and a copy through {@code toBuilder()} is equal with the same hash. Over random snapshots setting a random subset
 * of the int and boolean defaults.
 */
class FaultFactsBuildPropertiesTest {
  /** The concrete int and boolean accessors FaultFacts declares and the implementation overrides: its defaults. */
  private static final List<Method> DEFAULTS = defaults();

  @Test
  void defaultsSetValuesAndTheDerivedLevelReadAsDeclared() throws Exception {
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ImmutableFaultFacts.class, MethodHandles.lookup());
    Map<Method, MethodHandle> declared = new HashMap<>();
    for (Method m : DEFAULTS) {
      declared.put(m, lookup.findSpecial(FaultFacts.class, m.getName(), MethodType.methodType(m.getReturnType()),
          ImmutableFaultFacts.class));
    }
    assertThat(DEFAULTS).as("defaults found").hasSizeGreaterThan(40);
    qt().withExamples(500).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(DEFAULTS.size() + 1))
        .checkAssert(r -> {
          try {
            FaultFacts.Builder b = FaultFacts.builder();
            Map<Method, Object> set = new HashMap<>();
            for (int i = 0; i < DEFAULTS.size(); i++) {
              Method m = DEFAULTS.get(i);
              int v = r.get(i);
              if (v % 3 != 0) {
                continue;
              }
              Object value = m.getReturnType() == int.class ? (Object) (v / 3 % 500) : (Object) (v / 3 % 2 == 0);
              FaultFacts.Builder.class.getMethod(m.getName(), m.getReturnType()).invoke(b, value);
              set.put(m, value);
            }
            int level = r.get(DEFAULTS.size()) % 6;
            if (level > 0) {
              b.csComplaintLevel(level);
            }
            FaultFacts facts = b.build();
            for (Method m : DEFAULTS) {
              Object expected = set.containsKey(m) ? set.get(m) : declared.get(m).invoke(facts);
              assertThat(m.invoke(facts)).as(m.getName()).isEqualTo(expected);
            }
            assertThat(facts.csComplaintLevelOrZero()).isEqualTo(level);
            FaultFacts copy = facts.toBuilder().build();
            assertThat(copy).isEqualTo(facts).hasSameHashCodeAs(facts);
            assertThat(copy.csComplaintLevelOrZero()).isEqualTo(level);
          } catch (Throwable e) {
            throw new AssertionError(e);
          }
        });
  }

  private static List<Method> defaults() {
    List<Method> out = new ArrayList<>();
    for (Method m : FaultFacts.class.getDeclaredMethods()) {
      boolean plain = m.getReturnType() == int.class || m.getReturnType() == boolean.class;
      if (plain && m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())
          && !Modifier.isAbstract(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && !m.getName().equals("csComplaintLevelOrZero") && overridden(m)) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  private static boolean overridden(Method m) {
    try {
      ImmutableFaultFacts.class.getDeclaredMethod(m.getName());
      FaultFacts.Builder.class.getMethod(m.getName(), m.getReturnType());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
