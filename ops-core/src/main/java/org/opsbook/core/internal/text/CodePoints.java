package org.opsbook.core.internal.text;

/**
 * Internal (not API): the code points an ID must not hold because a person cannot see them or because they break the
 * line an ID is written on: controls (line feed, carriage return, tab, escape), invisible and format characters
 * (zero-width space and joiners, the BOM, soft hyphen, the bidirectional overrides and isolates, Hangul fillers,
 * variation selectors), line and paragraph separators, and private-use, unassigned and lone surrogate code units. An ID
 * holding one could look like another ID, reorder the text around it, or start a forged line in a log. Shared by
 * {@link org.opsbook.core.PersonIds} and {@link org.opsbook.core.internal.InstanceIds}. Thread-safe (stateless).
 */
public final class CodePoints {
  private CodePoints() {}

  /** Returns what {@code cp} is, for an error message, when an ID must not hold it; null when it may. */
  public static String hidden(int cp) {
    if (isDefaultIgnorable(cp)) {
      return "an invisible character";
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
        return "a control character";
      case Character.FORMAT:
        return "an invisible character";
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return "a line break";
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
        return "an unassigned or private-use character";
      default:
        return null;
    }
  }

  /**
   * Returns {@code text} with every code point {@link #hidden} names written as a visible escape: {@code \n},
   * {@code \r}, {@code \t}, else {@code \}{@code uXXXX} ({@code \}{@code u{XXXXX}} above the basic plane). What is
   * returned is one line a person reads as it is stored: it cannot end a log line, start a forged one, or reorder the
   * text after it. Text with nothing to escape is returned as it is; escaping twice changes nothing more.
   */
  public static String escaped(String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (hidden(cp) != null) {
        return escapedFrom(text, i);
      }
      i += Character.charCount(cp);
    }
    return text;
  }

  private static String escapedFrom(String text, int start) {
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, start);
    for (int i = start; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (hidden(cp) == null) {
        out.appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format(java.util.Locale.ROOT, cp > 0xFFFF ? "\\u{%X}" : "\\u%04X", cp));
      }
    }
    return out.toString();
  }

  /** Returns {@code cp} as {@code U+XXXX}. */
  public static String name(int cp) {
    return String.format(java.util.Locale.ROOT, "U+%04X", cp);
  }

  /** Default-ignorable code points that are not of type FORMAT (fillers, selectors, blank Braille). */
  private static boolean isDefaultIgnorable(int cp) {
    return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0xE0000 && cp <= 0xE0FFF)
        || cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
  }
}
