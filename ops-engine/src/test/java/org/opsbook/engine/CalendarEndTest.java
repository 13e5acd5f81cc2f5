package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.MutableClock;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.engine.internal.Defaults;

/**
 * A host that loaded this year's holidays and not next year's gets deadlines that count next year's statutory
 * holidays as working days. The engine warns at its start while the end of the calendar's holidays is near or past.
 */
class CalendarEndTest {
  /** The host's file for 2026: National Day, and its make-up Saturday. */
  private static final StandardWorkCalendar YEAR_2026 = StandardWorkCalendar.builder()
      .addHolidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)).addWorkdays(LocalDate.of(2026, 10, 10))
      .build();

  @Test
  @DisplayName("TIME-02 the engine warns at its start that the calendar's holidays end in less than 60 days")
  void theEngineWarnsAtItsStart() throws Exception {
    String logged = startedWith(YEAR_2026);
    assertThat(logged).contains("WARN").contains("through 2026-12-31, 36 days ahead")
        .contains("Load the holidays that follow it");
  }

  @Test
  @DisplayName("TIME-02 no warning while the holidays reach further, nor for a calendar that is Monday to Friday")
  void noWarningOtherwise() throws Exception {
    StandardWorkCalendar known = YEAR_2026.toBuilder().addHolidays(LocalDate.of(2027, 2, 16)).build();
    assertThat(startedWith(known)).doesNotContain("working-day calendar");
    assertThat(startedWith(StandardWorkCalendar.weekdays())).doesNotContain("working-day calendar");
  }

  @Test
  @DisplayName("TIME-02 the warning says whether the end has passed")
  void theWarningSaysWhetherTheEndHasPassed() {
    assertThat(Defaults.calendarEnding(YEAR_2026, LocalDate.of(2027, 1, 5).atStartOfDay(
        StandardWorkCalendar.SHANGHAI).toInstant())).hasValueSatisfying(w -> assertThat(w).contains("has passed"));
    assertThat(Defaults.calendarEnding(YEAR_2026, LocalDate.of(2026, 11, 2).atStartOfDay(
        StandardWorkCalendar.SHANGHAI).toInstant())).hasValueSatisfying(w -> assertThat(w).contains("59 days ahead"));
    assertThat(Defaults.calendarEnding(YEAR_2026, LocalDate.of(2026, 11, 1).atStartOfDay(
        StandardWorkCalendar.SHANGHAI).toInstant())).as("60 days ahead: not yet").isEmpty();
  }

  private static String startedWith(WorkCalendar calendar) throws Exception {
    MutableClock clock = MutableClock.at(T0);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (OpsEngine ops = OpsEngine.builder().dataSource(EngineFixture.freshH2()).directory(EngineFixture.people())
        .gateway(new RecordingMessageGateway(clock)).clock(clock).calendar(calendar).build()) {
      ops.start();
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
