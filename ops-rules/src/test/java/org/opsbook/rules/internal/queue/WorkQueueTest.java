package org.opsbook.rules.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Level;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.quicktheories.core.Gen;

/** The work-queue priority of FAULT-GEN-02, ESC-HANDLE-06 and ESC-REQ-01. */
class WorkQueueTest {
  /** Wednesday 25 November 2026, 09:00 in Shanghai. */
  private static final Instant T0 = at("11-25 09:00");

  /** {@code "11-25 09:00"} → that instant in 2026, Shanghai. */
  private static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant();
  }

  private static QueueItem item(String id, boolean escalated, Level level, int customers, Instant detected) {
    return new QueueItem(id, escalated, level, customers, detected);
  }

  private static List<String> order(QueueItem... items) {
    return WorkQueue.sorted(List.of(items)).stream().map(QueueItem::faultId).toList();
  }

  private static FaultTracker tracker(String id, FaultFacts.Builder facts, Instant now) {
    return ObligationEngine.standard().assess(facts.faultId(id).build(), List.of(), now);
  }

  @Test
  @DisplayName("FAULT-GEN-02 ESC-REQ-01 L2 before L1 before a general fault, then the most customers affected first")
  void faultGen02() {
    assertThat(order(item("none", false, Level.NONE, 900, T0), item("l1", true, Level.L1, 10, T0),
        item("l2", true, Level.L2, 5, T0), item("l1-big", true, Level.L1, 300, T0)))
        .containsExactly("l2", "l1-big", "l1", "none");
    assertThat(order(item("a", false, Level.NONE, 10, T0), item("b", false, Level.NONE, 11, T0),
        item("c", false, Level.NONE, 9, T0))).containsExactly("b", "a", "c");
  }

  @Test
  @DisplayName("ESC-HANDLE-06 an escalated fault comes first even once its level fell back; ties go to the earlier detected, then the ID")
  void escHandle06() {
    assertThat(order(item("general", false, Level.NONE, 500, T0),
        item("was-l1", true, Level.NONE, 0, at("11-25 10:00"))))
        .containsExactly("was-l1", "general");
    assertThat(order(item("late", false, Level.NONE, 5, at("11-25 09:01")), item("early", false, Level.NONE, 5, T0),
        item("b", false, Level.NONE, 5, at("11-25 09:02")), item("a", false, Level.NONE, 5, at("11-25 09:02"))))
        .containsExactly("early", "late", "a", "b");
    assertThatThrownBy(() -> item("x", false, Level.L1, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> item("x", false, Level.NONE, -1, T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("ESC-REQ-01 FAULT-GEN-02 items from the obligations engine: peak and current level, affectedCustomers = max(confirmed, potential) or confirmed only")
  void fromTrackers() {
    FaultTracker wasL1 = ObligationEngine.standard().track("F-1")
        .apply(FaultEvent.builder().faultId("F-1").sequence(1)
            .type(FaultEventType.OPENED).at(T0)
            .facts(FaultFacts.builder().faultId("F-1").complaintCount(24).build()).build())
        .apply(FaultEvent.builder().faultId("F-1").sequence(2)
            .type(FaultEventType.FACTS_CHANGED).at(at("11-25 10:00"))
            .facts(FaultFacts.builder().faultId("F-1").complaintCount(3).build()).build());
    QueueItem i = WorkQueue.item(wasL1, OpsParameters.defaults());
    assertThat(i.escalated()).isTrue();
    assertThat(i.level()).isEqualTo(Level.NONE);
    assertThat(i.detectedAt()).isEqualTo(T0);
    FaultTracker potential = tracker("F-2", FaultFacts.builder().detectedAt(at("11-25 08:00"))
        .affectedCustomersConfirmed(3).affectedCustomersPotential(80), T0);
    assertThat(WorkQueue.item(potential, OpsParameters.defaults()).affectedCustomers()).isEqualTo(80);
    assertThat(WorkQueue.item(potential, OpsParameters.defaults().toBuilder()
        .affectedCustomersMode(AffectedCustomersMode.CONFIRMED_ONLY).build()).affectedCustomers()).isEqualTo(3);
    assertThat(WorkQueue.item(potential, OpsParameters.defaults()).detectedAt()).isEqualTo(at("11-25 08:00"));
    assertThat(WorkQueue.sorted(List.of(WorkQueue.item(potential, OpsParameters.defaults()), i)))
        .extracting(QueueItem::faultId).containsExactly("F-1", "F-2");
    assertThatThrownBy(() -> WorkQueue.item(ObligationEngine.standard().track("F-9"), OpsParameters.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Gen<QueueItem> items() {
    return integers().between(0, 2).zip(booleans().all(), integers().between(0, 3), integers().between(0, 3),
        integers().between(0, 3), (level, escalated, customers, minute, id) -> {
          Level l = Level.values()[level];
          return item("F-" + id, escalated || l.isEscalated(), l, customers * 50, T0.plusSeconds(60L * minute));
        });
  }

  @Test
  @DisplayName("FAULT-GEN-02 ESC-HANDLE-06 the priority is a total order: antisymmetric, consistent with equals, and any shuffle sorts the same")
  void totalOrder() {
    qt().withExamples(300).forAll(lists().of(items()).ofSizeBetween(0, 12), integers().all())
        .checkAssert((list, seed) -> {
          List<QueueItem> shuffled = new ArrayList<>(list);
          Collections.shuffle(shuffled, new Random(seed));
          assertThat(WorkQueue.sorted(shuffled)).isEqualTo(WorkQueue.sorted(list));
          for (QueueItem a : list) {
            for (QueueItem b : list) {
              int ab = WorkQueue.PRIORITY.compare(a, b);
              assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(WorkQueue.PRIORITY.compare(b, a)));
              assertThat(ab == 0).isEqualTo(a.equals(b));
              if (a.escalated() && !b.escalated()) {
                assertThat(ab).isNegative();
              }
              if (a.escalated() == b.escalated() && a.level().compareTo(b.level()) > 0) {
                assertThat(ab).isNegative();
              }
            }
          }
        });
  }
}
