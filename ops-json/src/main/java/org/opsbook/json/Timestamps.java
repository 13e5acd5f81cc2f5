package org.opsbook.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.opsbook.core.InvalidInputException;

/**
 * Timestamps of the decision API: ISO-8601 with an offset on input ({@code 2026-11-25T14:30:00+08:00}, any offset);
 * written in the configured zone, {@code +08:00} by default. A timestamp without an offset is invalid input.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses a timestamp that carries an offset.
   *
   * @param text the text
   * @param path the JSON path, for the error
   * @throws InvalidInputException when the text is not ISO-8601 with an offset
   */
  public static Instant parse(String text, String path) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      String why = looksLocal(text)
          ? "timestamp without an offset (write e.g. " + text + "+08:00): " + text
          : "not an ISO-8601 timestamp with an offset: " + text;
      throw new InvalidInputException(path, why, null, e);
    }
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
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
  }
}
