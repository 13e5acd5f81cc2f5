package org.opsbook.core.internal.machine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.opsbook.core.Actor;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Violation;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;

/**
 * Runs a {@link Workflow} on stored instances: it reads an instance, lets the workflow decide, and on acceptance
 * hands the new state, the transition and its audit entry to the {@link WorkflowRepository} in one call, so they are
 * written and sealed atomically. A refusal writes nothing. Besides the workflow's own checks it refuses a step out
 * of time order against what it stored and the clock it holds: dated before the stored instance's last step
 * (OPS-TIME-01) or creation (OPS-TIME-02), or more than the skew (default 5 minutes) past its clock, and a creation
 * more than the skew before it (OPS-TIME-03); see the package documentation.
 *
 * <pre>{@code
 * WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> store =
 *     new WorkflowStore<>(repository, DataOpWorkflow.modification(params), DataOpCodec.instance(), clock);
 * Outcome<DataOpTicket> o = store.fire("DM-42", DataOpEvent.PASS_REVIEW, reviewer, data, now);
 * }</pre>
 *
 * <p>Thread-safe when the repository is; a concurrent writer makes {@link #fire} throw
 * {@link org.opsbook.core.ConcurrentUpdateException} and nothing is written.
 *
 * @param <I> the instance type
 * @param <E> the event type
 * @param <D> the event data type
 */
public final class WorkflowStore<I, E extends Enum<E>, D> {
  private final WorkflowRepository repository;
  private final Workflow<I, E, D> workflow;
  private final WorkflowCodec<I, D> codec;
  private final Clock clock;
  private final Duration skew;

  /**
   * Creates a store without a clock: it checks OPS-TIME-01 and OPS-TIME-02 against what it stored, but cannot check
   * OPS-TIME-03. For callers not yet given a clock (SM-ESC's service until it folds into the fault's history).
   *
   * @deprecated give the store the host's clock: {@link #WorkflowStore(WorkflowRepository, Workflow, WorkflowCodec,
   *     Clock)}
   */
  @Deprecated(forRemoval = true)
  public WorkflowStore(WorkflowRepository repository, Workflow<I, E, D> workflow, WorkflowCodec<I, D> codec) {
    this.repository = checkNotNull(repository, "repository");
    this.workflow = checkNotNull(workflow, "workflow");
    this.codec = checkNotNull(codec, "codec");
    this.clock = null;
    this.skew = TimeOrder.DEFAULT_SKEW;
  }

  /**
   * Creates a store that allows steps at most {@link TimeOrder#DEFAULT_SKEW 5 minutes} past {@code clock}.
   *
   * @param repository where instances, their history and their audit entries go
   * @param workflow what decides
   * @param codec how instances and event data become text
   * @param clock the clock steps are checked against (OPS-TIME-03)
   */
  public WorkflowStore(WorkflowRepository repository, Workflow<I, E, D> workflow, WorkflowCodec<I, D> codec,
      Clock clock) {
    this(repository, workflow, codec, clock, TimeOrder.DEFAULT_SKEW);
  }

  /**
   * Creates a store.
   *
   * @param skew how far past {@code clock} a step may be dated, and how far before it a creation (OPS-TIME-03)
   */
  public WorkflowStore(WorkflowRepository repository, Workflow<I, E, D> workflow, WorkflowCodec<I, D> codec,
      Clock clock, Duration skew) {
    this.repository = checkNotNull(repository, "repository");
    this.workflow = checkNotNull(workflow, "workflow");
    this.codec = checkNotNull(codec, "codec");
    this.clock = checkNotNull(clock, "clock");
    this.skew = checkNotNull(skew, "skew");
    checkArgument(!skew.isNegative(), "skew must not be negative");
  }

  /** Returns the workflow that decides. */
  public Workflow<I, E, D> workflow() {
    return workflow;
  }

  /**
   * Creates and stores an instance at version 0 with its first audit entry, if the workflow accepts it.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when an instance with that ID exists
   */
  public Outcome<I> create(I draft, Actor actor, Instant at) {
    checkNotNull(at, "at");
    Outcome<I> o = withTimeOrder(workflow.create(draft, actor, at), draft,
        clock == null ? List.of() : TimeOrder.ofClock(at, clock.instant(), skew, true));
    if (o.isAccepted()) {
      I created = o.instance();
      repository.create(WorkflowInstance.builder()
          .id(workflow.idOf(created))
          .machine(workflow.machine())
          .state(workflow.stateOf(created))
          .version(0)
          .dataJson(codec.encode(created))
          .createdAt(at)
          .updatedAt(at)
          .build(), o.audit().stream().toList());
    }
    return o;
  }

  /**
   * Applies an event to the stored instance {@code id}; stores the result if it is accepted. A store with a clock
   * records a step given up to the skew before the instance's last step at that step's time: its host's clock is
   * behind the clock of the host that took the last step (see {@link TimeOrder#STEP_AFTER_PREVIOUS}).
   *
   * @throws InvalidInputException naming the workflow's {@link Workflow#idField() ID field} when no instance
   *     {@code id} of this machine exists, or naming the field when the event lacks data
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer moved the instance meanwhile
   */
  public Outcome<I> fire(String id, E event, Actor actor, D data, Instant when) {
    return step(id, OptionalLong.empty(), event, actor, data, when);
  }

  /**
   * As {@link #fire(String, Enum, Actor, Object, Instant)}, only while the instance is at version {@code ifVersion}
   * (the number of steps it has taken): a step decided on the instance as a caller saw it, which a repeated request or
   * a colleague's step in between must not repeat or overtake. The check and the write are one: the write itself
   * expects that version.
   *
   * @throws org.opsbook.core.ConcurrentUpdateException when the instance is at another version (nothing written)
   * @throws IllegalArgumentException when {@code ifVersion} is negative
   */
  public Outcome<I> fire(String id, long ifVersion, E event, Actor actor, D data, Instant when) {
    checkArgument(ifVersion >= 0, "ifVersion must not be negative");
    return step(id, OptionalLong.of(ifVersion), event, actor, data, when);
  }

  private Outcome<I> step(String id, OptionalLong ifVersion, E event, Actor actor, D data, Instant when) {
    WorkflowInstance stored = load(id);
    if (ifVersion.isPresent() && stored.version() != ifVersion.getAsLong()) {
      throw new ConcurrentUpdateException(id, ifVersion.getAsLong(), stored.version());
    }
    I before = codec.decode(stored);
    // a store with a clock records steps as they happen (OPS-TIME-03), on hosts whose clocks differ by seconds;
    // without one, any earlier time is kept and refused
    Instant at = clock == null ? checkNotNull(when, "at")
        : TimeOrder.stamp(checkNotNull(when, "at"), Optional.of(stored.updatedAt()), skew);
    List<Violation> late = new ArrayList<>(TimeOrder.ofStep(at, Optional.of(stored.updatedAt()),
        Optional.of(stored.createdAt()), Map.of(), skew));
    if (clock != null) {
      late.addAll(TimeOrder.ofClock(at, clock.instant(), skew, false));
    }
    Outcome<I> o = withTimeOrder(workflow.apply(before, event, actor, data, at), before, late);
    if (o.isAccepted()) {
      I after = o.instance();
      TransitionRecord.Builder t = TransitionRecord.builder()
          .instanceId(id)
          .sequence(stored.version() + 1)
          .event(workflow.eventName(event))
          .fromState(stored.state())
          .toState(workflow.stateOf(after))
          .actor(actor)
          .at(at)
          .dataJson(codec.encodeData(data));
      if (o.transitionId() != null) {
        t.transitionId(o.transitionId());
      }
      repository.transition(id, stored.version(), t.build(), codec.encode(after), o.audit().stream().toList());
    }
    return o;
  }

  /** Returns the stored instance {@code id}, if it exists and belongs to this machine. */
  public Optional<I> find(String id) {
    return own(id).map(codec::decode);
  }

  /**
   * An instance as stored, with when it last changed: its last accepted transition, or its creation when it has none.
   * A reader that needs both takes them from one read of the row.
   *
   * @param instance the instance
   * @param changedAt its last accepted transition's time, or its creation's
   * @param version the number of steps it has taken
   */
  public record Stored<I>(I instance, Instant changedAt, long version) {}

  /**
   * Returns the stored instance {@code id} with when it last changed, from one read; empty when it does not exist or
   * belongs to another machine.
   */
  public Optional<Stored<I>> findStored(String id) {
    return own(id).map(this::stored);
  }

  /** Returns {@link #live} with when each last changed, from the one read of the live rows. */
  public List<Stored<I>> liveStored() {
    return liveRows().stream().map(this::stored).toList();
  }

  private Stored<I> stored(WorkflowInstance row) {
    return new Stored<>(codec.decode(row), row.updatedAt(), row.version());
  }

  /** The stored row of instance {@code id}, if it belongs to this machine: another machine's ID is none of ours. */
  private Optional<WorkflowInstance> own(String id) {
    return repository.find(id).filter(i -> i.machine().equals(workflow.machine()));
  }

  /** Returns the stored instances of this machine, most recently updated first. */
  public List<I> list() {
    return list(id -> true);
  }

  /**
   * Returns the stored instances of this machine whose ID {@code ids} accepts, most recently updated first; only
   * those are read.
   */
  public List<I> list(Predicate<String> ids) {
    checkNotNull(ids, "ids");
    return repository.list(workflow.machine()).stream().filter(i -> ids.test(i.id())).map(codec::decode).toList();
  }

  /**
   * Returns one page of this machine's instances in the order of {@link #list}: at most {@code size}, after the
   * instance {@code after} when given.
   *
   * @throws InvalidInputException naming {@code size} when it is not positive, or {@code after} when no instance of
   *     this machine has that ID (an instance of another machine marks no place in this one's list)
   */
  public List<I> page(int size, Optional<String> after) {
    checkNotNull(after, "after");
    if (size < 1) {
      throw new InvalidInputException("size", "a page holds at least one instance, not " + size);
    }
    if (after.isPresent() && own(after.get()).isEmpty()) {
      throw new InvalidInputException("after", "no " + workflow.machine() + " instance " + after.get()
          + " to page after");
    }
    return repository.listPage(workflow.machine(), after, size).stream().map(codec::decode).toList();
  }

  /**
   * Returns this machine's live instances (in a state that is not terminal), most recently updated first: the work
   * still open, read without the finished history where the storage indexes the states.
   */
  public List<I> live() {
    return liveRows().stream().map(codec::decode).toList();
  }

  private List<WorkflowInstance> liveRows() {
    return workflow.liveStates().map(states -> repository.listInStates(workflow.machine(), states))
        .orElseGet(() -> repository.list(workflow.machine()));
  }

  /** Returns the accepted transitions of instance {@code id} in order; empty when it has none or does not exist. */
  public List<TransitionRecord> history(String id) {
    return repository.history(checkNotNull(id, "id"));
  }

  /** Adds the time-order violations the store found to the workflow's outcome, each (rule, field) once. */
  private static <I> Outcome<I> withTimeOrder(Outcome<I> o, I unchanged, List<Violation> late) {
    if (late.isEmpty()) {
      return o;
    }
    List<Violation> all = new ArrayList<>(o.violations());
    for (Violation v : late) {
      if (all.stream().noneMatch(w -> w.ruleId().equals(v.ruleId()) && w.field().equals(v.field()))) {
        all.add(v);
      }
    }
    return Outcome.refused(o.isAccepted() ? unchanged : o.instance(), o.transitionId(), all);
  }

  private WorkflowInstance load(String id) {
    WorkflowInstance stored = repository.find(checkNotNull(id, "id"))
        .orElseThrow(() -> new InvalidInputException(workflow.idField(),
            "no " + workflow.machine() + " instance " + id));
    if (!stored.machine().equals(workflow.machine())) {
      throw new InvalidInputException(workflow.idField(),
          id + " is an instance of " + stored.machine() + ", not " + workflow.machine());
    }
    return stored;
  }
}
