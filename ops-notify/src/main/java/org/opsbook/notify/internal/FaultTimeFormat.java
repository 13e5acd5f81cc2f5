package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Writes a time the way the templates show the fault time, 「*年*月*日*时*分」 (NOTIFY-TPL-00), in the configured zone
 * ({@code Asia/Shanghai} by default, TIME-01): {@code 2026年5月6日9时5分} unpadded by default, or
 * {@code 2026年05月06日09时05分} padded. Immutable and thread-safe.
 *
 * @param zone the zone clock times are read in
 * @param padded true to write month, day, hour and minute with two digits
 */
record FaultTimeFormat(ZoneId zone, boolean padded) {
  /** Validates the zone. */
  public FaultTimeFormat {
    checkNotNull(zone, "zone");
  }

  /** Returns the default: {@code Asia/Shanghai}, unpadded. */
  public static FaultTimeFormat defaults() {
    return new FaultTimeFormat(ZoneId.of("Asia/Shanghai"), false);
  }

  /** Returns {@code t} as {@code Y年M月D日h时m分}. */
  public String format(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    return z.getYear() + "年" + two(z.getMonthValue()) + "月" + two(z.getDayOfMonth()) + "日" + two(z.getHour()) + "时"
        + two(z.getMinute()) + "分";
  }

  /** Fills the placeholders {@code Y M D h m} of NOTIFY-TPL-00 with {@code t}. */
  public TemplateValues.Builder fill(TemplateValues.Builder values, Instant t) {
    ZonedDateTime z = t.atZone(zone);
    return values.put("Y", Integer.toString(z.getYear()))
        .put("M", two(z.getMonthValue()))
        .put("D", two(z.getDayOfMonth()))
        .put("h", two(z.getHour()))
        .put("m", two(z.getMinute()));
  }

  /**
   * Returns the text of a time-or-text value as it is rendered: a timestamp with offset in this format, free text as
   * it is.
   */
  public String timeOrText(String value) {
    Optional<Instant> t = timestamp(value);
    return t.isPresent() ? format(t.get()) : value;
  }

  /** Returns the instant of an ISO-8601 timestamp with offset, or empty when {@code value} is not one. */
  public static Optional<Instant> timestamp(String value) {
    String v = value.strip();
    if (v.length() < 16 || !Character.isDigit(v.charAt(0)) || v.charAt(4) != '-' || v.indexOf('T') != 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private String two(int v) {
    return padded && v < 10 ? "0" + v : Integer.toString(v);
  }
}
