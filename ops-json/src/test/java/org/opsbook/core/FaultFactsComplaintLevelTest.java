package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opsbook.json.internal.FaultFactsJson;

/**
 * The primitive complaint level the rules read on every classification (FAULT-CLASS-L1-05, FAULT-CLASS-L2-05,
 * ESC-DEPT-03, ESC-CENTER-15): the same value as {@link FaultFacts#csComplaintLevel()}, read without allocating,
 * and invisible to equality, hashing, {@code toString()} and JSON.
 */
class FaultFactsComplaintLevelTest {
  @Test
  void theLevelOrZeroRestatesTheOptionalLevel() {
    assertThat(FaultFacts.empty().csComplaintLevelOrZero()).isZero();
    for (int level : new int[] {1, 2, 3, 5}) {
      FaultFacts f = FaultFacts.builder().csComplaintLevel(level).build();
      assertThat(f.csComplaintLevelOrZero()).isEqualTo(level).isEqualTo(f.csComplaintLevel().getAsInt());
      assertThat(f.toBuilder().build().csComplaintLevelOrZero()).isEqualTo(level);
      assertThat(f.toBuilder().csComplaintLevel(level + 1).build().csComplaintLevelOrZero()).isEqualTo(level + 1);
    }
  }

  @Test
  void equalityHashingTextAndJsonAreThoseOfTheLevelAlone() {
    FaultFacts a = FaultFacts.builder().faultId("F-1").csComplaintLevel(2).build();
    FaultFacts b = FaultFacts.builder().faultId("F-1").csComplaintLevel(2).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(FaultFacts.builder().faultId("F-1").csComplaintLevel(3).build());
    assertThat(a.toString()).doesNotContain("csComplaintLevelOrZero");
    String json = FaultFactsJson.write(a, ZoneOffset.UTC).toString();
    assertThat(json).contains("\"csComplaintLevel\":2").doesNotContain("OrZero");
    assertThat(FaultFactsJson.read(FaultFactsJson.write(a, ZoneOffset.UTC), "")).isEqualTo(a);
  }

  @Test
  void readingTheLevelOrZeroAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    FaultFacts f = FaultFacts.builder().csComplaintLevel(3).build();
    long id = Thread.currentThread().getId();
    int calls = 100_000;
    long sum = 0;
    for (int i = 0; i < calls; i++) {
      sum += f.csComplaintLevelOrZero();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      sum += f.csComplaintLevelOrZero();
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sum).isEqualTo(2L * calls * 3);
    assertThat(allocated).as("bytes allocated by %s reads", calls).isLessThan(calls);
  }
}
