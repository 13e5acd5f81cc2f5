package org.opsbook.rules.internal.fault;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.classify.FaultClassifier;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.duty.FoldRules;
import org.opsbook.rules.internal.duty.ReportTime;

/**
 * The obligations engine's configuration: the parameters (catalog §15), the working-day calendar (TIME-02, 下班 of
 * TIME-03) and the classifier built from the same parameters. It starts {@link FaultTracker}s and replays stored
 * histories into them.
 *
 * <pre>{@code
 * ObligationEngine engine = ObligationEngine.standard();
 * FaultTracker fault = engine.track("F-1").apply(openedEvent);
 * List<Obligation> duties = fault.obligations(now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ObligationEngine implements FoldRules {
  private static final ObligationEngine STANDARD =
      new ObligationEngine(OpsParameters.defaults(), StandardWorkCalendar.weekdays());

  private final OpsParameters parameters;
  private final WorkCalendar calendar;
  private final FaultClassifier classifier;

  /**
   * Creates an engine.
   *
   * @param parameters the thresholds and policies
   * @param calendar the working days and working hours
   */
  public ObligationEngine(OpsParameters parameters, WorkCalendar calendar) {
    this.parameters = checkNotNull(parameters, "parameters");
    this.calendar = checkNotNull(calendar, "calendar");
    this.classifier = parameters.equals(OpsParameters.defaults())
        ? FaultClassifier.standard() : new FaultClassifier(parameters);
  }

  /** Returns the engine with the catalog §15 defaults on the Monday-to-Friday calendar of {@code Asia/Shanghai}. */
  public static ObligationEngine standard() {
    return STANDARD;
  }

  /** Returns the parameters. */
  @Override
  public OpsParameters parameters() {
    return parameters;
  }

  /** Returns the working-day calendar. */
  @Override
  public WorkCalendar calendar() {
    return calendar;
  }

  /** Returns the classifier built from the same parameters. */
  @Override
  public FaultClassifier classifier() {
    return classifier;
  }

  /** Returns the tracker of a fault with no history yet; its first event must be {@link FaultEventType#OPENED}. */
  public FaultTracker track(String faultId) {
    return FaultTracker.empty(this, faultId);
  }

  /**
   * Folds a stored history.
   *
   * @param faultId the fault
   * @param events its events, in order, numbered from 1
   * @throws InvalidInputException when an event is out of order or invalid, naming it as {@code events[i]}
   */
  public FaultTracker replay(String faultId, List<FaultEvent> events) {
    FaultTracker t = track(faultId);
    for (int i = 0; i < events.size(); i++) {
      try {
        t = t.apply(events.get(i));
      } catch (InvalidInputException e) {
        throw e.under("events[" + i + "]");
      }
    }
    return t;
  }

  /**
   * Assesses a fault from one snapshot of its facts, as the {@code obligations} command of the decision API does:
   * the facts are read as known since {@code detectedAt} (else the earliest time they name, else {@code now}); the
   * report times among them ({@code reportedToDeveloperAt}, {@code reportedToProvinceAt},
   * {@code reportedToRoomManagerAt}, {@code lastRoomManagerProgressAt}, {@code reportedToCenterManagerAt},
   * {@code notificationSentAt}, {@code repairedAt}) become the matching events at their own times, and
   * {@code provinceDutyNotifiedAt}, which no event stands for, the facts changing at its time; {@code events}
   * add what facts cannot say (the impact may expand, a duty was done …), in time order.
   *
   * @param facts the facts as of {@code now}
   * @param events further events, in time order; their faultId and sequence are ignored. OPENED and FACTS_CHANGED
   *     are not accepted: the facts say it
   * @param now the time of the assessment
   * @return the tracker after the whole history; ask it for {@code obligations(now)}
   * @throws InvalidInputException naming {@code facts.<field>} or {@code events[i].<field>}: a report time before
   *     detection or after {@code now}, another time of the past after {@code now} ({@code csCenterLevel1SmsSentAt},
   *     {@code csComplaintReceivedAt}, {@code lastSubstantiveProgressAt}, {@code dataLossAt}), a repair before
   *     detection, events out of order or after {@code now}, a
   *     completion of a duty that is not owed
   */
  public FaultTracker assess(FaultFacts facts, List<FaultEvent> events, Instant now) {
    checkNotNull(facts, "facts");
    checkNotNull(now, "now");
    String faultId = facts.faultId().orElse("fault");
    Instant opened = openingOf(facts, events, now);
    for (ReportTime s : ReportTime.values()) {
      Optional<Instant> t = s.of(facts);
      if (t.isPresent() && t.get().isAfter(now)) {
        throw new InvalidInputException("facts." + s.field, s.field + " is after now (" + now + "): " + t.get());
      }
      if (t.isPresent() && t.get().isBefore(opened)) {
        throw new InvalidInputException("facts." + s.field,
            s.field + " is before the fault was detected (" + opened + "): " + t.get());
      }
    }
    ReportTime.checkStatedPast(facts, now, "now");
    if (facts.detectedAt().isPresent() && facts.detectedAt().get().isAfter(now)) {
      throw new InvalidInputException("facts.detectedAt", "detectedAt is after now (" + now + ")");
    }
    if (facts.repairedAt().isPresent() && facts.faultStartTime().isPresent()
        && facts.repairedAt().get().isBefore(facts.faultStartTime().get())) {
      throw new InvalidInputException("facts.repairedAt", "repaired before the fault started ("
          + facts.faultStartTime().get() + "): " + facts.repairedAt().get());
    }
    List<Step> steps = new ArrayList<>();
    for (ReportTime s : ReportTime.values()) {
      Optional<Instant> t = s.of(facts);
      if (t.isPresent() && !s.isFirstReportAgain(facts)) {
        steps.add(new Step(t.get(), s == ReportTime.REPAIRED ? 2 : 0, s.type, null, "facts." + s.field, s));
      }
    }
    Instant previous = opened;
    for (int i = 0; i < events.size(); i++) {
      FaultEvent e = events.get(i);
      String path = "events[" + i + "]";
      if (e.type() == FaultEventType.OPENED || e.type() == FaultEventType.FACTS_CHANGED) {
        throw new InvalidInputException(path + ".type", "the facts say what " + e.type()
            + " would; give only the events facts cannot say");
      }
      if (e.at().isBefore(previous)) {
        throw new InvalidInputException(path + ".at", e.at().isBefore(opened)
            ? "before the fault was detected (" + opened + "): " + e.at()
            : "events out of order: " + e.at() + " is before the previous event at " + previous);
      }
      if (e.at().isAfter(now)) {
        throw new InvalidInputException(path + ".at", "after now (" + now + "): " + e.at());
      }
      previous = e.at();
      steps.add(new Step(e.at(), 1, e.type(), e, path, null));
    }
    steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::group));
    FaultTracker t = track(faultId).apply(FaultEvent.builder().faultId(faultId).sequence(1)
        .type(FaultEventType.OPENED).at(opened).facts(withoutReportTimes(facts)).build());
    for (Step s : steps) {
      FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(t.version() + 1).type(s.type)
          .at(s.at);
      if (s.event != null) {
        s.event.actorId().ifPresent(b::actorId);
        s.event.ruleId().ifPresent(b::ruleId);
        s.event.dutySequence().ifPresent(b::dutySequence);
        s.event.note().ifPresent(b::note);
      }
      if (s.type == FaultEventType.FACTS_CHANGED) {
        // a time no event stands for: the facts as they are, with that time put back
        FaultFacts.Builder changed = t.facts().toBuilder();
        s.report.set(changed, Optional.of(s.at));
        b.facts(changed.build());
      }
      try {
        t = t.apply(b.build());
      } catch (InvalidInputException e) {
        throw s.event != null ? e.under(s.path) : new InvalidInputException(s.path, e.reason(),
            e.ruleId().orElse(null), e);
      }
    }
    return t;
  }

  private static Instant openingOf(FaultFacts facts, List<FaultEvent> events, Instant now) {
    if (facts.detectedAt().isPresent()) {
      return facts.detectedAt().get();
    }
    Instant earliest = facts.faultStartTime().orElse(null);
    if (earliest == null) {
      for (ReportTime s : ReportTime.values()) {
        Instant t = s.of(facts).orElse(null);
        if (t != null && (earliest == null || t.isBefore(earliest))) {
          earliest = t;
        }
      }
      if (!events.isEmpty() && (earliest == null || events.get(0).at().isBefore(earliest))) {
        earliest = events.get(0).at();
      }
    }
    return earliest == null || earliest.isAfter(now) ? now : earliest;
  }

  private static FaultFacts withoutReportTimes(FaultFacts facts) {
    FaultFacts.Builder b = facts.toBuilder();
    for (ReportTime r : ReportTime.values()) {
      r.set(b, Optional.empty());
    }
    return b.build();
  }

  /** One event to replay: a given one, or the one a report time of the facts stands for ({@code report}). */
  private record Step(Instant at, int group, FaultEventType type, FaultEvent event, String path, ReportTime report) {}
}
