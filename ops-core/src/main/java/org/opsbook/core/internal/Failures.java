package org.opsbook.core.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.opsbook.core.Masking;

/**
 * Internal (not API): a failure as the library keeps it, in an outbox or timer row, an audit record or a log line:
 * its type and message, phone numbers (and, where the caller knows them, people's names) masked, and at most
 * {@link #MAX_LENGTH} characters of it. A gateway or a reminder port is the host's code and may fail with anything,
 * such as an SMS platform's whole error page; each retry of a message during an outage appends one audit record, and
 * the audit log is never pruned. Thread-safe (stateless).
 */
public final class Failures {
  /** The most characters of a failure kept; the rest is counted. */
  public static final int MAX_LENGTH = 1_000;
  /** Read past the cut before masking, so that a phone number the cut goes through is masked whole. */
  private static final int MASK_MARGIN = 32;

  /** Masks phone and ID-card numbers alone. */
  private static final Masking.Names NO_NAMES = Masking.names(List.of());

  private Failures() {}

  /** Returns {@code SimpleName: message}, phone numbers masked, cut to {@link #MAX_LENGTH} characters. */
  public static String describe(Throwable e) {
    return describe(e, NO_NAMES);
  }

  /**
   * Returns {@code SimpleName: message}, phone and ID-card numbers and the {@code names} masked
   * ({@link Masking.Names#mask}), cut to {@link #MAX_LENGTH} characters. A host's gateway quotes whom it failed to
   * reach: {@code names} holds the names (and IDs) of the directory's people.
   */
  public static String describe(Throwable e, Masking.Names names) {
    checkNotNull(names, "names");
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (text.length() <= MAX_LENGTH) {
      return names.mask(text);
    }
    String masked = names.mask(text.substring(0, MAX_LENGTH + MASK_MARGIN));
    int end = Math.min(MAX_LENGTH, masked.length());
    if (Character.isHighSurrogate(masked.charAt(end - 1))) {
      end--;
    }
    return masked.substring(0, end) + "… (" + (text.length() - end) + " characters more)";
  }
}
