package org.opsbook.core.internal;

import java.util.Optional;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.PersonIds;

/**
 * Internal (not API): canonical person IDs in the workflows' event data, and the people they name. A value that is
 * blank in the Java sense is left as given, for the workflow's own "who is required" rule to name; every other value
 * is made canonical by {@link PersonIds#canonical} or refused naming the field.
 */
public final class EventIds {
  private EventIds() {}

  /** Returns {@code raw} canonical, or as given when empty or blank. */
  public static Optional<String> canonical(String field, Optional<String> raw) {
    return raw.map(v -> v.isBlank() ? v : PersonIds.canonical(field, v));
  }

  /**
   * Returns the person an event data's field names, as {@code people} (a host's directory) knows them.
   *
   * @throws InvalidInputException naming {@code data.<field>} when {@code people} does not know the ID
   */
  public static Actor known(Function<String, Actor> people, String id, String field) {
    try {
      return people.apply(id);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("data." + field, e.getMessage());
    }
  }

  /** Returns true when {@code raw} is empty, blank or already canonical. */
  public static boolean isCanonical(Optional<String> raw) {
    return raw.isEmpty() || raw.get().isBlank() || PersonIds.isCanonical(raw.get());
  }
}
