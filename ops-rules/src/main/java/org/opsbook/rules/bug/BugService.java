package org.opsbook.rules.bug;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.TransitionRecord;
import org.opsbook.core.spi.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;

/**
 * Keeps BUGs in the host's {@link WorkflowRepository} (machine {@code SM-BUG}): each accepted event is stored with
 * its transition record and its audit entry in one atomic call; a refused event stores nothing. A concurrent writer
 * loses with {@link org.opsbook.core.ConcurrentUpdateException}. Thread-safe when the repository is.
 *
 * <pre>{@code
 * BugService bugs = new BugService(repository, new BugJson(), BugWorkflow.standard());
 * bugs.raise("BUG-1", raiseData, reviewer, now);
 * BugStep s = bugs.fire("BUG-1", BugEvent.SUBMIT_AMS, BugEventData.builder().amsBugTicketNo("AMS-9").build(),
 *     processor, now);
 * }</pre>
 */
public final class BugService {
  private final WorkflowRepository repository;
  private final BugCodec codec;
  private final BugWorkflow workflow;

  /** Creates the service. */
  public BugService(WorkflowRepository repository, BugCodec codec, BugWorkflow workflow) {
    this.repository = checkNotNull(repository, "repository");
    this.codec = checkNotNull(codec, "codec");
    this.workflow = checkNotNull(workflow, "workflow");
  }

  /**
   * Raises a BUG (SM-BUG-T01) and stores it when accepted.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when a workflow instance with that ID exists
   */
  public BugStep raise(String bugId, BugEventData data, Actor actor, Instant at) {
    BugStep step = workflow.raise(bugId, data, actor, at);
    if (step.isAllowed()) {
      BugTicket bug = step.bug().orElseThrow();
      repository.create(WorkflowInstance.builder().id(bugId).machine(BugWorkflow.MACHINE_ID)
          .state(bug.state().name()).version(0).dataJson(codec.write(bug)).createdAt(at).updatedAt(at).build(),
          List.of(step.audit().orElseThrow()));
    }
    return step;
  }

  /**
   * Applies {@code event} to the stored BUG and stores the result when accepted.
   *
   * @throws InvalidInputException naming {@code bugId} when no BUG has that ID
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the BUG meanwhile
   */
  public BugStep fire(String bugId, BugEvent event, BugEventData data, Actor actor, Instant at) {
    WorkflowInstance stored = load(bugId);
    BugTicket bug = codec.read(stored.dataJson());
    BugStep step = workflow.apply(bug, event, data, actor, at);
    if (step.isAllowed()) {
      BugTicket after = step.bug().orElseThrow();
      TransitionRecord record = TransitionRecord.builder().instanceId(bugId).sequence(stored.version() + 1)
          .event(event.eventName()).fromState(bug.state().name()).toState(after.state().name())
          .transitionId(step.decision().transitionId()).actor(actor).at(at).dataJson(codec.write(data)).build();
      repository.transition(bugId, stored.version(), record, codec.write(after), List.of(step.audit().orElseThrow()));
    }
    return step;
  }

  /** Returns the stored BUG, if there is one. */
  public Optional<BugTicket> find(String bugId) {
    return repository.find(bugId).filter(i -> i.machine().equals(BugWorkflow.MACHINE_ID))
        .map(i -> codec.read(i.dataJson()));
  }

  /** Returns the stored BUGs, most recently updated first. */
  public List<BugTicket> list() {
    return repository.list(BugWorkflow.MACHINE_ID).stream().map(i -> codec.read(i.dataJson())).toList();
  }

  private WorkflowInstance load(String bugId) {
    return repository.find(bugId).filter(i -> i.machine().equals(BugWorkflow.MACHINE_ID))
        .orElseThrow(() -> new InvalidInputException("bugId", "no BUG with id " + bugId));
  }
}
