package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * FAULT-GEN-08 and ESC-REQ-12 (TIME-06): the start of the daily entries that a fault keeps for its last detection
 * time ({@link FaultTracker#dailyStart}) is the one computed afresh ({@link ComputedDuties#dailyStartOf}) for every
 * detection time asked, in any order and repeated, under the 24:00 default and a configured due time (18:00) that
 * moves the first entry to the next day when the fault outlives its working day after 18:00.
 */
class DailyStartPropertiesTest {
  private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");

  @Test
  void theKeptStartIsTheOneComputedAfresh() {
    ObligationEngine[] engines = {ObligationEngine.standard(), new ObligationEngine(
        OpsParameters.builder().dailyProgressEntryDueTime(LocalTime.of(18, 0)).build(),
        StandardWorkCalendar.weekdays())};
    AtomicInteger nextDay = new AtomicInteger();
    qt().withExamples(500).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(12))
        .checkAssert(r -> {
          FaultTracker f = engines[r.get(0) % 2].track("F-1");
          for (int i = 1; i < r.size(); i++) {
            // a few detection times, each asked several times: some within the same minute, days apart
            Instant detected = BASE.plusSeconds(r.get(i % 4 + 1) % 20_000 * 60L);
            FaultTracker.DailyStart fresh = ComputedDuties.dailyStartOf(f, detected);
            assertThat(f.dailyStart(detected)).as("%s asked after others", detected).isEqualTo(fresh);
            if (fresh.firstDay().isAfter(f.calendar().dateOf(fresh.outlived()))) {
              nextDay.incrementAndGet();
            }
          }
        });
    assertThat(nextDay.get()).as("first entries moved to the next day").isGreaterThan(50);
  }
}
