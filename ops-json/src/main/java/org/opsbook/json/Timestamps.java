package org.opsbook.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.opsbook.core.InvalidInputException;

/**
 * Timestamps of the decision API: ISO-8601 with an offset on input ({@code 2026-11-25T14:30:00+08:00}, any offset);
 * written in the configured zone, {@code +08:00} by default. A timestamp without an offset is invalid input, and so
 * is one outside the years 2000 to 2099 (UTC): no duty of the manual lies there, and the work a fault's days cost
 * (its daily entries, its missed occurrences) stays bounded.
 */
public final class Timestamps {
  /** The earliest timestamp the API reads: 2000-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** The first timestamp the API no longer reads: 2100-01-01T00:00:00Z. */
  public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");

  private Timestamps() {}

  /**
   * Parses a timestamp that carries an offset.
   *
   * @param text the text
   * @param path the JSON path, for the error
   * @throws InvalidInputException when the text is not ISO-8601 with an offset, or lies outside the years 2000 to
   *     2099
   */
  public static Instant parse(String text, String path) {
    Instant plain = plain(text);
    if (plain != null) {
      return inRange(plain, text, path);
    }
    try {
      return inRange(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), text, path);
    } catch (DateTimeParseException e) {
      String why = looksLocal(text)
          ? "timestamp without an offset (write e.g. " + text + "+08:00): " + text
          : "not an ISO-8601 timestamp with an offset: " + text;
      throw new InvalidInputException(path, why, null, e);
    }
  }

  private static Instant inRange(Instant t, String text, String path) {
    if (t.isBefore(EARLIEST) || !t.isBefore(END)) {
      throw new InvalidInputException(path, "a timestamp of the decision API lies in the years 2000 to 2099 (UTC): "
          + text);
    }
    return t;
  }

  /**
   * Reads the form the API writes, {@code yyyy-MM-ddTHH:mm:ss+hh:mm} (or {@code Z}) with every field in range, as
   * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it; null for any other text, which that formatter reads
   * (fractions, lower case, other offset forms) or refuses.
   */
  static Instant plain(String text) {
    int n = text.length();
    if (n != 20 && n != 25 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    int offsetSeconds;
    if (n == 20) {
      if (text.charAt(19) != 'Z') {
        return null;
      }
      offsetSeconds = 0;
    } else {
      char sign = text.charAt(19);
      int oh = digits(text, 20, 2);
      int om = digits(text, 23, 2);
      if (sign != '+' && sign != '-' || text.charAt(22) != ':' || oh < 0 || oh > 18 || om < 0 || om > 59
          || oh == 18 && om > 0) {
        return null;
      }
      offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds);
  }

  /** The value of {@code count} ASCII digits from {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean looksLocal(String text) {
    try {
      java.time.LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Formats {@code t} in {@code zone} as ISO-8601 with offset, e.g. {@code 2026-11-26T09:00:00+08:00}. */
  public static String format(Instant t, ZoneId zone) {
    String quick = plainText(t, zone.getRules().getOffset(t));
    return quick != null ? quick : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
  }

  /**
   * Writes {@code t} at {@code offset} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, where that is the form
   * {@link #plain} reads: whole seconds, a year of four digits, an offset of whole minutes ({@code Z} for zero); null
   * otherwise (fractions, other years, offsets with seconds), which the formatter writes. Every duty of an answer
   * has a due time, so this runs several times per answer.
   */
  static String plainText(Instant t, java.time.ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    if (t.getNano() != 0 || total % 60 != 0) {
      return null;
    }
    long local = t.getEpochSecond() + total;
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return null;
    }
    int second = (int) Math.floorMod(local, 86_400);
    char[] c = new char[total == 0 ? 20 : 25];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, date.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, date.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, second / 3600, 2);
    c[13] = ':';
    put(c, 14, second / 60 % 60, 2);
    c[16] = ':';
    put(c, 17, second % 60, 2);
    if (total == 0) {
      c[19] = 'Z';
    } else {
      int minutes = Math.abs(total) / 60;
      c[19] = total < 0 ? '-' : '+';
      put(c, 20, minutes / 60, 2);
      c[22] = ':';
      put(c, 23, minutes % 60, 2);
    }
    return new String(c);
  }

  /** Writes {@code v} as {@code count} decimal digits, zero-padded, at {@code from}. */
  private static void put(char[] c, int from, int v, int count) {
    for (int i = from + count - 1; i >= from; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }
}
