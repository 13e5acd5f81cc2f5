package org.opsbook.rules.internal.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.core.RuleId;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.simulation.TimelineEntry.Kind;

/**
 * What a {@link Simulation} produced: every duty of the fault as it fell due, was done or was cancelled, in time
 * order, and the fault's final state. Immutable.
 */
public final class Timeline {
  private final List<TimelineEntry> entries;
  private final FaultTracker finalState;

  Timeline(List<TimelineEntry> entries, FaultTracker finalState) {
    this.entries = List.copyOf(entries);
    this.finalState = checkNotNull(finalState, "finalState");
  }

  /** Returns the entries in time order (entries at one moment: completions and cancellations before dues). */
  public List<TimelineEntry> entries() {
    return entries;
  }

  /** Returns the entries of one kind. */
  public List<TimelineEntry> entries(Kind kind) {
    List<TimelineEntry> out = new ArrayList<>();
    for (TimelineEntry e : entries) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the entries of one rule. */
  public List<TimelineEntry> entries(RuleId ruleId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (TimelineEntry e : entries) {
      if (e.obligation().ruleId().equals(ruleId)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the fault's state at the end of the simulation. */
  public FaultTracker finalState() {
    return finalState;
  }

  /** Returns the timeline as readable lines in {@code zone}, one per entry. */
  public String render(ZoneId zone) {
    StringBuilder s = new StringBuilder();
    for (TimelineEntry e : entries) {
      s.append(e.line(zone)).append('\n');
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "Timeline{" + entries.size() + " entries, " + finalState + "}";
  }
}
