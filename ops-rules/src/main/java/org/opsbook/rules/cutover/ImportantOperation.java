package org.opsbook.rules.cutover;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * An important operation during the cutover and its A/B pair (CUTOVER-18: 「重要的操作必须“一人操作、一人监督”的双人“AB”角操作」).
 *
 * @param description what was done
 * @param operatorId who operated, if recorded
 * @param watcherId who supervised, if recorded
 */
public record ImportantOperation(String description, Optional<String> operatorId, Optional<String> watcherId) {
  /** Validates the parts. */
  public ImportantOperation {
    checkNotNull(description, "description");
    checkNotNull(operatorId, "operatorId");
    checkNotNull(watcherId, "watcherId");
  }

  /** Returns an operation done by {@code operatorId} under {@code watcherId}. */
  public static ImportantOperation of(String description, String operatorId, String watcherId) {
    return new ImportantOperation(description, Optional.ofNullable(operatorId), Optional.ofNullable(watcherId));
  }

  /** Returns true when both people are recorded and they are two different people. */
  public boolean twoPeople() {
    return operatorId.isPresent() && watcherId.isPresent() && !operatorId.get().isBlank()
        && !watcherId.get().isBlank() && !operatorId.get().equals(watcherId.get());
  }
}
