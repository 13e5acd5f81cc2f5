package org.opsbook.rules.duty;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Channel;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.ResponsibleUnit;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.InstanceIds;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.duty.ConditionRule.Window;
import org.opsbook.rules.duty.Duty.Contact;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.internal.duty.AppendMap;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.rules.internal.duty.ReportTime;
import org.opsbook.rules.internal.duty.FoldRules;
import org.opsbook.rules.internal.duty.Stepped;
import org.opsbook.rules.internal.esc.StepDataFormat;
import org.opsbook.rules.internal.esc.EscWorkflow;

/**
 * One fault as the obligations engine sees it: its history folded into the current facts, the current and peak
 * level (FAULT-CLASS-DEF-07), the reports made, and every duty the manual creates — who must tell whom, by which
 * channel and by when, each with the rule that demands it (§0.3).
 *
 * <p>The same history holds the fault's lifecycle (SM-ESC, rules-catalog §7.3): {@link #step} decides a step by the
 * declared table and its guards and folds it as the next event; {@link #lifecycle()} is the state, owner and record
 * the history leaves. A repair is one REPAIRED event whether a host reports it or the owner marks it repaired.
 *
 * <p>Immutable: {@link #apply(FaultEvent)} returns the next state and leaves this one as it was, also when it
 * refuses an event. Folding a history is linear in its length: successive states share their duty maps' entries
 * instead of copying them. Pure: {@link #obligations(Instant)} takes {@code now} and reads no clock.
 *
 * <p>How duties arise and end:
 * <ul>
 *   <li>a duty raised by a condition (ESC-ROOM-01..08, ESC-CENTER-01..14, FAULT-GEN, ESC-REQ, NOTIFY-TRIG) is
 *       raised at the event where the condition is first seen and is never withdrawn by a later fact: duties follow
 *       the peak level, so a downgrade keeps them (FAULT-CLASS-DEF-07); each rule fires once per fault (§0.3);
 *   <li>a deadline (ESC-DEPT, the developer-stall re-reports, ESC-CENTER-09/18) is listed ahead of time while its
 *       condition holds, and is fixed once an event arrives after the deadline with the fault still unresolved
 *       (BND-08: resolved exactly at the deadline counts as in time);
 *   <li>a recurring duty (ESC-PROG-01/02, ESC-CENTER-15, FAULT-GEN-08/ESC-REQ-12, NOTIFY-TRIG-07) lists its next
 *       occurrence after the last recorded completion; ESC-ROOM-11/12 and ESC-CENTER-16/17 recur once per event;
 *   <li>a report discharges the duties it answers ({@code REPORTED_TO_ROOM_MANAGER} every phone report owed to the
 *       room manager, {@code NOTIFICATION_SENT} the notification SMS …); {@code DUTY_COMPLETED} names one rule. A
 *       deadline that reports the fault still unresolved or stuck (ESC-DEPT, the stall re-reports, ESC-CENTER-18) is
 *       answered only by a report made once it is due: a call before it cannot say so;
 *   <li>the repair ends the escalation duties still open (a repaired fault owes no further escalation) and raises
 *       the recovery duties (NOTIFY-TRIG-08, the recovery notice of NOTIFY-TRIG-01, ESC-REQ-10/11).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class FaultTracker {
  /** Due time (timely last), then rule ID, then occurrence: the order of {@link #obligations(Instant)}. */
  public static final Comparator<Obligation> ORDER = Comparator
      .comparing((Obligation o) -> o.dueAt().orElse(Instant.MAX))
      .thenComparing(Obligation::ruleId)
      .thenComparingInt(Obligation::sequence);

  /** The facts before the opening: immutable, so one value serves every fault (it cost a build per fold). */
  private static final FaultFacts NO_FACTS = FaultFacts.empty();
  /** How many duties there are ({@code Duty.values()} copies the array on every call). */
  private static final int DUTIES = Duty.values().length;

  private final FoldRules engine;
  private final String faultId;
  private final long version;
  private final Instant openedAt;
  private final Instant lastEventAt;
  private final FaultFacts facts;
  private final Classification classification;
  private final Level peakLevel;
  private final Instant l1At;
  private final Instant l2At;
  private final Instant developerAt;
  private final Instant provinceAt;
  private final Instant roomFirstAt;
  private final Instant roomLastAt;
  private final Instant centerFirstAt;
  private final Instant centerLastAt;
  private final Instant notificationAt;
  private final Instant lastFollowUpAt;
  private final Instant lastSignificantProgressAt;
  private final Instant lastSubstantiveProgressAt;
  private final Instant repairedAt;
  private final Instant closedAt;
  private final Map<RuleId, Instant> since;
  private final AppendMap<ObligationKey, Obligation> raised;
  private final AppendMap<ObligationKey, Instant> completed;
  private final AppendMap<ObligationKey, Instant> cancelled;
  /** Every duty that ended undone, or vanished from the listing before it was fixed: what ended it and when. */
  private final AppendMap<ObligationKey, Ended> ended;
  /** The raised duties neither done nor ended, in the order they arose. */
  private final ObligationKey[] open;
  /** By duty ordinal: how many occurrences were raised, and the highest one done or ended. */
  private final int[] raisedCount;
  private final int[] maxSettled;
  /** The first-occurrence keys of this fault, shared by all its states; filled lazily with equal values. */
  private final ObligationKey[] firstKeys;
  /**
   * The start of the daily entries (TIME-06) for the last detection time asked, shared by all states of this fault:
   * every state's candidates ask it, and it costs two zone conversions and a working-day walk.
   */
  private final DailyStart[] dailyStart;
  /** The lifecycle (SM-ESC) the history leaves; null before the opening. */
  private final EscFault lifecycle;
  /** The candidates of this state, computed once (the state never changes). */
  private volatile List<Candidate> candidates;

  private FaultTracker(Draft d) {
    this.engine = d.engine;
    this.faultId = d.faultId;
    this.version = d.version;
    this.openedAt = d.openedAt;
    this.lastEventAt = d.lastEventAt;
    this.facts = d.facts;
    this.classification = d.classification;
    this.peakLevel = d.peakLevel;
    this.l1At = d.l1At;
    this.l2At = d.l2At;
    this.developerAt = d.developerAt;
    this.provinceAt = d.provinceAt;
    this.roomFirstAt = d.roomFirstAt;
    this.roomLastAt = d.roomLastAt;
    this.centerFirstAt = d.centerFirstAt;
    this.centerLastAt = d.centerLastAt;
    this.notificationAt = d.notificationAt;
    this.lastFollowUpAt = d.lastFollowUpAt;
    this.lastSignificantProgressAt = d.lastSignificantProgressAt;
    this.lastSubstantiveProgressAt = d.lastSubstantiveProgressAt;
    this.repairedAt = d.repairedAt;
    this.closedAt = d.closedAt;
    this.since = d.since;
    this.raised = d.raised;
    this.completed = d.completed;
    this.cancelled = d.cancelled;
    this.ended = d.ended;
    this.open = d.open;
    this.raisedCount = d.raisedCount;
    this.maxSettled = d.maxSettled;
    this.firstKeys = d.firstKeys;
    this.dailyStart = d.dailyStart;
    this.lifecycle = d.lifecycle;
  }

  /**
   * Returns the tracker of a fault with no history yet, folding by {@code rules}. For the fault services
   * ({@code ObligationEngine.track}); hosts load faults through the engine.
   */
  public static FaultTracker empty(FoldRules rules, String faultId) {
    FoldRules engine = rules;
    checkNotNull(faultId, "faultId");
    if (faultId.isBlank()) {
      throw new InvalidInputException("faultId", "faultId must not be blank");
    }
    InstanceIds.checkLength("faultId", faultId);
    Draft d = new Draft();
    d.engine = checkNotNull(engine, "engine");
    d.faultId = faultId;
    d.facts = NO_FACTS;
    d.classification = engine.classifier().classify(d.facts);
    d.peakLevel = Level.NONE;
    d.since = Map.of();
    d.raised = AppendMap.empty();
    d.completed = AppendMap.empty();
    d.cancelled = AppendMap.empty();
    d.ended = AppendMap.empty();
    d.open = new ObligationKey[0];
    d.raisedCount = new int[DUTIES];
    d.maxSettled = new int[DUTIES];
    d.firstKeys = new ObligationKey[DUTIES];
    d.dailyStart = new DailyStart[1];
    return new FaultTracker(d);
  }

  // ---------------------------------------------------------------------------------------------- public API

  /** Returns the fault's identifier. */
  public String faultId() {
    return faultId;
  }

  /** Returns the number of events folded in; the version storage checks on append. */
  public long version() {
    return version;
  }

  /** Returns the current facts (neutral defaults before the fault is opened). */
  public FaultFacts facts() {
    return facts;
  }

  /** Returns the classification of the current facts. */
  public Classification classification() {
    return classification;
  }

  /** Returns the level the current facts give. */
  public Level currentLevel() {
    return classification.level();
  }

  /** Returns the highest level ever reached; escalation and notification duties follow it (FAULT-CLASS-DEF-07). */
  public Level peakLevel() {
    return peakLevel;
  }

  /**
   * Returns when the fault first reached {@code level} or a higher one (FAULT-CLASS-DEF-07); for {@code NONE}, when it
   * was opened.
   */
  public Optional<Instant> levelFirstReachedAt(Level level) {
    return Optional.ofNullable(switch (checkNotNull(level, "level")) {
      case NONE -> openedAt;
      case L1 -> l1At;
      case L2 -> l2At;
    });
  }

  /** Returns when the fault was opened, once it was. */
  public Optional<Instant> openedAt() {
    return Optional.ofNullable(openedAt);
  }

  /** Returns when the last event happened, if any did. */
  public Optional<Instant> lastEventAt() {
    return Optional.ofNullable(lastEventAt);
  }

  /** Returns when the fault was repaired, unless it is still unrepaired (or relapsed). */
  public Optional<Instant> repairedAt() {
    return Optional.ofNullable(repairedAt);
  }

  /**
   * Returns the signs of an escalation trend the current facts show (TICKET-11, proposed indicators): each rule among
   * ESC-ROOM-01..08 whose condition holds now, and FAULT-GEN-04 when 10 or more customers have the same fault
   * (「超过10个以上客户出现相同故障」). The conditions are the ones that raise those duties, thresholds from the
   * engine's parameters; a repaired or closed fault shows none. Sorted; empty when there is no sign.
   */
  public SortedSet<RuleId> escalationTrendIndicators() {
    return ConditionRules.trendIndicators(this);
  }

  /** Returns true once the fault record is closed (SM-ESC-T11); a closed fault owes nothing and takes no events. */
  public boolean isClosed() {
    return closedAt != null;
  }

  /**
   * Returns the time to read the fault at, for a clock that reads {@code now}: {@code now}, or the last event's time
   * when the clock reads before it, as a host's clock does when it is seconds behind the host that recorded the event
   * ({@link #obligations} and {@link #ledger} refuse a time before the last event).
   */
  public Instant readAt(Instant now) {
    checkNotNull(now, "now");
    return lastEventAt != null && now.isBefore(lastEventAt) ? lastEventAt : now;
  }

  /**
   * Returns every duty that exists for the fault as of {@code now}, whether already due or still ahead: for a
   * recurring rule its next occurrence after the last recorded completion. Timely duties (「及时」) have no due
   * time. Sorted by due time (timely last), then rule ID, then occurrence.
   *
   * @param now the time of evaluation; not before the last event
   * @throws InvalidInputException naming {@code now} when it is before the last event
   */
  public List<Obligation> obligations(Instant now) {
    checkNotNull(now, "now");
    if (lastEventAt != null && now.isBefore(lastEventAt)) {
      throw new InvalidInputException("now", "now (" + now + ") is before the fault's last event at " + lastEventAt);
    }
    List<Obligation> out = listing();
    out.sort(ORDER);
    return Collections.unmodifiableList(out);
  }

  /** Returns the earliest due time among the duties of {@link #obligations(Instant)}, overdue ones included. */
  public Optional<Instant> nextDueAt(Instant now) {
    Instant next = null;
    for (Obligation o : obligations(now)) {
      if (o.dueAt().isPresent() && (next == null || o.dueAt().get().isBefore(next))) {
        next = o.dueAt().get();
      }
    }
    return Optional.ofNullable(next);
  }

  /**
   * Returns when {@code duty}, an occurrence of a recurring series still undone at {@code now}, falls due again: the
   * first interval of its series after {@code now} (ESC-PROG-01 every 30 minutes, ESC-PROG-02 every 3 days,
   * ESC-CENTER-15, NOTIFY-TRIG-07 by each next working day's 下班, the daily entries of FAULT-GEN-08 and ESC-REQ-12
   * each next day). Empty for a one-off duty, a duty without a due time, or a series without an interval. What the
   * engine's timers remind the people who owe it at, until it is done.
   */
  public Optional<Instant> repeatsAt(Obligation duty, Instant now) {
    checkNotNull(duty, "duty");
    checkNotNull(now, "now");
    return LedgerBuilder.repeatsAt(this, duty, now);
  }

  /** Returns every duty that has been fixed so far (raised, fallen due, or done), in the order it arose. */
  public List<Obligation> raised() {
    return List.copyOf(raised.values());
  }

  /** Returns the recorded completions: each discharged duty and when it was done. */
  public Map<ObligationKey, Instant> completions() {
    return completed;
  }

  /**
   * Returns the duties that ended undone and when: escalation duties still open at the repair, everything open at
   * closing, and daily entries superseded by a later day's entry.
   */
  public Map<ObligationKey, Instant> cancellations() {
    return cancelled;
  }

  /** Returns the summary storage keeps beside the history, with the next due time as of the last event. */
  public FaultSummary summary() {
    if (lastEventAt == null) {
      throw new IllegalStateException("fault " + faultId + " has no events yet");
    }
    FaultSummary.Builder b = FaultSummary.builder().faultId(faultId).version(version)
        .currentLevel(currentLevel()).peakLevel(peakLevel).open(closedAt == null).updatedAt(lastEventAt);
    repairedAt().ifPresent(b::repairedAt);
    nextDueAt(lastEventAt).ifPresent(b::nextDueAt);
    facts.subjectName().ifPresent(b::subjectName);
    return b.build();
  }

  /**
   * Folds one more event into the fault.
   *
   * @param event the next event: of this fault, numbered {@code version() + 1}, not before the last one; the first
   *     is {@link FaultEventType#OPENED}
   * @return the next state; this one is unchanged
   * @throws InvalidInputException naming the field: another fault's event, a gap in the numbering, an event out of
   *     order, facts whose report times are after the event or whose repair precedes detection, a repair before
   *     detection, a completion of a duty that is not owed, an event on a closed fault
   */
  public FaultTracker apply(FaultEvent event) {
    checkNotNull(event, "event");
    if (!event.faultId().equals(faultId)) {
      throw new InvalidInputException("faultId", "an event of fault " + event.faultId() + " is not one of " + faultId);
    }
    if (event.sequence() != version + 1) {
      throw new InvalidInputException("sequence", "the next event of " + faultId + " is number " + (version + 1)
          + ": " + event.sequence());
    }
    if (version == 0 && event.type() != FaultEventType.OPENED) {
      throw new InvalidInputException("type", "the first event of a fault is OPENED: " + event.type());
    }
    if (version > 0 && event.type() == FaultEventType.OPENED) {
      throw new InvalidInputException("type", "fault " + faultId + " is already open");
    }
    if (closedAt != null) {
      throw new InvalidInputException("type", "fault " + faultId + " is closed since " + closedAt);
    }
    if (lastEventAt != null && event.at().isBefore(lastEventAt)) {
      throw new InvalidInputException("at", "events out of order: " + event.at()
          + " is before the previous event at " + lastEventAt);
    }
    Instant t = event.at();
    Draft stamped = advanceTo(t).draft();
    stamped.version = event.sequence();
    stamped.lastEventAt = t;
    FaultTracker s = stamped.build();
    if (event.facts().isPresent() && event.type() != FaultEventType.OPENED
        && event.type() != FaultEventType.FACTS_CHANGED) {
      s = s.withFacts(event.facts().get(), t, false);
    }
    s = switch (event.type()) {
      case OPENED, FACTS_CHANGED -> s.withFacts(event.facts().orElseThrow(), t, event.type() == FaultEventType.OPENED);
      case IMPACT_MAY_EXPAND -> s.perEvent(Duty.ESC_ROOM_11, Duty.ESC_CENTER_16, t);
      case NEW_PHENOMENON -> s.perEvent(Duty.ESC_ROOM_12, Duty.ESC_CENTER_17, t);
      case REPORTED_TO_DEVELOPER -> s.contact(Contact.DEVELOPER, t);
      case REPORTED_TO_PROVINCE -> s.contact(Contact.PROVINCE, t);
      case REPORTED_TO_ROOM_MANAGER -> s.contact(Contact.ROOM, t);
      case PROGRESS_REPORTED -> s.contact(Contact.PROGRESS, t);
      case REPORTED_TO_DEPT_MANAGER -> s.contact(Contact.DEPT, t);
      case REPORTED_TO_CENTER_MANAGER -> s.contact(Contact.CENTER, t);
      case SIGNIFICANT_PROGRESS -> s.significantProgress(t);
      case NOTIFICATION_SENT -> s.contact(Contact.NOTIFICATION, t);
      case FOLLOW_UP_SENT -> s.contact(Contact.FOLLOW_UP, t);
      case RECOVERY_SENT -> s.contact(Contact.RECOVERY, t);
      case DUTY_COMPLETED -> s.complete(event.ruleId().orElseThrow(), event.dutySequence(), t);
      case REPAIRED -> s.repair(t, "at");
      case RELAPSED -> s.relapse();
      case CLOSED -> s.close(t);
      case DECLARED -> s.declared(event, t);
      case ESCALATED_EXTERNALLY -> s.escalatedExternally(event, t);
      case OWNERSHIP_TAKEN, HANDED_OVER, PROGRESS_ENTERED, POST_INCIDENT_FILED, INTERVENED, REASSIGNED,
          AVAILABILITY_REPORTED -> s;
    };
    return withVanished(s.foldLifecycle(event).raiseConditions(t), t);
  }

  /**
   * Records in {@code next} the duties this state listed that {@code next} neither lists, nor completed, nor
   * cancelled: candidates the event made moot before they fell due (a higher level, the repair, a changed fact).
   */
  private FaultTracker withVanished(FaultTracker next, Instant t) {
    if (openedAt == null) {
      return next;
    }
    Set<ObligationKey> still = new HashSet<>();
    for (Obligation o : next.listing()) {
      still.add(o.key());
    }
    Draft d = null;
    for (Obligation o : listing()) {
      ObligationKey k = o.key();
      if (!still.contains(k) && !next.completed.containsKey(k) && !next.cancelled.containsKey(k)) {
        d = d == null ? next.draft() : d;
        d.ended = d.ended.with(k, new Ended(o, t, endingBetween(this, next)));
      }
    }
    return d == null ? next : d.build();
  }

  /** What ended the duties that vanished between two states. */
  private static DutyLedger.Ending endingBetween(FaultTracker before, FaultTracker after) {
    if (after.closedAt != null && before.closedAt == null) {
      return DutyLedger.Ending.CLOSURE;
    }
    if (after.repairedAt != null && before.repairedAt == null) {
      return DutyLedger.Ending.REPAIR;
    }
    if (after.peakLevel.ordinal() > before.peakLevel.ordinal()
        || (after.escalatedRegime() && !before.escalatedRegime())) {
      return DutyLedger.Ending.HIGHER_LEVEL;
    }
    return DutyLedger.Ending.CONDITION_ENDED;
  }

  /**
   * Returns the fault's duty ledger as of {@code now}: every duty the engine ever listed for it, each ended as done
   * on time, done late, missed, superseded, or still open, and every occurrence of a recurring series that fell due
   * in between (§0.3; the duties of a repaired fault that fell due and were never done stay on record).
   *
   * @param now the time of evaluation; not before the last event
   * @throws InvalidInputException naming {@code now} when it is before the last event
   */
  public DutyLedger ledger(Instant now) {
    return LedgerBuilder.build(this, obligations(now), now);
  }

  /**
   * Returns the advice that applies to the fault now, in the manual's order: FAULT-GEN-01 for an open general fault,
   * the emergency checklist FAULT-GEN-05 of a general fault with 10 or more same-fault customers, the checklist
   * ESC-REQ-02 of an escalated fault, each step with the manual's words; empty once the fault is repaired.
   */
  public List<Advice> advice() {
    return FaultChecklists.of(this);
  }

  /** The duties that ended undone or vanished, with what ended them. */
  Map<ObligationKey, Ended> endings() {
    return ended;
  }

  /**
   * Returns the fault's lifecycle (SM-ESC, rules-catalog §7.3) as its history leaves it — state, owner, A's
   * availability and what each step recorded — at the fault's own peak level; empty before the opening.
   */
  public Optional<EscFault> lifecycle() {
    return Optional.ofNullable(lifecycle);
  }

  /**
   * Decides a step of the fault's lifecycle by SM-ESC's table and guards and, when every guard passes, folds it
   * into the fault as the next event of its history; stores nothing. A step may bring the fault's new facts; the
   * guards see the facts and peak level with them. {@link EscEvent#OPEN_FAULT} opens a fault that has no history.
   *
   * @return the next state with the step's audit entry (stream {@code fault:<id>}: the transition's and guards'
   *     rules, the duties the step raised, the owner before and after, the levels), or a refusal listing every
   *     failed guard with this state unchanged
   * @throws InvalidInputException naming the field: data the step does not record, facts of another fault, a time
   *     after the step, a step out of order
   */
  public Outcome<FaultTracker> step(EscEvent event, EscEventData data, Actor actor, Instant at) {
    return decideStep(event, data, actor, at).outcome();
  }

  /**
   * Decides one SM-ESC step as {@link #step} does, keeping the event that records it. For the fault services
   * ({@code FaultDutyService.fire}), which store the event.
   */
  public Stepped<FaultTracker> decideStep(EscEvent event, EscEventData data, Actor actor, Instant at) {
    checkNotNull(event, "event");
    checkNotNull(data, "data");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    if (lastEventAt != null && at.isBefore(lastEventAt)) {
      throw new InvalidInputException("at", "events out of order: " + at + " is before the previous event at "
          + lastEventAt);
    }
    FaultFacts seen = data.facts().orElse(facts);
    Level peak = Level.max(peakLevel, engine.classifier().level(seen));
    EscWorkflow.Decided d = EscWorkflow.decide(faultId, lifecycle, event, actor, data, at, seen, peak, calendar());
    if (!d.isAccepted()) {
      return new Stepped<>(Outcome.refused(this, d.transitionId(), d.violations()), null);
    }
    FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(version + 1).type(event.type()).at(at)
        .actorId(actor.id());
    if (event == EscEvent.OPEN_FAULT) {
      b.facts(seen);
    } else {
      data.facts().ifPresent(b::facts);
    }
    String recorded = StepDataFormat.installed().encodeData(d.recorded());
    if (!recorded.equals("{}")) {
      b.stepData(recorded);
    }
    FaultEvent e = b.build();
    FaultTracker after = apply(e);
    Set<ObligationKey> before = new HashSet<>();
    if (version > 0) {
      for (Obligation o : obligations(at)) {
        before.add(o.key());
      }
    }
    AuditEntry.Builder audit = d.audit().putDetail("sequence", Long.toString(e.sequence()))
        .putDetail("currentLevel", after.currentLevel().name());
    for (Obligation o : after.obligations(at)) {
      if (!before.contains(o.key())) {
        audit.addRuleId(o.ruleId());
      }
    }
    return new Stepped<>(Outcome.accepted(after, d.transitionId(), audit.build()), e);
  }

  /** The lifecycle after {@code e}: opened, moved by a step, or at the new peak level. */
  private FaultTracker foldLifecycle(FaultEvent e) {
    EscFault next;
    if (e.type() == FaultEventType.OPENED) {
      EscEventData data = stepData(e);
      next = EscWorkflow.opened(faultId, facts, data.linkedTicketId(), e.actorId().orElse("system"), e.at(),
          peakLevel);
    } else if (lifecycle != null && EscEvent.of(e.type()).isPresent()) {
      next = EscWorkflow.effect(lifecycle, e.type(), stepData(e), e.at(), peakLevel);
    } else if (lifecycle != null && lifecycle.peakLevel() != peakLevel) {
      next = lifecycle.atPeak(peakLevel);
    } else {
      return this;
    }
    Draft d = draft();
    d.lifecycle = next;
    return d.build();
  }

  private static EscEventData stepData(FaultEvent e) {
    try {
      return e.stepData().map(StepDataFormat.installed()::decodeData).orElse(EscEventData.empty());
    } catch (InvalidInputException x) {
      throw x.under("stepData");
    }
  }

  /** SM-ESC-T02: the AMS declaration and the province duty officer told discharge what they answer (ESC-HANDLE-08). */
  private FaultTracker declared(FaultEvent e, Instant t) {
    EscEventData data = stepData(e);
    FaultTracker s = this;
    if (data.amsFaultNo().isPresent()) {
      s = s.contact(Contact.AMS_DECLARATION, t);
    }
    if (data.provinceDutyNotifiedAt().isPresent()) {
      s = s.contact(Contact.PROVINCE_DUTY, data.provinceDutyNotifiedAt().get());
    }
    return s;
  }

  /** SM-ESC-T05: the province report, the developer told and the AMS ticket discharge what they answer (ESC-HANDLE-02). */
  private FaultTracker escalatedExternally(FaultEvent e, Instant t) {
    EscEventData data = stepData(e);
    FaultTracker s = this;
    if (data.reportedToProvinceAt().isPresent()) {
      s = s.contact(Contact.PROVINCE, data.reportedToProvinceAt().get());
    }
    s = s.contact(Contact.DEVELOPER, data.reportedToDeveloperAt().orElse(t));
    return data.amsDevTicketNo().isPresent() ? s.contact(Contact.DEV_TICKET, t) : s;
  }

  // ------------------------------------------------------------------------------------------ event handlers

  private FaultTracker withFacts(FaultFacts next, Instant t, boolean opening) {
    if (next.faultId().isPresent() && !next.faultId().get().equals(faultId)) {
      throw new InvalidInputException("facts.faultId", "facts of fault " + next.faultId().get()
          + " given for " + faultId);
    }
    checkRepairAfterDetection(next, next.repairedAt().orElse(null), "facts.repairedAt");
    for (ReportTime r : ReportTime.values()) {
      Optional<Instant> v = r.of(next);
      if (v.isPresent() && v.get().isAfter(t)) {
        throw new InvalidInputException("facts." + r.field, r.field + " (" + v.get()
            + ") is after the event that reports it at " + t);
      }
    }
    FaultFacts previous = facts;
    Draft d = draft();
    d.facts = next;
    d.classification = engine.classifier().classify(next);
    if (opening) {
      d.openedAt = t;
    }
    Level level = d.classification.level();
    d.peakLevel = Level.max(peakLevel, level);
    if (level.isAtLeast(Level.L1) && l1At == null) {
      d.l1At = t;
    }
    if (level == Level.L2 && l2At == null) {
      d.l2At = t;
    }
    d.lastSubstantiveProgressAt = latest(lastSubstantiveProgressAt, next.lastSubstantiveProgressAt().orElse(null));
    d.developerAt = earliest(developerAt, next.reportedToDeveloperAt().orElse(null));
    FaultTracker s = d.build();
    // report times the host wrote into the facts discharge duties as the matching events would, at their own time
    List<ReportTime> reported = new ArrayList<>();
    for (ReportTime r : ReportTime.values()) {
      Optional<Instant> v = r.of(next);
      boolean fresh = v.isPresent() && !v.equals(r.of(previous));
      if (fresh && !r.isFirstReportAgain(next)) {
        reported.add(r);
      }
    }
    reported.sort(Comparator.comparing((ReportTime r) -> r.of(next).orElseThrow())
        .thenComparing(r -> r == ReportTime.REPAIRED));
    for (ReportTime r : reported) {
      Instant at = r.of(next).orElseThrow();
      s = r == ReportTime.REPAIRED ? s.repair(at, "facts.repairedAt") : s.contact(contactOf(r), at);
    }
    // AMS numbers carry no time: the event that first records one discharges what it answers (ESC-HANDLE-02.2/08.1)
    if (next.amsDevTicketNo().isPresent() && previous.amsDevTicketNo().isEmpty()) {
      s = s.contact(Contact.DEV_TICKET, t);
    }
    if (next.amsFaultNo().isPresent() && previous.amsFaultNo().isEmpty()) {
      s = s.contact(Contact.AMS_DECLARATION, t);
    }
    return s;
  }

  private FaultTracker perEvent(Duty room, Duty center, Instant t) {
    if (!isOpen()) {
      return this;
    }
    Draft d = draft();
    if (inScope()) {
      d.raise(obligation(room, countRaised(room) + 1, null, t, grace(t)));
    }
    if (centerFirstAt != null && !centerFirstAt.isAfter(t)) {
      d.raise(obligation(center, countRaised(center) + 1, null, t, grace(t)));
    }
    return d.build();
  }

  private FaultTracker significantProgress(Instant t) {
    Draft d = draft();
    d.lastSignificantProgressAt = t;
    d.lastSubstantiveProgressAt = latest(lastSubstantiveProgressAt, t);
    return d.build();
  }

  /** A report of one kind: records it and discharges every open duty it answers. */
  FaultTracker contact(Contact kind, Instant at) {
    List<Obligation> open = listing();
    Draft d = draft();
    d.record(kind, at);
    for (Obligation o : open) {
      Duty duty = Duty.of(o.ruleId()).orElseThrow();
      boolean answers = duty.dischargedBy.contains(kind) && !o.triggeredAt().orElseThrow().isAfter(at)
          && (!duty.reportsAStall || !o.dueAt().orElseThrow().isAfter(at));
      if (answers) {
        d.complete(o, at);
      }
    }
    return d.build();
  }

  private FaultTracker complete(RuleId ruleId, OptionalInt sequence, Instant at) {
    Duty duty = Duty.of(ruleId).orElseThrow(() -> new InvalidInputException("ruleId",
        "the obligations engine raises no duty " + ruleId));
    if (duty == Duty.FAULT_GEN_08 || duty == Duty.ESC_REQ_12) {
      return completeDaily(ruleId, sequence, at);
    }
    List<Obligation> open = new ArrayList<>();
    for (Obligation o : listing()) {
      if (o.ruleId().equals(ruleId) && (sequence.isEmpty() || o.sequence() == sequence.getAsInt())) {
        open.add(o);
      }
    }
    if (open.isEmpty()) {
      throw new InvalidInputException(sequence.isPresent() ? "dutySequence" : "ruleId", "no duty " + ruleId
          + (sequence.isPresent() ? " #" + sequence.getAsInt() : "") + " is owed at " + at);
    }
    open.sort(ORDER);
    if (duty.reportsAStall && open.get(0).dueAt().orElseThrow().isAfter(at)) {
      throw new InvalidInputException("ruleId", ruleId + " falls due at " + open.get(0).dueAt().orElseThrow()
          + ": done at " + at + ", before then, it cannot report that the fault is still unresolved or stuck",
          ruleId);
    }
    boolean perEvent = duty == Duty.ESC_ROOM_11 || duty == Duty.ESC_ROOM_12 || duty == Duty.ESC_CENTER_16
        || duty == Duty.ESC_CENTER_17;
    Draft d = draft();
    for (Obligation o : perEvent ? open : open.subList(0, 1)) {
      d.complete(o, at);
    }
    d.record(duty.records, at);
    return d.build();
  }

  private FaultTracker completeDaily(RuleId ruleId, OptionalInt sequence, Instant at) {
    LocalDate first = ComputedDuties.dailyFirstDay(this);
    boolean owed = false;
    for (Obligation o : listing()) {
      owed |= o.ruleId().equals(Duty.FAULT_GEN_08.id) || o.ruleId().equals(Duty.ESC_REQ_12.id);
    }
    if (!owed || first == null) {
      throw new InvalidInputException("ruleId", "no daily progress entry (" + ruleId + ") is owed at " + at);
    }
    long today = ChronoUnit.DAYS.between(first, calendar().dateOf(at)) + 1;
    if (sequence.isPresent() && (sequence.getAsInt() > today)) {
      throw new InvalidInputException("dutySequence", "entry #" + sequence.getAsInt() + " is for "
          + first.plusDays(sequence.getAsInt() - 1L) + ", after the day of " + at);
    }
    if (sequence.isEmpty() && today < 1) {
      throw new InvalidInputException("ruleId", "the first daily progress entry is owed for " + first
          + ", not for the day of " + at);
    }
    int target = sequence.isPresent() ? sequence.getAsInt() : (int) today;
    if (target <= ComputedDuties.dailyDone(this)) {
      return this;
    }
    Draft d = draft();
    Obligation entry = null;
    for (ObligationKey k : open) {
      if (isDaily(k.ruleId())) {
        if (k.sequence() < target) {
          d.cancel(k, at, DutyLedger.Ending.LATER_OCCURRENCE);
        } else if (k.sequence() == target) {
          entry = raised.get(k);
        }
      }
    }
    d.complete(entry != null ? entry : ComputedDuties.dailyOccurrence(this, target).obligation(), at);
    return d.build();
  }

  private FaultTracker repair(Instant at, String field) {
    checkRepairAfterDetection(facts, at, field);
    if (repairedAt != null) {
      return this;
    }
    Draft d = draft();
    d.repairedAt = at;
    for (ObligationKey k : open) {
      if (Duty.of(k.ruleId()).orElseThrow().endsAtRepair) {
        d.cancel(k, at, DutyLedger.Ending.REPAIR);
      }
    }
    return d.build();
  }

  private FaultTracker relapse() {
    if (repairedAt == null) {
      throw new InvalidInputException("type", "fault " + faultId + " relapses only after it was repaired");
    }
    Draft d = draft();
    d.repairedAt = null;
    return d.build();
  }

  private FaultTracker close(Instant at) {
    if (repairedAt == null) {
      throw new InvalidInputException("type", "fault " + faultId + " is closed only after it is repaired");
    }
    Draft d = draft();
    d.closedAt = at;
    for (ObligationKey k : open) {
      d.cancel(k, at, DutyLedger.Ending.CLOSURE);
    }
    return d.build();
  }

  private static void checkRepairAfterDetection(FaultFacts f, Instant repaired, String field) {
    if (repaired == null) {
      return;
    }
    if (f.detectedAt().isPresent() && repaired.isBefore(f.detectedAt().get())) {
      throw new InvalidInputException(field, "repaired (" + repaired + ") before the fault was detected ("
          + f.detectedAt().get() + ")");
    }
    if (f.faultStartTime().isPresent() && repaired.isBefore(f.faultStartTime().get())) {
      throw new InvalidInputException(field, "repaired (" + repaired + ") before the fault started ("
          + f.faultStartTime().get() + ")");
    }
  }

  // ------------------------------------------------------------------------------------ raising and listing

  /** Fixes every listed duty whose moment of decision passed before {@code t}, before the event at t applies. */
  private FaultTracker advanceTo(Instant t) {
    if (openedAt == null) {
      return this;
    }
    Draft d = null;
    for (Candidate c : candidates()) {
      if (c.decidedAt().isBefore(t)) {
        d = d == null ? draft() : d;
        d.raise(c.obligation());
      }
    }
    return d == null ? this : d.build();
  }

  /** Raises the duties whose conditions hold for the first time, until nothing more arises. */
  private FaultTracker raiseConditions(Instant t) {
    if (closedAt != null) {
      return this;
    }
    FaultTracker s = this;
    for (int pass = 0; pass < 4; pass++) {
      Draft d = null;
      for (ConditionRule rule : ConditionRules.TABLE) {
        // the conditions are reads of the state, mostly false: asked first, they spare most lookups of the key
        if (!rule.when().test(s) || s.raised.containsKey(s.key(rule.duty(), rule.sequence()))) {
          continue;
        }
        Window w = rule.timing().window(s, t);
        String target = rule.duty().channel == Channel.SMS ? Notifications.recipientClasses(s) : null;
        d = d == null ? s.draft() : d;
        d.raise(s.obligation(rule.duty(), rule.sequence(), target, w.triggeredAt(), w.dueAt()));
      }
      Obligation sms = Notifications.notificationDuty(s, t);
      if (sms != null) {
        d = d == null ? s.draft() : d;
        d.raise(sms);
      }
      for (Map.Entry<RuleId, Predicate<FaultTracker>> clock : ComputedDuties.CLOCKS.entrySet()) {
        if (!s.since.containsKey(clock.getKey()) && clock.getValue().test(s)) {
          d = d == null ? s.draft() : d;
          d.since(clock.getKey(), t);
        }
      }
      if (d == null) {
        return s;
      }
      s = d.build();
    }
    return s;
  }

  /** The open duties: fixed ones not yet done or ended, and the candidates the state implies. */
  private List<Obligation> listing() {
    List<Obligation> out = new ArrayList<>();
    for (ObligationKey k : open) {
      out.add(raised.get(k));
    }
    if (openedAt != null) {
      for (Candidate c : candidates()) {
        out.add(c.obligation());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------- package-private view for rules

  OpsParameters parameters() {
    return engine.parameters();
  }

  WorkCalendar calendar() {
    return engine.calendar();
  }

  /** Open: opened, and neither repaired nor closed. */
  boolean isOpen() {
    return openedAt != null && repairedAt == null && closedAt == null;
  }

  /** ESC-ROOM-16: 「责任在其它室/部门的故障,如影响到本室负责的系统的正常运作、业务受理等的,也应上报」. */
  boolean inScope() {
    return facts.responsibleUnit() == ResponsibleUnit.OWN_ROOM || facts.affectsOwnSystemsOrAcceptance();
  }

  /** detectedAt, or the opening when the host did not give it. */
  Instant detectedAt() {
    return facts.detectedAt().orElse(openedAt);
  }

  Instant escalatedAt() {
    return l1At;
  }

  Instant l2At() {
    return l2At;
  }

  Instant developerAt() {
    return developerAt;
  }

  Instant provinceAt() {
    return provinceAt;
  }

  Instant roomFirstAt() {
    return roomFirstAt;
  }

  Instant roomLastAt() {
    return roomLastAt;
  }

  Instant centerFirstAt() {
    return centerFirstAt;
  }

  Instant centerLastAt() {
    return centerLastAt;
  }

  Instant notificationAt() {
    return notificationAt;
  }

  Instant lastFollowUpAt() {
    return lastFollowUpAt;
  }

  Instant lastSignificantProgressAt() {
    return lastSignificantProgressAt;
  }

  Instant repairedAtOrNull() {
    return repairedAt;
  }

  Instant since(RuleId id) {
    return since.get(id);
  }

  /** substantiveProgressSince(t) of §8: 实质性进展 after {@code t}. */
  boolean progressSince(Instant t) {
    return lastSubstantiveProgressAt != null && lastSubstantiveProgressAt.isAfter(t);
  }

  /** The emergency procedure (ESC-REQ-02) is running, or starts with the current facts. */
  boolean emergency() {
    return raised.containsKey(key(Duty.ESC_REQ_02, 1)) || (isOpen() && ConditionRules.sameFaultEmergency(this));
  }

  /** The working requirements of §2.2.3.3 apply: the fault peaked at L1 or L2, or the emergency procedure runs. */
  boolean escalatedRegime() {
    return peakLevel.isEscalated() || emergency();
  }

  boolean hasRaised(Duty duty, int sequence) {
    return raised.containsKey(key(duty, sequence));
  }

  /** True once the first occurrence of {@code duty} was done. */
  boolean isDone(Duty duty) {
    return completed.containsKey(key(duty, 1));
  }

  Obligation raisedDuty(ObligationKey k) {
    return raised.get(k);
  }

  /** Known in any way: fixed, done or ended. Candidates with such a key are not listed again. */
  boolean settled(ObligationKey k) {
    return raised.containsKey(k) || completed.containsKey(k) || cancelled.containsKey(k);
  }

  /** Neither done nor ended. */
  boolean isOpen(ObligationKey k) {
    return !completed.containsKey(k) && !cancelled.containsKey(k);
  }

  /** The highest occurrence of a rule that is done or ended (0 when none). */
  int maxSettledSequence(RuleId id) {
    return maxSettled[Duty.of(id).orElseThrow().ordinal()];
  }

  ObligationKey key(Duty duty, int sequence) {
    if (sequence != 1) {
      return new ObligationKey(faultId, duty.id, sequence);
    }
    ObligationKey k = firstKeys[duty.ordinal()];
    if (k == null) {
      k = new ObligationKey(faultId, duty.id, 1);
      firstKeys[duty.ordinal()] = k;
    }
    return k;
  }

  /**
   * Returns {@link ComputedDuties#dailyStartOf} for {@code detected}, computed once per detection time: the engine,
   * and so the calendar and parameters, are those of every state of the fault. Racing states compute equal values.
   */
  DailyStart dailyStart(Instant detected) {
    DailyStart s = dailyStart[0];
    if (s == null || !s.detected().equals(detected)) {
      s = ComputedDuties.dailyStartOf(this, detected);
      dailyStart[0] = s;
    }
    return s;
  }

  /** When a fault detected at {@code detected} outlives one working day, and the day of its first daily entry. */
  record DailyStart(Instant detected, Instant outlived, LocalDate firstDay) {}

  private List<Candidate> candidates() {
    List<Candidate> c = candidates;
    if (c == null) {
      c = List.copyOf(ComputedDuties.all(this));
      candidates = c;
    }
    return c;
  }

  Instant grace(Instant trigger) {
    return trigger.plus(Duration.ofMinutes(parameters().immediateGraceMinutes()));
  }

  Instant timely(Instant trigger) {
    return parameters().timelyDeadline().map(trigger::plus).orElse(null);
  }

  Obligation obligation(Duty duty, int sequence, String target, Instant triggeredAt, Instant dueAt) {
    return obligation(duty, sequence, target, triggeredAt, dueAt, "");
  }

  /** As above, with {@code note} appended to the duty's action (a flag such as a missing trigger). */
  Obligation obligation(Duty duty, int sequence, String target, Instant triggeredAt, Instant dueAt, String note) {
    String action = duty == Duty.NOTIFY_TRIG_01 && sequence == 2 ? Duty.RECOVERY_NOTICE : duty.action;
    // the action as it is when there is no note: the concatenation copied it for every candidate of every state
    Obligation.Builder b = Obligation.builder().ruleId(duty.id).subjectId(faultId).actor(duty.actor)
        .action(note.isEmpty() ? action : action + note)
        .target(target != null ? target : duty.target).channel(duty.channel).triggeredAt(triggeredAt)
        .recurring(duty.recurring).sequence(sequence);
    if (dueAt != null) {
      b.dueAt(dueAt);
    }
    return b.build();
  }

  /** How many occurrences of {@code duty} were raised. */
  int countRaised(Duty duty) {
    return raisedCount[duty.ordinal()];
  }

  private static boolean isDaily(RuleId id) {
    return id.equals(Duty.FAULT_GEN_08.id) || id.equals(Duty.ESC_REQ_12.id);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "FaultTracker{" + faultId + " v" + version + " level=" + currentLevel() + " peak=" + peakLevel
        + (repairedAt != null ? " repaired" : "") + (closedAt != null ? " closed" : "") + "}";
  }

  private Draft draft() {
    return new Draft(this);
  }

  /** The next state under construction; its maps are copied on the first change. */
  private static final class Draft {
    FoldRules engine;
    String faultId;
    long version;
    Instant openedAt;
    Instant lastEventAt;
    FaultFacts facts;
    Classification classification;
    Level peakLevel;
    Instant l1At;
    Instant l2At;
    Instant developerAt;
    Instant provinceAt;
    Instant roomFirstAt;
    Instant roomLastAt;
    Instant centerFirstAt;
    Instant centerLastAt;
    Instant notificationAt;
    Instant lastFollowUpAt;
    Instant lastSignificantProgressAt;
    Instant lastSubstantiveProgressAt;
    Instant repairedAt;
    Instant closedAt;
    Map<RuleId, Instant> since;
    AppendMap<ObligationKey, Obligation> raised;
    AppendMap<ObligationKey, Instant> completed;
    AppendMap<ObligationKey, Instant> cancelled;
    AppendMap<ObligationKey, Ended> ended;
    ObligationKey[] open;
    int[] raisedCount;
    int[] maxSettled;
    ObligationKey[] firstKeys;
    DailyStart[] dailyStart;
    EscFault lifecycle;
    private boolean sinceCopied;
    private List<ObligationKey> openCopy;
    private boolean countsCopied;

    Draft() {}

    Draft(FaultTracker t) {
      engine = t.engine;
      faultId = t.faultId;
      version = t.version;
      openedAt = t.openedAt;
      lastEventAt = t.lastEventAt;
      facts = t.facts;
      classification = t.classification;
      peakLevel = t.peakLevel;
      l1At = t.l1At;
      l2At = t.l2At;
      developerAt = t.developerAt;
      provinceAt = t.provinceAt;
      roomFirstAt = t.roomFirstAt;
      roomLastAt = t.roomLastAt;
      centerFirstAt = t.centerFirstAt;
      centerLastAt = t.centerLastAt;
      notificationAt = t.notificationAt;
      lastFollowUpAt = t.lastFollowUpAt;
      lastSignificantProgressAt = t.lastSignificantProgressAt;
      lastSubstantiveProgressAt = t.lastSubstantiveProgressAt;
      repairedAt = t.repairedAt;
      closedAt = t.closedAt;
      since = t.since;
      raised = t.raised;
      completed = t.completed;
      cancelled = t.cancelled;
      ended = t.ended;
      open = t.open;
      raisedCount = t.raisedCount;
      maxSettled = t.maxSettled;
      firstKeys = t.firstKeys;
      dailyStart = t.dailyStart;
      lifecycle = t.lifecycle;
    }

    void record(Contact kind, Instant at) {
      switch (kind) {
        case ROOM, ROOM_RECORD_ONLY, PROGRESS -> {
          roomFirstAt = earliest(roomFirstAt, at);
          roomLastAt = latest(roomLastAt, at);
        }
        case CENTER -> {
          centerFirstAt = earliest(centerFirstAt, at);
          centerLastAt = latest(centerLastAt, at);
        }
        case PROVINCE -> provinceAt = earliest(provinceAt, at);
        case DEVELOPER -> developerAt = earliest(developerAt, at);
        case NOTIFICATION -> notificationAt = earliest(notificationAt, at);
        case FOLLOW_UP -> lastFollowUpAt = latest(lastFollowUpAt, at);
        case DEPT, RECOVERY, PROVINCE_DUTY, DEV_TICKET, AMS_DECLARATION, NONE -> {
          // nothing beyond discharging the duties it answers
        }
      }
    }

    void raise(Obligation o) {
      ObligationKey k = o.key();
      if (raised.containsKey(k)) {
        return;
      }
      raised = raised.with(k, o);
      counts();
      raisedCount[Duty.of(k.ruleId()).orElseThrow().ordinal()]++;
      if (!completed.containsKey(k) && !cancelled.containsKey(k)) {
        openKeys().add(k);
      }
    }

    void complete(Obligation o, Instant at) {
      raise(o);
      completed = completed.with(o.key(), at);
      settle(o.key());
    }

    void cancel(ObligationKey k, Instant at, DutyLedger.Ending why) {
      cancelled = cancelled.with(k, at);
      ended = ended.with(k, new Ended(raised.get(k), at, why));
      settle(k);
    }

    private void settle(ObligationKey k) {
      openKeys().remove(k);
      counts();
      int d = Duty.of(k.ruleId()).orElseThrow().ordinal();
      maxSettled[d] = Math.max(maxSettled[d], k.sequence());
    }

    private List<ObligationKey> openKeys() {
      if (openCopy == null) {
        openCopy = new ArrayList<>(List.of(open));
      }
      return openCopy;
    }

    private void counts() {
      if (!countsCopied) {
        raisedCount = raisedCount.clone();
        maxSettled = maxSettled.clone();
        countsCopied = true;
      }
    }

    void since(RuleId id, Instant at) {
      if (!sinceCopied) {
        since = new LinkedHashMap<>(since);
        sinceCopied = true;
      }
      since.putIfAbsent(id, at);
    }

    FaultTracker build() {
      if (openCopy != null) {
        open = openCopy.toArray(new ObligationKey[0]);
        openCopy = null;
      }
      countsCopied = false;
      if (sinceCopied) {
        since = Collections.unmodifiableMap(since);
      }
      return new FaultTracker(this);
    }
  }

  /** The report a report time of the facts makes; NONE when it discharges nothing by itself. */
  private static Contact contactOf(ReportTime r) {
    return switch (r) {
      case DEVELOPER -> Contact.DEVELOPER;
      case PROVINCE -> Contact.PROVINCE;
      case ROOM_MANAGER -> Contact.ROOM;
      case PROGRESS -> Contact.PROGRESS;
      case CENTER_MANAGER -> Contact.CENTER;
      case NOTIFICATION -> Contact.NOTIFICATION;
      case REPAIRED -> Contact.NONE;
      case PROVINCE_DUTY -> Contact.PROVINCE_DUTY;
    };
  }

  /**
   * An advisory rule, or a step of one of the manual's checklists, that applies to a fault now: the rule and the
   * manual's words. Advice owes nothing by a deadline; the duties that the same steps create are among the fault's
   * obligations.
   *
   * @param ruleId the rule or checklist step
   * @param text the manual's words, as the rule registry quotes them
   */
  public record Advice(RuleId ruleId, String text) {
    /** Checks the fields. */
    public Advice {
      checkNotNull(ruleId, "ruleId");
      checkNotNull(text, "text");
    }
  }
}
