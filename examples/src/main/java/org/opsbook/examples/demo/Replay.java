package org.opsbook.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.opsbook.core.Obligation;
import org.opsbook.core.scheduling.ObligationScheduler;
import org.opsbook.core.time.MutableClock;

/**
 * Replays a script on a simulated clock, as fast as the database allows. The clock jumps from one moment to the
 * next: the next scripted step or the next timer due in the obligation store, whichever comes first. At each moment
 * the scripted steps run, then the {@link ObligationScheduler} fires what has fallen due ({@code pollOnce}) and the
 * room reacts, until nothing more is due; then the SMS outbox is drained once. Nothing sleeps. Not thread-safe.
 */
final class Replay {
  /** How many rounds of timers one moment may take before the replay gives up (a reaction loop is a bug). */
  private static final int MAX_ROUNDS = 50;

  private final OpsRoom room;
  private final MutableClock clock;
  private final ObligationScheduler scheduler;
  private final List<Obligation> fired = new ArrayList<>();

  Replay(OpsRoom room, MutableClock clock) {
    this.room = checkNotNull(room, "room");
    this.clock = checkNotNull(clock, "clock");
    this.scheduler = ObligationScheduler.builder(room.host().jdbc().obligations(), (key, s) -> fired.add(s.obligation()))
        .owner("opsbook-demo").clock(clock).lease(Duration.ofMinutes(5)).build();
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
      Optional<Instant> timer = room.host().jdbc().obligations().nextDueAt();
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

  /** Fires every timer due at {@code t}, lets the room react, and drains the outbox once. */
  private void settle(Instant t) {
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("timers keep falling due at " + t + ": " + fired);
      }
      fired.clear();
      scheduler.pollOnce(t);
      if (fired.isEmpty()) {
        break;
      }
      List<Obligation> due = new ArrayList<>(fired);
      due.sort(Comparator.comparing((Obligation o) -> o.dueAt().orElse(t)).thenComparing(Obligation::ruleId));
      for (Obligation o : due) {
        room.fallsDue(o);
      }
    }
    room.host().dispatcher().drainOnce(t);
  }
}
