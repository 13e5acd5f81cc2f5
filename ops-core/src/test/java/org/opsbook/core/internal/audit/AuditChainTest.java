package org.opsbook.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.RuleId;

class AuditChainTest {
  private static AuditEntry entry(int i) {
    return AuditEntry.builder().stream("dataop:DM-1").at(Instant.parse("2026-11-25T02:00:00Z").plusSeconds(i))
        .actorId("u" + i).action("e" + i).fromState("S" + i).toState("S" + (i + 1))
        .addRuleIds(RuleId.of("DATAOP-MOD-18")).putDetail("n", Integer.toString(i)).build();
  }

  private static InMemoryAuditLog logOf(int n) {
    InMemoryAuditLog log = new InMemoryAuditLog();
    for (int i = 0; i < n; i++) {
      log.append(entry(i));
    }
    return log;
  }

  @Test
  void anUntouchedChainVerifies() {
    InMemoryAuditLog log = logOf(5);
    AuditVerification v = log.verify("dataop:DM-1");
    assertThat(v.intact()).isTrue();
    assertThat(v.recordCount()).isEqualTo(5);
    assertThat(v.headHash()).contains(log.read("dataop:DM-1").get(4).hash());
    assertThat(log.read("dataop:DM-1").get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
  }

  @Test
  void aChangedRecordIsNamed() {
    InMemoryAuditLog log = logOf(5);
    log.tamper("dataop:DM-1", records -> {
      List<AuditRecord> copy = new ArrayList<>(records);
      AuditRecord r = copy.get(2);
      AuditEntry changed = AuditEntry.builder().stream(r.stream()).at(r.entry().at()).actorId("mallory")
          .action(r.entry().action()).build();
      copy.set(2, AuditRecord.builder().entry(changed).sequence(3).previousHash(r.previousHash()).hash(r.hash())
          .build());
      return copy;
    });
    AuditVerification v = log.verify("dataop:DM-1");
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(3L);
  }

  @Test
  void aDeletedRecordIsNamed() {
    InMemoryAuditLog log = logOf(5);
    log.tamper("dataop:DM-1", records -> {
      List<AuditRecord> copy = new ArrayList<>(records);
      copy.remove(1);
      return copy;
    });
    assertThat(log.verify("dataop:DM-1").firstBrokenSequence()).contains(2L);
  }

  @Test
  void reorderedRecordsAreNamed() {
    InMemoryAuditLog log = logOf(5);
    log.tamper("dataop:DM-1", records -> {
      // records 4 and 5 change places, each taking the other's sequence number (storage order alone means nothing)
      List<AuditRecord> copy = new ArrayList<>(records);
      Collections.swap(copy, 3, 4);
      copy.set(3, renumbered(copy.get(3), 4));
      copy.set(4, renumbered(copy.get(4), 5));
      return copy;
    });
    assertThat(log.verify("dataop:DM-1").firstBrokenSequence()).contains(4L);
  }

  @Test
  void aDeletedTailIsNotDetectableFromTheChainAloneButTheLogNamesIt() {
    // Truncation keeps a valid prefix; the log remembers how many records it sealed, so it names the first missing.
    InMemoryAuditLog log = logOf(5);
    log.tamper("dataop:DM-1", records -> new ArrayList<>(records.subList(0, 4)));
    assertThat(AuditChain.demo().verify("dataop:DM-1", log.read("dataop:DM-1")).intact()).isTrue();
    AuditVerification v = log.verify("dataop:DM-1");
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(5L);
  }

  @Test
  void equalEntriesHashEquallyWhateverTheOrderTheirEvidenceWasGivenIn() {
    AuditEntry a = AuditEntry.builder().stream("s").at(Instant.parse("2026-11-25T02:00:00Z")).actorId("u")
        .action("x").putDetail("b", "2").putDetail("a", "1").build();
    AuditEntry b = AuditEntry.builder().stream("s").at(Instant.parse("2026-11-25T02:00:00Z")).actorId("u")
        .action("x").putDetail("a", "1").putDetail("b", "2").build();
    assertThat(a).isEqualTo(b);
    assertThat(AuditChain.demo().hash(a, 1, 1, AuditChain.GENESIS))
        .isEqualTo(AuditChain.demo().hash(b, 1, 1, AuditChain.GENESIS));
  }

  private static AuditRecord renumbered(AuditRecord r, long sequence) {
    return AuditRecord.builder().entry(r.entry()).sequence(sequence).globalSequence(r.globalSequence())
        .previousHash(r.previousHash()).hash(r.hash()).build();
  }
}
