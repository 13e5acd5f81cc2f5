package org.opsbook.rules.internal.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.simulation.TimelineEntry.Kind;

/**
 * Drives one fault through a scripted stretch of time on a {@link MutableClock} and records the {@link Timeline} of
 * its duties as they fall due, are done and are cancelled: the demo's engine, and a way to test whole days.
 *
 * <pre>{@code
 * Timeline day = Simulation.builder(ObligationEngine.standard(), "F-1")
 *     .open(at("09:00"), facts)
 *     .event(at("09:10"), FaultEventType.REPORTED_TO_ROOM_MANAGER)
 *     .complete(at("10:30"), RuleId.of("NOTIFY-TRIG-01"))
 *     .until(at("18:00"))
 *     .build().run();
 * System.out.print(day.render(ZoneId.of("Asia/Shanghai")));
 * }</pre>
 *
 * <p>The clock jumps from one moment to the next: the next scripted step or the next due time, whichever comes
 * first. At each moment the scripted events apply first, then what has fallen due is recorded, so a fault repaired
 * exactly at a deadline never owes it (BND-08). A simulation runs once; not thread-safe.
 */
public final class Simulation {
  private static final Comparator<TimelineEntry> BY_TIME = Comparator.comparing(TimelineEntry::at);

  private final ObligationEngine engine;
  private final String faultId;
  private final List<Step> script;
  private final Instant until;
  private final MutableClock clock;
  private boolean ran;

  private Simulation(Builder b) {
    this.engine = b.engine;
    this.faultId = b.faultId;
    this.script = List.copyOf(b.script);
    this.until = b.until != null ? b.until : script.get(script.size() - 1).at;
    this.clock = b.clock != null ? b.clock : MutableClock.at(script.get(0).at, engine.calendar().zone());
    if (clock.instant().isAfter(script.get(0).at)) {
      throw new InvalidInputException("clock", "the clock stands after the first step at " + script.get(0).at);
    }
    if (until.isBefore(script.get(script.size() - 1).at)) {
      throw new InvalidInputException("until", "the simulation ends before its last step at "
          + script.get(script.size() - 1).at);
    }
  }

  /** Returns a builder for a simulation of {@code faultId} under {@code engine}. */
  public static Builder builder(ObligationEngine engine, String faultId) {
    return new Builder(engine, faultId);
  }

  /** Returns the clock the simulation moves; it stands at the end time after {@link #run()}. */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Runs the script and returns the timeline.
   *
   * @throws InvalidInputException when a scripted event is refused (a completion of a duty not owed …), naming it
   *     as {@code script[i]}
   * @throws IllegalStateException when run twice
   */
  public Timeline run() {
    if (ran) {
      throw new IllegalStateException("a simulation runs once");
    }
    ran = true;
    FaultTracker fault = engine.track(faultId);
    List<TimelineEntry> entries = new ArrayList<>();
    Set<ObligationKey> announced = new HashSet<>();
    Set<ObligationKey> done = new HashSet<>();
    Set<ObligationKey> ended = new HashSet<>();
    int next = 0;
    clock.set(script.get(0).at);
    while (true) {
      Instant t = clock.instant();
      while (next < script.size() && !script.get(next).at.isAfter(t)) {
        try {
          fault = fault.apply(script.get(next).event(faultId, fault.version() + 1));
        } catch (InvalidInputException e) {
          throw e.under("script[" + next + "]");
        }
        next++;
      }
      Map<ObligationKey, Obligation> byKey = new HashMap<>();
      for (Obligation o : fault.raised()) {
        byKey.put(o.key(), o);
      }
      entries.addAll(settled(fault.completions(), done, byKey, Kind.COMPLETED));
      entries.addAll(settled(fault.cancellations(), ended, byKey, Kind.CANCELLED));
      List<Obligation> open = new ArrayList<>(fault.obligations(t));
      open.sort(FaultTracker.ORDER);
      Instant wake = next < script.size() ? script.get(next).at : null;
      for (Obligation o : open) {
        boolean due = o.dueAt().map(d -> !d.isAfter(t)).orElse(true);
        if (due && announced.add(o.key())) {
          entries.add(new TimelineEntry(t, Kind.DUE, o));
        } else if (!due && (wake == null || o.dueAt().get().isBefore(wake))) {
          wake = o.dueAt().get();
        }
      }
      if (wake == null || wake.isAfter(until)) {
        break;
      }
      clock.set(wake);
    }
    if (clock.instant().isBefore(until)) {
      clock.set(until);
    }
    entries.sort(BY_TIME);
    return new Timeline(entries, fault);
  }

  private static List<TimelineEntry> settled(Map<ObligationKey, Instant> settled, Set<ObligationKey> seen,
      Map<ObligationKey, Obligation> byKey, Kind kind) {
    List<TimelineEntry> out = new ArrayList<>();
    for (Map.Entry<ObligationKey, Instant> e : settled.entrySet()) {
      if (seen.add(e.getKey())) {
        out.add(new TimelineEntry(e.getValue(), kind, byKey.get(e.getKey())));
      }
    }
    out.sort(Comparator.comparing(TimelineEntry::at).thenComparing(x -> x.obligation(), FaultTracker.ORDER));
    return out;
  }

  private record Step(Instant at, FaultEventType type, FaultFacts facts, RuleId ruleId, Integer sequence,
      String note) {
    FaultEvent event(String faultId, long number) {
      FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(number).type(type).at(at);
      if (facts != null) {
        b.facts(facts);
      }
      if (ruleId != null) {
        b.ruleId(ruleId);
      }
      if (sequence != null) {
        b.dutySequence(sequence);
      }
      if (note != null) {
        b.note(note);
      }
      return b.build();
    }
  }

  /** Builds a {@link Simulation}: steps in time order, the first one opening the fault. Not thread-safe. */
  public static final class Builder {
    private final ObligationEngine engine;
    private final String faultId;
    private final List<Step> script = new ArrayList<>();
    private Instant until;
    private MutableClock clock;

    private Builder(ObligationEngine engine, String faultId) {
      this.engine = checkNotNull(engine, "engine");
      this.faultId = checkNotNull(faultId, "faultId");
    }

    /** Opens the fault at {@code at} with its first facts. */
    public Builder open(Instant at, FaultFacts facts) {
      return step(new Step(at, FaultEventType.OPENED, checkNotNull(facts, "facts"), null, null, null));
    }

    /** The host reports a new snapshot of the facts at {@code at}. */
    public Builder facts(Instant at, FaultFacts facts) {
      return step(new Step(at, FaultEventType.FACTS_CHANGED, checkNotNull(facts, "facts"), null, null, null));
    }

    /** Something happens at {@code at}: a report, a sent message, the repair … */
    public Builder event(Instant at, FaultEventType type) {
      return step(new Step(at, checkNotNull(type, "type"), null, null, null, null));
    }

    /** Something happens at {@code at}, with a note (a new ETA, a progress conclusion …). */
    public Builder event(Instant at, FaultEventType type, String note) {
      return step(new Step(at, checkNotNull(type, "type"), null, null, null, checkNotNull(note, "note")));
    }

    /** The duty owed under {@code ruleId} is done at {@code at}. */
    public Builder complete(Instant at, RuleId ruleId) {
      return step(new Step(at, FaultEventType.DUTY_COMPLETED, null, checkNotNull(ruleId, "ruleId"), null, null));
    }

    /** Occurrence {@code sequence} of the recurring duty {@code ruleId} is done at {@code at}. */
    public Builder complete(Instant at, RuleId ruleId, int sequence) {
      return step(new Step(at, FaultEventType.DUTY_COMPLETED, null, checkNotNull(ruleId, "ruleId"), sequence,
          null));
    }

    /** Ends the simulation at {@code end} (inclusive); by default at the last step. */
    public Builder until(Instant end) {
      this.until = checkNotNull(end, "end");
      return this;
    }

    /** Moves {@code clock} instead of a fresh one; it must not stand after the first step. */
    public Builder clock(MutableClock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Returns the simulation.
     *
     * @throws InvalidInputException when there are no steps, the first does not open the fault, or a step is out of
     *     time order
     */
    public Simulation build() {
      if (script.isEmpty() || script.get(0).type != FaultEventType.OPENED) {
        throw new InvalidInputException("script", "a simulation starts by opening the fault");
      }
      return new Simulation(this);
    }

    private Builder step(Step s) {
      checkNotNull(s.at, "at");
      if (!script.isEmpty() && s.at.isBefore(script.get(script.size() - 1).at)) {
        throw new InvalidInputException("script[" + script.size() + "].at", "steps out of time order: " + s.at
            + " is before " + script.get(script.size() - 1).at);
      }
      script.add(s);
      return this;
    }
  }
}
