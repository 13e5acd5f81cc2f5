package org.opsbook.core.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.AuditEntry;
import java.time.Instant;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Actor;
import org.opsbook.core.RuleId;

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

  /**
   * Returns the instances of a machine last updated at or after {@code since}, most recently updated first: what
   * changed lately, at a cost that does not grow with the machine's history where the storage indexes it. The default
   * filters {@link #list}.
   */
  default List<WorkflowInstance> listUpdatedSince(String machine, Instant since) {
    return list(machine).stream().filter(i -> !i.updatedAt().isBefore(since)).toList();
  }

  /**
   * Returns the instances of a machine whose ID starts with {@code idPrefix} (e.g. a fault's SMS,
   * {@code F-1/}), in no particular order. The default filters {@link #list}.
   */
  default List<WorkflowInstance> listByIdPrefix(String machine, String idPrefix) {
    return list(machine).stream().filter(i -> i.id().startsWith(idPrefix)).toList();
  }

  /**
   * Returns one page of the instances of a machine in the order of {@link #list} (most recently updated first, then by
   * ID): at most {@code limit} of them, starting after the instance {@code afterId} (of any machine) when one is given.
   * Where the storage indexes that order a page costs its own rows, however long the history. The default sorts
   * {@link #list}.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive, or when no instance {@code afterId} is stored
   */
  default List<WorkflowInstance> listPage(String machine, Optional<String> afterId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one instance, not " + limit);
    }
    Optional<WorkflowInstance> from = afterId.map(id -> find(id)
        .orElseThrow(() -> new IllegalArgumentException("no workflow instance " + id + " to page after")));
    return list(machine).stream().filter(i -> from.isEmpty() || pagedAfter(i, from.get())).limit(limit).toList();
  }

  /**
   * Returns the instances of a machine in one of {@code states} (e.g. the states not yet finished), in the order of
   * {@link #list}. Where the storage indexes the states this costs the rows returned, not the history. The default
   * filters {@link #list}.
   */
  default List<WorkflowInstance> listInStates(String machine, Set<String> states) {
    return list(machine).stream().filter(i -> states.contains(i.state())).toList();
  }

  /** True when {@code i} comes after {@code from} in the order of {@link #list}. */
  private static boolean pagedAfter(WorkflowInstance i, WorkflowInstance from) {
    int byTime = i.updatedAt().compareTo(from.updatedAt());
    return byTime < 0 || (byTime == 0 && i.id().compareTo(from.id()) > 0);
  }

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

    /**
     * Names the instance without its data: the JSON holds complaint numbers, customers' and staff names, which a log
     * line must not (the length stands for it).
     */
    @Override
    public String toString() {
      return "WorkflowInstance{id=" + org.opsbook.core.Masking.phonesIn(id()) + ", machine=" + machine() + ", state="
          + state() + ", version=" + version() + ", data=<" + dataJson().length() + " chars>, updatedAt="
          + updatedAt() + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link WorkflowInstance} values. */
    public static final class Builder extends ImmutableWorkflowInstance.Builder {}
  }

  /** One accepted transition of a workflow instance, as kept in its history. */
  @Value.Immutable
  public abstract class TransitionRecord {
    /** The instance. */
    public abstract String instanceId();

    /** Position in the instance's history, from 1; equals the instance version after it. */
    public abstract long sequence();

    /** The event name, e.g. {@code passReview}. */
    public abstract String event();

    /** The state before. */
    public abstract String fromState();

    /** The state after. */
    public abstract String toState();

    /** The declared transition's ID, e.g. {@code SM-DATAOP-MOD-T08}. */
    public abstract Optional<RuleId> transitionId();

    /** Who fired it. */
    public abstract Actor actor();

    /** When. */
    public abstract Instant at();

    /** What the event recorded, as JSON text ({@code {}} when nothing). */
    @Value.Default
    public String dataJson() {
      return "{}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link TransitionRecord} values. */
    public static final class Builder extends ImmutableTransitionRecord.Builder {}
  }
}
