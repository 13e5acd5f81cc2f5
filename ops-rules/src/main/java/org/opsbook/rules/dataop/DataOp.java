package org.opsbook.rules.dataop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;

/**
 * What the submitter states about a back-end data operation when raising its ticket (rules-catalog §2.7): the kind
 * of operation and ticket, the estimated size, the sensitivity, the impact statements and, for an extraction, the
 * requirement. What happens to the ticket afterwards is in {@link DataOpRecord}.
 *
 * <p>An absent fact takes its neutral default: {@code 0} for counts, {@code false} for flags, empty for texts.
 * Counts and amounts must not be negative ({@link InvalidInputException} naming the field). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketKind(TicketKind.AMS_DATA_MOD)
 *     .targetSystem(TargetSystem.BOSS).recordCount(12).impactStatement("12 numbers' package end date")
 *     .sideEffectsBusiness("无").sideEffectsAccounts("无").sideEffectsReports("无").urgency("一般").build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false)
public abstract class DataOp {
  /** Modification, extraction or query only. */
  public abstract OpType opType();

  /** The AMS or CMCP ticket number, if known. */
  public abstract Optional<String> ticketNo();

  /** The ticket kind (DATAOP-MOD-01, DATAOP-EXT-01). */
  public abstract Optional<TicketKind> ticketKind();

  /** The system touched (DATAOP-DEF-05). */
  public abstract Optional<TargetSystem> targetSystem();

  /** The estimated number of back-end records modified (DATAOP-DEF-02); the actual count is recorded on execution. */
  @Value.Default
  public int recordCount() {
    return 0;
  }

  /** 财务报表数据修正 (DATAOP-DEF-02). */
  @Value.Default
  public boolean isFinancialReportCorrection() {
    return false;
  }

  /** 金额差异 in yuan of a financial-report correction (DATAOP-DEF-02). */
  @Value.Default
  public BigDecimal financialAmountDifferenceYuan() {
    return BigDecimal.ZERO;
  }

  /** 商品进销存报表核对数据修正 (DATAOP-DEF-02). */
  @Value.Default
  public boolean isInventoryReportCorrection() {
    return false;
  }

  /** 误差 of an inventory-report correction, in the host's unit (OQ-21) (DATAOP-DEF-02). */
  @Value.Default
  public BigDecimal inventoryReportError() {
    return BigDecimal.ZERO;
  }

  /** The change concerns one phone number (单个号码, DATAOP-DEF-03, DATAOP-MOD-09). */
  @Value.Default
  public boolean singleNumber() {
    return false;
  }

  /** The host flags the change as 重要数据修改 (DATAOP-MOD-14; see {@link #important()}). */
  @Value.Default
  public boolean isImportant() {
    return false;
  }

  /** Touches level-1 sensitive data (一级敏感数据, DATAOP-SENS-02). */
  @Value.Default
  public boolean involvesLevel1Sensitive() {
    return false;
  }

  /** A routine (日常) operation rather than a non-routine ad-hoc one (DATAOP-SENS-01). */
  @Value.Default
  public boolean routineOperation() {
    return false;
  }

  /** The script only inserts; with {@code allowNoBackupForInsertOnly} it may skip the backup (DATAOP-MOD-11). */
  @Value.Default
  public boolean insertOnly() {
    return false;
  }

  /** 具体的影响面 (DATAOP-MOD-06). */
  public abstract Optional<String> impactStatement();

  /** 其他影响 on business (业务), possibly "无" (DATAOP-MOD-06). */
  public abstract Optional<String> sideEffectsBusiness();

  /** 其他影响 on accounts (帐务), possibly "无" (DATAOP-MOD-06). */
  public abstract Optional<String> sideEffectsAccounts();

  /** 其他影响 on reports (报表), possibly "无" (DATAOP-MOD-06). */
  public abstract Optional<String> sideEffectsReports();

  /** 任务紧急程度 (DATAOP-ROLE-01). */
  public abstract Optional<String> urgency();

  /** The fault this modification repairs, if any (DATAOP-MOD-16). */
  public abstract Optional<String> linkedFaultId();

  /** The full extraction of every record the fault damaged (DATAOP-MOD-16). */
  public abstract Optional<String> fullScopeExtractionRef();

  /** Why the complaint numbers are the fault's whole scope, when there is no full extraction (DATAOP-MOD-16). */
  public abstract Optional<String> fullScopeJustification();

  /** Extraction: 需求用途 (DATAOP-EXT-03). */
  public abstract Optional<String> requirementPurpose();

  /** Extraction: 需求内容描述 (DATAOP-EXT-03). */
  public abstract Optional<String> requirementContent();

  /** Extraction: 数据详细要求 (DATAOP-EXT-03). */
  public abstract Optional<String> dataRequirements();

  /** Extraction: 需要的字段 (DATAOP-EXT-03). */
  public abstract List<String> requiredFields();

  /** Extraction: the estimated number of rows (DATAOP-EXT-04). */
  @Value.Default
  public int estimatedRowCount() {
    return 0;
  }

  /** Extraction: the estimated execution time in minutes (DATAOP-EXT-04). */
  @Value.Default
  public double estimatedExecutionMinutes() {
    return 0;
  }

  /** Extraction: when the run is planned to start (DATAOP-EXT-04). */
  public abstract Optional<Instant> plannedStart();

  /**
   * 重要数据修改 (DATAOP-MOD-14), which the source never defines (OQ-20): the host's flag, or level-1 sensitive data,
   * or a financial-report correction (the catalog's proposed default).
   */
  public boolean important() {
    return isImportant() || involvesLevel1Sensitive() || isFinancialReportCorrection();
  }

  @Value.Check
  protected void check() {
    nonNegative("recordCount", recordCount());
    nonNegative("estimatedRowCount", estimatedRowCount());
    if (!(estimatedExecutionMinutes() >= 0) || Double.isInfinite(estimatedExecutionMinutes())) {
      throw new InvalidInputException("estimatedExecutionMinutes",
          "estimatedExecutionMinutes must be >= 0: " + estimatedExecutionMinutes());
    }
    if (financialAmountDifferenceYuan().signum() < 0) {
      throw new InvalidInputException("financialAmountDifferenceYuan",
          "financialAmountDifferenceYuan must be >= 0: " + financialAmountDifferenceYuan());
    }
    if (inventoryReportError().signum() < 0) {
      throw new InvalidInputException("inventoryReportError",
          "inventoryReportError must be >= 0: " + inventoryReportError());
    }
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidInputException(field, field + " must be >= 0: " + value);
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these facts, to derive changed ones. */
  public Builder toBuilder() {
    return (Builder) new Builder().from(this);
  }

  /** Builds {@link DataOp} values; unset facts keep their neutral defaults. */
  public static final class Builder extends ImmutableDataOp.Builder {}
}
