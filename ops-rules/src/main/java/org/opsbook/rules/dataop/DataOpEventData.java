package org.opsbook.rules.dataop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.EventIds;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;

/**
 * What one event records on a data-operation ticket: script and backup references, approval forms, the developer
 * assignment, actual counts, the reviewer's checks and samples, delivery and notification. Each event reads only
 * the fields it records (see {@link DataOpWorkflow}); the rest stay empty. Immutable and thread-safe.
 *
 * <pre>{@code
 * DataOpEventData review = DataOpEventData.builder().scriptVerified(true).resultVerified(true)
 *     .addSampledNumbers(Sample.of("13800138000")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class DataOpEventData {
  private static final DataOpEventData NONE = builder().build();

  /** Returns data that records nothing. */
  public static DataOpEventData none() {
    return NONE;
  }

  /** The script on the ticket (DATAOP-MOD-03, DATAOP-EXT-09). */
  public abstract Optional<String> scriptRef();

  /** The backup on the ticket (DATAOP-MOD-03). */
  public abstract Optional<String> backupRef();

  /** When the backup was taken; the event's time when absent (DATAOP-MOD-11). */
  public abstract Optional<Instant> backupTakenAt();

  /** What is attached to the ticket (DATAOP-MOD-09, DATAOP-MOD-13). */
  public abstract Set<Attachment> attachments();

  /** The original data and the script are written in the ticket's title or body (DATAOP-MOD-09). */
  @Value.Default
  public boolean inlineOriginalDataAndScript() {
    return false;
  }

  /** Who approved the 运维访问敏感数据审批表 (DATAOP-SENS-01), with their roles. */
  public abstract Optional<Actor> sensitiveAccessFormApprovedBy();

  /** When that form was approved; the event's time when absent. */
  public abstract Optional<Instant> sensitiveAccessFormApprovedAt();

  /** Who approved the 批量敏感数据修改审批单 (DATAOP-SENS-04), with their roles. */
  public abstract Optional<Actor> batchSensitiveFormApprovedBy();

  /** When that form was approved; the event's time when absent. */
  public abstract Optional<Instant> batchSensitiveFormApprovedAt();

  /** The developer execution is handed to (SM-DATAOP-MOD-T05). */
  public abstract Optional<String> developerId();

  /** Whether that developer works on site or remotely (DATAOP-SENS-03). */
  public abstract Optional<ActorKind> executorKind();

  /** The city staff member who monitors a developer throughout (DATAOP-SENS-03). */
  public abstract Optional<String> cityMonitorId();

  /** 市公司人员全程监控 (DATAOP-SENS-03). */
  @Value.Default
  public boolean cityMonitorPresentThroughout() {
    return false;
  }

  /** The developer's statement of the impact (DATAOP-MOD-10). */
  public abstract Optional<String> impactReply();

  /** The number of records actually modified (DATAOP-DEF-02 recomputed after execution). */
  public abstract OptionalInt actualRecordCount();

  /** The number of rows actually extracted (DATAOP-EXT-04, DATAOP-EXT-06). */
  public abstract OptionalInt actualRowCount();

  /** The minutes the extraction actually ran (DATAOP-EXT-04). */
  public abstract OptionalDouble actualExecutionMinutes();

  /**
   * When the extraction started (DATAOP-EXT-04); not after the run's report. When absent, the report's time less
   * {@link #actualExecutionMinutes()}: a run is reported once it has ended.
   */
  public abstract Optional<Instant> startedAt();

  /** 核实数据修改脚本无误 (DATAOP-MOD-15). */
  @Value.Default
  public boolean scriptVerified() {
    return false;
  }

  /** 核实数据修改结果无误 (DATAOP-MOD-15). */
  @Value.Default
  public boolean resultVerified() {
    return false;
  }

  /** 核实数据提取逻辑无误 (DATAOP-EXT-06). */
  @Value.Default
  public boolean logicVerified() {
    return false;
  }

  /** 核实共提取的记录数 (DATAOP-EXT-06). */
  @Value.Default
  public boolean countVerified() {
    return false;
  }

  /** The sampled numbers, masked, with their attestation (DATAOP-EXT-06, DATAOP-MOD-15). */
  public abstract List<Sample> sampledNumbers();

  /** Why the review failed. */
  public abstract Optional<String> findings();

  /** How the requester was told (DATAOP-EXT-07, DATAOP-MOD-05). */
  public abstract Optional<NotifyChannel> channel();

  /** Who received the extracted data (DATAOP-EXT-02). */
  public abstract Optional<String> deliveredTo();

  /** The processor's estimate of the effort, told to the requester (DATAOP-EXT-08). */
  public abstract Optional<String> estimatedEffort();

  /** Extraction: the script's estimated rows, replacing the submitted estimate (DATAOP-EXT-04). */
  public abstract OptionalInt estimatedRowCount();

  /** Extraction: the script's estimated minutes, replacing the submitted estimate (DATAOP-EXT-04). */
  public abstract OptionalDouble estimatedExecutionMinutes();

  /** Why the ticket is cancelled. */
  public abstract Optional<String> reason();

  /**
   * Returns this data with the people it names as the host's directory knows them, by their IDs: each form's approver
   * with the directory's roles, organisation and staff kind (DATAOP-SENS-01, DATAOP-SENS-04), the developer's staff
   * kind (DATAOP-SENS-03), and the city monitor, who must be city staff (市公司人员, DATAOP-SENS-03). What a caller
   * states of a person (an approver's roles, a developer's working on site) is not evidence: a host engine resolves
   * it here before the step is decided.
   *
   * @param people the actor of a person ID, from the directory; throws {@link InvalidInputException} for an ID it
   *     does not know
   * @throws InvalidInputException naming the field ({@code data.batchSensitiveFormApprovedBy}, …) for a person the
   *     directory does not know, a stated {@code executorKind} other than the developer's, or a city monitor who is
   *     not city staff
   */
  public DataOpEventData withPeopleFrom(Function<String, Actor> people) {
    ImmutableDataOpEventData out = (ImmutableDataOpEventData) ImmutableDataOpEventData.copyOf(this);
    if (sensitiveAccessFormApprovedBy().isPresent()) {
      out = out.withSensitiveAccessFormApprovedBy(EventIds.known(people,
          sensitiveAccessFormApprovedBy().get().id(), "sensitiveAccessFormApprovedBy"));
    }
    if (batchSensitiveFormApprovedBy().isPresent()) {
      out = out.withBatchSensitiveFormApprovedBy(EventIds.known(people,
          batchSensitiveFormApprovedBy().get().id(), "batchSensitiveFormApprovedBy"));
    }
    if (developerId().isPresent()) {
      Actor developer = EventIds.known(people, developerId().get(), "developerId");
      if (executorKind().filter(k -> k != developer.kind()).isPresent()) {
        throw new InvalidInputException("data.executorKind", "the directory has the developer "
            + Masking.name(developer.id()) + " as " + developer.kind() + ", not " + executorKind().get(),
            RuleId.of("DATAOP-SENS-03"));
      }
      out = out.withDeveloperId(developer.id()).withExecutorKind(developer.kind());
    }
    if (cityMonitorId().isPresent()) {
      Actor monitor = EventIds.known(people, cityMonitorId().get(), "cityMonitorId");
      if (monitor.kind() != ActorKind.CITY_STAFF) {
        throw new InvalidInputException("data.cityMonitorId", "the city monitor " + Masking.name(monitor.id())
            + " is " + monitor.kind() + ", not city staff (市公司人员)", RuleId.of("DATAOP-SENS-03"));
      }
      out = out.withCityMonitorId(monitor.id());
    }
    return out;
  }

  /** Returns the names of the fields this data sets, as the decision API spells them, sorted. */
  public SortedSet<String> presentFields() {
    SortedSet<String> f = new TreeSet<>();
    scriptRef().ifPresent(v -> f.add("scriptRef"));
    backupRef().ifPresent(v -> f.add("backupRef"));
    backupTakenAt().ifPresent(v -> f.add("backupTakenAt"));
    if (!attachments().isEmpty()) {
      f.add("attachments");
    }
    if (inlineOriginalDataAndScript()) {
      f.add("inlineOriginalDataAndScript");
    }
    sensitiveAccessFormApprovedBy().ifPresent(v -> f.add("sensitiveAccessFormApprovedBy"));
    sensitiveAccessFormApprovedAt().ifPresent(v -> f.add("sensitiveAccessFormApprovedAt"));
    batchSensitiveFormApprovedBy().ifPresent(v -> f.add("batchSensitiveFormApprovedBy"));
    batchSensitiveFormApprovedAt().ifPresent(v -> f.add("batchSensitiveFormApprovedAt"));
    developerId().ifPresent(v -> f.add("developerId"));
    executorKind().ifPresent(v -> f.add("executorKind"));
    cityMonitorId().ifPresent(v -> f.add("cityMonitorId"));
    if (cityMonitorPresentThroughout()) {
      f.add("cityMonitorPresentThroughout");
    }
    impactReply().ifPresent(v -> f.add("impactReply"));
    actualRecordCount().ifPresent(v -> f.add("actualRecordCount"));
    actualRowCount().ifPresent(v -> f.add("actualRowCount"));
    actualExecutionMinutes().ifPresent(v -> f.add("actualExecutionMinutes"));
    startedAt().ifPresent(v -> f.add("startedAt"));
    if (scriptVerified()) {
      f.add("scriptVerified");
    }
    if (resultVerified()) {
      f.add("resultVerified");
    }
    if (logicVerified()) {
      f.add("logicVerified");
    }
    if (countVerified()) {
      f.add("countVerified");
    }
    if (!sampledNumbers().isEmpty()) {
      f.add("sampledNumbers");
    }
    findings().ifPresent(v -> f.add("findings"));
    channel().ifPresent(v -> f.add("channel"));
    deliveredTo().ifPresent(v -> f.add("deliveredTo"));
    estimatedEffort().ifPresent(v -> f.add("estimatedEffort"));
    estimatedRowCount().ifPresent(v -> f.add("estimatedRowCount"));
    estimatedExecutionMinutes().ifPresent(v -> f.add("estimatedExecutionMinutes"));
    reason().ifPresent(v -> f.add("reason"));
    return f;
  }

  @Value.Check
  protected void check() {
    if (actualRecordCount().isPresent() && actualRecordCount().getAsInt() < 0) {
      throw new InvalidInputException("actualRecordCount", "actualRecordCount must be >= 0: "
          + actualRecordCount().getAsInt());
    }
    if (actualRowCount().isPresent() && actualRowCount().getAsInt() < 0) {
      throw new InvalidInputException("actualRowCount", "actualRowCount must be >= 0: " + actualRowCount().getAsInt());
    }
    if (estimatedRowCount().isPresent() && estimatedRowCount().getAsInt() < 0) {
      throw new InvalidInputException("estimatedRowCount", "estimatedRowCount must be >= 0: "
          + estimatedRowCount().getAsInt());
    }
    minutes("actualExecutionMinutes", actualExecutionMinutes());
    minutes("estimatedExecutionMinutes", estimatedExecutionMinutes());
  }

  private static void minutes(String field, OptionalDouble m) {
    if (m.isPresent() && (!(m.getAsDouble() >= 0) || Double.isInfinite(m.getAsDouble()))) {
      throw new InvalidInputException(field, field + " must be >= 0: " + m.getAsDouble());
    }
  }

  /** Canonical person IDs ({@link org.opsbook.core.PersonIds}): one person, one ID in every guard. */
  @Value.Check
  protected DataOpEventData canonicalIds() {
    if (EventIds.isCanonical(developerId()) && EventIds.isCanonical(cityMonitorId())) {
      return this;
    }
    return ((ImmutableDataOpEventData) ImmutableDataOpEventData.copyOf(this))
        .withDeveloperId(EventIds.canonical("developerId", developerId()))
        .withCityMonitorId(EventIds.canonical("cityMonitorId", cityMonitorId()));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DataOpEventData}; strict: each field is set once. */
  public static final class Builder extends ImmutableDataOpEventData.Builder {}
}
