package org.opsbook.rules.internal.bug;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.StoredWorkflow;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugEventData;

/**
 * Keeps BUGs in the host's {@link WorkflowRepository} (machine {@code SM-BUG}) through the core
 * {@code WorkflowStore}: each accepted event is stored with its transition record and its audit entry in one atomic
 * call; a refused event stores nothing. A concurrent writer loses with
 * {@link org.opsbook.core.ConcurrentUpdateException}. Thread-safe when the repository is.
 *
 * <pre>{@code
 * BugService bugs = new BugService(repository, new BugJson(), BugWorkflow.standard(), clock);
 * bugs.raise("BUG-1", raiseData, reviewer, now);
 * Outcome<BugTicket> o = bugs.fire("BUG-1", BugEvent.SUBMIT_AMS, processor,
 *     BugEventData.builder().amsBugTicketNo("AMS-9").build(), now);
 * }</pre>
 */
public final class BugService extends StoredWorkflow<BugTicket, BugEvent, BugEventData> {
  /** Creates the service; steps are checked against {@code clock} (OPS-TIME-03). */
  public BugService(WorkflowRepository repository, BugCodec codec, BugWorkflow workflow, Clock clock) {
    super(new WorkflowStore<>(checkNotNull(repository, "repository"), checkNotNull(workflow, "workflow"),
        checkNotNull(codec, "codec"), checkNotNull(clock, "clock")));
  }

  /**
   * Raises a BUG (SM-BUG-T01) and stores it when accepted.
   *
   * @throws InvalidInputException naming {@code bugId} when it is blank
   * @throws org.opsbook.core.ConcurrentUpdateException when a workflow instance with that ID exists
   */
  public Outcome<BugTicket> raise(String bugId, BugEventData data, Actor actor, Instant at) {
    return store().create(BugWorkflow.draft(bugId, data, actor, at), actor, at);
  }

  /**
   * Applies {@code event} to the stored BUG and stores the result when accepted.
   *
   * @throws InvalidInputException naming {@code bugId} when no BUG has that ID
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the BUG meanwhile
   */
  public Outcome<BugTicket> fire(String bugId, BugEvent event, Actor actor, BugEventData data, Instant at) {
    return store().fire(bugId, event, actor, data, at);
  }
}
