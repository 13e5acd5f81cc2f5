package org.opsbook.core.internal;

import java.util.Optional;
import org.opsbook.core.PersonIds;

/**
 * Internal (not API): canonical person IDs in the workflows' event data. A value that is blank in the Java sense is
 * left as given, for the workflow's own "who is required" rule to name; every other value is made canonical by
 * {@link PersonIds#canonical} or refused naming the field.
 */
public final class EventIds {
  private EventIds() {}

  /** Returns {@code raw} canonical, or as given when empty or blank. */
  public static Optional<String> canonical(String field, Optional<String> raw) {
    return raw.map(v -> v.isBlank() ? v : PersonIds.canonical(field, v));
  }

  /** Returns true when {@code raw} is empty, blank or already canonical. */
  public static boolean isCanonical(Optional<String> raw) {
    return raw.isEmpty() || raw.get().isBlank() || PersonIds.isCanonical(raw.get());
  }
}
