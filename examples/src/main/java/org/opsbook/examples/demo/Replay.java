package org.opsbook.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.opsbook.core.Obligation;
import org.opsbook.core.time.MutableClock;

/**
 * Replays a script on a simulated clock, as fast as the database allows. The clock jumps from one moment to the
 * next: the next scripted step or the engine's next duty timer, whichever comes first. At each moment the scripted
 * steps run, then the engine does the work due ({@link org.opsbook.engine.OpsEngine#runDueWork()}: the outbox sends
 * what was released, each due duty reaches the host's reminder, which collects it here) and the room reacts, until
 * nothing more falls due. Nothing sleeps. Not thread-safe.
 */
final class Replay {
  /** How many rounds of timers one moment may take before the replay gives up (a reaction loop is a bug). */
  private static final int MAX_ROUNDS = 50;

  private final OpsRoom room;
  private final MutableClock clock;
  private final List<Obligation> fired;

  /**
   * Creates the replay.
   *
   * @param fired where the host's duty reminder puts each duty that fell due
   */
  Replay(OpsRoom room, MutableClock clock, List<Obligation> fired) {
    this.room = checkNotNull(room, "room");
    this.clock = checkNotNull(clock, "clock");
    this.fired = checkNotNull(fired, "fired");
  }

  /** One scripted step: at {@code at}, {@code action} acts on the room. */
  record Step(Instant at, Consumer<OpsRoom> action) {}

  /**
   * Runs {@code steps} (in time order) and fires timers up to {@code end}.
   *
   * @return how many moments the clock visited
   */
  int run(List<Step> steps, Instant end) {
    checkArgument(!steps.isEmpty(), "nothing to replay");
    List<Step> script = new ArrayList<>(steps);
    script.sort(Comparator.comparing(Step::at));
    checkArgument(!script.get(script.size() - 1).at().isAfter(end), "the script runs past its end %s", end);
    room.timeline().span(script.get(0).at(), end);
    int next = 0;
    int moments = 0;
    Instant t = script.get(0).at();
    while (true) {
      clock.set(t);
      room.timeline().at(t);
      moments++;
      while (next < script.size() && !script.get(next).at().isAfter(t)) {
        script.get(next).action().accept(room);
        next++;
      }
      settle(t);
      Instant wake = next < script.size() ? script.get(next).at() : end;
      Optional<Instant> timer = room.host().engine().nextDueAt();
      if (timer.isPresent() && timer.get().isAfter(t) && timer.get().isBefore(wake)) {
        wake = timer.get();
      }
      if (!wake.isAfter(t) || wake.isAfter(end)) {
        break;
      }
      t = wake;
    }
    return moments;
  }

  /** Does the work due at {@code t} and lets the room react, until nothing more falls due. */
  private void settle(Instant t) {
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("timers keep falling due at " + t + ": " + fired);
      }
      room.host().engine().runDueWork();
      if (fired.isEmpty()) {
        break;
      }
      List<Obligation> due = new ArrayList<>(fired);
      fired.clear();
      due.sort(Comparator.comparing((Obligation o) -> o.dueAt().orElse(t)).thenComparing(Obligation::ruleId));
      for (Obligation o : due) {
        room.fallsDue(o);
      }
    }
  }
}
