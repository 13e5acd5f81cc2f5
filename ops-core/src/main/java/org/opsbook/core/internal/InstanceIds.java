package org.opsbook.core.internal;

import org.opsbook.core.InvalidInputException;

/**
 * Internal (not API): the length of the IDs a host gives the things it stores, faults, BUGs, complaint tickets, data
 * operations and cutovers. Storage keys each of them, and the audit streams that name them, in columns of bounded
 * width; an ID that does not fit is refused here, naming its field, before anything is decided or written, not by the
 * database as a storage error on the way. Thread-safe (stateless).
 */
public final class InstanceIds {
  /** The most characters an instance ID may have. */
  public static final int MAX_LENGTH = 128;

  private InstanceIds() {}

  /**
   * Returns {@code id} when it has at most {@link #MAX_LENGTH} characters.
   *
   * @throws InvalidInputException naming {@code field} when it is longer
   */
  public static String checkLength(String field, String id) {
    if (id != null && id.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "an ID has at most " + MAX_LENGTH + " characters, not " + id.length());
    }
    return id;
  }
}
