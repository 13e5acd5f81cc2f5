package org.opsbook.rules.internal.dataop;

import com.google.common.collect.ImmutableSortedSet;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpTicket;

/**
 * The batch-or-single classification of a modification (DATAOP-DEF-02): 「分为批量数据修改(涉及1000条以上的后台记录数据的修改、
 * 金额差异超过10万元的财务报表数据修正或误差超1000的商品进销存报表核对数据修正)、单个数据修改两类」. Evaluated on the estimate at
 * submission and again on the actual record count after execution.
 *
 * @param isBatch true when any criterion holds
 * @param criteria the criteria that hold
 */
public record Batch(boolean isBatch, Set<BatchCriterion> criteria) {
  /** The rule that classifies. */
  public static final RuleId DEF_02 = RuleId.of("DATAOP-DEF-02");

  private static final Batch SINGLE = new Batch(false, Set.of());

  /** Copies the criteria. */
  public Batch {
    criteria = criteria.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(criteria));
  }

  /** Returns the batch classification of {@code ticket} as of now (DATAOP-DEF-02), on its effective record count. */
  public static Batch of(DataOpTicket ticket, OpsParameters p) {
    return classify(ticket.op(), ticket.effectiveRecordCount(), p);
  }

  /**
   * Classifies a modification.
   *
   * @param op the stated facts (financial and inventory corrections)
   * @param recordCount the record count to judge by: the estimate, or the actual count once executed
   * @param p the thresholds (batchRecordCount {@code >=}, batchFinancialYuan {@code >}, batchInventoryError {@code >})
   */
  public static Batch classify(DataOp op, int recordCount, OpsParameters p) {
    Set<BatchCriterion> c = EnumSet.noneOf(BatchCriterion.class);
    if (recordCount >= p.batchRecordCount()) {
      c.add(BatchCriterion.RECORD_COUNT);
    }
    if (op.isFinancialReportCorrection() && greater(op.financialAmountDifferenceYuan(), p.batchFinancialYuan())) {
      c.add(BatchCriterion.FINANCIAL_DIFFERENCE);
    }
    if (op.isInventoryReportCorrection() && greater(op.inventoryReportError(), p.batchInventoryError())) {
      c.add(BatchCriterion.INVENTORY_ERROR);
    }
    return c.isEmpty() ? SINGLE : new Batch(true, c);
  }

  private static boolean greater(BigDecimal value, BigDecimal threshold) {
    return value.compareTo(threshold) > 0;
  }

  /** Returns the rule IDs that made it a batch ({@code [DATAOP-DEF-02]}), or none for a single modification. */
  public SortedSet<RuleId> reasons() {
    return isBatch ? ImmutableSortedSet.of(DEF_02) : ImmutableSortedSet.of();
  }

  /** Returns the criteria in declaration order. */
  public List<BatchCriterion> criteriaInOrder() {
    return criteria.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(criteria));
  }
}
