package org.opsbook.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;

/**
 * {@link Timestamps#plain}, the quick reading of the form the API writes, agrees with
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} on every text it reads, and leaves to it every text it refuses:
 * generated texts of the form's shape, each field in or near its range (February 29 and 30, hour 24, second 60,
 * offsets -00:00, +18:00, +18:01, +19:00), and one character in ten replaced by a neighbour ('t', 'z', '.', ' ').
 */
class TimestampsPropertiesTest {
  private static final String[] SIGNS = {"+", "-", "Z", "z", "+", "-"};
  private static final char[] NOISE = {'t', 'z', '.', ' ', 'x', '0', '9', ':', '-', '+'};

  @Test
  void aTimestampOutsideTheYears2000To2099IsInvalidInputNamingItsPath() {
    assertThat(Timestamps.parse("2000-01-01T00:00:00Z", "at")).isEqualTo(Timestamps.EARLIEST);
    assertThat(Timestamps.parse("2099-12-31T23:59:59Z", "at")).isEqualTo(Timestamps.END.minusSeconds(1));
    assertThat(Timestamps.parse("2000-01-01T08:00:00.000+08:00", "at")).isEqualTo(Timestamps.EARLIEST);
    for (String far : new String[] {"1999-12-31T23:59:59Z", "2000-01-01T07:59:59+08:00", "2100-01-01T00:00:00Z",
        "1900-01-01T00:00:00+08:00", "-500000-01-01T00:00:00+08:00", "+999999999-12-31T23:59:59+08:00",
        "2100-01-01T00:00:00.5Z"}) {
      assertThatThrownBy(() -> Timestamps.parse(far, "facts.detectedAt")).as(far)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("facts.detectedAt");
            assertThat(e.reason()).contains("2000 to 2099");
          });
    }
  }

  @Test
  void theQuickReadingAgreesWithTheFormatter() {
    AtomicInteger quick = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(10_000).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(10))
        .checkAssert(r -> {
          String text = text(r);
          Instant expected;
          try {
            expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
          } catch (DateTimeParseException e) {
            expected = null;
            refused.incrementAndGet();
          }
          Instant got = Timestamps.plain(text);
          if (got != null) {
            quick.incrementAndGet();
            assertThat(got).as(text).isEqualTo(expected);
          }
          if (expected != null && !expected.isBefore(Timestamps.EARLIEST) && expected.isBefore(Timestamps.END)) {
            assertThat(Timestamps.parse(text, "at")).as(text).isEqualTo(expected);
          } else {
            assertThatThrownBy(() -> Timestamps.parse(text, "at")).as(text)
                .isInstanceOf(InvalidInputException.class);
          }
        });
    assertThat(quick.get()).as("texts read quickly").isGreaterThan(500);
    assertThat(refused.get()).as("texts the formatter refuses").isGreaterThan(1_000);
  }

  /**
   * {@link Timestamps#format}, which writes the plain form itself where it can, writes what
   * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes: instants from year -1 to 10000 (whole seconds, and one in
   * four with a fraction), in zones of whole-minute, zero, negative and second-bearing offsets, and Asia/Shanghai.
   */
  @Test
  void theQuickWritingAgreesWithTheFormatter() {
    java.time.ZoneId[] zones = {java.time.ZoneId.of("Asia/Shanghai"), java.time.ZoneOffset.UTC,
        java.time.ZoneOffset.ofHoursMinutes(-9, -30), java.time.ZoneOffset.ofHoursMinutes(5, 45),
        java.time.ZoneOffset.ofTotalSeconds(3_661), java.time.ZoneOffset.MAX, java.time.ZoneOffset.MIN,
        java.time.ZoneId.of("America/New_York")};
    long from = OffsetDateTime.parse("-0001-12-31T00:00:00Z").toEpochSecond();
    long to = OffsetDateTime.parse("+10000-01-02T00:00:00Z").toEpochSecond();
    AtomicInteger quick = new AtomicInteger();
    qt().withExamples(20_000).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(4))
        .checkAssert(r -> {
          long span = r.get(0) % 4 == 0 ? to - from : 86_400L * 366 * 3;
          long base = r.get(0) % 4 == 0 ? from : OffsetDateTime.parse("2025-01-01T00:00:00Z").toEpochSecond();
          long seconds = base + Math.floorMod(((long) r.get(1) << 31) + r.get(2), span);
          int nanos = r.get(3) % 4 == 0 ? r.get(3) % 1_000_000_000 : 0;
          Instant t = Instant.ofEpochSecond(seconds, nanos);
          java.time.ZoneId zone = zones[r.get(0) / 4 % zones.length];
          if (Timestamps.plainText(t, zone.getRules().getOffset(t)) != null) {
            quick.incrementAndGet();
          }
          assertThat(Timestamps.format(t, zone)).as(t + " in " + zone)
              .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime()));
        });
    assertThat(quick.get()).as("instants written quickly").isGreaterThan(5_000);
  }

  private static String text(List<Integer> r) {
    String sign = SIGNS[r.get(6) % SIGNS.length];
    String offset = sign.equalsIgnoreCase("Z") ? sign
        : sign + two(pick(r.get(7), 0, 8, 5, 14, 18, 19)) + ":" + two(pick(r.get(8), 0, 30, 45, 1, 59, 60));
    String s = String.format("%04d-%s-%sT%s:%s:%s", pick(r.get(0), 2026, 2024, 2100, 2000, 1900, 0, 9999),
        two(pick(r.get(1), 1, 2, 12, 11, 0, 13)), two(pick(r.get(2), 1, 28, 29, 30, 31, 0, 32)),
        two(pick(r.get(3), 0, 9, 23, 24)), two(pick(r.get(4), 0, 59, 60)), two(pick(r.get(5), 0, 30, 59, 60)))
        + offset;
    if (r.get(9) % 10 == 0) {
      int at = r.get(9) / 10 % s.length();
      s = s.substring(0, at) + NOISE[r.get(9) / 10 % NOISE.length] + s.substring(at + 1);
    }
    return s;
  }

  private static int pick(int r, int... choices) {
    return choices[r % choices.length];
  }

  private static String two(int v) {
    return String.format("%02d", v);
  }
}
