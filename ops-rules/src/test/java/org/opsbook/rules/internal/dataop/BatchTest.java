package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.OpsParameters;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.DataOpRecord;

class BatchTest {
  private static final OpsParameters P = OpsParameters.defaults();

  private static Batch classify(DataOp op, int count) {
    return Batch.classify(op, count, P);
  }

  private static DataOp plain() {
    return DataOp.builder().opType(OpType.MODIFICATION).build();
  }

  @DisplayName("DATAOP-DEF-02 record count boundary 999 1000 1001")
  @Test
  void dataopDef02RecordCountBoundary999_1000_1001() {
    assertThat(classify(plain(), 999).isBatch()).isFalse();
    assertThat(classify(plain(), 1000).criteria()).containsExactly(BatchCriterion.RECORD_COUNT);
    assertThat(classify(plain(), 1001).isBatch()).isTrue();
    assertThat(classify(plain(), 1000).reasons()).containsExactly(Batch.DEF_02);
    assertThat(classify(plain(), 999).reasons()).isEmpty();
  }

  @DisplayName("DATAOP-DEF-02 financial difference is exclusive above 100000 yuan")
  @Test
  void dataopDef02FinancialDifferenceIsExclusiveAbove100000Yuan() {
    DataOp.Builder fin = plain().toBuilder().isFinancialReportCorrection(true);
    assertThat(classify(fin.financialAmountDifferenceYuan(new BigDecimal("99999.99")).build(), 1).isBatch())
        .isFalse();
    assertThat(classify(fin.financialAmountDifferenceYuan(new BigDecimal("100000")).build(), 1).isBatch())
        .isFalse();
    assertThat(classify(fin.financialAmountDifferenceYuan(new BigDecimal("100000.01")).build(), 1).criteria())
        .containsExactly(BatchCriterion.FINANCIAL_DIFFERENCE);
  }

  @DisplayName("DATAOP-DEF-02 a financial amount without the correction flag is not a batch")
  @Test
  void dataopDef02AFinancialAmountWithoutTheCorrectionFlagIsNotABatch() {
    assertThat(classify(plain().toBuilder().financialAmountDifferenceYuan(new BigDecimal("500000")).build(), 1)
        .isBatch()).isFalse();
  }

  @DisplayName("DATAOP-DEF-02 inventory error is exclusive above 1000")
  @Test
  void dataopDef02InventoryErrorIsExclusiveAbove1000() {
    DataOp.Builder inv = plain().toBuilder().isInventoryReportCorrection(true);
    assertThat(classify(inv.inventoryReportError(BigDecimal.valueOf(999)).build(), 1).isBatch()).isFalse();
    assertThat(classify(inv.inventoryReportError(BigDecimal.valueOf(1000)).build(), 1).isBatch()).isFalse();
    assertThat(classify(inv.inventoryReportError(BigDecimal.valueOf(1001)).build(), 1).criteria())
        .containsExactly(BatchCriterion.INVENTORY_ERROR);
  }

  @DisplayName("DATAOP-DEF-02 lists every criterion that holds")
  @Test
  void dataopDef02ListsEveryCriterionThatHolds() {
    DataOp all = plain().toBuilder().isFinancialReportCorrection(true)
        .financialAmountDifferenceYuan(BigDecimal.valueOf(200_000)).isInventoryReportCorrection(true)
        .inventoryReportError(BigDecimal.valueOf(5000)).build();
    assertThat(classify(all, 1000).criteriaInOrder()).containsExactly(BatchCriterion.RECORD_COUNT,
        BatchCriterion.FINANCIAL_DIFFERENCE, BatchCriterion.INVENTORY_ERROR);
  }

  @DisplayName("DATAOP-DEF-02 thresholds come from the parameters")
  @Test
  void dataopDef02ThresholdsComeFromTheParameters() {
    OpsParameters p = OpsParameters.builder().batchRecordCount(500).build();
    assertThat(Batch.classify(plain(), 500, p).isBatch()).isTrue();
    assertThat(Batch.classify(plain(), 499, p).isBatch()).isFalse();
  }

  @DisplayName("DATAOP-DEF-02 batch is monotone in the record count")
  @Test
  void dataopDef02BatchIsMonotoneInTheRecordCount() {
    qt().forAll(integers().between(0, 100_000), integers().between(0, 100_000)).checkAssert((a, b) -> {
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      if (classify(plain(), lo).isBatch()) {
        assertThat(classify(plain(), hi).isBatch()).isTrue();
      }
    });
  }

  @DisplayName("DATAOP-DEF-02 the ticket judges by the actual count once executed")
  @Test
  void dataopDef02TheTicketJudgesByTheActualCountOnceExecuted() {
    DataOpTicket t = DataOpTicket.of("T", DataOpState.EXECUTED, plain().toBuilder().recordCount(10).build(),
        DataOpRecord.builder().actualRecordCount(1000).build());
    assertThat(t.effectiveRecordCount()).isEqualTo(1000);
    assertThat(Batch.of(t, P).isBatch()).isTrue();
  }

  @DisplayName("DATAOP-DEF-02 and DATAOP-EXT-04 a ticket's batch reasons: a batch modification, a large extraction")
  @Test
  void dataopDef02AndExt04TheBatchReasonsOfEachOperationType() {
    DataOpTicket single = DataOpTicket.of("T", DataOpState.SUBMITTED, Fixtures.modification().build(),
        DataOpRecord.builder().build());
    assertThat(Fixtures.MOD.batchReasons(single)).isEmpty();
    DataOpTicket batch = DataOpTicket.of("T", DataOpState.EXECUTED, Fixtures.modification().build(),
        DataOpRecord.builder().actualRecordCount(P.batchRecordCount()).build());
    assertThat(Fixtures.MOD.batchReasons(batch)).containsExactly(Batch.DEF_02);
    DataOp rows = Fixtures.extraction().estimatedRowCount(P.extractionLargeRows()).build();
    DataOpTicket atTheLimit = DataOpTicket.of("E", DataOpState.SUBMITTED, rows, DataOpRecord.builder().build());
    assertThat(Fixtures.EXT.batchReasons(atTheLimit)).isEmpty();
    DataOpTicket ranLarge = DataOpTicket.of("E", DataOpState.EXTRACTED, rows,
        DataOpRecord.builder().actualRowCount(P.extractionLargeRows() + 1).build());
    assertThat(Fixtures.EXT.batchReasons(ranLarge)).containsExactly(org.opsbook.rules.dataop.ExtractionWindow.EXT_04);
  }
}
