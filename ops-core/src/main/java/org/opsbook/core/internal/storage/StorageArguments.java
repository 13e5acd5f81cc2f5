package org.opsbook.core.internal.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;

/**
 * The argument checks every implementation of a storage port makes before it writes, so a call that the in-memory
 * store refuses is refused by every store, with the same message and before anything is written. A failed check
 * throws {@link IllegalArgumentException}: it is a caller bug, not bad input from a person.
 */
public final class StorageArguments {
  private StorageArguments() {}

  /** Checks the arguments of {@link FaultRepository#append}. */
  public static void checkFaultAppend(String faultId, long expectedVersion, List<FaultEvent> events,
      FaultSummary summary) {
    checkArgument(expectedVersion >= 0, "expectedVersion must be >= 0: %s", expectedVersion);
    checkArgument(!events.isEmpty(), "events must not be empty");
    checkArgument(summary.faultId().equals(faultId), "summary is for %s, not %s", summary.faultId(), faultId);
    checkArgument(summary.version() == expectedVersion + events.size(),
        "summary version must be %s: %s", expectedVersion + events.size(), summary.version());
    for (int i = 0; i < events.size(); i++) {
      FaultEvent e = events.get(i);
      checkArgument(e.faultId().equals(faultId), "event for %s in the history of %s", e.faultId(), faultId);
      checkArgument(e.sequence() == expectedVersion + 1 + i,
          "event sequence must be %s: %s", expectedVersion + 1 + i, e.sequence());
    }
  }

  /** Checks the arguments of {@link WorkflowRepository#create}. */
  public static void checkWorkflowCreate(WorkflowInstance instance) {
    checkArgument(instance.version() == 0, "a new instance has version 0: %s", instance.version());
  }

  /** Checks the arguments of {@link WorkflowRepository#transition} that do not need the stored instance. */
  public static void checkTransition(String instanceId, long expectedVersion, TransitionRecord transition) {
    checkArgument(transition.instanceId().equals(instanceId), "transition is for %s", transition.instanceId());
    checkArgument(transition.sequence() == expectedVersion + 1,
        "transition sequence must be %s: %s", expectedVersion + 1, transition.sequence());
  }

  /** Checks that a transition starts where the stored instance stands. */
  public static void checkTransitionFrom(TransitionRecord transition, String storedState) {
    checkArgument(transition.fromState().equals(storedState),
        "transition from %s but the instance is in %s", transition.fromState(), storedState);
  }
}
