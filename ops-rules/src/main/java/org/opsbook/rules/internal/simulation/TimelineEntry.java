package org.opsbook.rules.internal.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.opsbook.core.Obligation;

/**
 * One line of a simulated fault's {@link Timeline}: at {@code at}, the {@code obligation} fell due, was done or was
 * cancelled.
 *
 * @param at when it happened: the due time reached, the completion, or the cancellation
 * @param kind what happened
 * @param obligation the duty: its rule, actor, target, channel, action and due time
 */
public record TimelineEntry(Instant at, Kind kind, Obligation obligation) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  /** Validates the parts. */
  public TimelineEntry {
    checkNotNull(at, "at");
    checkNotNull(kind, "kind");
    checkNotNull(obligation, "obligation");
  }

  /** Returns one readable line in {@code zone}, e.g. {@code 11-25 09:00 DUE ESC-ROOM-01 ESC_DUTY → ROOM_MANAGER …}. */
  public String line(ZoneId zone) {
    Obligation o = obligation;
    String seq = o.recurring() ? " #" + o.sequence() : "";
    String due = kind == Kind.DUE && o.dueAt().isEmpty() ? " (timely)" : "";
    return TIME.format(at.atZone(zone)) + "  " + String.format("%-9s", kind) + " " + o.ruleId() + seq + "  "
        + o.actor() + " → " + o.target() + " by " + o.channel() + ": " + o.action() + due;
  }

  /** What happened to the duty. */
  public enum Kind {
    /** The duty fell due (a timely duty: it arose). */
    DUE,
    /** The duty was done. */
    COMPLETED,
    /** The duty ended undone: the fault was repaired or closed, or a later daily entry superseded it. */
    CANCELLED
  }
}
