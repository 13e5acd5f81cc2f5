package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.engine.DutyWorkflows;
import org.opsbook.engine.Result;

/**
 * A stored family whose instances owe duties (BUGs, complaint tickets): each accepted step is stored with its audit
 * entry, and then the instance's timed duties are put on the engine's duty timers under the subject
 * {@code <prefix>:<id>}, the ones it no longer owes taken off; a closed instance owes none. The scheduler then hands
 * each due duty to the host's reminder, like a fault's; {@link #restoreTimers()} puts back what a process that died
 * between the two left missing. Thread-safe.
 *
 * @param <I> the instance
 * @param <E> its events
 * @param <D> what an event records
 */
abstract class DutyFamily<I, E extends Enum<E>, D> extends StoredInstances<I, E, D>
    implements DutyWorkflows<I, E, D> {
  private final ObligationRepository timers;
  private final String prefix;
  private final BiFunction<I, Instant, List<Obligation>> duties;
  private final BiFunction<Obligation, Instant, Optional<Instant>> repeats;

  /**
   * Creates the family.
   *
   * @param prefix the subject prefix of its duties, e.g. {@code bug}
   * @param duties the duties an instance owes as of a moment
   * @param repeats when a recurring duty, undone at a moment, falls due again
   * @param people puts the people a step's data names as the directory knows them
   */
  DutyFamily(WorkflowStore<I, E, D> store, ObligationRepository timers, Actors actors, Clock clock, String prefix,
      BiFunction<I, Instant, List<Obligation>> duties, BiFunction<Obligation, Instant, Optional<Instant>> repeats,
      UnaryOperator<D> people) {
    super(store, actors, clock, people);
    this.timers = checkNotNull(timers, "timers");
    this.prefix = checkNotNull(prefix, "prefix");
    this.duties = checkNotNull(duties, "duties");
    this.repeats = checkNotNull(repeats, "repeats");
  }

  /** Stores a new instance built for the acting person at the clock's time, then schedules its duties. */
  final Result<I> create(BiFunction<org.opsbook.core.Actor, Instant, I> draft, String personId) {
    var actor = actors.actor(personId);
    var at = clock.instant();
    return scheduled(store().create(checkedId(draft.apply(actor, at)), actor, at), at);
  }

  /** Applies {@code event} to the stored instance, then reschedules its duties. */
  public Result<I> fire(String id, E event, String personId, D data) {
    var at = clock.instant();
    var actor = actors.actor(personId);
    return scheduled(store().fire(id, event, actor, withPeople(data), at), at);
  }

  /** As {@link #fire(String, Enum, String, Object)} on the instance at version {@code ifVersion}. */
  public Result<I> fire(String id, long ifVersion, E event, String personId, D data) {
    var at = clock.instant();
    var actor = actors.actor(personId);
    return scheduled(store().fire(id, ifVersion, event, actor, withPeople(data), at), at);
  }

  /**
   * Returns the duties the stored instance owes now, subject {@code <prefix>:<id>}: as of the clock, or of the
   * instance's last step when this host's clock reads before it (it is behind the host that took the step).
   *
   * @throws InvalidInputException naming the family's ID field when nothing is stored under {@code id}
   */
  public List<Obligation> duties(String id) {
    WorkflowStore.Stored<I> stored = store().findStored(id).orElseThrow(() -> new InvalidInputException(
        store().workflow().idField(), "no " + store().workflow().machine() + " instance " + id));
    Instant now = clock.instant();
    return owed(stored.instance(), id, now.isBefore(stored.changedAt()) ? stored.changedAt() : now);
  }

  /**
   * Puts back the timers of the duties that each live instance's last step left owed and that the timer store has
   * never held: a process that died between storing a step and scheduling its duties left them missing. Only adds
   * ({@link ObligationRepository#scheduleMissing}). An instance that fails keeps no other waiting; the first failure is
   * thrown at the end.
   */
  final void restoreTimers() {
    Loops.eachApart(store().liveStored(), stored -> {
      String id = store().workflow().idOf(stored.instance());
      timers.scheduleMissing(subject(id), owed(stored.instance(), id, stored.changedAt()));
    });
  }

  /**
   * Returns whether this family's stored instance still owes the timed duty {@code key}: empty when the key's subject is
   * not one of this family's ({@code <prefix>:<id>}); false when the instance is closed or its last step leaves no
   * duty under that key; true when it does, or when no such instance is stored (not this family's to judge).
   */
  final Optional<Boolean> owes(ObligationKey key) {
    if (!holds(key)) {
      return Optional.empty();
    }
    String id = key.subjectId().substring(subject("").length());
    Optional<WorkflowStore.Stored<I>> stored = store().findStored(id);
    if (stored.isEmpty()) {
      return Optional.of(true);
    }
    return Optional.of(owed(stored.get().instance(), id, stored.get().changedAt()).stream()
        .anyMatch(o -> o.key().equals(key)));
  }

  /** Returns whether {@code key}'s subject is one of this family's ({@code <prefix>:<id>}). */
  final boolean holds(ObligationKey key) {
    return key.subjectId().startsWith(subject(""));
  }

  /**
   * Returns when this family's recurring duty {@code duty}, undone at {@code now}, falls due again: the next interval
   * of its series (BUG-02/08 weekly, TICKET-02 each counted day); empty for a one-off duty.
   */
  final Optional<Instant> repeatsAt(Obligation duty, Instant now) {
    return duty.recurring() ? repeats.apply(duty, now) : Optional.empty();
  }

  /** The subject of instance {@code id}'s duties on the timers: {@code <prefix>:<id>}. */
  private String subject(String id) {
    return prefix + ":" + id;
  }

  private List<Obligation> owed(I instance, String id, Instant now) {
    String subject = subject(id);
    List<Obligation> out = new ArrayList<>();
    for (Obligation o : duties.apply(instance, now)) {
      out.add(Obligation.builder().ruleId(o.ruleId()).subjectId(subject).actor(o.actor()).action(o.action())
          .target(o.target()).channel(o.channel()).dueAt(o.dueAt()).triggeredAt(o.triggeredAt())
          .recurring(o.recurring()).sequence(o.sequence()).build());
    }
    return out;
  }

  /**
   * Puts the accepted step's duties on the timers, as of the time the step was recorded at: its audit entry's, which
   * is later than {@code at} when this host's clock is behind the one that took the step before.
   */
  private Result<I> scheduled(Outcome<I> o, Instant at) {
    if (o.isAccepted()) {
      String id = store().workflow().idOf(o.instance());
      Instant recorded = o.audit().map(AuditEntry::at).orElse(at);
      timers.reconcile(subject(id), owed(o.instance(), id, recorded));
    }
    return Results.of(o);
  }
}
