package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
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

/**
 * {@link Faults} over {@link FaultDutyService}: one history per fault (facts, level, duty timers, SM-ESC). Every write
 * is refused to a person who holds none of the roles it takes, as the lifecycle's steps are (an engine that runs the
 * lifecycle must not be steered around it): opening takes SM-ESC-T01's roles; the repair, a relapse and the closing
 * the owner's and the duty desk's; the sending of an SMS, and the SMS duties, are recorded by the engine alone when it
 * sends the reviewed SMS (NOTIFY-REVIEW-01); any other write takes a role the fault rules name.
 */
final class FaultDesk implements Faults {
  private static final RuleId SM_ESC_T01 = RuleId.of("SM-ESC-T01");
  private static final RuleId REVIEW_01 = RuleId.of("NOTIFY-REVIEW-01");
  private static final RuleId REVIEW_03 = RuleId.of("NOTIFY-REVIEW-03");
  /** SM-ESC-T01: who opens a fault. */
  private static final Set<Role> OPENERS = Collections.unmodifiableSet(EnumSet.of(Role.ESC_DUTY, Role.IT_SYSADMIN,
      Role.PRE_PROCESSOR, Role.TICKET_REVIEWER));
  /** SM-ESC-T07, T08, T11: who records the repair, a relapse and the closing (the owner A or B, the duty desk). */
  private static final Set<Role> OWNERS = Collections.unmodifiableSet(EnumSet.of(Role.ESC_DUTY, Role.ESC_HANDLER_A,
      Role.ESC_HANDLER_B, Role.IT_SYSADMIN));
  /** The roles the fault, escalation and notification rules name as actors. */
  private static final Set<Role> HANDLERS = Collections.unmodifiableSet(EnumSet.of(Role.ESC_DUTY,
      Role.ESC_HANDLER_A, Role.ESC_HANDLER_B, Role.ESC_MONITOR, Role.IT_SYSADMIN, Role.FAULT_TEAM_LEADER,
      Role.ROOM_SUPERVISOR, Role.ROOM_MANAGER, Role.DEPT_MANAGER, Role.CENTER_MANAGER, Role.PRE_PROCESSOR,
      Role.TICKET_REVIEWER, Role.EARTH_VILLAGE, Role.DUTY_LOG_WRITER, Role.DUTY_68284));
  /** The duties of sending an SMS (NOTIFY-TRIG-02 to 08): discharged by the sending alone. */
  private static final Set<String> SMS_DUTIES = Set.of("NOTIFY-TRIG-02", "NOTIFY-TRIG-03", "NOTIFY-TRIG-04",
      "NOTIFY-TRIG-05", "NOTIFY-TRIG-06", "NOTIFY-TRIG-07", "NOTIFY-TRIG-08");

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
    return duties.open(faultId, facts, clock.instant(), acting(personId, OPENERS, "open a fault", SM_ESC_T01));
  }

  @Override
  public FaultTracker updateFacts(String faultId, FaultFacts facts, String personId) {
    return duties.updateFacts(faultId, facts, clock.instant(), handler(personId));
  }

  @Override
  public FaultTracker updateFacts(String faultId, long ifVersion, FaultFacts facts, String personId) {
    return duties.ifVersion(ifVersion).updateFacts(faultId, facts, clock.instant(), handler(personId));
  }

  @Override
  public FaultTracker record(String faultId, FaultEventType type, String personId) {
    return duties.record(faultId, type, clock.instant(), recorder(type, personId));
  }

  @Override
  public FaultTracker record(String faultId, long ifVersion, FaultEventType type, String personId) {
    return duties.ifVersion(ifVersion).record(faultId, type, clock.instant(), recorder(type, personId));
  }

  @Override
  public FaultTracker complete(String faultId, RuleId ruleId, String personId) {
    return duties.complete(faultId, ruleId, OptionalInt.empty(), clock.instant(), completer(ruleId, personId));
  }

  @Override
  public FaultTracker complete(String faultId, long ifVersion, RuleId ruleId, String personId) {
    return duties.ifVersion(ifVersion).complete(faultId, ruleId, OptionalInt.empty(), clock.instant(),
        completer(ruleId, personId));
  }

  /**
   * Returns the canonical ID of the person, as the directory knows them, once they hold one of {@code roles}.
   *
   * @throws InvalidInputException naming {@code personId} (and {@code rule}) when they hold none
   */
  private String acting(String personId, Set<Role> roles, String what, RuleId rule) {
    Person p = actors.person(personId);
    if (p.roles().stream().noneMatch(roles::contains)) {
      throw new InvalidInputException("personId", Masking.name(p.id()) + " holds none of the roles that "
          + what + ": " + roles, rule);
    }
    return p.id();
  }

  /** Who may record a fault's facts, reports and duties: one of the roles the fault rules name. */
  private String handler(String personId) {
    return acting(personId, HANDLERS, "record what happens to a fault", null);
  }

  /**
   * Who may record {@code type}: the lifecycle's roles for a repair, a relapse and the closing (SM-ESC-T07, T08, T11);
   * nobody for an SMS sent, which the engine records when it sends the reviewed SMS (NOTIFY-REVIEW-01).
   */
  private String recorder(FaultEventType type, String personId) {
    return switch (type) {
      case NOTIFICATION_SENT, FOLLOW_UP_SENT, RECOVERY_SENT -> throw new InvalidInputException("type", type
          + " is recorded by the engine when it sends the reviewed SMS (messages()), never by hand", REVIEW_01);
      case REPAIRED -> acting(personId, OWNERS, "record the repair", RuleId.of("SM-ESC-T07"));
      case RELAPSED -> acting(personId, OWNERS, "record a relapse", RuleId.of("SM-ESC-T08"));
      case CLOSED -> acting(personId, OWNERS, "close a fault", RuleId.of("SM-ESC-T11"));
      default -> handler(personId);
    };
  }

  /** Who may record a duty done: a fault handler; an SMS duty is done only by sending its reviewed SMS. */
  private String completer(RuleId ruleId, String personId) {
    if (ruleId != null && SMS_DUTIES.contains(ruleId.value())) {
      throw new InvalidInputException("ruleId", ruleId + " is done when the engine sends its reviewed SMS "
          + "(messages()), never by hand", REVIEW_01);
    }
    return handler(personId);
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
    // 「运营管理室升级投诉值班同事…汇报前先告知故障处理组组长和室主管」: the duty desk tells, each in the role named
    String teller = acting(personId, Set.of(Role.ESC_DUTY), "brief the fault (NOTIFY-REVIEW-03)", REVIEW_03);
    Person listener = actors.person(listenerId);
    if (!listener.roles().contains(whom)) {
      throw new InvalidInputException("listenerId", Masking.name(listener.id()) + " is not " + whom
          + ": the briefing is told to the " + whom + " (NOTIFY-REVIEW-03)", REVIEW_03);
    }
    briefings.record(faultId, whom, listener.id(), teller, clock.instant());
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

  /** Returns when the fault's recurring duty {@code duty}, undone at {@code now}, falls due again. */
  Optional<Instant> repeatsAt(Obligation duty, Instant now) {
    return duties.repeatsAt(duty, now);
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
