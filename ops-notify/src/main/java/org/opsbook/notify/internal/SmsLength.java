package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The size of a text sent as SMS in UCS-2, the encoding every message with Chinese text uses: its length in
 * characters (UTF-16 code units, which is what UCS-2 SMS count; a character outside the Basic Multilingual Plane
 * counts twice) and its number of segments. One segment holds 70 characters; a longer text is sent as a
 * concatenated SMS whose parts hold 67 characters each, and a part never splits a surrogate pair.
 *
 * @param characters UTF-16 code units
 * @param segments SMS segments; 0 only for the empty text
 */
public record SmsLength(int characters, int segments) {
  /** Characters that fit in a single UCS-2 SMS. */
  public static final int SINGLE_SEGMENT = 70;
  /** Characters per part of a concatenated UCS-2 SMS (3 are taken by the concatenation header). */
  public static final int CONCATENATED_PART = 67;

  /** Measures {@code text}. */
  public static SmsLength of(String text) {
    checkNotNull(text, "text");
    int n = text.length();
    if (n <= SINGLE_SEGMENT) {
      return new SmsLength(n, n == 0 ? 0 : 1);
    }
    int segments = 0;
    int i = 0;
    while (i < n) {
      int end = Math.min(n, i + CONCATENATED_PART);
      if (end < n && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
      segments++;
      i = end;
    }
    return new SmsLength(n, segments);
  }
}
