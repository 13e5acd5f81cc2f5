package org.opsbook.rules.cutover;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What has happened to a cutover: for each SM-CUTOVER event, its last accepted occurrence (who, when, what it
 * recorded). The full sequence is in the audit trail. Immutable and thread-safe.
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

  /** Returns this record with {@code step} as the last occurrence of {@code event}. */
  public CutoverRecord with(CutoverEvent event, RecordedStep step) {
    Map<CutoverEvent, RecordedStep> next = new EnumMap<>(CutoverEvent.class);
    next.putAll(steps());
    next.put(event, step);
    return builder().putAllSteps(next).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CutoverRecord} values. */
  public static final class Builder extends ImmutableCutoverRecord.Builder {}
}
