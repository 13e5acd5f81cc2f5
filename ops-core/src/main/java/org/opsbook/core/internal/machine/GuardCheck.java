package org.opsbook.core.internal.machine;

import org.opsbook.core.Actor;

/**
 * The predicate of a guard.
 *
 * @param <C> what the guard looks at: the instance's data and the event's data
 */
@FunctionalInterface
public interface GuardCheck<C> {
  /**
   * Checks the guard.
   *
   * @param context the instance and event data
   * @param actor who fires the event
   * @return {@code null} when the guard holds, else why it fails (one sentence)
   */
  String failure(C context, Actor actor);
}
