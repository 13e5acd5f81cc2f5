package org.opsbook.rules.dataop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import org.immutables.value.Value;
import org.opsbook.core.ActorKind;
import org.opsbook.core.RuleId;
import static com.google.common.base.Preconditions.checkNotNull;
import org.opsbook.core.Actor;

/**
 * What has happened to a data-operation ticket so far: who did each step and when, the evidence each step put on
 * the ticket, and the reviewer's checks (rules-catalog §2.7 person IDs, timestamps and refs). Accepted events extend
 * it; nothing else does. Sampled numbers are held masked, and compared by keyed digest only ({@link Sample}).
 * A rule the operation broke as it happened (a run into the peak hours, DATAOP-EXT-04) is kept in
 * {@link #recordedViolations()}: the event that reported it was recorded, not refused. Immutable and thread-safe.
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false,
    depluralize = true)
public abstract class DataOpRecord {
  private static final DataOpRecord EMPTY = builder().build();

  /** Returns the record of a ticket nothing has happened to. */
  public static DataOpRecord empty() {
    return EMPTY;
  }

  /** 数据操作提交人, also taken as 数据工单发起人 (DATAOP-ROLE-01, DATAOP-MOD-12). */
  public abstract Optional<String> submitterId();

  /** When the ticket was submitted. */
  public abstract Optional<Instant> submittedAt();

  /** Who gave 业务审批 (DATAOP-MOD-08). */
  public abstract Optional<String> businessApproverId();

  /** When (DATAOP-MOD-18). */
  public abstract Optional<Instant> businessApprovedAt();

  /** Who wrote the current script. */
  public abstract Optional<String> scriptAuthorId();

  /** When the current script was put on the ticket: its approval and its run follow it (DATAOP-MOD-18). */
  public abstract Optional<Instant> scriptAttachedAt();

  /** The current script (DATAOP-MOD-03, DATAOP-EXT-09). */
  public abstract Optional<String> scriptRef();

  /** The current backup (DATAOP-MOD-03). */
  public abstract Optional<String> backupRef();

  /** When the backup was taken (DATAOP-MOD-11). */
  public abstract Optional<Instant> backupTakenAt();

  /** What is attached to the ticket (DATAOP-MOD-09, DATAOP-MOD-13). */
  public abstract Set<Attachment> attachments();

  /** Original data and script are written inline (DATAOP-MOD-09). */
  @Value.Default
  public boolean inlineOriginalDataAndScript() {
    return false;
  }

  /** 数据操作处理人(市公司) who gave 技术审批 or approved the extraction script (DATAOP-MOD-04, DATAOP-EXT-10). */
  public abstract Optional<String> techApproverId();

  /** When (DATAOP-MOD-18). */
  public abstract Optional<Instant> techApprovedAt();

  /** The approved 运维访问敏感数据审批表 (DATAOP-SENS-01). */
  public abstract Optional<Approval> sensitiveAccessForm();

  /** The approved 批量敏感数据修改审批单 (DATAOP-SENS-04). */
  public abstract Optional<Approval> batchSensitiveForm();

  /** The developer execution was handed to (SM-DATAOP-MOD-T05). */
  public abstract Optional<String> assignedDeveloperId();

  /** Whether the assigned developer is on site or remote (DATAOP-SENS-03). */
  public abstract Optional<ActorKind> assignedExecutorKind();

  /** The city staff member monitoring the developer (DATAOP-SENS-03). */
  public abstract Optional<String> cityMonitorId();

  /** 市公司人员全程监控 (DATAOP-SENS-03). */
  @Value.Default
  public boolean cityMonitorPresentThroughout() {
    return false;
  }

  /** The developer's impact statement (DATAOP-MOD-10). */
  public abstract Optional<String> developerImpactReply();

  /** When the developer replied (DATAOP-MOD-10). */
  public abstract Optional<Instant> developerImpactReplyAt();

  /** When the submitter consented (DATAOP-MOD-10). */
  public abstract Optional<Instant> submitterConsentAt();

  /** Who executed or ran it. */
  public abstract Optional<String> executorId();

  /** What kind of party executed it (DATAOP-SENS-03). */
  public abstract Optional<ActorKind> executorKind();

  /** When it was executed (for an extraction: when the run started) (DATAOP-MOD-18, DATAOP-EXT-04). */
  public abstract Optional<Instant> executedAt();

  /** The number of records actually modified (DATAOP-DEF-02). */
  public abstract OptionalInt actualRecordCount();

  /** The number of rows actually extracted (DATAOP-EXT-04, DATAOP-EXT-06). */
  public abstract OptionalInt actualRowCount();

  /** The minutes the extraction actually ran (DATAOP-EXT-04). */
  public abstract OptionalDouble actualExecutionMinutes();

  /** Extraction: the script's estimated rows, when it replaced the submitted estimate (DATAOP-EXT-04). */
  public abstract OptionalInt estimatedRowCount();

  /** Extraction: the script's estimated minutes, when it replaced the submitted estimate (DATAOP-EXT-04). */
  public abstract OptionalDouble estimatedExecutionMinutes();

  /**
   * Everyone who acted as a 数据操作处理人 on the ticket so far: the extraction's assessor (「数据操作处理人核实需求并评估需求所需时间」),
   * script authors, city processors who approved, and executors, across rework rounds (DATAOP-MOD-14, DATAOP-EXT-05,
   *
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> processorIds();

  /** Everyone who executed or ran it so far, across rework rounds (DATAOP-MOD-12). */
  @Value.NaturalOrder
  public abstract SortedSet<String> executorIds();

  /** Who passed the review (数据操作审核人; also the 验收 of DATAOP-MOD-12). */
  public abstract Optional<String> reviewerId();

  /** When (DATAOP-MOD-18). */
  public abstract Optional<Instant> reviewedAt();

  /** 核实数据修改脚本无误 (DATAOP-MOD-15). */
  @Value.Default
  public boolean reviewScriptVerified() {
    return false;
  }

  /** 核实数据修改结果无误 (DATAOP-MOD-15). */
  @Value.Default
  public boolean reviewResultVerified() {
    return false;
  }

  /** 核实数据提取逻辑无误 (DATAOP-EXT-06). */
  @Value.Default
  public boolean reviewLogicVerified() {
    return false;
  }

  /** 核实共提取的记录数 (DATAOP-EXT-06). */
  @Value.Default
  public boolean reviewCountVerified() {
    return false;
  }

  /** The sampled numbers, masked (DATAOP-EXT-06, DATAOP-MOD-15). */
  public abstract List<Sample> reviewSampledNumbers();

  /** The findings of the last failed review. */
  public abstract Optional<String> findings();

  /** How many times the review failed. */
  @Value.Default
  public int reworkCount() {
    return 0;
  }

  /** Extraction: the processor's effort estimate (DATAOP-EXT-08). */
  public abstract Optional<String> estimatedEffort();

  /** Extraction: when the requester was told the estimate (DATAOP-EXT-08). */
  public abstract Optional<Instant> assessedAt();

  /** Extraction: who received the data (DATAOP-EXT-02). */
  public abstract Optional<String> deliveredTo();

  /** Extraction: when. */
  public abstract Optional<Instant> deliveredAt();

  /** How the requester was told the result (DATAOP-EXT-07, DATAOP-MOD-05). */
  public abstract Optional<NotifyChannel> requesterNotifiedVia();

  /** When. */
  public abstract Optional<Instant> requesterNotifiedAt();

  /** Who confirmed the result for the business. */
  public abstract Optional<String> businessConfirmedBy();

  /** When. */
  public abstract Optional<Instant> businessConfirmedAt();

  /** Why it was cancelled. */
  public abstract Optional<String> cancelReason();

  /**
   * The rules the operation broke as it happened, in the order they were recorded: an extraction reported as run
   * into the peak hours of a working day (DATAOP-EXT-04). The review sees them; the audit entry of the step names
   * them with the reason.
   */
  public abstract List<RuleId> recordedViolations();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this record, to extend it. */
  public Builder toBuilder() {
    return (Builder) new Builder().from(this);
  }

  /** Builds {@link DataOpRecord} values. */
  public static final class Builder extends ImmutableDataOpRecord.Builder {}

  /**
   * An approval form as the host's AMS or CMCP records it: who approved (with the roles the host's directory gives
   * them) and when. Used for 运维访问敏感数据审批表 (DATAOP-SENS-01) and 批量敏感数据修改审批单 (DATAOP-SENS-04).
   *
   * @param approver who approved, with their roles
   * @param approvedAt when
   */
  public record Approval(Actor approver, Instant approvedAt) {
    /** Validates the parts. */
    public Approval {
      checkNotNull(approver, "approver");
      checkNotNull(approvedAt, "approvedAt");
    }
  }
}
