package org.opsbook.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks personal data (phone numbers, ID-card numbers, names) for logs, errors and exports. Every {@code toString()}
 * of a type that holds personal data goes through here; only a caller with the right sees the clear values.
 *
 * <p>{@link #phonesIn} finds numbers however they are written: {@code 13800138000}, {@code 138-0013-8000},
 * {@code 138 0013 8000}, {@code 138  -  0013  -  8000}, {@code 138.0013.8000}, {@code +86 138 0013 8000}, full-width
 * {@code １３８００１３８０００}, digits split by invisible characters, a mobile number whose groups are joined by commas
 * or {@code +} ({@code 138，0013，8000}, {@code 138,0013,8000}, {@code 138+0013+8000}), landlines such as
 * {@code 010-12345678}, and 15- or 18-digit ID-card numbers whose last character may be {@code X}. A calendar date
 * ({@code 2026-12-04}, {@code 2026/12/4}) is left as it is, and so are amounts and lists joined by commas
 * ({@code 13,800,138,000}, {@code 1, 2, 3, 4, 5, 6, 7}) that do not write a mobile number.
 * It scans once, left to right, without regular expressions: linear in the text's length.
 *
 * <p>{@link #names(Collection)} adds the names of a directory's people to what is masked in free text.
 */
public final class Masking {
  private Masking() {}

  /** The fewest digits in a run that is masked as a number. */
  private static final int MIN_DIGITS = 7;
  /** From this many digits on, the first three and last four are kept; below it, only the last two. */
  private static final int LONG_DIGITS = 11;
  /**
   * The most separators between two digit groups of one number ({@code " - "}); a run of spaces counts as one
   * ({@code "138  -  0013"}).
   */
  private static final int MAX_SEPARATORS = 3;
  /** The most spaces in a row that count as one separator. */
  private static final int MAX_SPACES = 4;
  /** The digits of a mainland mobile number, {@code 13x} to {@code 19x}. */
  private static final int MOBILE_DIGITS = 11;
  /** The fewest digits of each group of a mobile number written with commas or {@code +} ({@code 138,0013,8000}). */
  private static final int MIN_LISTED_GROUP = 3;

  /**
   * Masks one phone or ID-card number: its digits (and a final {@code X}) are replaced by {@code *}, except the first
   * three and last four of a number of 11 digits or more, or the last two of a shorter one; other characters are
   * kept. {@code 13800138000 → 138****8000}, {@code 138-0013-8000 → 138-****-8000}.
   *
   * @param phone the number, may be null
   * @return the masked number, {@code null} for {@code null}
   */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    int digits = 0;
    for (int i = 0; i < phone.length(); ) {
      int cp = phone.codePointAt(i);
      if (isDigit(cp) || isCheckLetter(cp)) {
        digits++;
      }
      i += Character.charCount(cp);
    }
    if (digits == 0) {
      return "*".repeat(phone.codePointCount(0, phone.length()));
    }
    StringBuilder out = new StringBuilder(phone.length());
    maskNumber(phone, 0, phone.length(), digits, out);
    return out.toString();
  }

  /**
   * Masks a person's name, keeping its first character: {@code 张三 → 张*}, {@code zhangsan → z*******}.
   *
   * @param name the name, may be null
   * @return the masked name, {@code null} for {@code null}
   */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
  }

  /**
   * Masks every phone or ID-card number in free text, as {@link #phone} masks one: a run of at least seven digits of
   * any script, possibly split into groups by up to three spaces, dashes, dots, slashes, parentheses or invisible
   * characters (up to four spaces in a row count as one), with a leading {@code +} and a trailing ID-card {@code X}.
   * {@code 号码13912345678投诉 → 号码139****5678投诉}. Commas and {@code +} join the groups of a mobile number only
   * ({@code 138，0013，8000 → 138，****，8000}): 11 digits starting {@code 13} to {@code 19}, perhaps after {@code 86},
   * in groups of three digits or more and not grouped by thousands; other numbers they join are masked one by one.
   *
   * @param text the text, may be null
   * @return the text with numbers masked
   */
  public static String phonesIn(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int date = dateEnd(text, i);
      if (date > 0) {
        i = date;
        continue;
      }
      Run first = run(text, i);
      int next = jointEnd(text, first.end(), true);
      if (next < 0) {
        // one number alone, the common case
        if (first.digits() >= MIN_DIGITS) {
          out = out == null ? new StringBuilder(n) : out;
          out.append(text, copied, first.start());
          maskNumber(text, first.start(), first.end(), first.digits(), out);
          copied = first.end();
        }
        i = first.end();
        continue;
      }
      // numbers joined by commas or +: a list of numbers, or one mobile number written with commas
      List<Run> runs = new ArrayList<>();
      runs.add(first);
      while (next >= 0) {
        Run r = run(text, next);
        runs.add(r);
        next = jointEnd(text, r.end(), true);
      }
      for (int r = 0; r < runs.size(); ) {
        // a mobile number's groups are masked as one number (11 digits or more), any other number on its own
        int last = Math.max(r, mobileEnd(text, runs, r));
        int digits = 0;
        for (int k = r; k <= last; k++) {
          digits += runs.get(k).digits();
        }
        if (digits >= MIN_DIGITS) {
          out = out == null ? new StringBuilder(n) : out;
          out.append(text, copied, runs.get(r).start());
          maskNumber(text, runs.get(r).start(), runs.get(last).end(), digits, out);
          copied = runs.get(last).end();
        }
        r = last + 1;
      }
      i = runs.get(runs.size() - 1).end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  /**
   * Returns a masking that also masks these people's names wherever they appear in free text, e.g. the names of a
   * directory ({@link org.opsbook.core.memory.InMemoryDirectory#masking()}). Names shorter than two characters are
   * ignored (they would mask ordinary words).
   *
   * @param names the names, in clear
   * @return the masking
   */
  public static Names names(Collection<String> names) {
    return new Names(names);
  }

  /**
   * Masks phone and ID-card numbers and a known set of names in free text. Immutable and thread-safe; matching is
   * linear in the text's length times the names that share a first character.
   */
  public static final class Names {
    private final Map<Integer, List<String>> byFirst = new HashMap<>();

    private Names(Collection<String> names) {
      for (String name : names) {
        String s = name == null ? "" : name.strip();
        if (s.codePointCount(0, s.length()) < 2) {
          continue;
        }
        List<String> list = byFirst.computeIfAbsent(s.codePointAt(0), k -> new ArrayList<>());
        if (!list.contains(s)) {
          list.add(s);
        }
      }
      byFirst.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
    }

    /**
     * Returns {@code text} with every known name masked as {@link Masking#name} masks it and every number masked as
     * {@link Masking#phonesIn} masks it.
     *
     * @param text the text, may be null
     * @return the masked text
     */
    public String mask(String text) {
      if (text == null || byFirst.isEmpty()) {
        return phonesIn(text);
      }
      StringBuilder out = new StringBuilder(text.length());
      int i = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        String hit = null;
        List<String> candidates = byFirst.get(cp);
        if (candidates != null) {
          for (String c : candidates) {
            if (text.startsWith(c, i)) {
              hit = c;
              break;
            }
          }
        }
        if (hit != null) {
          out.append(name(hit));
          i += hit.length();
        } else {
          out.appendCodePoint(cp);
          i += Character.charCount(cp);
        }
      }
      return phonesIn(out.toString());
    }
  }

  /**
   * Masks a database error message, which quotes the offending row's values (H2: {@code VALUES ( '13800138000' )},
   * PostgreSQL: {@code Key (id)=(…)}, {@code Failing row contains (…)}): single-quoted literals and the parenthesised
   * lists after {@code =}, {@code contains} or {@code VALUES} become {@code ***}; phone and ID-card numbers are masked
   * in what remains. Linear in the message's length.
   *
   * @param message the message, may be null
   * @return the masked message, {@code null} for {@code null}
   */
  public static String databaseMessage(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(message.length());
    int n = message.length();
    int i = 0;
    while (i < n) {
      char c = message.charAt(i);
      if (c == '\'') {
        int end = i + 1;
        while (end < n) {
          if (message.charAt(end) == '\'' && end + 1 < n && message.charAt(end + 1) == '\'') {
            end += 2;
            continue;
          }
          if (message.charAt(end) == '\'') {
            break;
          }
          end++;
        }
        out.append("'***'");
        i = Math.min(n, end + 1);
      } else if (c == '(' && valueListFollows(out)) {
        int depth = 1;
        int end = i + 1;
        while (end < n && depth > 0) {
          char d = message.charAt(end);
          depth += d == '(' ? 1 : d == ')' ? -1 : 0;
          end++;
        }
        out.append("(***)");
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    // H2 ends its messages with "[<SQL state>-<build>]": keep that code readable
    String masked = out.toString();
    int open = masked.lastIndexOf('[');
    if (open >= 0 && masked.length() - open <= 16 && masked.indexOf(']', open) > open
        && masked.substring(open + 1, masked.indexOf(']', open)).matches("[0-9A-Z]{5}-[0-9]{1,4}")) {
      return phonesIn(masked.substring(0, open)) + masked.substring(open);
    }
    return phonesIn(masked);
  }

  private static boolean valueListFollows(StringBuilder before) {
    int k = before.length();
    while (k > 0 && before.charAt(k - 1) == ' ') {
      k--;
    }
    String head = before.substring(0, k);
    return head.endsWith("=") || head.endsWith("contains") || head.endsWith("VALUES") || head.endsWith("values");
  }

  /** Appends {@code text[start, end)} with its digits masked; {@code digits} counts them (and a final X). */
  private static void maskNumber(String text, int start, int end, int digits, StringBuilder out) {
    int keepHead = digits >= LONG_DIGITS ? 3 : 0;
    int keepTail = digits >= LONG_DIGITS ? 4 : 2;
    int seen = 0;
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (isDigit(cp) || isCheckLetter(cp)) {
        boolean keep = seen < keepHead || seen >= digits - keepTail;
        if (keep) {
          out.appendCodePoint(cp);
        } else {
          out.append('*');
        }
        seen++;
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
  }

  /** A number in free text, {@code text[start, end)}: digit groups joined by short runs of separators. */
  private record Run(int start, int end, int digits) {}

  /** Scans the number that begins with the digit at {@code start}; its digits count a final ID-card X. */
  private static Run run(String text, int start) {
    int n = text.length();
    int end = start;
    int digits = 0;
    int j = start;
    while (j < n) {
      int c = text.codePointAt(j);
      if (isDigit(c)) {
        digits++;
        j += Character.charCount(c);
        end = j;
        continue;
      }
      if (isCheckLetter(c) && digits >= 14) {
        digits++;
        end = j + Character.charCount(c);
        break;
      }
      int k = jointEnd(text, j, false);
      if (k < 0) {
        break;
      }
      j = k;
    }
    return new Run(start, end, digits);
  }

  /**
   * Returns the end of the separators at {@code from} that join two digit groups, or -1: at least one and at most
   * {@link #MAX_SEPARATORS} of them (up to {@link #MAX_SPACES} spaces in a row count as one), followed by a digit that
   * does not begin a date. Within a number ({@code listed} false) none may be a comma or {@code +}; between two
   * numbers of a list ({@code listed} true) exactly one must.
   */
  private static int jointEnd(String text, int from, boolean listed) {
    int n = text.length();
    int k = from;
    int units = 0;
    int commas = 0;
    while (k < n) {
      int c = text.codePointAt(k);
      if (isSpace(c)) {
        int spaces = 0;
        while (k < n && isSpace(text.codePointAt(k))) {
          if (++spaces > MAX_SPACES) {
            return -1;
          }
          k += Character.charCount(text.codePointAt(k));
        }
      } else if (isSeparator(c) || listed && isListSeparator(c)) {
        commas += isListSeparator(c) ? 1 : 0;
        k += Character.charCount(c);
      } else {
        break;
      }
      if (++units > MAX_SEPARATORS) {
        return -1;
      }
    }
    if (units == 0 || k >= n || !isDigit(text.codePointAt(k)) || dateEnd(text, k) > 0) {
      return -1;
    }
    return listed && commas != 1 ? -1 : k;
  }

  /**
   * Returns the index of the last of the numbers {@code runs[from..]} that together write one mobile number with
   * commas or {@code +} between its groups ({@code 138,0013,8000}), or -1: 11 digits starting {@code 13} to
   * {@code 19}, after the country code {@code 86} or {@code 0086} if the first group holds it, in groups of at least
   * three digits and not grouped by thousands ({@code 13,800,138,000} is an amount).
   */
  private static int mobileEnd(String text, List<Run> runs, int from) {
    StringBuilder head = new StringBuilder(6);
    for (int r = from; r < runs.size() && head.length() < 6; r++) {
      Run run = runs.get(r);
      for (int k = run.start(); k < run.end() && head.length() < 6; ) {
        int cp = text.codePointAt(k);
        if (isDigit(cp)) {
          head.append((char) ('0' + Character.digit(cp, 10)));
        }
        k += Character.charCount(cp);
      }
    }
    String digits = head.toString();
    int code = digits.startsWith("0086") ? 4 : digits.startsWith("86") ? 2 : 0;
    if (!isMobileStart(digits, code)) {
      code = 0;
      if (!isMobileStart(digits, 0)) {
        return -1;
      }
    }
    int total = 0;
    boolean thousands = runs.get(from).digits() <= 3;
    for (int r = from; r < runs.size(); r++) {
      int d = runs.get(r).digits();
      if (d < MIN_LISTED_GROUP || (code > 0 && r == from && d <= code)) {
        return -1;
      }
      thousands &= r == from || d == 3;
      total += d;
      if (total == code + MOBILE_DIGITS) {
        return thousands && r > from ? -1 : r;
      }
      if (total > code + MOBILE_DIGITS) {
        return -1;
      }
    }
    return -1;
  }

  /** Whether the digits from {@code at} begin a mainland mobile number, {@code 13} to {@code 19}. */
  private static boolean isMobileStart(String digits, int at) {
    return digits.length() >= at + 2 && digits.charAt(at) == '1' && digits.charAt(at + 1) >= '3';
  }

  /**
   * Returns the end of a calendar date starting at {@code i} ({@code yyyy-MM-dd}, {@code yyyy/M/d},
   * {@code yyyy.MM.dd}, years 1900..2099, one separator repeated), or -1. Only ASCII digits: a date is machine text.
   */
  private static int dateEnd(String s, int i) {
    int n = s.length();
    if (i + 8 > n || (i > 0 && isDigit(s.codePointAt(i - 1)))) {
      return -1;
    }
    if (!(ascii(s, i, 4) && (s.startsWith("19", i) || s.startsWith("20", i)))) {
      return -1;
    }
    char sep = s.charAt(i + 4);
    if (sep != '-' && sep != '/' && sep != '.') {
      return -1;
    }
    int m = i + 5;
    int mLen = asciiRun(s, m);
    if (mLen < 1 || mLen > 2 || m + mLen >= n || s.charAt(m + mLen) != sep) {
      return -1;
    }
    int month = Integer.parseInt(s, m, m + mLen, 10);
    int d = m + mLen + 1;
    int dLen = asciiRun(s, d);
    if (month < 1 || month > 12 || dLen < 1 || dLen > 2) {
      return -1;
    }
    int day = Integer.parseInt(s, d, d + dLen, 10);
    return day >= 1 && day <= 31 ? d + dLen : -1;
  }

  private static boolean ascii(String s, int from, int count) {
    return asciiRun(s, from) >= count;
  }

  private static int asciiRun(String s, int from) {
    int k = from;
    while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
      k++;
    }
    return k - from;
  }

  /** A decimal digit of any script: ASCII, full-width, Arabic-Indic, mathematical … */
  private static boolean isDigit(int cp) {
    return cp >= '0' && cp <= '9' || cp > 0x7F && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** The check character that ends an 18-digit ID-card number. */
  private static boolean isCheckLetter(int cp) {
    return cp == 'X' || cp == 'x' || cp == '\uFF38' || cp == '\uFF58';
  }

  /** A space of any width, a tab or a line break. */
  private static boolean isSpace(int cp) {
    return Character.isSpaceChar(cp) || Character.isWhitespace(cp);
  }

  /** What may join the groups of a mobile number, or the numbers of a list: a comma or {@code +}, ASCII or wide. */
  private static boolean isListSeparator(int cp) {
    return cp == ',' || cp == '+' || cp == '\uFF0C' || cp == '\uFF0B';
  }

  /** What may split a number into groups: spaces, dashes, dots, slashes, parentheses, invisible characters. */
  private static boolean isSeparator(int cp) {
    switch (cp) {
      case ' ', '-', '.', '/', '(', ')', '_', '\uFF0D', '\uFF0E', '\uFF0F', '\uFF08', '\uFF09', '\u2010', '\u2011',
          '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00B7', '\u30FB':
        return true;
      default:
        return Character.isSpaceChar(cp) || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT;
    }
  }
}
