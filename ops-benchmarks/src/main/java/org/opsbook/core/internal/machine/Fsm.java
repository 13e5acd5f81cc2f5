package org.opsbook.core.internal.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.opsbook.core.Actor;

/**
 * The shape every W5a implementation runs (benchmarks.md Appendix B "Fsm"): states
 * {@code DRAFT → SUBMITTED → APPROVED → SCHEDULED → EXECUTING → DONE}, one event per step, a guard on approval
 * that the approver is not the requester, and an action that appends one {@link AuditEvent} per accepted
 * transition. Tickets come from a fixed seed; about one in eight is approved by its own requester, so the approval
 * and the three events after it are refused and the ticket stays SUBMITTED.
 */
final class Fsm {
  /** The states. */
  enum S { DRAFT, SUBMITTED, APPROVED, SCHEDULED, EXECUTING, DONE }

  /** The events, in lifecycle order. */
  enum E { SUBMIT, APPROVE, SCHEDULE, EXECUTE, COMPLETE }

  static final E[] LIFECYCLE = E.values();

  private Fsm() {}

  /** What the action records. */
  record AuditEvent(int ticket, S from, S to, String actor) {}

  /** A ticket: who requested it and who fires each of the five events (as IDs, and as opsbook actors). */
  static final class Ticket {
    final int id;
    final String requester;
    final String[] actorIds;
    final Actor[] actors;

    Ticket(int id, String requester, String[] actorIds) {
      this.id = id;
      this.requester = requester;
      this.actorIds = actorIds;
      this.actors = new Actor[actorIds.length];
      for (int i = 0; i < actorIds.length; i++) {
        actors[i] = Actor.builder().id(actorIds[i]).build();
      }
    }
  }

  /** One implementation of the shape. */
  interface Impl {
    /** Fires the five events of {@code t} in order, appending to {@code audit}; returns the final state. */
    S run(Ticket t, List<AuditEvent> audit);
  }

  /** Returns {@code n} tickets from {@code seed}. */
  static Ticket[] ring(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Ticket[] out = new Ticket[n];
    for (int i = 0; i < n; i++) {
      String requester = "u" + r.nextInt(1000);
      String approver = r.nextInt(8) == 0 ? requester : "a" + r.nextInt(100);
      String operator = "o" + r.nextInt(50);
      out[i] = new Ticket(i, requester, new String[] {requester, approver, operator, operator, operator});
    }
    return out;
  }

  /** Runs the first {@code count} tickets and folds final states and audit trails into one number. */
  static long checksum(Impl impl, Ticket[] ring, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      List<AuditEvent> audit = new ArrayList<>(5);
      S end = impl.run(ring[i], audit);
      sum = sum * 31 + end.ordinal();
      for (AuditEvent a : audit) {
        sum = sum * 31 + a.to().ordinal() * 7L + a.from().ordinal() + a.actor().hashCode() + a.ticket();
      }
    }
    return sum;
  }
}
