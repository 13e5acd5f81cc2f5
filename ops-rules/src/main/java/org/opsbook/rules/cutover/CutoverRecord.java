package org.opsbook.rules.cutover;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.opsbook.rules.internal.cutover.CutoverWorkflow;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What has happened to a cutover: for each SM-CUTOVER event, its last accepted occurrence (who, when, what it
 * recorded), and the customer complaints relayed during the cutover that are not yet resolved (CUTOVER-20). The full
 * sequence is in the audit trail. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CutoverRecord {
  private static final CutoverRecord EMPTY = builder().build();

  /** Returns the record of a cutover nothing has happened to. */
  public static CutoverRecord empty() {
    return EMPTY;
  }

  /** The last accepted occurrence of each event. */
  public abstract Map<CutoverEvent, RecordedStep> steps();

  /** Returns the last accepted occurrence of {@code event}, if any. */
  public Optional<RecordedStep> step(CutoverEvent event) {
    return Optional.ofNullable(steps().get(event));
  }

  /** Returns what {@code event} recorded last, or nothing-recorded data when it never happened. */
  public CutoverEventData data(CutoverEvent event) {
    return step(event).map(RecordedStep::data).orElse(CutoverEventData.none());
  }

  /** The 工程割接第一责任人 who created the cutover (CUTOVER-04). */
  public Optional<String> ownerId() {
    return step(CutoverEvent.CREATE).map(RecordedStep::actorId);
  }

  /**
   * The complaints 客户服务中心 relayed during the cutover and not yet resolved, each with when it was relayed: each
   * one a duty of the cutover's 负责人 to resolve (CUTOVER-20, {@link CutoverWorkflow#duties}).
   */
  public abstract Map<String, Instant> openComplaints();

  /** Returns this record with {@code step} as the last occurrence of {@code event}. */
  public CutoverRecord with(CutoverEvent event, RecordedStep step) {
    Map<CutoverEvent, RecordedStep> next = new EnumMap<>(CutoverEvent.class);
    next.putAll(steps());
    next.put(event, step);
    Map<String, Instant> open = new TreeMap<>(openComplaints());
    Set<String> refs = step.data().complaintRefs();
    if (event == CutoverEvent.RELAY_COMPLAINT) {
      refs.forEach(ref -> open.putIfAbsent(ref, step.at()));
    } else if (event == CutoverEvent.RESOLVE_COMPLAINT) {
      open.keySet().removeAll(refs);
    }
    return builder().putAllSteps(next).putAllOpenComplaints(open).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CutoverRecord} values. */
  public static final class Builder extends ImmutableCutoverRecord.Builder {}

  /**
   * One accepted event as a cutover keeps it: who fired it, when, and what it recorded.
   *
   * @param actorId who fired it
   * @param at when
   * @param data what it recorded
   */
  public record RecordedStep(String actorId, Instant at, CutoverEventData data) {
    /** Validates the parts. */
    public RecordedStep {
      checkNotNull(actorId, "actorId");
      checkNotNull(at, "at");
      checkNotNull(data, "data");
    }
  }
}
