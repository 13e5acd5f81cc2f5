package org.opsbook.core.spi;

import java.time.Instant;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;

/**
 * A stored instance of a declared state machine (a data modification, an extraction, a cutover, an SMS review …):
 * its machine, current state, version and the domain's current data as JSON text.
 */
@Value.Immutable
public abstract class WorkflowInstance {
  /** The instance's ID, e.g. the data-operation ticket number. */
  public abstract String id();

  /** The machine, e.g. {@code SM-DATAOP-MOD}. */
  public abstract String machine();

  /** The current state's name. */
  public abstract String state();

  /** The number of transitions applied; the version for optimistic concurrency. */
  public abstract long version();

  /** The domain's current data, as written by its JSON codec. */
  public abstract String dataJson();

  /** When the instance was created. */
  public abstract Instant createdAt();

  /** When the last transition happened. */
  public abstract Instant updatedAt();

  @Value.Check
  protected void check() {
    if (version() < 0) {
      throw new InvalidInputException("version", "version must be >= 0: " + version());
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkflowInstance} values. */
  public static final class Builder extends ImmutableWorkflowInstance.Builder {}
}
