package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.rules.duty.Fault.at;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.rules.duty.FaultTracker.Advice;
import org.opsbook.rules.internal.catalog.RuleCatalog;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * The advice of a fault (FAULT-GEN-01, the checklists FAULT-GEN-05 and ESC-REQ-02), whose texts are joined once per
 * step, reads as the definition: the manual's words of each rule in the standard catalog, joined by a space, in
 * the steps' order (ascending IDs within each checklist), none once the fault is repaired. Over random faults:
 * escalated or general, 0 to 14 same-fault customers, the steps' conditions, repaired or not.
 */
class FaultChecklistsPropertiesTest {
  private static final ObligationEngine ENGINE = ObligationEngine.standard();

  @Test
  void adviceTextsAreTheCatalogsWordsOfEachRule() {
    AtomicInteger escalated = new AtomicInteger();
    AtomicInteger emergency = new AtomicInteger();
    qt().withExamples(400).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(4)).checkAssert(r -> {
      FaultFacts.Builder b = FaultFacts.builder().faultId("F-1").detectedAt(at("11-25 09:00"))
          .sameFaultCustomerCount(r.get(0) % 15).softwareProblemSuspected(r.get(1) % 2 == 0)
          .mainFaultPointInProvince(r.get(1) / 2 % 2 == 0).softwareVersionDefectConfirmed(r.get(1) / 4 % 2 == 0);
      if (r.get(2) % 3 == 0) {
        b.affectsNormalCommunication(true).affectedCustomersConfirmed(600);
      }
      if (r.get(3) % 4 == 0) {
        b.repairedAt(at("11-25 09:30"));
      }
      Instant now = at("11-25 10:00");
      FaultTracker f = ENGINE.assess(b.build(), List.of(), now);
      List<Advice> advice = f.advice();
      List<Advice> defined = new ArrayList<>();
      for (Advice a : advice) {
        defined.add(new Advice(a.ruleId(), String.join(" ", RuleCatalog.standard().get(a.ruleId()).manualWords())));
      }
      assertThat(advice).isEqualTo(defined);
      assertThat(f.advice()).isEqualTo(advice);
      if (f.repairedAt().isPresent()) {
        assertThat(advice).isEmpty();
      } else if (f.peakLevel().isEscalated()) {
        escalated.incrementAndGet();
        assertThat(advice).isNotEmpty().allMatch(a -> a.ruleId().value().startsWith("ESC-REQ-02"));
        assertThat(advice.get(0).ruleId().value()).isEqualTo("ESC-REQ-02");
      } else {
        assertThat(advice.get(0).ruleId().value()).isEqualTo("FAULT-GEN-01");
        if (advice.size() > 1) {
          emergency.incrementAndGet();
          assertThat(advice.get(1).ruleId().value()).isEqualTo("FAULT-GEN-05");
        }
      }
    });
    assertThat(escalated.get()).as("escalated faults").isGreaterThan(50);
    assertThat(emergency.get()).as("general faults with the emergency checklist").isGreaterThan(30);
  }
}
