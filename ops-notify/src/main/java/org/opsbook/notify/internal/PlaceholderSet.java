package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.regex.Pattern;
import org.opsbook.core.InvalidInputException;

/**
 * The placeholder names a family of templates may use, in a fixed order that gives each name a slot. A template is
 * compiled against one set, and an unknown name in its text is an error at load time (NOTIFY-TPL-00). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * PlaceholderSet names = PlaceholderSet.of("subject", "phenomenon", "eta");
 * }</pre>
 */
final class PlaceholderSet {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final ImmutableList<String> names;
  private final ImmutableMap<String, Integer> slots;

  private PlaceholderSet(List<String> names) {
    this.names = ImmutableList.copyOf(names);
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < names.size(); i++) {
      b.put(names.get(i), i);
    }
    this.slots = b.buildOrThrow();
  }

  /**
   * Returns the set of {@code names}, in that order.
   *
   * @throws InvalidInputException when a name is not an identifier or appears twice
   */
  public static PlaceholderSet of(String... names) {
    checkNotNull(names, "names");
    for (int i = 0; i < names.length; i++) {
      String n = checkNotNull(names[i], "names[%s]", i);
      if (!NAME.matcher(n).matches()) {
        throw new InvalidInputException("names[" + i + "]", "not a placeholder name (letters and digits): " + n);
      }
      for (int j = 0; j < i; j++) {
        if (names[j].equals(n)) {
          throw new InvalidInputException("names[" + i + "]", "duplicate placeholder name: " + n);
        }
      }
    }
    return new PlaceholderSet(List.of(names));
  }

  /** Returns the names in slot order. */
  public List<String> names() {
    return names;
  }

  /** Returns how many names the set holds. */
  public int size() {
    return names.size();
  }

  /** Returns true when {@code name} belongs to the set. */
  public boolean contains(String name) {
    return slots.containsKey(name);
  }

  /** Returns the slot of {@code name}, or {@code -1} when it is not in the set. */
  public int slotOf(String name) {
    Integer s = slots.get(name);
    return s == null ? -1 : s;
  }

  /** Returns the name in {@code slot}. */
  public String nameAt(int slot) {
    return names.get(slot);
  }

  @Override
  public String toString() {
    return "PlaceholderSet" + names;
  }
}
