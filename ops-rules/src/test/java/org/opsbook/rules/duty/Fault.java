package org.opsbook.rules.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * A test script for one fault: times are written {@code "11-25 09:00"} (2026, Asia/Shanghai; 2026-11-25 is a
 * Wednesday), each step applies one event to the immutable tracker it holds.
 */
public final class Fault {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final ObligationEngine engine;
  private FaultTracker tracker;

  private Fault(ObligationEngine engine, FaultTracker tracker) {
    this.engine = engine;
    this.tracker = tracker;
  }

  /** {@code "11-25 09:00"} → that instant in 2026, Shanghai. */
  public static Instant at(String monthDayTime) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
  }

  /**
   * Asserts that {@code ruleId} is raised only when its cause ends after {@code limit}: the fault {@code endedAt}
   * builds with the cause ended a minute before the limit and at it never raises the duty, the one ended a minute
   * after does. Returns that late fault for further checks.
   */
  public static Fault raisedOnlyAfter(String ruleId, String limit, Function<String, Fault> endedAt) {
    assertThat(endedAt.apply(minutesFrom(limit, -1)).everRaised(ruleId)).as("ended a minute before " + limit)
        .isFalse();
    assertThat(endedAt.apply(limit).everRaised(ruleId)).as("ended at " + limit).isFalse();
    Fault late = endedAt.apply(minutesFrom(limit, 1));
    assertThat(late.everRaised(ruleId)).as("ended a minute after " + limit).isTrue();
    return late;
  }

  /** {@code "11-25 09:00"} moved by {@code minutes}, written the same way. */
  public static String minutesFrom(String monthDayTime, int minutes) {
    return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).plusMinutes(minutes)
        .format(DateTimeFormatter.ofPattern("MM-dd HH:mm"));
  }

  /** Facts of fault F-1 detected at {@code detected}. */
  public static FaultFacts.Builder facts(String detected) {
    return FaultFacts.builder().faultId("F-1").detectedAt(at(detected));
  }

  /** An L1 fault (25 complaints) detected and opened at 11-25 09:00. */
  public static Fault l1() {
    return open("11-25 09:00", facts("11-25 09:00").complaintCount(25));
  }

  /** {@link #l1()} reported to the room manager at 09:10. */
  public static Fault l1Reported() {
    return l1().event("11-25 09:10", FaultEventType.REPORTED_TO_ROOM_MANAGER);
  }

  public static Fault open(String at, FaultFacts.Builder facts) {
    return open(ObligationEngine.standard(), at, facts);
  }

  public static Fault open(ObligationEngine engine, String at, FaultFacts.Builder facts) {
    FaultTracker t = engine.track("F-1").apply(FaultEvent.builder().faultId("F-1").sequence(1)
        .type(FaultEventType.OPENED).at(at(at)).facts(facts.build()).build());
    return new Fault(engine, t);
  }

  public Fault facts(String at, UnaryOperator<FaultFacts.Builder> change) {
    FaultFacts next = change.apply(tracker.facts().toBuilder()).build();
    return apply(next(FaultEventType.FACTS_CHANGED, at).facts(next).build());
  }

  public Fault event(String at, FaultEventType type) {
    return apply(next(type, at).build());
  }

  public Fault complete(String at, String ruleId) {
    return apply(next(FaultEventType.DUTY_COMPLETED, at).ruleId(RuleId.of(ruleId)).build());
  }

  public Fault complete(String at, String ruleId, int sequence) {
    return apply(next(FaultEventType.DUTY_COMPLETED, at).ruleId(RuleId.of(ruleId)).dutySequence(sequence).build());
  }

  public FaultEvent.Builder next(FaultEventType type, String at) {
    return FaultEvent.builder().faultId(tracker.faultId()).sequence(tracker.version() + 1).type(type).at(at(at));
  }

  public Fault apply(FaultEvent e) {
    tracker = tracker.apply(e);
    return this;
  }

  public FaultTracker tracker() {
    return tracker;
  }

  public ObligationEngine engine() {
    return engine;
  }

  public List<Obligation> duties(String now) {
    return tracker.obligations(at(now));
  }

  public List<String> ruleIds(String now) {
    List<String> ids = new ArrayList<>();
    for (Obligation o : duties(now)) {
      ids.add(o.ruleId().value() + (o.recurring() ? "#" + o.sequence() : ""));
    }
    return ids;
  }

  Optional<Obligation> duty(String now, String ruleId) {
    for (Obligation o : duties(now)) {
      if (o.ruleId().value().equals(ruleId)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  public boolean owes(String now, String ruleId) {
    return duty(now, ruleId).isPresent();
  }

  /**
   * Asserts that the fault owes {@code ruleId} at {@code now} and that this duty falls due at {@code due} to the
   * minute: it is not due a minute before, it is due at that minute and a minute after (the 59, 60, 61 boundary of a
   * time limit). Returns the duty for further checks.
   */
  public Obligation dueAtTheMinute(String now, String ruleId, String due) {
    Optional<Obligation> owed = duty(now, ruleId);
    assertThat(owed).as("%s owed at %s", ruleId, now).isPresent();
    Obligation duty = owed.get();
    Instant at = at(due);
    assertThat(duty.dueAt()).contains(at);
    assertThat(duty.isDueAt(at.minusSeconds(60))).isFalse();
    assertThat(duty.isDueAt(at)).isTrue();
    assertThat(duty.isDueAt(at.plusSeconds(60))).isTrue();
    return duty;
  }

  /** True when the rule's first occurrence was fixed at some point (it may since have been done or ended). */
  public boolean everRaised(String ruleId) {
    for (Obligation o : tracker.raised()) {
      if (o.ruleId().value().equals(ruleId)) {
        return true;
      }
    }
    return false;
  }

  /** When the first duty of {@code ruleId} was done, or {@code null} while it is not. */
  public Instant completedAt(String ruleId) {
    return tracker.completions().get(new ObligationKey(tracker.faultId(), RuleId.of(ruleId), 1));
  }

  /** True when a duty of the rule ended undone (cancelled at the repair …). */
  public boolean cancelled(String ruleId) {
    return tracker.cancellations().keySet().stream().anyMatch(k -> k.ruleId().value().equals(ruleId));
  }

  /** Asserts that {@code call} is refused as invalid input naming {@code field}. */
  public static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }

  /** Asserts whether {@code rule} is owed at opening for the values n-1, n and n+1 (the BND boundary triple). */
  public static void triple(String rule, IntFunction<UnaryOperator<FaultFacts.Builder>> facts, int n, boolean below,
      boolean at, boolean above) {
    assertThat(owedAtOpening(facts.apply(n - 1)).contains(rule)).as(rule + " at " + (n - 1)).isEqualTo(below);
    assertThat(owedAtOpening(facts.apply(n)).contains(rule)).as(rule + " at " + n).isEqualTo(at);
    assertThat(owedAtOpening(facts.apply(n + 1)).contains(rule)).as(rule + " at " + (n + 1)).isEqualTo(above);
  }

  /**
   * A rule owed at opening from a boundary on, the case of a parameterised test: not owed at n-1, owed at n when
   * {@code atN} and always at n+1 ({@link #triple}), named by its rule, its limit and the three values.
   */
  public record Boundary(String ruleId, String limit, IntFunction<UnaryOperator<FaultFacts.Builder>> facts, int n,
      boolean atN) {
    public void check() {
      triple(ruleId, facts, n, false, atN, true);
    }

    /** The rule, its limit and the three values checked: {@code n - 1}, {@code n} and {@code n + 1}. */
    @Override
    public String toString() {
      return ruleId + ": " + limit + ": " + (n - 1) + ", " + n + ", " + (n + 1);
    }
  }

  /** Opens a fault with only these facts (detected 11-25 09:00) and returns the rules it owes at once. */
  public static List<String> owedAtOpening(UnaryOperator<FaultFacts.Builder> facts) {
    List<String> ids = new ArrayList<>();
    for (Obligation o : open("11-25 09:00", facts.apply(facts("11-25 09:00"))).duties("11-25 09:00")) {
      ids.add(o.ruleId().value());
    }
    return ids;
  }
}
