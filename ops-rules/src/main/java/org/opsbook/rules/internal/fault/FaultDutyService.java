package org.opsbook.rules.internal.fault;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.InstanceIds;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.TimeOrder;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.internal.duty.ReportTime;
import org.opsbook.rules.internal.duty.Stepped;

/**
 * What a host calls to keep a fault: its facts, reports, duties and lifecycle (SM-ESC) in one history. It loads the
 * fault's history from the {@link FaultRepository}, folds it, appends the new event with the updated
 * {@link org.opsbook.core.FaultSummary} and an audit entry in one atomic step (one stream per fault,
 * {@code fault:<id>}), and then brings the fault's timers in the {@link ObligationRepository} in line:
 * every timed duty is scheduled under its key (faultId, rule, occurrence) and keys that no longer apply are
 * cancelled; the duties a repair or closing ends are among those.
 *
 * <pre>{@code
 * FaultDutyService service = new FaultDutyService(faults, timers, ObligationEngine.standard());
 * service.open("F-1", facts, detectedAt, "zhang");
 * service.record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, at, "zhang");
 * List<Obligation> duties = service.obligations("F-1", now);
 * Outcome<FaultTracker> o = service.fire("F-1", EscEvent.DECLARE, EscEventData.empty(), duty, now);
 * EscState state = service.load("F-1").lifecycle().orElseThrow().state();
 * }</pre>
 *
 * <p>A step of the lifecycle ({@link #fire}) is checked by SM-ESC's guards with the actor's roles; a refusal lists
 * every failed guard with its rule and stores nothing. The repair, relapse and closing are the same events whether a
 * host reports them ({@link #record}, for hosts that do not run the lifecycle) or fires them as steps
 * ({@code markRepaired}, {@code relapse}, {@code close}): the repair ends the escalation duties either way.
 *
 * <p>The history is the source of truth: timers are re-derived on every append, so a failure between the two steps
 * heals on the next one, and {@link #restoreTimers} puts back what a process that died in between left missing.
 * Pure: every call takes its time; nothing reads a clock. Thread-safe; two writers of one
 * fault race on the version and the loser gets a {@link org.opsbook.core.ConcurrentUpdateException}, as does a write
 * of {@link #ifVersion} to a fault at another version.
 */
public final class FaultDutyService {
  private final FaultRepository faults;
  private final ObligationRepository timers;
  private final ObligationEngine engine;
  private final Duration clockSkew;
  /** The version a write expects the fault at ({@link #ifVersion}); {@code -1} for any. */
  private final long expected;

  /**
   * Creates the service.
   *
   * @param faults where histories and summaries are stored
   * @param timers where timed duties wait to fire
   * @param engine the parameters and calendar
   */
  public FaultDutyService(FaultRepository faults, ObligationRepository timers, ObligationEngine engine) {
    this(faults, timers, engine, Duration.ZERO);
  }

  /**
   * Creates a service whose times are host clocks' readings as things happen, the clocks of the hosts that share the
   * store differing by up to {@code clockSkew}: a time given up to {@code clockSkew} before the fault's last event is
   * recorded at that event's time, since the step came after it whatever a clock behind another's says (OPS-TIME-01).
   * A time further before is refused as out of order, as every earlier time is with a skew of zero.
   */
  public FaultDutyService(FaultRepository faults, ObligationRepository timers, ObligationEngine engine,
      Duration clockSkew) {
    this.faults = checkNotNull(faults, "faults");
    this.timers = checkNotNull(timers, "timers");
    this.engine = checkNotNull(engine, "engine");
    this.clockSkew = checkNotNull(clockSkew, "clockSkew");
    checkArgument(!clockSkew.isNegative(), "clockSkew must not be negative");
    this.expected = -1;
  }

  private FaultDutyService(FaultDutyService s, long expected) {
    this.faults = s.faults;
    this.timers = s.timers;
    this.engine = s.engine;
    this.clockSkew = s.clockSkew;
    this.expected = expected;
  }

  /**
   * Returns this service writing only to a fault whose history is at {@code version} (its number of events; 0 before
   * it is opened): a write decided on the fault as a caller saw it, which a retried request or a colleague's step in
   * between must not repeat or overtake. The check and the append are one: the append itself expects that version.
   * Reads are as this service's.
   *
   * @throws IllegalArgumentException when {@code version} is negative
   */
  public FaultDutyService ifVersion(long version) {
    checkArgument(version >= 0, "version must not be negative");
    return new FaultDutyService(this, version);
  }

  /** Opens a fault with its first facts as reported (SM-ESC-T01 without the role check); returns its state. */
  public FaultTracker open(String faultId, FaultFacts facts, Instant at, String actorId) {
    ReportTime.checkStatedPast(facts, at, "the time they are recorded at");
    return append(current(faultId), at,
        (seq, t) -> event(faultId, seq, FaultEventType.OPENED, t, actorId).facts(facts).build());
  }

  /** Records a new snapshot of the fault's facts; returns its state. */
  public FaultTracker updateFacts(String faultId, FaultFacts facts, Instant at, String actorId) {
    ReportTime.checkStatedPast(facts, at, "the time they are recorded at");
    return append(current(faultId), at,
        (seq, t) -> event(faultId, seq, FaultEventType.FACTS_CHANGED, t, actorId).facts(facts).build());
  }

  /**
   * Records an event that carries neither facts nor a rule (a report, a sent message, the repair …).
   *
   * @throws InvalidInputException for OPENED, FACTS_CHANGED and DUTY_COMPLETED, which have their own methods, and
   *     for the lifecycle's own steps, which {@link #fire} checks
   */
  public FaultTracker record(String faultId, FaultEventType type, Instant at, String actorId) {
    checkPlain(type);
    return append(current(faultId), at, (seq, t) -> event(faultId, seq, type, t, actorId).build());
  }

  /**
   * Records an outside fact that several callers may report, such as an SMS the gateway accepted: {@code type} with
   * {@code note} naming it, unless the history already holds {@code type} with that note. Stamped at {@code at}, or at
   * the last event's time when {@code at} is before it (a history never goes back).
   *
   * @return the fault's state, with the fact recorded now or before
   * @throws InvalidInputException as {@link #record}, and naming {@code type} when the fault is closed
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the fault meanwhile (it may have
   *     recorded the same fact: call again)
   */
  public FaultTracker recordOnce(String faultId, FaultEventType type, Instant at, String actorId, String note) {
    checkPlain(type);
    checkNotNull(note, "note");
    List<FaultEvent> history = faults.events(faultId);
    FaultTracker before = checkVersion(engine.replay(faultId, history));
    for (FaultEvent e : history) {
      if (e.type() == type && e.note().filter(note::equals).isPresent()) {
        return before;
      }
    }
    Instant stamped = before.lastEventAt().filter(at::isBefore).orElse(at);
    return append(before, stamped, (seq, t) -> event(faultId, seq, type, t, actorId).note(note).build());
  }

  private static void checkPlain(FaultEventType type) {
    if (type == FaultEventType.OPENED || type == FaultEventType.FACTS_CHANGED
        || type == FaultEventType.DUTY_COMPLETED) {
      throw new InvalidInputException("type", type + " needs its facts or rule; use open, updateFacts or complete");
    }
    if (type.isLifecycleStep()) {
      throw new InvalidInputException("type", type + " is a step of the lifecycle: fire it with its data");
    }
  }

  /**
   * Records that a duty was done.
   *
   * @param sequence the occurrence of a recurring duty, or empty for the one owed now
   */
  public FaultTracker complete(String faultId, RuleId ruleId, OptionalInt sequence, Instant at, String actorId) {
    return append(current(faultId), at, (seq, t) -> {
      FaultEvent.Builder b = event(faultId, seq, FaultEventType.DUTY_COMPLETED, t, actorId).ruleId(ruleId);
      sequence.ifPresent(b::dutySequence);
      return b.build();
    });
  }

  /**
   * Opens a fault through its lifecycle (SM-ESC-T01): the escalated-fault duty, the system administrator, the
   * pre-processor or the ticket reviewer opens it, with its first facts in {@code data} and the ticket it came from.
   *
   * @return the fault and its audit entry, or a refusal when {@code actor} may not open one or the fault exists
   *     (nothing stored)
   * @throws InvalidInputException naming the field of {@code data} that is wrong
   */
  public Outcome<FaultTracker> open(String faultId, EscEventData data, Actor actor, Instant at) {
    return fire(faultId, EscEvent.OPEN_FAULT, data, actor, at);
  }

  /**
   * Takes a step of the fault's lifecycle (SM-ESC): decides it by the declared table and its guards against the
   * fault as its history leaves it, and when accepted appends it to the history as the fault event of
   * {@link EscEvent#type()} with its data, the summary and its audit entry, and reschedules the duties it changed.
   *
   * @return the fault after the step and its audit entry, or a refusal listing every failed guard (nothing stored)
   * @throws InvalidInputException naming {@code faultId} when no fault has that ID, or the field of {@code data}
   *     that is wrong
   * @throws org.opsbook.core.ConcurrentUpdateException when another writer changed the fault meanwhile
   */
  public Outcome<FaultTracker> fire(String faultId, EscEvent event, EscEventData data, Actor actor, Instant when) {
    FaultTracker before = load(faultId);
    if (before.version() == 0 && event != EscEvent.OPEN_FAULT) {
      throw new InvalidInputException("faultId", "no fault " + faultId + " is open");
    }
    checkVersion(checkNewId(before));
    Instant at = stamped(before, checkNotNull(when, "at"));
    Stepped<FaultTracker> s = before.decideStep(event, data, actor, at);
    if (!s.outcome().isAccepted()) {
      return s.outcome();
    }
    FaultTracker after = s.outcome().instance();
    checkStorable(after.summary());
    faults.append(faultId, before.version(), List.of(s.event()), after.summary(),
        List.of(s.outcome().audit().orElseThrow()));
    reconcileTimers(faultId, after.obligations(at));
    return s.outcome();
  }

  /**
   * Puts back the timers of the duties that the fault's last event left owed and that the timer store has never
   * held: a process that died between storing an event and scheduling its duties left them missing, and no later
   * event may come to heal them, the very case the timers are for. Only adds: a timer that is pending (whatever its due
   * time), has fired or was cancelled is left as it is, so this never undoes what a concurrent append scheduled; a
   * timer the history no longer owes is cancelled by the fault's next append.
   *
   * @return how many timers were put back
   */
  public int restoreTimers(String faultId) {
    FaultTracker t = load(faultId);
    if (t.version() == 0 || t.isClosed()) {
      return 0;
    }
    return timers.scheduleMissing(faultId, t.obligations(t.lastEventAt().orElseThrow()));
  }

  /**
   * Returns true unless the fault's stored history says it no longer owes the timed duty {@code key}: the fault is
   * closed, or its last event leaves no duty under that key. A timer is cancelled by the append that ends its duty,
   * in a second write; a process that died between the two left the timer pending, and its firing asks this first. A
   * subject with no history is not a fault's, and its timers are the host's own: true.
   */
  public boolean owes(ObligationKey key) {
    FaultTracker t = load(key.subjectId());
    if (t.version() == 0) {
      return true;
    }
    if (t.isClosed()) {
      return false;
    }
    for (Obligation o : t.obligations(t.lastEventAt().orElseThrow())) {
      if (o.key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns when the fault's recurring duty {@code duty}, undone at {@code now}, falls due again
   * ({@link FaultTracker#repeatsAt}); empty for a subject with no history, a closed fault, or a one-off duty.
   */
  public Optional<Instant> repeatsAt(Obligation duty, Instant now) {
    FaultTracker t = load(duty.subjectId());
    if (t.version() == 0 || t.isClosed()) {
      return Optional.empty();
    }
    return t.repeatsAt(duty, t.readAt(now));
  }

  /** The fault as its stored history leaves it, at the version a write of {@link #ifVersion} expects. */
  private FaultTracker current(String faultId) {
    return checkVersion(load(faultId));
  }

  private FaultTracker checkVersion(FaultTracker t) {
    if (expected >= 0 && t.version() != expected) {
      throw new ConcurrentUpdateException(t.faultId(), expected, t.version());
    }
    return t;
  }

  /** Returns the fault's state folded from its stored history. */
  public FaultTracker load(String faultId) {
    return engine.replay(faultId, faults.events(faultId));
  }

  /** Returns the fault's duties as of {@code now} (see {@link FaultTracker#obligations(Instant)}). */
  public List<Obligation> obligations(String faultId, Instant now) {
    return load(faultId).obligations(now);
  }

  private static FaultEvent.Builder event(String faultId, long sequence, FaultEventType type, Instant at,
      String actorId) {
    FaultEvent.Builder b = FaultEvent.builder().faultId(faultId).sequence(sequence).type(type).at(at);
    if (actorId != null) {
      b.actorId(actorId);
    }
    return b;
  }

  private FaultTracker append(FaultTracker before, Instant at, BiFunction<Long, Instant, FaultEvent> next) {
    String faultId = checkNewId(before).faultId();
    FaultEvent event = next.apply(before.version() + 1, stamped(before, checkNotNull(at, "at")));
    FaultTracker after = before.apply(event);
    List<Obligation> was = before.version() == 0 ? List.of() : before.obligations(event.at());
    List<Obligation> now = after.obligations(event.at());
    checkStorable(after.summary());
    faults.append(faultId, before.version(), List.of(event), after.summary(), List.of(audit(event, was, now, after)));
    reconcileTimers(faultId, now);
    return after;
  }

  /**
   * Refuses, before anything is decided, the ID of a fault about to be opened that holds a control, invisible or
   * bidirectional character, a line break or an outer space: it would be shown on the dashboard, in SMS and in logs.
   */
  private static FaultTracker checkNewId(FaultTracker before) {
    if (before.version() == 0) {
      InstanceIds.checkNew("faultId", before.faultId());
    }
    return before;
  }

  /** Refuses, before anything is written, a summary whose subject name storage would not keep whole. */
  private static void checkStorable(FaultSummary summary) {
    summary.subjectName().filter(name -> name.length() > FaultSummary.MAX_SUBJECT_NAME).ifPresent(name -> {
      throw new InvalidInputException("facts.subjectName", "a subject name has at most "
          + FaultSummary.MAX_SUBJECT_NAME + " characters, not " + name.length());
    });
  }

  /** {@code at}, or the fault's last event when {@code at} is up to the clock skew before it (OPS-TIME-01). */
  private Instant stamped(FaultTracker before, Instant at) {
    return TimeOrder.stamp(at, before.lastEventAt(), clockSkew);
  }

  /**
   * Puts the fault's timers in line with the duties it owes after an event: every timed duty scheduled under its key,
   * every pending timer it no longer owes cancelled. A repair or closing needs nothing more: the duties they end are
   * no longer owed, and a recovery duty owed before a repair reported again stays on its timer (a cancelled key stays
   * cancelled, so cancelling the whole subject first would lose it).
   */
  private void reconcileTimers(String faultId, List<Obligation> now) {
    timers.reconcile(faultId, now);
  }

  private static AuditEntry audit(FaultEvent e, List<Obligation> was, List<Obligation> now, FaultTracker after) {
    Set<ObligationKey> before = new HashSet<>();
    for (Obligation o : was) {
      before.add(o.key());
    }
    AuditEntry.Builder b = AuditEntry.builder().stream("fault:" + e.faultId()).at(e.at())
        .actorId(e.actorId().orElse("system")).action(e.type().name())
        .putDetail("sequence", Long.toString(e.sequence()))
        .putDetail("currentLevel", after.currentLevel().name())
        .putDetail("peakLevel", after.peakLevel().name());
    for (Obligation o : now) {
      if (!before.contains(o.key())) {
        b.addRuleId(o.ruleId());
      }
    }
    e.ruleId().ifPresent(b::addRuleId);
    return b.build();
  }
}
