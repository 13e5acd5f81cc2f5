package org.opsbook.rules.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The zone and the instants of the report tests: times are written with their offset, as the reports print them. */
final class ReportTimes {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ReportTimes() {}

  /** {@code "2026-11-25T09:00:00+08:00"} → that instant. */
  static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
