package org.opsbook.core.spi;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.AuditEntry;

/**
 * Storage of workflow instances (data operations, cutovers, SMS reviews …) and their transition history.
 * Thread-safe.
 */
public interface WorkflowRepository {
  /**
   * Stores a new instance at version 0 and seals {@code audit}, atomically.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when an instance with that ID exists
   */
  void create(WorkflowInstance instance, List<AuditEntry> audit);

  /**
   * Applies an accepted transition atomically: appends {@code transition} to the history, moves the instance to
   * its {@code toState} with {@code newDataJson}, bumps the version and seals {@code audit}.
   *
   * @param expectedVersion the version the writer read; the transition's sequence is {@code expectedVersion + 1}
   * @return the instance after the transition
   * @throws org.opsbook.core.ConcurrentUpdateException when the stored version differs or the instance is unknown
   */
  WorkflowInstance transition(String instanceId, long expectedVersion, TransitionRecord transition,
      String newDataJson, List<AuditEntry> audit);

  /** Returns the instance, if it exists. */
  Optional<WorkflowInstance> find(String instanceId);

  /** Returns the instance's transitions in order. */
  List<TransitionRecord> history(String instanceId);

  /** Returns the instances of a machine, most recently updated first. */
  List<WorkflowInstance> list(String machine);
}
