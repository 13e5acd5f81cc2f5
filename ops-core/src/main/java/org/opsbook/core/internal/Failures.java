package org.opsbook.core.internal;

import org.opsbook.core.Masking;

/**
 * Internal (not API): a failure as the library keeps it, in an outbox or timer row, an audit record or a log line:
 * its type and message, phone numbers masked, and at most {@link #MAX_LENGTH} characters of it. A gateway or a
 * reminder port is the host's code and may fail with anything, such as an SMS platform's whole error page; each
 * retry of a message during an outage appends one audit record, and the audit log is never pruned. Thread-safe
 * (stateless).
 */
public final class Failures {
  /** The most characters of a failure kept; the rest is counted. */
  public static final int MAX_LENGTH = 1_000;
  /** Read past the cut before masking, so that a phone number the cut goes through is masked whole. */
  private static final int MASK_MARGIN = 32;

  private Failures() {}

  /** Returns {@code SimpleName: message}, phone numbers masked, cut to {@link #MAX_LENGTH} characters. */
  public static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (text.length() <= MAX_LENGTH) {
      return Masking.phonesIn(text);
    }
    String masked = Masking.phonesIn(text.substring(0, MAX_LENGTH + MASK_MARGIN));
    int end = Math.min(MAX_LENGTH, masked.length());
    if (Character.isHighSurrogate(masked.charAt(end - 1))) {
      end--;
    }
    return masked.substring(0, end) + "… (" + (text.length() - end) + " characters more)";
  }
}
