package org.opsbook.core.internal.machine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * The project's time-order rules for workflow steps, checked by the workflow kernel on every step and by the
 * {@link WorkflowStore} against what it stored and the clock it holds. A dated step is
 * evidence (a SOX export shows who approved what and when), so a step cannot be backdated past the history it
 * joins, nor dated in the future:
 *
 * <ul>
 *   <li>{@link #STEP_AFTER_PREVIOUS OPS-TIME-01}: a step is not dated before the instance's previous step. The
 *       history is a sequence; a step that claims to precede the one before it rewrites it. A store that holds a
 *       clock records steps as they happen, on hosts whose clocks differ by seconds, so a step it is given up to the
 *       skew before the previous step is its host's clock being behind: it records the step at the previous step's
 *       time, after it as it happened. Further before, it refuses.
 *   <li>{@link #NOT_BEFORE_OPENING OPS-TIME-02}: neither a step nor a time its data states (an approval's
 *       {@code …At}, a business confirmation, a backup) lies before the instance's creation or submission. What the
 *       manual orders to happen after submission cannot have happened before it.
 *   <li>{@link #WITHIN_SKEW_OF_CLOCK OPS-TIME-03}: a step is not dated more than the stated skew (a parameter,
 *       default {@link #DEFAULT_SKEW 5 minutes}) past the clock of the store that records it; a creation, which is
 *       recorded as it happens, is not dated more than the skew before it either. Hosts' clocks differ by seconds;
 *       a step a day ahead, or a ticket opened in 1970, is not a clock's error.
 * </ul>
 *
 * <p>Times are compared to the microsecond, the precision PostgreSQL keeps. Each refusal is a {@link Violation}
 * naming the rule and the field ({@code at}, or {@code data.<field>}).
 */
public final class TimeOrder {
  /** OPS-TIME-01: a step is not dated before the instance's previous step. */
  public static final RuleId STEP_AFTER_PREVIOUS = RuleId.of("OPS-TIME-01");
  /** OPS-TIME-02: no step, and no time a step's data states, lies before the instance's creation or submission. */
  public static final RuleId NOT_BEFORE_OPENING = RuleId.of("OPS-TIME-02");
  /** OPS-TIME-03: no step is dated more than the skew past the store's clock. */
  public static final RuleId WITHIN_SKEW_OF_CLOCK = RuleId.of("OPS-TIME-03");
  /** The default skew allowed between a host's clock and a step's time. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

  private TimeOrder() {}

  /**
   * Checks a step dated {@code at} against the instance's previous step and its opening, and the times the step's
   * data states against the opening.
   *
   * @param previous when the instance's previous step was, if known
   * @param opened when the instance was created or submitted, if it was
   * @param stated the times the step's data states, by field name
   * @param skew reserved: how far a stated time may lie after the step (not checked)
   * @return every violation, in the order above; empty when the step is in order
   */
  public static List<Violation> ofStep(Instant at, Optional<Instant> previous, Optional<Instant> opened,
      Map<String, Instant> stated, Duration skew) {
    List<Violation> out = new ArrayList<>(0);
    if (previous.isPresent() && before(at, previous.get())) {
      out.add(Violation.of(STEP_AFTER_PREVIOUS, "at", "the step is dated " + at + ", before the previous step at "
          + previous.get()));
    }
    if (opened.isPresent() && before(at, opened.get())) {
      out.add(Violation.of(NOT_BEFORE_OPENING, "at", "the step is dated " + at + ", before the instance was opened at "
          + opened.get()));
    }
    for (Map.Entry<String, Instant> e : stated.entrySet()) {
      Instant t = e.getValue();
      if (opened.isPresent() && before(t, opened.get())) {
        out.add(Violation.of(NOT_BEFORE_OPENING, "data." + e.getKey(), e.getKey() + " is " + t
            + ", before the instance was opened at " + opened.get()));
      }
    }
    return out;
  }

  /**
   * Returns the time a step given as {@code at}, a host clock's reading, is recorded at (OPS-TIME-01): {@code at}, or
   * {@code last}, the time of what the step follows, when {@code at} is up to {@code skew} before it. Hosts' clocks
   * differ by seconds, and a step taken after another host's is not dated before it. A time further before is kept,
   * to be refused.
   */
  public static Instant stamp(Instant at, Optional<Instant> last, Duration skew) {
    return last.filter(l -> at.isBefore(l) && !at.isBefore(l.minus(skew))).orElse(at);
  }

  /**
   * Whether {@code t} is before {@code other} to the microsecond, the precision a database keeps times to. An
   * instance's own record may hold a time to the nanosecond that its stored row keeps to the microsecond; a step
   * dated at the row's time is not before the record's.
   */
  private static boolean before(Instant t, Instant other) {
    return t.truncatedTo(ChronoUnit.MICROS).isBefore(other.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Checks a step dated {@code at} against the clock's {@code now}: not more than {@code skew} ahead, and for a
   * creation not more than {@code skew} behind either.
   *
   * @return the violation of OPS-TIME-03, or empty
   */
  public static List<Violation> ofClock(Instant at, Instant now, Duration skew, boolean creation) {
    if (at.isAfter(now.plus(skew))) {
      return List.of(Violation.of(WITHIN_SKEW_OF_CLOCK, "at", "the step is dated " + at + ", more than " + skew
          + " past the clock's " + now));
    }
    if (creation && at.isBefore(now.minus(skew))) {
      return List.of(Violation.of(WITHIN_SKEW_OF_CLOCK, "at", "the instance is created at " + at + ", more than "
          + skew + " before the clock's " + now + "; a creation is recorded as it happens"));
    }
    return List.of();
  }
}
