package org.opsbook.rules.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.duty.DutyLedger.Ending;
import org.opsbook.rules.duty.DutyLedger.Entry;
import org.opsbook.rules.duty.DutyLedger.Status;

/**
 * Draws up a fault's {@link DutyLedger} from its state: the duties listed now are open; the fixed ones are done
 * (on time or late) or ended (missed or superseded); candidates the history made moot are superseded; and the
 * occurrences of a recurring series that fell due while nobody reported are added, each missed where the series
 * ended or resumed after it (every missed occurrence counts, not just the first).
 */
final class LedgerBuilder {
  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::duty, FaultTracker.ORDER)
      .thenComparingInt(Entry::repeat);

  private LedgerBuilder() {}

  static DutyLedger build(FaultTracker f, List<Obligation> listed, Instant now) {
    Map<ObligationKey, Obligation> open = new LinkedHashMap<>();
    for (Obligation o : listed) {
      open.put(o.key(), o);
    }
    Map<ObligationKey, Obligation> all = new LinkedHashMap<>();
    for (Obligation o : f.raised()) {
      all.put(o.key(), o);
    }
    for (Map.Entry<ObligationKey, Ended> e : f.endings().entrySet()) {
      all.putIfAbsent(e.getKey(), e.getValue().duty());
    }
    all.putAll(open);
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<ObligationKey, Obligation> e : all.entrySet()) {
      Entry entry = entry(f, e.getKey(), e.getValue(), open.containsKey(e.getKey()));
      out.add(entry);
      repeats(f, entry, now, out);
    }
    dailyGaps(f, out, now);
    out.sort(ORDER);
    return new DutyLedger(f.faultId(), now, out);
  }

  private static Entry entry(FaultTracker f, ObligationKey k, Obligation o, boolean open) {
    if (open) {
      return new Entry(o, 0, Status.OPEN, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Instant done = f.completions().get(k);
    if (done != null) {
      boolean late = o.dueAt().map(done::isAfter).orElse(false);
      return new Entry(o, 0, late ? Status.DONE_LATE : Status.DONE_ON_TIME, Optional.of(done), Optional.empty(),
          Optional.empty());
    }
    Ended end = f.endings().get(k);
    if (end == null) {
      throw new IllegalStateException("duty " + k + " is neither open, done nor ended");
    }
    return ended(o, 0, end.at(), end.why());
  }

  private static Entry ended(Obligation o, int repeat, Instant at, Ending why) {
    boolean fellDue = o.dueAt().map(at::isAfter).orElse(false);
    return new Entry(o, repeat, fellDue ? Status.MISSED : Status.SUPERSEDED, Optional.empty(), Optional.of(at),
        Optional.of(why));
  }

  /**
   * The intervals of a progress series (ESC-PROG-01 every 30 minutes, ESC-PROG-02 every 3 days, ESC-CENTER-15) or
   * of the follow-up SMS (NOTIFY-TRIG-07, by 下班 each day) that fell due after {@code e} and before the series
   * resumed (the late report), ended (the repair), or {@code now} for a series still open.
   */
  private static void repeats(FaultTracker f, Entry e, Instant now, List<Entry> out) {
    UnaryOperator<Instant> next = interval(f, e.duty());
    if (next == null || e.duty().dueAt().isEmpty() || e.status() == Status.SUPERSEDED) {
      return;
    }
    Instant until = switch (e.status()) {
      case DONE_ON_TIME, DONE_LATE -> e.doneAt().orElseThrow();
      case MISSED -> e.endedAt().orElseThrow();
      default -> now;
    };
    Ending why = e.endedBy().orElse(Ending.LATER_OCCURRENCE);
    Instant due = e.duty().dueAt().get();
    for (int i = 1;; i++) {
      Instant following = next.apply(due);
      if (!following.isAfter(due) || !following.isBefore(until)) {
        return;
      }
      Obligation d = e.duty();
      Obligation o = Obligation.builder().ruleId(d.ruleId()).subjectId(d.subjectId()).actor(d.actor())
          .action(d.action()).target(d.target()).channel(d.channel()).recurring(d.recurring()).sequence(d.sequence())
          .triggeredAt(due).dueAt(following).build();
      out.add(e.status() == Status.OPEN
          ? new Entry(o, i, Status.OPEN, Optional.empty(), Optional.empty(), Optional.empty())
          : new Entry(o, i, Status.MISSED, Optional.empty(), Optional.of(until), Optional.of(why)));
      due = following;
    }
  }

  /**
   * Returns when the recurring duty {@code o}, undone at {@code now}, falls due again: the first interval of its series
   * after {@code now} (the progress series and the follow-up SMS by their intervals, the daily entries each next day
   * at the same time); empty for a duty without a due time or a series without an interval.
   */
  static Optional<Instant> repeatsAt(FaultTracker f, Obligation o, Instant now) {
    if (!o.recurring() || o.dueAt().isEmpty()) {
      return Optional.empty();
    }
    java.time.ZoneId zone = f.calendar().zone();
    UnaryOperator<Instant> next = isDaily(o) ? t -> t.atZone(zone).plusDays(1).toInstant() : interval(f, o);
    if (next == null) {
      return Optional.empty();
    }
    Instant due = o.dueAt().get();
    for (int i = 0; i < 100_000; i++) {
      Instant following = next.apply(due);
      if (!following.isAfter(due)) {
        return Optional.empty();
      }
      if (following.isAfter(now)) {
        return Optional.of(following);
      }
      due = following;
    }
    return Optional.empty();
  }

  private static UnaryOperator<Instant> interval(FaultTracker f, Obligation o) {
    Duty d = Duty.of(o.ruleId()).orElseThrow();
    return switch (d) {
      case ESC_PROG_01 -> plus(f.parameters().progressIntervalEscalated());
      case ESC_PROG_02 -> plus(f.parameters().progressIntervalGeneral());
      case ESC_CENTER_15 -> plus(f.parameters().centerProgressInterval());
      case NOTIFY_TRIG_07 -> t -> {
        WorkCalendar cal = f.calendar();
        LocalDate day = cal.dateOf(t).plusDays(1);
        return cal.at(day, cal.workdayEnd());
      };
      default -> null;
    };
  }

  private static UnaryOperator<Instant> plus(Duration d) {
    return d.isZero() ? null : t -> t.plus(d);
  }

  /**
   * The days of FAULT-GEN-08 / ESC-REQ-12 (an ITC entry every day) that have no entry of their own: the engine lists
   * one day at a time, so a day passed over shows only here. A day before an entry that was later done or ended is
   * missed when that happened after its due time; a day after the last entry follows it (missed where it ended,
   * open while it is open).
   */
  private static void dailyGaps(FaultTracker f, List<Entry> out, Instant now) {
    TreeMap<Integer, Entry> days = new TreeMap<>();
    for (Entry e : out) {
      if (e.repeat() == 0 && isDaily(e.duty())) {
        days.put(e.duty().sequence(), e);
      }
    }
    if (days.isEmpty() || ComputedDuties.dailyFirstDay(f) == null) {
      return;
    }
    List<Entry> gaps = new ArrayList<>();
    int previous = 0;
    for (Map.Entry<Integer, Entry> d : days.entrySet()) {
      Entry after = d.getValue();
      Instant until = after.doneAt().or(after::endedAt).orElse(now);
      Ending why = after.endedBy().orElse(Ending.LATER_OCCURRENCE);
      for (int n = previous + 1; n < d.getKey(); n++) {
        gap(f, after, n, until, why, gaps);
      }
      previous = d.getKey();
    }
    Entry last = days.lastEntry().getValue();
    if (last.status() == Status.OPEN || last.status() == Status.MISSED) {
      Instant until = last.endedAt().orElse(now);
      for (int n = previous + 1;; n++) {
        if (!gap(f, last, n, until, last.endedBy().orElse(Ending.LATER_OCCURRENCE), gaps)) {
          break;
        }
      }
    }
    out.addAll(gaps);
  }

  /** Adds day {@code n} when it fell due before {@code until}; false when it did not. */
  private static boolean gap(FaultTracker f, Entry neighbour, int n, Instant until, Ending why, List<Entry> out) {
    Duty duty = Duty.of(neighbour.duty().ruleId()).orElseThrow();
    Obligation o = ComputedDuties.dailyOccurrence(f, n, duty).obligation();
    if (!o.dueAt().orElseThrow().isBefore(until)) {
      return false;
    }
    out.add(neighbour.status() == Status.OPEN
        ? new Entry(o, 0, Status.OPEN, Optional.empty(), Optional.empty(), Optional.empty())
        : new Entry(o, 0, Status.MISSED, Optional.empty(), Optional.of(until), Optional.of(why)));
    return true;
  }

  private static boolean isDaily(Obligation o) {
    return o.ruleId().equals(Duty.FAULT_GEN_08.id) || o.ruleId().equals(Duty.ESC_REQ_12.id);
  }
}
