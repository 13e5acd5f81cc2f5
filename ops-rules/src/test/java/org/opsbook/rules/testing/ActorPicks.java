package org.opsbook.rules.testing;

import java.util.List;
import org.opsbook.core.Actor;
import org.opsbook.core.internal.machine.Transition;

/** How the property tests of a workflow choose who fires a random step. */
public final class ActorPicks {
  private ActorPicks() {}

  /**
   * An actor of {@code pool} for a step: for three choices in four one whose roles the transition {@code t} accepts,
   * when there is a transition and one such actor, otherwise any actor, so that refusals are tried too.
   *
   * @param pool the actors to choose from
   * @param t the transition of the step, or {@code null} when the step has none
   * @param choice a number from 0 to 99
   */
  public static Actor pick(List<Actor> pool, Transition<?, ?, ?> t, int choice) {
    if (t != null && choice < 75) {
      List<Actor> fit = pool.stream().filter(a -> a.hasAnyRole(t.roles())).toList();
      if (!fit.isEmpty()) {
        return fit.get(choice % fit.size());
      }
    }
    return pool.get(choice % pool.size());
  }
}
