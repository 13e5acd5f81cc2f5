package org.opsbook.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.RuleId;

/** The contract of {@link org.opsbook.core.spi.AuditLog}: append-only, hash-chained per stream, verifiable. */
public abstract class AuditLogContract extends StorageContract {
  private static final String S = "dataop:DM-1";

  private List<AuditRecord> appendFive() {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(store.audit().append(entry(S, "e" + i, at(i))));
    }
    return out;
  }

  @Test
  void theFirstRecordOfAStreamHasSequenceOneAndTheGenesisHash() {
    AuditRecord r = store.audit().append(entry(S, "submit", at(0)));
    assertThat(r.sequence()).isEqualTo(1);
    assertThat(r.previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(r.globalSequence()).isEqualTo(1);
    assertThat(r.hash()).isEqualTo(AuditChain.demo().hash(r.entry(), 1, 1, AuditChain.GENESIS));
  }

  @Test
  void eachRecordCarriesThePreviousRecordsHash() {
    List<AuditRecord> rs = appendFive();
    for (int i = 1; i < rs.size(); i++) {
      assertThat(rs.get(i).sequence()).isEqualTo(i + 1);
      assertThat(rs.get(i).previousHash()).isEqualTo(rs.get(i - 1).hash());
    }
    assertThat(store.audit().read(S)).containsExactlyElementsOf(rs);
  }

  @Test
  void aRecordReadsBackExactlyAsItWasSealed() {
    AuditEntry e = AuditEntry.builder().stream("dataop:数据-7").at(Instant.parse("2026-11-25T02:00:00.123456Z"))
        .actorId("王五").action("passReview").fromState("EXECUTED").toState("REVIEWED")
        .addRuleIds(RuleId.of("DATAOP-MOD-14"), RuleId.of("DATAOP-MOD-15"), RuleId.of("SM-DATAOP-MOD-T08"))
        .putDetail("scriptRef", "AMS-2026-001").putDetail("note", "核实无误; \"quoted\"\nline2")
        .putDetail("empty", "").build();
    AuditRecord sealed = store.audit().append(e);
    List<AuditRecord> read = store.audit().read("dataop:数据-7");
    assertThat(read).containsExactly(sealed);
    assertThat(read.get(0).entry()).isEqualTo(e);
    assertThat(AuditChain.demo().hash(read.get(0).entry(), 1, read.get(0).globalSequence(), AuditChain.GENESIS))
        .isEqualTo(sealed.hash());
  }

  @Test
  void anEntryWithoutStatesOrRulesRoundTrips() {
    AuditEntry e = AuditEntry.builder().stream("fault:F-1").at(at(0)).actorId("system").action("classify").build();
    store.audit().append(e);
    assertThat(store.audit().read("fault:F-1")).singleElement().satisfies(r -> assertThat(r.entry()).isEqualTo(e));
  }

  @Test
  void anUnknownStreamReadsEmptyAndVerifiesIntact() {
    assertThat(store.audit().read("nope")).isEmpty();
    AuditVerification v = store.audit().verify("nope");
    assertThat(v.intact()).isTrue();
    assertThat(v.recordCount()).isZero();
    assertThat(v.headHash()).isEmpty();
  }

  @Test
  void streamsAreChainedIndependentlyAndListedSorted() {
    store.audit().append(entry("b", "x", at(0)));
    store.audit().append(entry("a", "x", at(1)));
    AuditRecord b2 = store.audit().append(entry("b", "y", at(2)));
    assertThat(b2.sequence()).isEqualTo(2);
    assertThat(store.audit().read("a")).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
    assertThat(store.audit().streams()).containsExactly("a", "b");
  }

  @Test
  void appendAllSealsInOrderAcrossStreams() {
    List<AuditRecord> rs = store.audit().appendAll(List.of(entry("x", "1", at(0)), entry("y", "1", at(0)),
        entry("x", "2", at(1))));
    assertThat(rs).extracting(AuditRecord::stream).containsExactly("x", "y", "x");
    assertThat(rs).extracting(AuditRecord::sequence).containsExactly(1L, 1L, 2L);
    assertThat(rs.get(2).previousHash()).isEqualTo(rs.get(0).hash());
    assertThat(store.audit().appendAll(List.of())).isEmpty();
  }

  @Test
  @DisplayName("readPeriod is half-open [from, to) at microsecond boundaries and ordered by stream then sequence")
  void readPeriodIsHalfOpen() {
    Instant from = at(100);
    Instant to = at(200);
    store.audit().append(entry("b", "before", from.minusNanos(1_000)));
    store.audit().append(entry("b", "atFrom", from));
    store.audit().append(entry("a", "justBeforeTo", to.minusNanos(1_000)));
    store.audit().append(entry("a", "atTo", to));
    store.audit().append(entry("a", "inside", from.plusSeconds(1)));
    List<AuditRecord> in = store.audit().readPeriod(from, to);
    assertThat(in).extracting(r -> r.entry().action()).containsExactly("justBeforeTo", "inside", "atFrom");
  }

  @Test
  void anIntactChainVerifiesWithItsCountAndHead() {
    List<AuditRecord> rs = appendFive();
    AuditVerification v = store.audit().verify(S);
    assertThat(v.intact()).isTrue();
    assertThat(v.recordCount()).isEqualTo(5);
    assertThat(v.headHash()).contains(rs.get(4).hash());
    assertThat(v.firstBrokenSequence()).isEmpty();
  }

  @ParameterizedTest(name = "changing record {0} is named")
  @ValueSource(longs = {1, 3, 5})
  void verifyNamesAChangedRecord(long seq) {
    appendFive();
    store.changeAuditAction(S, seq, "forged");
    AuditVerification v = store.audit().verify(S);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(seq);
    assertThat(v.problem()).isPresent();
  }

  @ParameterizedTest(name = "deleting record {0} is named")
  @ValueSource(longs = {1, 3, 5})
  void verifyNamesADeletedRecord(long seq) {
    appendFive();
    store.deleteAuditRecord(S, seq);
    AuditVerification v = store.audit().verify(S);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(seq);
  }

  @ParameterizedTest(name = "swapping records {0} and {0}+1 is named at {0}")
  @ValueSource(longs = {1, 2, 4})
  void verifyNamesReorderedRecords(long seq) {
    appendFive();
    store.swapAuditRecords(S, seq, seq + 1);
    AuditVerification v = store.audit().verify(S);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(seq);
  }

  @Test
  void aDeltaCheckpointSealsOnlyTheStreamsAppendedToAndItsChainNamesADeletedRecord() {
    appendFive();
    store.audit().append(entry("other", "x", at(0)));
    AuditCheckpoint full = store.audit().checkpoint(at(10));
    store.audit().append(entry(S, "e6", at(11)));
    AuditCheckpoint delta = store.audit().checkpointAfter(full, at(12));
    assertThat(delta.isDelta()).isTrue();
    assertThat(delta.after()).contains(full.seal());
    assertThat(delta.heads()).containsOnlyKeys(S);
    assertThat(delta.heads().get(S).sequence()).isEqualTo(6);
    assertThat(AuditCheckpoint.parse(delta.export())).isEqualTo(delta);
    assertThat(store.audit().verifyAgainst(List.of(full, delta)))
        .allSatisfy(v -> assertThat(v.intact()).as("%s", v).isTrue());
    assertThat(store.audit().verifyAgainst(List.of(delta)).get(0).stream()).as("a delta needs its full checkpoint")
        .isEqualTo("(checkpoint)");

    store.deleteAuditRecord(S, 6);
    AuditVerification v = store.audit().verifyAgainst(List.of(full, delta)).get(0);
    assertThat(v.stream()).isEqualTo(S);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(6L);
  }

  @Test
  void tamperingOneStreamLeavesTheOthersIntact() {
    appendFive();
    store.audit().append(entry("other", "x", at(0)));
    store.changeAuditAction(S, 2, "forged");
    assertThat(store.audit().verify("other").intact()).isTrue();
  }

  @Test
  @DisplayName("DATAOP-EXT-06: sampled phone numbers are stored masked and the chain covers the masked form")
  void sampledNumbersAreStoredMasked_DATAOP_EXT_06() {
    AuditEntry e = AuditEntry.builder().stream(S).at(at(0)).actorId("reviewer").action("passReview")
        .putDetail("reviewSampledNumbers", "13800138000,13900139000,13700137000").build();
    AuditRecord r = store.audit().append(e);
    assertThat(r.entry().details()).containsEntry("reviewSampledNumbers", "138****8000,139****9000,137****7000");
    assertThat(store.audit().read(S).get(0).entry().details().get("reviewSampledNumbers"))
        .doesNotContain("13800138000");
    assertThat(store.audit().verify(S).intact()).isTrue();
  }

  @Test
  void concurrentAppendsToOneStreamStayGapFreeAndVerify() throws Exception {
    List<Object> results = race(4, () -> {
      for (int i = 0; i < 25; i++) {
        store.audit().append(entry(S, "c", at(i)));
      }
      return "ok";
    });
    assertThat(results).containsOnly("ok");
    List<AuditRecord> rs = store.audit().read(S);
    assertThat(rs).extracting(AuditRecord::sequence)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 100).mapToObj(i -> (long) i).toList());
    assertThat(store.audit().verify(S).intact()).isTrue();
  }

  @Test
  @DisplayName("property: whichever record of a chain is changed, deleted or swapped with the next, verify names it")
  void verifyNamesAnyTamperedRecord() {
    AtomicInteger streams = new AtomicInteger();
    qt().withExamples(25).forAll(integers().between(2, 7), integers().between(0, 2), integers().between(1, 7))
        .checkAssert((length, kind, pick) -> {
          String stream = "prop-" + streams.incrementAndGet();
          for (int i = 1; i <= length; i++) {
            store.audit().append(entry(stream, "e" + i, at(i)));
          }
          long seq = Math.min(pick, kind == 2 ? length - 1 : length);
          switch (kind) {
            case 0 -> store.changeAuditAction(stream, seq, "forged");
            case 1 -> store.deleteAuditRecord(stream, seq);
            default -> store.swapAuditRecords(stream, seq, seq + 1);
          }
          AuditVerification v = store.audit().verify(stream);
          assertThat(v.intact()).isFalse();
          assertThat(v.firstBrokenSequence()).contains(seq);
          assertThat(v.recordCount()).isEqualTo(seq - 1);
        });
  }
}
