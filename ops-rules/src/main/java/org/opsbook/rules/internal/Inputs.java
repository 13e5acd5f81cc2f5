package org.opsbook.rules.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.core.InvalidInputException;

/** Checks of what a workflow event brings, written once for every declared workflow of the rules module. */
public final class Inputs {
  private Inputs() {}

  /** Returns true when {@code text} is absent or blank: what a guard that wants a text refuses. */
  public static boolean blank(Optional<String> text) {
    return text.isEmpty() || text.get().isBlank();
  }

  /**
   * Checks that an event's data holds only fields the event records.
   *
   * @param eventName the event, e.g. {@code passReview}
   * @param present the fields the data holds
   * @param recorded the fields the event records
   * @throws InvalidInputException naming {@code data.<field>} for the first field the event does not record
   */
  public static void onlyRecorded(String eventName, Set<String> present, Set<String> recorded) {
    for (String f : present) {
      if (!recorded.contains(f)) {
        throw new InvalidInputException("data." + f, eventName + " does not record " + f + "; it records "
            + new TreeSet<>(recorded));
      }
    }
  }
}
