package org.opsbook.core.internal;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.text.CodePoints;

/**
 * Internal (not API): the IDs a host gives the things it stores, faults, BUGs, complaint tickets, data operations and
 * cutovers. Storage keys each of them, and the audit streams that name them, in columns of bounded width; an ID that
 * does not fit is refused here, naming its field, before anything is decided or written, not by the database as a
 * storage error on the way. A new ID is also one line of text a person can read: it is shown on the dashboard, in
 * SMS and reminders, and written to logs, so it must not hold a control character, an invisible or bidirectional
 * character, a line break, a space other than U+0020, or white space at either end ({@link #checkNew}). Thread-safe
 * (stateless).
 */
public final class InstanceIds {
  /** The most characters an instance ID may have. */
  public static final int MAX_LENGTH = 128;

  private InstanceIds() {}

  /**
   * Returns {@code id} when it has at most {@link #MAX_LENGTH} characters. For an ID already stored: one a host
   * creates is checked by {@link #checkNew}.
   *
   * @throws InvalidInputException naming {@code field} when it is longer
   */
  public static String checkLength(String field, String id) {
    if (id != null && id.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "an ID has at most " + MAX_LENGTH + " characters, not " + id.length());
    }
    return id;
  }

  /**
   * Returns {@code id} when it may name a new fault or ticket: at most {@link #MAX_LENGTH} characters, none of them
   * hidden ({@link CodePoints#hidden}) or a space other than U+0020, and no white space at either end; so that two IDs
   * a person cannot tell apart are the same ID, and an ID cannot forge a line of a log. IDs stored before this check
   * still load.
   *
   * @throws InvalidInputException naming {@code field} and the offending code point and its index
   */
  public static String checkNew(String field, String id) {
    checkLength(field, id);
    if (id == null) {
      return null;
    }
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      String bad = CodePoints.hidden(cp);
      if (bad == null && cp != ' ' && Character.getType(cp) == Character.SPACE_SEPARATOR) {
        bad = "a space other than U+0020";
      }
      if (bad != null) {
        throw new InvalidInputException(field, "an ID must not contain " + bad + " (" + CodePoints.name(cp) + " at "
            + i + ")");
      }
      i += Character.charCount(cp);
    }
    if (!id.isEmpty() && (id.charAt(0) == ' ' || id.charAt(id.length() - 1) == ' ')) {
      throw new InvalidInputException(field, "an ID must not begin or end with a space");
    }
    return id;
  }
}
