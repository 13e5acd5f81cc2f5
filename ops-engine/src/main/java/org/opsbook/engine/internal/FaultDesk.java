package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.engine.Faults;
import org.opsbook.engine.Result;
import org.opsbook.notify.Briefing;
import org.opsbook.rules.duty.ComplianceReport;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.internal.fault.FaultDutyService;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;

/** {@link Faults} over {@link FaultDutyService}: one history per fault (facts, level, duty timers, SM-ESC). */
final class FaultDesk implements Faults {
  private final FaultDutyService duties;
  private final FaultRepository repository;
  private final BriefingLog briefings;
  private final Actors actors;
  private final Clock clock;

  FaultDesk(FaultDutyService duties, FaultRepository repository, BriefingLog briefings,
      Actors actors, Clock clock) {
    this.duties = checkNotNull(duties, "duties");
    this.repository = checkNotNull(repository, "repository");
    this.briefings = checkNotNull(briefings, "briefings");
    this.actors = checkNotNull(actors, "actors");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public FaultTracker open(String faultId, FaultFacts facts, String personId) {
    return duties.open(faultId, facts, clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker updateFacts(String faultId, FaultFacts facts, String personId) {
    return duties.updateFacts(faultId, facts, clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker updateFacts(String faultId, long ifVersion, FaultFacts facts, String personId) {
    return duties.ifVersion(ifVersion).updateFacts(faultId, facts, clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker record(String faultId, FaultEventType type, String personId) {
    return duties.record(faultId, type, clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker record(String faultId, long ifVersion, FaultEventType type, String personId) {
    return duties.ifVersion(ifVersion).record(faultId, type, clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker complete(String faultId, RuleId ruleId, String personId) {
    return duties.complete(faultId, ruleId, OptionalInt.empty(), clock.instant(), actors.person(personId).id());
  }

  @Override
  public FaultTracker complete(String faultId, long ifVersion, RuleId ruleId, String personId) {
    return duties.ifVersion(ifVersion).complete(faultId, ruleId, OptionalInt.empty(), clock.instant(),
        actors.person(personId).id());
  }

  @Override
  public FaultTracker load(String faultId) {
    return duties.load(faultId);
  }

  @Override
  public List<Obligation> duties(String faultId) {
    FaultTracker fault = duties.load(faultId);
    return fault.obligations(fault.readAt(clock.instant()));
  }

  @Override
  public List<FaultSummary> openFaults() {
    return repository.openFaults();
  }

  @Override
  public DutyLedger ledger(String faultId) {
    FaultTracker fault = duties.load(faultId);
    return fault.ledger(fault.readAt(clock.instant()));
  }

  @Override
  public ComplianceReport compliance(Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    Instant now = clock.instant();
    List<DutyLedger> ledgers = new ArrayList<>();
    for (FaultSummary s : repository.faultsActiveSince(from)) {
      FaultTracker fault = duties.load(s.faultId());
      ledgers.add(fault.ledger(fault.readAt(now)));
    }
    return ComplianceReport.of(ledgers, from, to);
  }

  @Override
  public void told(String faultId, Role whom, String listenerId, String personId) {
    if (duties.load(faultId).version() == 0) {
      // not the ID in the message: it is what the caller gave, and no fault vouches for it
      throw new InvalidInputException("faultId", "no fault has this ID: a briefing (NOTIFY-REVIEW-03) is about an "
          + "open fault", RuleId.of("NOTIFY-REVIEW-03"));
    }
    briefings.record(faultId, whom, actors.person(listenerId).id(), actors.person(personId).id(), clock.instant());
  }

  @Override
  public Briefing briefing(String faultId) {
    return briefings.of(faultId);
  }

  @Override
  public Result<EscFault> lifecycle(String faultId, EscEvent event, EscEventData data, String personId) {
    return lifecycle(duties, faultId, event, data, personId);
  }

  @Override
  public Result<EscFault> lifecycle(String faultId, long ifVersion, EscEvent event, EscEventData data,
      String personId) {
    return lifecycle(duties.ifVersion(ifVersion), faultId, event, data, personId);
  }

  private Result<EscFault> lifecycle(FaultDutyService to, String faultId, EscEvent event, EscEventData data,
      String personId) {
    var actor = actors.actor(personId);
    // the assignee a step names is the directory's person, by the ID they will act under
    Outcome<FaultTracker> o = to.fire(faultId, event, checkNotNull(data, "data").withPeopleFrom(actors::actor),
        actor, clock.instant());
    return Results.of(new Outcome<>(o.instance().lifecycle().orElseThrow(), o.transitionId(), o.violations(),
        o.audit()));
  }

  @Override
  public Optional<EscFault> lifecycleOf(String faultId) {
    return duties.load(faultId).lifecycle();
  }

  /** Returns true unless the fault's stored history says it no longer owes {@code key}. */
  boolean owes(ObligationKey key) {
    return duties.owes(key);
  }

  /** Puts back the timers of the fault's duties that a process which died after its last event left missing. */
  void restoreTimers(String faultId) {
    duties.restoreTimers(faultId);
  }

  /**
   * Records on the fault that the gateway accepted the SMS {@code smsKey} at {@code at}, which discharges its
   * NOTIFY-TRIG duty; nothing when the history already records that SMS.
   */
  void sent(String faultId, FaultEventType type, String senderId, String smsKey, Instant at) {
    duties.recordOnce(faultId, type, at, senderId, smsKey);
  }
}
