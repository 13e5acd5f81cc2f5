package org.opsbook.rules.esc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.machine.Outcome;
import org.opsbook.core.machine.WorkflowCodec;
import org.opsbook.core.machine.WorkflowStore;
import org.opsbook.core.spi.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository;

/**
 * Keeps SM-ESC faults in the host's {@link WorkflowRepository} (machine {@code SM-ESC}) through the core
 * {@link WorkflowStore}: each accepted event is stored with its transition record and its one audit entry (stream
 * {@code esc:<faultId>}) in one atomic call; a refused event stores nothing. A concurrent writer loses with
 * {@link org.opsbook.core.ConcurrentUpdateException}. Thread-safe when the repository is.
 *
 * <pre>{@code
 * EscService faults = new EscService(repository, EscCodec.instance(), EscWorkflow.standard());
 * faults.open("F-1", EscEventData.builder().facts(facts).build(), duty, now);
 * Outcome<EscFault> o = faults.fire("F-1", EscEvent.TAKE_OWNERSHIP, EscEventData.empty(), handlerA, now);
 * }</pre>
 */
public final class EscService {
  private final EscWorkflow workflow;
  private final WorkflowStore<EscFault, EscEvent, EscEventData> store;

  /**
   * Creates the service.
   *
   * @param repository where faults, their history and their audit entries go
   * @param codec how faults and event data become text, e.g. {@link org.opsbook.json.internal.EscCodec}
   * @param workflow what decides
   */
  public EscService(WorkflowRepository repository, WorkflowCodec<EscFault, EscEventData> codec,
      EscWorkflow workflow) {
    this.workflow = checkNotNull(workflow, "workflow");
    this.store = new WorkflowStore<>(checkNotNull(repository, "repository"), workflow,
        checkNotNull(codec, "codec"));
  }

  /**
   * Opens a fault record (SM-ESC-T01) and stores it when accepted.
   *
   * @throws org.opsbook.core.InvalidInputException as {@link EscWorkflow#draft} does
   * @throws org.opsbook.core.ConcurrentUpdateException when a workflow instance with that ID exists
   */
  public Outcome<EscFault> open(String faultId, EscEventData data, Actor actor, Instant at) {
    return store.create(workflow.draft(faultId, data, actor, at), actor, at);
  }

  /**
   * Applies {@code event} to the stored fault and stores the result when accepted.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code faultId} when no SM-ESC fault has that ID, or
   *     the field of {@code data} that is wrong
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the fault meanwhile
   */
  public Outcome<EscFault> fire(String faultId, EscEvent event, EscEventData data, Actor actor, Instant at) {
    return store.fire(faultId, event, actor, data, at);
  }

  /** Returns the stored fault, if there is one. */
  public Optional<EscFault> find(String faultId) {
    return store.find(faultId);
  }

  /** Returns the stored faults, most recently updated first. */
  public List<EscFault> list() {
    return store.list();
  }

  /** Returns the accepted transitions of the fault in order; empty when it has none or does not exist. */
  public List<TransitionRecord> history(String faultId) {
    return store.history(faultId);
  }
}
