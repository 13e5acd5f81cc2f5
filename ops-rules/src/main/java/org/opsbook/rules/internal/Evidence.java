package org.opsbook.rules.internal;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * How a workflow's audit entry writes what an event recorded: a flag only when set, and a set of names sorted, so
 * every workflow's evidence reads the same way.
 */
public final class Evidence {
  private Evidence() {}

  /** Puts {@code key = "true"} when {@code value} is set; an unset flag is left out. */
  public static void flag(SortedMap<String, String> evidence, String key, boolean value) {
    if (value) {
      evidence.put(key, "true");
    }
  }

  /** Puts the names of {@code values}, sorted, as {@code [A, B]}; an empty set is left out. */
  public static void names(SortedMap<String, String> evidence, String key, Set<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      evidence.put(key, new TreeSet<>(values.stream().map(Enum::name).toList()).toString());
    }
  }
}
