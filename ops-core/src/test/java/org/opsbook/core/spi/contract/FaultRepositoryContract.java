package org.opsbook.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultFacts.CoreInterface;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.Level;
import org.opsbook.core.FaultFacts.LoginSystem;
import org.opsbook.core.RuleId;

/** The contract of {@link org.opsbook.core.spi.FaultRepository}: atomic, versioned appends with sealed audit. */
public abstract class FaultRepositoryContract extends StorageContract {
  /** Facts with most kinds of field set, so the stored form must keep them all. */
  protected static FaultFacts richFacts(String faultId) {
    return FaultFacts.builder().faultId(faultId).faultStartTime(Instant.parse("2026-11-25T01:30:00Z"))
        .detectedAt(Instant.parse("2026-11-25T01:35:00.250Z")).subjectName("BOSS 计费")
        .affectedCustomersConfirmed(1200).affectedCustomersPotential(30_000).hotBusinessOutageMinutes(42.5)
        .affectsNormalCommunication(true).complaintCount(17)
        .putLoginOutageMinutes(LoginSystem.BOSS, 61.0).putCoreInterfaceFullOutageMinutes(CoreInterface.HLR, 12.0)
        .nature(FaultNature.values()[0]).csComplaintLevel(2).build();
  }

  private static FaultEvent opened(String faultId) {
    return FaultEvent.builder().faultId(faultId).sequence(1).type(FaultEventType.OPENED).at(at(0))
        .actorId("zhang").facts(richFacts(faultId)).build();
  }

  private static FaultEvent event(String faultId, long seq, FaultEventType type) {
    FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(seq).type(type).at(at(seq * 60));
    if (type == FaultEventType.DUTY_COMPLETED) {
      b.ruleId(RuleId.of("ESC-PROG-01")).dutySequence(3);
    }
    if (type == FaultEventType.FACTS_CHANGED) {
      b.facts(richFacts(faultId).toBuilder().complaintCount(40).build());
    }
    if (type.isLifecycleStep()) {
      b.stepData("{\"assigneeId\":\"bei\",\"handoverNote\":\"交接\"}");
    }
    return b.note("进展: 已定位 13800138000").build();
  }

  /** Appends the opening of {@code faultId} as its first version, its summary open or not, updated at {@code at}. */
  private void appendOpening(String faultId, boolean open, Instant at) {
    store.faults().append(faultId, 0, List.of(opened(faultId)), summary(faultId, 1, open, at), List.of());
  }

  private static FaultSummary summary(String faultId, long version, boolean open, Instant updatedAt) {
    return FaultSummary.builder().faultId(faultId).version(version).currentLevel(Level.L2).peakLevel(Level.L1)
        .open(open).nextDueAt(updatedAt.plusSeconds(1800)).subjectName("BOSS").updatedAt(updatedAt).build();
  }

  private static List<AuditEntry> audit(String faultId, String action) {
    return List.of(entry("fault:" + faultId, action, at(0)));
  }

  private void open(String faultId) {
    store.faults().append(faultId, 0, List.of(opened(faultId)), summary(faultId, 1, true, at(0)),
        audit(faultId, "open"));
  }

  @Test
  void theFirstAppendCreatesTheFaultWithItsEventsSummaryAndAudit() {
    open("F-1");
    assertThat(store.faults().events("F-1")).containsExactly(opened("F-1"));
    assertThat(store.faults().summary("F-1")).contains(summary("F-1", 1, true, at(0)));
    assertThat(store.audit().read("fault:F-1")).extracting(r -> r.entry().action()).containsExactly("open");
  }

  @Test
  void appendsContinueTheHistoryInOrderAndReplaceTheSummary() {
    open("F-1");
    List<FaultEvent> more = List.of(event("F-1", 2, FaultEventType.FACTS_CHANGED),
        event("F-1", 3, FaultEventType.DUTY_COMPLETED), event("F-1", 4, FaultEventType.HANDED_OVER),
        event("F-1", 5, FaultEventType.REPAIRED));
    FaultSummary s = FaultSummary.builder().faultId("F-1").version(5).currentLevel(Level.NONE).peakLevel(Level.L1)
        .open(true).repairedAt(at(300)).updatedAt(at(300)).build();
    store.faults().append("F-1", 1, more, s, audit("F-1", "repair"));
    List<FaultEvent> all = new ArrayList<>();
    all.add(opened("F-1"));
    all.addAll(more);
    assertThat(store.faults().events("F-1")).containsExactlyElementsOf(all);
    assertThat(store.faults().summary("F-1")).contains(s);
    assertThat(store.audit().read("fault:F-1")).hasSize(2);
  }

  @Test
  void aStaleVersionIsRejectedAndNothingIsWritten() {
    open("F-1");
    FaultEvent e2 = event("F-1", 2, FaultEventType.NEW_PHENOMENON);
    store.faults().append("F-1", 1, List.of(e2), summary("F-1", 2, true, at(60)), audit("F-1", "second"));
    assertThatThrownBy(() -> store.faults().append("F-1", 1, List.of(e2), summary("F-1", 2, true, at(90)),
        audit("F-1", "stale"))).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.subjectId()).isEqualTo("F-1");
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThat(store.faults().events("F-1")).hasSize(2);
    assertThat(store.faults().summary("F-1").orElseThrow().updatedAt()).isEqualTo(at(60));
    assertThat(store.audit().read("fault:F-1")).extracting(r -> r.entry().action()).containsExactly("open", "second");
  }

  @Test
  void openingAnExistingFaultAgainIsAConcurrentUpdate() {
    open("F-1");
    assertThatThrownBy(() -> open("F-1")).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.faults().events("F-1")).hasSize(1);
    assertThat(store.audit().read("fault:F-1")).hasSize(1);
  }

  @Test
  void appendingToAnUnknownFaultWithAVersionIsAConcurrentUpdate() {
    FaultEvent e2 = event("F-9", 2, FaultEventType.NEW_PHENOMENON);
    assertThatThrownBy(() -> store.faults().append("F-9", 1, List.of(e2), summary("F-9", 2, true, at(0)),
        audit("F-9", "x"))).isInstanceOfSatisfying(ConcurrentUpdateException.class,
            e -> assertThat(e.actualVersion()).isZero());
    assertThat(store.faults().summary("F-9")).isEmpty();
  }

  @Test
  void inconsistentArgumentsAreRefusedBeforeAnythingIsWritten() {
    FaultEvent wrongSeq = FaultEvent.builder().faultId("F-1").sequence(2).type(FaultEventType.OPENED).at(at(0))
        .facts(richFacts("F-1")).build();
    assertThatThrownBy(() -> store.faults().append("F-1", 0, List.of(wrongSeq), summary("F-1", 1, true, at(0)),
        audit("F-1", "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.faults().append("F-1", 0, List.of(opened("F-1")),
        summary("F-1", 2, true, at(0)), audit("F-1", "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.faults().append("F-1", 0, List.of(), summary("F-1", 0, true, at(0)),
        audit("F-1", "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.faults().events("F-1")).isEmpty();
    assertThat(store.audit().read("fault:F-1")).isEmpty();
  }

  @Test
  void anUnknownFaultHasNoEventsAndNoSummary() {
    assertThat(store.faults().events("nope")).isEmpty();
    assertThat(store.faults().summary("nope")).isEmpty();
    assertThat(store.faults().openFaults()).isEmpty();
  }

  @Test
  void openFaultsListsOnlyOpenOnesMostRecentlyUpdatedFirst() {
    appendOpening("F-1", true, at(10));
    appendOpening("F-2", true, at(30));
    appendOpening("F-3", false, at(50));
    appendOpening("F-4", true, at(20));
    assertThat(store.faults().openFaults()).extracting(FaultSummary::faultId).containsExactly("F-2", "F-4", "F-1");
  }

  @Test
  void faultsActiveSinceListsTheOpenOnesAndThoseUpdatedSinceMostRecentFirst() {
    appendOpening("F-1", false, at(10));
    appendOpening("F-2", true, at(5));
    appendOpening("F-3", false, at(50));
    appendOpening("F-4", false, at(30));
    assertThat(store.faults().faultsActiveSince(at(30))).extracting(FaultSummary::faultId)
        .containsExactly("F-3", "F-4", "F-2");
  }

  @Test
  void ofConcurrentAppendsAtOneVersionExactlyOneWins() throws Exception {
    open("F-1");
    List<Object> results = race(4, () -> {
      store.faults().append("F-1", 1, List.of(event("F-1", 2, FaultEventType.NEW_PHENOMENON)),
          summary("F-1", 2, true, at(60)), audit("F-1", "race"));
      return "won";
    });
    assertThat(results).filteredOn("won"::equals).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof ConcurrentUpdateException).hasSize(3);
    assertThat(store.faults().events("F-1")).hasSize(2);
    assertThat(store.audit().read("fault:F-1")).hasSize(2);
    assertThat(store.audit().verify("fault:F-1").intact()).isTrue();
  }
}
