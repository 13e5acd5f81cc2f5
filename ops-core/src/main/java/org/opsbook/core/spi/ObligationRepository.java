package org.opsbook.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.ObligationKey;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;

/**
 * Durable timers for duties: pending obligations wait for their due time, are claimed under a lease by one of
 * several engine instances, and fire exactly once. A key that has fired is remembered, so scheduling it again is a
 * no-op. Thread-safe; instances in several processes may share one store.
 *
 * <p>Fencing: a claim leases the obligation under a new generation ({@link ClaimedObligation#generation()});
 * {@link #complete}, {@link #fail} and {@link #renew} succeed only for the current owner and generation. An instance
 * that dies or stalls past its lease loses it and another instance re-claims the work. Over a shared database the
 * lease times are the database's: a caller's {@code now} later than the database's clock is bounded by it, so a host
 * whose clock runs ahead neither fires early nor takes over live leases.
 *
 * <p>What a firing may repeat: the handler of an obligation may run twice only when the instance that ran it first
 * crashed after the handler's effect and before its completion committed, or stalled (a pause of the whole process,
 * longer than the lease) between confirming its lease and the handler's return. Its effect must therefore be
 * idempotent on {@link org.opsbook.core.ObligationKey} (the outbox is).
 */
public interface ObligationRepository {
  /**
   * Schedules a pending obligation, or replaces the pending one with the same key (new due time or content). A key
   * that already fired or was cancelled stays so; the call returns false then.
   *
   * @return true when the obligation is now pending
   */
  boolean schedule(ScheduledObligation obligation);

  /**
   * Schedules the obligation only when this repository has never held its key: a pending one (whatever its due time),
   * a fired one and a cancelled one are left as they are. For putting back timers that a process which died before
   * scheduling them left missing, without undoing what a live writer scheduled since. The default checks, then
   * schedules: a schedule of the same key by another writer in between may be replaced.
   *
   * @return true when the obligation was missing and is now pending
   */
  default boolean scheduleIfNew(ScheduledObligation obligation) {
    return find(obligation.key()).isEmpty() && !hasFired(obligation.key()) && schedule(obligation);
  }

  /**
   * Schedules, {@linkplain #scheduleIfNew if new}, each timed obligation of {@code owed} that subject
   * {@code subjectId} owes: what a process that died before scheduling them left missing. The subject's pending
   * timers are read once, so a key already waiting costs no further read.
   *
   * @return how many were missing and are now pending
   */
  default int scheduleMissing(String subjectId, Collection<Obligation> owed) {
    Set<ObligationKey> waiting = new HashSet<>();
    pending(subjectId).forEach(p -> waiting.add(p.key()));
    int scheduled = 0;
    for (Obligation o : owed) {
      if (o.dueAt().isPresent() && !waiting.contains(o.key()) && scheduleIfNew(ScheduledObligation.of(o))) {
        scheduled++;
      }
    }
    return scheduled;
  }

  /** Schedules many in one atomic step; returns how many are now pending. */
  int scheduleAll(Collection<ScheduledObligation> obligations);

  /** Cancels a pending obligation (the duty no longer applies); returns false when it was not pending. */
  boolean cancel(ObligationKey key);

  /** Cancels every pending obligation of a subject (for example once a fault is repaired); returns the count. */
  int cancelSubject(String subjectId);

  /**
   * Claims up to {@code limit} obligations due at or before {@code now} that are unclaimed or whose lease lapsed,
   * leasing them to {@code owner} until {@code now + lease}. The claim takes them in the order they became claimable
   * (the later of the due time and a lapsed lease's end; ties in no particular order) and returns them earliest due
   * first. Two concurrent claims never return the same obligation while its lease is live.
   */
  List<ClaimedObligation> claimDue(Instant now, int limit, String owner, Duration lease);

  /** Extends every live lease of {@code owner} to {@code now + lease}; returns how many. */
  int heartbeat(String owner, Instant now, Duration lease);

  /**
   * Extends one claim's lease to {@code now + lease} if it is still live and still this claim's (same owner and
   * generation): the check an engine makes right before firing.
   *
   * @return the claim with its new lease end, or empty when the lease lapsed or was taken over
   */
  Optional<ClaimedObligation> renew(ClaimedObligation claim, Instant now, Duration lease);

  /**
   * Marks a claimed obligation fired, removing it from the pending set. Succeeds only for the claim's owner and
   * generation.
   *
   * @return false when the lease was lost (another instance may fire it)
   */
  boolean complete(ClaimedObligation claim, Instant firedAt);

  /**
   * Marks several claimed obligations fired in one atomic step; a claim whose lease was lost is left alone.
   *
   * @return the keys that were completed
   */
  default Set<ObligationKey> completeAll(Collection<ClaimedObligation> claims, Instant firedAt) {
    Set<ObligationKey> done = new LinkedHashSet<>();
    for (ClaimedObligation c : claims) {
      if (complete(c, firedAt)) {
        done.add(c.scheduled().key());
      }
    }
    return done;
  }

  /**
   * Gives a claimed obligation back after a failed firing, to be retried at {@code retryAt}; increments its attempts.
   * Succeeds only for the claim's owner and generation.
   *
   * @return false when the lease was lost
   */
  boolean fail(ClaimedObligation claim, String error, Instant retryAt);

  /**
   * Gives a claimed obligation back after a firing, to fire again as {@code next}: the same key, due later (a recurring
   * duty still undone is reminded again at each interval of its series). Its attempts and error are cleared; the key
   * is not fired. Succeeds only for the claim's owner and generation. The default counts it as a failed attempt
   * retried at {@code next}'s due time with the content it had: a store should replace the content too.
   *
   * @return false when the lease was lost
   * @throws IllegalArgumentException when {@code next} is not of the claim's key
   */
  default boolean repeat(ClaimedObligation claim, ScheduledObligation next) {
    checkRepeat(claim, next);
    return fail(claim, "fires again at " + next.dueAt(), next.dueAt());
  }

  /** Refuses a {@link #repeat} whose next firing is of another key than the claim's. */
  static void checkRepeat(ClaimedObligation claim, ScheduledObligation next) {
    if (!claim.scheduled().key().equals(next.key())) {
      throw new IllegalArgumentException("a repeat fires the same key: " + next.key() + " is not "
          + claim.scheduled().key());
    }
  }

  /**
   * Puts the timers of subject {@code subjectId} in line with the duties {@code owed} as of its last step: each timed
   * duty scheduled under its key, each pending timer of a duty no longer owed cancelled. A duty waiting as a repeat
   * ({@link #repeat}: the same key, due at a later interval of its series than the duty owed) stays as it waits, so a
   * step that leaves it undone does not hand its first reminder over again.
   *
   * @return how many of the owed timed duties are now pending
   */
  default int reconcile(String subjectId, Collection<Obligation> owed) {
    java.util.Map<ObligationKey, ScheduledObligation> waiting = new java.util.HashMap<>();
    for (ScheduledObligation p : pending(subjectId)) {
      waiting.put(p.key(), p);
    }
    Set<ObligationKey> keep = new HashSet<>();
    List<ScheduledObligation> timed = new java.util.ArrayList<>();
    int repeats = 0;
    for (Obligation o : owed) {
      if (o.dueAt().isEmpty()) {
        continue;
      }
      keep.add(o.key());
      ScheduledObligation w = waiting.get(o.key());
      if (w != null && o.recurring() && w.obligation().dueAt().isPresent()
          && w.obligation().dueAt().get().isAfter(o.dueAt().get())) {
        repeats++;
      } else {
        timed.add(ScheduledObligation.of(o));
      }
    }
    for (ObligationKey k : waiting.keySet()) {
      if (!keep.contains(k)) {
        cancel(k);
      }
    }
    return scheduleAll(timed) + repeats;
  }

  /** Returns the pending obligation with this key, if any. */
  Optional<ScheduledObligation> find(ObligationKey key);

  /** Returns true when the key has fired. */
  boolean hasFired(ObligationKey key);

  /** Returns the pending obligations of a subject, earliest due first. */
  List<ScheduledObligation> pending(String subjectId);

  /**
   * Returns the earliest time at which {@link #claimDue} may find work: the earliest due time among unleased pending
   * obligations, or the end of a live lease. An engine sleeps until then when idle.
   */
  Optional<Instant> nextDueAt();

  /**
   * A due obligation leased to one engine instance until {@code leaseUntil}, under a lease generation. Every claim of
   * an obligation takes the next generation, so a completion, failure or renewal by an instance whose lease was taken
   * over (even by itself, later) is refused: only the current owner and generation may act on it.
   *
   * @param scheduled the obligation as stored
   * @param owner the claiming instance
   * @param leaseUntil when the lease lapses (on the store's clock)
   * @param generation the lease generation of this claim, increasing per obligation
   */
  public record ClaimedObligation(ScheduledObligation scheduled, String owner, Instant leaseUntil, long generation) {}

  /**
   * A timed duty waiting to fire: the obligation, its due time, and how often firing it has failed so far.
   */
  @Value.Immutable
  public abstract class ScheduledObligation {
    /** The duty. */
    public abstract Obligation obligation();

    /** When it fires: the duty's due time, or a retry time after a failed attempt. */
    public abstract Instant dueAt();

    /** Failed firing attempts so far. */
    @Value.Default
    public int attempts() {
      return 0;
    }

    /** Why the last attempt failed, if it did. */
    public abstract Optional<String> lastError();

    /** Returns the key of the duty. */
    public ObligationKey key() {
      return obligation().key();
    }

    @Value.Check
    protected void check() {
      if (attempts() < 0) {
        throw new InvalidInputException("attempts", "attempts must be >= 0: " + attempts());
      }
    }

    /** Returns the obligation scheduled at its own due time; it must have one. */
    public static ScheduledObligation of(Obligation obligation) {
      Instant due = obligation.dueAt().orElseThrow(() -> new InvalidInputException("dueAt",
          "a timely duty has no due time and cannot be scheduled: " + obligation.key(), obligation.ruleId()));
      return builder().obligation(obligation).dueAt(due).build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ScheduledObligation} values. */
    public static final class Builder extends ImmutableScheduledObligation.Builder {}
  }
}
