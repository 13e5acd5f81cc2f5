package org.opsbook.rules.esc;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Inputs.blank;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.machine.Decision;
import org.opsbook.core.machine.GuardCheck;
import org.opsbook.core.machine.Outcome;
import org.opsbook.core.machine.StateMachine;
import org.opsbook.core.machine.Transition;
import org.opsbook.core.machine.Workflow;
import org.opsbook.rules.duty.ObligationEngine;
import org.opsbook.rules.internal.Inputs;

/**
 * SM-ESC (rules-catalog §7.3), the lifecycle of a fault from detection to closing, as a declared state machine and a
 * core {@link Workflow}: roles, and guards that each name their rule — the AMS declaration of a self-discovered
 * fault (ESC-HANDLE-08), ownership by A and by B only while A is away (ESC-HANDLE-01/03), the A↔B handover note
 * (ESC-HANDLE-04), the province report and AMS dispatch before handling with the developer (ESC-HANDLE-02),
 * conclusive progress entries (FAULT-GEN-09, ESC-REQ-12) of handling type 其它 once a working day has passed
 * (FAULT-GEN-08), the duty-log content and fault report of an L1/L2 fault (ESC-REQ-10/11), its place in the week's
 * major-fault summary (REPORT-FMT-01), and the monitor's interventions (ESC-HANDLE-05). Applying an event returns
 * the fault after it with its one audit entry (stream {@code esc:<faultId>}), or every failed guard with the fault
 * unchanged; it stores nothing. {@link org.opsbook.core.machine.WorkflowStore} stores it, with
 * {@link org.opsbook.json.internal.EscCodec}, as {@link EscService} does.
 *
 * <p>The peak level that decides the L1/L2 guards is the obligations engine's: an event may carry the tracker's
 * {@code peakLevel}, or facts that this workflow classifies with the engine's classifier; the fault keeps the
 * highest level seen (FAULT-CLASS-DEF-07).
 *
 * <pre>{@code
 * EscWorkflow wf = EscWorkflow.standard();
 * Outcome<EscFault> o = wf.open("F-1", EscEventData.builder().facts(facts).build(), duty, now);
 * o = wf.apply(o.instance(), EscEvent.DECLARE, duty, EscEventData.builder().amsFaultNo("AMS-7")
 *     .provinceDutyNotifiedAt(now).build(), now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EscWorkflow implements Workflow<EscFault, EscEvent, EscEventData> {
  /** The machine's name, also the {@code machine} of stored instances. */
  public static final String MACHINE_ID = "SM-ESC";

  /** FAULT-GEN-08: the ITC handling type of the daily entries, 「处理类型选“其它”」. */
  public static final String HANDLING_TYPE_OTHER = "其它";

  private static final Set<String> LEVEL_FIELDS = ImmutableSet.of("facts", "peakLevel");
  private static final Set<EscState> HANDLING = EnumSet.of(EscState.HANDLING_SELF,
      EscState.HANDLING_WITH_DEVELOPER);
  private static final Set<EscState> OWNED = EnumSet.of(EscState.HANDLING_SELF, EscState.HANDLING_WITH_DEVELOPER,
      EscState.RECOVERED, EscState.POST_INCIDENT);
  private static final Set<EscState> OPEN = EnumSet.of(EscState.DETECTED, EscState.DECLARED,
      EscState.HANDLING_SELF, EscState.HANDLING_WITH_DEVELOPER, EscState.RECOVERED, EscState.POST_INCIDENT);
  private static final EscWorkflow STANDARD = new EscWorkflow(ObligationEngine.standard());

  private final ObligationEngine engine;
  private final StateMachine<EscState, EscEvent, Context> machine;
  private final Map<EscEvent, Set<String>> recorded;

  /**
   * What the guards look at: the fault before the event, the event's data and time, the peak level after it and the
   * ownership the event would leave.
   */
  record Context(EscFault fault, EscEventData data, Instant at, Level peak, Ownership next, ObligationEngine engine) {}

  /**
   * The owner and A's availability an event would leave; {@code handler} and {@code id} are null when there is none
   * or the event fails to name one.
   */
  record Ownership(EscHandler handler, String id, boolean handlerAAvailable) {
    boolean isB() {
      return handler == EscHandler.B;
    }
  }

  /**
   * Creates the workflow over the obligations engine's parameters, working-day calendar (FAULT-GEN-08) and
   * classifier (the peak level).
   */
  public EscWorkflow(ObligationEngine engine) {
    this.engine = checkNotNull(engine, "engine");
    this.machine = build();
    Map<EscEvent, Set<String>> r = new EnumMap<>(EscEvent.class);
    for (Transition<EscState, EscEvent, Context> t : machine.transitions()) {
      r.computeIfAbsent(t.event(), e -> new HashSet<>(LEVEL_FIELDS)).addAll(t.records());
    }
    r.replaceAll((e, s) -> ImmutableSet.copyOf(s));
    this.recorded = Map.copyOf(r);
  }

  /** Returns the workflow over {@link ObligationEngine#standard()}. */
  public static EscWorkflow standard() {
    return STANDARD;
  }

  /** Returns the declared transition table. */
  public StateMachine<EscState, EscEvent, ?> table() {
    return machine;
  }

  /** Returns the transition table as Markdown: ID, from → to, event, roles, guards' rule IDs, what it records. */
  public String describe() {
    return machine.describe();
  }

  /** Returns the rule IDs that guard {@code event} in {@code state}, or none when the event is not allowed there. */
  public SortedSet<RuleId> guardRules(EscState state, EscEvent event) {
    return machine.guardRules(state, event);
  }

  /**
   * Returns the data fields {@code event} records (the only ones it accepts), {@code facts} and {@code peakLevel}
   * included.
   */
  public Set<String> recordedFields(EscEvent event) {
    return recorded.get(checkNotNull(event, "event"));
  }

  private static StateMachine<EscState, EscEvent, Context> build() {
    StateMachine.Builder<EscState, EscEvent, Context> b =
        StateMachine.builder(MACHINE_ID, EscState.class, EscEvent.class, Context.class);
    b.transition("SM-ESC-T01", EscState.NEW, EscEvent.OPEN_FAULT, EscState.DETECTED)
        .by(Role.ESC_DUTY, Role.IT_SYSADMIN, Role.PRE_PROCESSOR, Role.TICKET_REVIEWER)
        .records("linkedTicketId")
        .add();
    b.transition("SM-ESC-T02", EscState.DETECTED, EscEvent.DECLARE, EscState.DECLARED)
        .by(Role.ESC_DUTY)
        .guard("ESC-HANDLE-08", "amsFaultNo", (c, a) -> c.fault().selfDiscovered() && blank(amsFaultNo(c))
            ? "a self-discovered fault is declared in AMS at once: record its AMS number (应通过AMS系统立即进行故障申报)"
            : null)
        .guard("ESC-HANDLE-08", "provinceDutyNotifiedAt", (c, a) -> c.fault().selfDiscovered()
            && provinceDutyNotifiedAt(c).isEmpty()
            ? "tell 省业务支撑中心's duty officer of a self-discovered fault (并及时通知省业务支撑中心的值班人员协助跟进)" : null)
        .records("amsFaultNo", "provinceDutyNotifiedAt")
        .add();
    b.transition("SM-ESC-T03", EscState.DECLARED, EscEvent.TAKE_OWNERSHIP, EscState.HANDLING_SELF)
        .by(Role.ESC_HANDLER_A, Role.ESC_HANDLER_B, Role.ESC_MONITOR)
        .guard("ESC-HANDLE-05", "assigneeId", EscWorkflow::assignmentFailure)
        .guard("ESC-HANDLE-01", "owner", EscWorkflow::oneOwnerFailure)
        .guard("ESC-HANDLE-03", "owner", EscWorkflow::bWhileAAvailable)
        .records("assigneeId", "assigneeHandler", "handlerAAvailable")
        .add();
    for (EscState s : HANDLING) {
      b.transition("SM-ESC-T04", s, EscEvent.HANDOVER, s)
          .by(Role.ESC_HANDLER_A, Role.ESC_HANDLER_B, Role.ESC_MONITOR)
          .guard("SM-ESC-T04", "actor", (c, a) -> c.fault().isOwnedBy(a.id()) || a.hasRole(Role.ESC_MONITOR)
              || takesBack(c.fault(), a) ? null
              : "the outgoing owner, A taking the fault back, or the monitor hands it over")
          .guard("ESC-HANDLE-04", "handoverNote", (c, a) -> blank(c.data().handoverNote())
              ? "an A↔B switch needs the handover: write the note (A角和B角进行切换时,需要做好升级故障跟进的交接工作)" : null)
          .guard("ESC-HANDLE-04", "assigneeId", (c, a) -> c.next().id() == null
              ? "name who takes the fault over" : c.fault().isOwnedBy(c.next().id())
              ? c.next().id() + " already owns the fault: hand it over to someone else" : null)
          .guard("ESC-HANDLE-03", "owner", EscWorkflow::bWhileAAvailable)
          .records("assigneeId", "handoverNote", "handlerAAvailable")
          .add();
      b.transition("SM-ESC-T06", s, EscEvent.PROGRESS_ENTRY, s)
          .guard("SM-ESC-T06", "actor", ownerOnly("writes the progress entries"))
          .guard("FAULT-GEN-09", "conclusion", (c, a) -> blank(c.data().conclusion())
              ? "a progress entry states a conclusion (要有结论性总结)" : null)
          .guard("FAULT-GEN-09", "systemProblem", (c, a) -> c.data().systemProblem().isEmpty()
              ? "say whether it is a system problem: YES, NO or UNDETERMINED (如是否属系统问题等的清晰总结)" : null)
          .guard("ESC-REQ-12", "conclusion", (c, a) -> c.peak().isEscalated() && blank(c.data().conclusion())
              ? "an escalated fault's progress is clear and conclusive (处理进展填写应清晰明了,要有结论性总结)" : null)
          .guard("FAULT-GEN-08", "handlingType", EscWorkflow::dailyEntryTypeFailure)
          .records("conclusion", "systemProblem", "channel", "handlingType")
          .add();
      b.transition("SM-ESC-T07", s, EscEvent.MARK_REPAIRED, EscState.RECOVERED)
          .guard("SM-ESC-T07", "actor", ownerOnly("marks the fault repaired"))
          .guard("SM-ESC-T07", "recoveryCheck", (c, a) -> blank(c.data().recoveryCheck())
              ? "say how the recovery was verified, e.g. a test or the customer's confirmation" : null)
          .records("recoveryCheck")
          .add();
    }
    b.transition("SM-ESC-T05", EscState.HANDLING_SELF, EscEvent.ESCALATE_EXTERNALLY,
            EscState.HANDLING_WITH_DEVELOPER)
        .guard("SM-ESC-T05", "actor", ownerOnly("escalates the fault to the province and the developer"))
        .guard("ESC-HANDLE-02", "reportedToProvinceAt", (c, a) -> reportedToProvinceAt(c).isEmpty()
            ? "report the fault to 省业务支撑中心 first (第一时间向省业务支撑中心报告故障)" : null)
        .guard("ESC-HANDLE-02", "amsDevTicketNo", (c, a) -> blank(amsDevTicketNo(c))
            ? "dispatch it to the developer in AMS and record the ticket (在AMS上派单给开发商处理)" : null)
        .records("reportedToProvinceAt", "amsDevTicketNo", "reportedToDeveloperAt")
        .add();
    b.transition("SM-ESC-T08", EscState.RECOVERED, EscEvent.RELAPSE, c -> c.fault().amsDevTicketNo().isPresent()
            ? EscState.HANDLING_WITH_DEVELOPER : EscState.HANDLING_SELF)
        .guard("SM-ESC-T08", "actor", ownerOnly("reopens the handling of a relapsed fault"))
        .records("reason")
        .add();
    b.transition("SM-ESC-T09", EscState.RECOVERED, EscEvent.FILE_POST_INCIDENT, EscState.POST_INCIDENT)
        .guard("SM-ESC-T09", "actor", ownerOnly("files the post-incident duties"))
        .guard("ESC-REQ-10", "dutyLogDeliveredAt", EscWorkflow::dutyLogFailure)
        .guard("ESC-REQ-11", "faultReportRef", (c, a) -> c.peak().isEscalated() && blank(c.data().faultReportRef())
            ? "an L1/L2 fault has its fault handling report (并填写故障处理报告): name it" : null)
        .records("dutyLogDeliveredAt", "faultReportRef")
        .add();
    for (EscState s : OPEN) {
      b.transition("SM-ESC-T10", s, EscEvent.INTERVENE, s)
          .guard("ESC-HANDLE-05", "actor", monitorOnly("intervenes"))
          .guard("ESC-HANDLE-05", "interventionNote", (c, a) -> blank(c.data().interventionNote())
              ? "record the intervention (推动故障处理的进度,并对异常情况进行干预处理)" : null)
          .records("interventionNote")
          .add();
      b.transition("ESC-HANDLE-03", s, EscEvent.REPORT_AVAILABILITY, s)
          .by(Role.ESC_DUTY, Role.ESC_MONITOR)
          .guard("ESC-HANDLE-03", "handlerAAvailable", EscWorkflow::availabilityFailure)
          .records("handlerAAvailable")
          .add();
    }
    for (EscState s : OWNED) {
      b.transition("SM-ESC-T10", s, EscEvent.REASSIGN, s)
          .guard("ESC-HANDLE-05", "actor", monitorOnly("reassigns the owner"))
          .guard("ESC-HANDLE-01", "owner", EscWorkflow::oneOwnerFailure)
          .guard("SM-ESC-T10", "assigneeId", (c, a) -> c.next().id() != null && c.fault().isOwnedBy(c.next().id())
              && c.fault().owner().orElseThrow() == c.next().handler()
              ? c.next().id() + " already owns the fault as " + c.next().handler() : null)
          .guard("ESC-HANDLE-04", "handoverNote", (c, a) -> switches(c) && blank(c.data().handoverNote())
              ? "an A↔B switch needs the handover: write the note (需要做好升级故障跟进的交接工作)" : null)
          .guard("ESC-HANDLE-03", "owner", EscWorkflow::bWhileAAvailable)
          .records("assigneeId", "assigneeHandler", "handoverNote", "handlerAAvailable")
          .add();
    }
    b.transition("SM-ESC-T11", EscState.POST_INCIDENT, EscEvent.CLOSE, EscState.CLOSED)
        .by(Role.ESC_DUTY)
        .guard("REPORT-FMT-01", "weeklySummaryRef", (c, a) -> c.peak().isEscalated()
            && blank(c.data().weeklySummaryRef())
            ? "an L1/L2 fault is closed in the week's major-fault summary uploaded to teamserver: name it "
                + "(每周重大故障汇总; 并每周进行汇总,上挂至teamserver)" : null)
        .records("weeklySummaryRef")
        .add();
    b.terminal(EscState.CLOSED);
    return b.build();
  }

  // ------------------------------------------------------------------------------------------------ guards

  /** ESC-HANDLE-05: 「指导升级投诉处理员…推动故障处理的进度,并对异常情况进行干预处理」 is the monitor's. */
  private static GuardCheck<Context> monitorOnly(String what) {
    return (c, a) -> a.hasRole(Role.ESC_MONITOR) ? null : "only the monitor (升级投诉监控员) " + what;
  }

  private static GuardCheck<Context> ownerOnly(String what) {
    return (c, a) -> c.fault().isOwnedBy(a.id()) ? null
        : "only the owner (" + c.fault().owner().map(Enum::name).orElse("none") + ") " + what;
  }

  /** ESC-HANDLE-05: the monitor alone assigns the fault to someone else (「升级投诉监控员」 may assign, SM-ESC-T03). */
  private static String assignmentFailure(Context c, Actor a) {
    Optional<String> assignee = c.data().assigneeId();
    return assignee.isPresent() && !assignee.get().equals(a.id()) && !a.hasRole(Role.ESC_MONITOR)
        ? "only the monitor assigns the fault to someone else (升级投诉监控员)" : null;
  }

  /**
   * ESC-HANDLE-01: the fault gets exactly one owner, A or B; who takes it for themselves takes it as the handler
   * they are.
   */
  private static String oneOwnerFailure(Context c, Actor a) {
    Ownership next = c.next();
    if (next.handler() == null || next.id() == null) {
      return "the fault gets one owner, A or B: name them (负责跟进处理升级业务故障处理)";
    }
    return next.id().equals(a.id()) && !a.roles().contains(next.handler().role())
        ? a.id() + " is not " + next.handler() + " (" + next.handler().role() + ")" : null;
  }

  /** ESC-HANDLE-03: 「当升级投诉处理员(A角)不在时,B角需要承担起A角的职责」. */
  private static String bWhileAAvailable(Context c, Actor a) {
    return c.next().isB() && c.next().handlerAAvailable()
        ? "B owns the fault only while A is away (当升级投诉处理员(A角)不在时); A is available" : null;
  }

  private static String availabilityFailure(Context c, Actor a) {
    Optional<Boolean> available = c.data().handlerAAvailable();
    if (available.isEmpty()) {
      return "say whether A is available";
    }
    if (available.get() && c.fault().owner().filter(h -> h == EscHandler.B).isPresent()) {
      return "A is back while B owns the fault: A takes it back with a handover (ESC-HANDLE-04)";
    }
    return null;
  }

  /**
   * FAULT-GEN-08: 「如不能在一个工作日内完成,需每天在系统上填写当日处理进展,处理类型选“其它”」: an ITC entry written once a
   * working day has passed since detection (TIME-06: later than {@code addWorkingDays(detectedAt, 1)}) has handling
   * type 其它.
   */
  private static String dailyEntryTypeFailure(Context c, Actor a) {
    if (c.data().channel().orElse(Channel.ITC) != Channel.ITC) {
      return null;
    }
    Instant oneWorkingDay = c.engine().calendar().addWorkingDays(c.fault().detectedAt(), 1);
    if (!c.at().isAfter(oneWorkingDay)) {
      return null;
    }
    return c.data().handlingType().map(String::strip).filter(HANDLING_TYPE_OTHER::equals).isPresent() ? null
        : "not done within one working day (by " + oneWorkingDay + "): the daily ITC entry has handling type "
            + "“其它” (处理类型选“其它”), not " + c.data().handlingType().map(t -> "“" + t + "”").orElse("none");
  }

  /** ESC-REQ-10: an L1/L2 fault's content goes to the duty-log writer, after the repair. */
  private static String dutyLogFailure(Context c, Actor a) {
    Optional<Instant> delivered = c.data().dutyLogDeliveredAt();
    if (delivered.isEmpty()) {
      return c.peak().isEscalated() ? "give the content to the day's duty-log writer first "
          + "(应及时提供相应的内容给当天负责值班日志撰写的同事)" : null;
    }
    return c.fault().repairedAt().filter(delivered.get()::isBefore)
        .map(repaired -> "the duty-log content follows the repair at " + repaired + " (升级故障解决后): "
            + delivered.get()).orElse(null);
  }

  private static boolean takesBack(EscFault f, Actor a) {
    return f.owner().filter(h -> h == EscHandler.B).isPresent() && a.roles().contains(Role.ESC_HANDLER_A)
        && !f.isOwnedBy(a.id());
  }

  private static boolean switches(Context c) {
    return c.next().handler() != null && c.fault().owner().map(h -> h != c.next().handler()).orElse(false);
  }

  // --------------------------------------------------------------------- what the event and facts say

  private static Optional<String> amsFaultNo(Context c) {
    return first(c, EscEventData::amsFaultNo, FaultFacts::amsFaultNo, EscFault::amsFaultNo);
  }

  private static Optional<Instant> provinceDutyNotifiedAt(Context c) {
    return first(c, EscEventData::provinceDutyNotifiedAt, FaultFacts::provinceDutyNotifiedAt,
        EscFault::provinceDutyNotifiedAt);
  }

  private static Optional<Instant> reportedToProvinceAt(Context c) {
    return first(c, EscEventData::reportedToProvinceAt, FaultFacts::reportedToProvinceAt,
        EscFault::reportedToProvinceAt);
  }

  private static Optional<String> amsDevTicketNo(Context c) {
    return first(c, EscEventData::amsDevTicketNo, FaultFacts::amsDevTicketNo, EscFault::amsDevTicketNo);
  }

  private static Optional<Instant> reportedToDeveloperAt(Context c) {
    return first(c, EscEventData::reportedToDeveloperAt, FaultFacts::reportedToDeveloperAt,
        EscFault::reportedToDeveloperAt);
  }

  /** The value the event gives, else the one its facts give, else the one the fault holds. */
  private static <T> Optional<T> first(Context c, Function<EscEventData, Optional<T>> given,
      Function<FaultFacts, Optional<T>> fromFacts, Function<EscFault, Optional<T>> held) {
    Optional<T> v = given.apply(c.data());
    if (v.isEmpty()) {
      v = c.data().facts().flatMap(fromFacts);
    }
    return v.isPresent() ? v : held.apply(c.fault());
  }

  /** The ownership {@code event} would leave; the fault's own when the event does not change it. */
  private static Ownership next(EscFault f, EscEvent event, Actor actor, EscEventData d) {
    EscHandler handler = f.owner().orElse(null);
    String id = f.ownerId().orElse(null);
    boolean selfA = false;
    boolean availableUnlessSaid = f.handlerAAvailable();
    switch (event) {
      case TAKE_OWNERSHIP -> {
        if (d.assigneeId().isPresent() && !d.assigneeId().get().equals(actor.id())) {
          handler = d.assigneeHandler().orElse(EscHandler.A);
          id = d.assigneeId().get();
        } else {
          handler = d.assigneeHandler().orElse(EscHandler.of(actor).orElse(null));
          id = handler == null ? null : actor.id();
          selfA = handler == EscHandler.A && actor.roles().contains(Role.ESC_HANDLER_A);
        }
      }
      case HANDOVER -> {
        if (handler != null) {
          handler = handler.other();
          selfA = takesBack(f, actor);
          id = selfA ? actor.id() : d.assigneeId().orElse(null);
          // a switch back to A is A's return: A is available unless the event says otherwise
          availableUnlessSaid |= handler == EscHandler.A;
        }
      }
      case REASSIGN -> {
        handler = d.assigneeHandler().orElse(EscHandler.A);
        id = d.assigneeId().orElse(null);
      }
      default -> {
        // the owner stays
      }
    }
    boolean available = selfA || d.handlerAAvailable().orElse(availableUnlessSaid);
    return new Ownership(handler, id, available);
  }

  private Level peak(EscFault f, EscEventData d) {
    Level peak = f == null ? Level.NONE : f.peakLevel();
    if (d.peakLevel().isPresent()) {
      peak = Level.max(peak, d.peakLevel().get());
    }
    if (d.facts().isPresent()) {
      peak = Level.max(peak, engine.classifier().level(d.facts().get()));
    }
    return peak;
  }

  // ------------------------------------------------------------------------------------------ creating

  /**
   * Returns the fault that opening {@code faultId} with {@code data} would create (SM-ESC-T01): in DETECTED, with
   * what its facts say — detection (the opening time when they do not say), start, intake channel, whether it was
   * self-discovered, the references already known and the level they give — and the linked ticket.
   *
   * @throws InvalidInputException naming the field: a blank {@code faultId}, facts of another fault, a detection or
   *     a reference time after {@code at}, a field openFault does not record
   */
  public EscFault draft(String faultId, EscEventData data, Actor actor, Instant at) {
    checkNotNull(faultId, "faultId");
    checkNotNull(data, "data");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    if (faultId.isBlank()) {
      throw new InvalidInputException("faultId", "faultId must not be blank");
    }
    checkData(faultId, EscEvent.OPEN_FAULT, data, at);
    FaultFacts facts = data.facts().orElse(FaultFacts.empty());
    notAfter(facts.detectedAt(), at, "data.facts.detectedAt");
    for (Map.Entry<String, Optional<Instant>> t : Map.of("provinceDutyNotifiedAt", facts.provinceDutyNotifiedAt(),
        "reportedToProvinceAt", facts.reportedToProvinceAt(), "reportedToDeveloperAt",
        facts.reportedToDeveloperAt()).entrySet()) {
      notAfter(t.getValue(), at, "data.facts." + t.getKey());
    }
    return EscFault.builder().faultId(faultId).state(EscState.DETECTED).openedAt(at).openedBy(actor.id())
        .detectedAt(facts.detectedAt().orElse(at)).faultStartTime(facts.faultStartTime())
        .intakeChannel(facts.intakeChannel()).selfDiscovered(facts.selfDiscovered())
        .linkedTicketId(data.linkedTicketId()).peakLevel(peak(null, data)).amsFaultNo(facts.amsFaultNo())
        .provinceDutyNotifiedAt(facts.provinceDutyNotifiedAt()).reportedToProvinceAt(facts.reportedToProvinceAt())
        .amsDevTicketNo(facts.amsDevTicketNo()).reportedToDeveloperAt(facts.reportedToDeveloperAt()).build();
  }

  /**
   * Opens the fault (SM-ESC-T01): {@link #create} of the {@link #draft}.
   *
   * @return the fault in DETECTED and its first audit entry, or a refusal when {@code actor} may not open one
   */
  public Outcome<EscFault> open(String faultId, EscEventData data, Actor actor, Instant at) {
    return create(draft(faultId, data, actor, at), actor, at);
  }

  // -------------------------------------------------------------------------------------------- Workflow

  @Override
  public String machine() {
    return MACHINE_ID;
  }

  @Override
  public String idOf(EscFault fault) {
    return fault.faultId();
  }

  @Override
  public String stateOf(EscFault fault) {
    return fault.state().name();
  }

  @Override
  public String eventName(EscEvent event) {
    return event.eventName();
  }

  @Override
  public String idField() {
    return "faultId";
  }

  /**
   * Opens the fault {@code draft} describes (SM-ESC-T01), opened by {@code actor} at {@code at} whatever the draft
   * says of them.
   *
   * @param draft a fault in DETECTED, e.g. from {@link #draft}
   * @throws InvalidInputException naming {@code state} when the draft is not in DETECTED
   */
  @Override
  public Outcome<EscFault> create(EscFault draft, Actor actor, Instant at) {
    checkNotNull(draft, "draft");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    if (draft.state() != EscState.DETECTED) {
      throw new InvalidInputException("state", "a fault record opens in DETECTED, not " + draft.state());
    }
    EscEventData data = EscEventData.builder().linkedTicketId(draft.linkedTicketId()).build();
    Context ctx = new Context(draft, data, at, draft.peakLevel(), next(draft, EscEvent.OPEN_FAULT, actor, data),
        engine);
    Decision<EscState> d = machine.decide(EscState.NEW, EscEvent.OPEN_FAULT, actor, ctx);
    if (!d.isAllowed()) {
      return Outcome.refused(draft, d.transitionId(), d.violations());
    }
    EscFault fault = ((ImmutableEscFault) draft).withOpenedAt(at).withOpenedBy(actor.id());
    SortedMap<String, String> details = new TreeMap<>(data.details());
    details.put("detectedAt", fault.detectedAt().toString());
    fault.faultStartTime().ifPresent(t -> details.put("faultStartTime", t.toString()));
    fault.intakeChannel().ifPresent(c -> details.put("intakeChannel", c.name()));
    details.put("selfDiscovered", Boolean.toString(fault.selfDiscovered()));
    details.put("peakLevel", fault.peakLevel().name());
    AuditEntry audit = machine.auditOf(d, EscEvent.OPEN_FAULT, stream(fault.faultId()),
        EscEvent.OPEN_FAULT.eventName(), actor, at).putAllDetails(details).build();
    return Outcome.accepted(fault, d.transitionId(), audit);
  }

  /**
   * Decides {@code event} fired by {@code actor}, recording {@code data}, at {@code at}.
   *
   * @return the fault after the event and its audit entry, or a refusal listing every failed guard with the fault
   *     unchanged
   * @throws InvalidInputException naming {@code data.<field>}: a field the event does not record, facts of another
   *     fault, a reported time after {@code at}, a blank assignee or a handler without an assignee
   */
  @Override
  public Outcome<EscFault> apply(EscFault fault, EscEvent event, Actor actor, EscEventData data, Instant at) {
    checkNotNull(fault, "fault");
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    checkData(fault.faultId(), event, data, at);
    Ownership next = next(fault, event, actor, data);
    Context ctx = new Context(fault, data, at, peak(fault, data), next, engine);
    Decision<EscState> d = machine.decide(fault.state(), event, actor, ctx);
    if (!d.isAllowed()) {
      return Outcome.refused(fault, d.transitionId(), d.violations());
    }
    EscFault after = effect((ImmutableEscFault) fault, event, ctx, at).withState(d.to()).withPeakLevel(ctx.peak());
    SortedMap<String, String> details = new TreeMap<>(data.details());
    details.put("peakLevel", ctx.peak().name());
    if (event == EscEvent.TAKE_OWNERSHIP || event == EscEvent.HANDOVER || event == EscEvent.REASSIGN) {
      details.put("owner", next.handler() + ":" + next.id());
      fault.owner().ifPresent(h -> details.put("previousOwner", h + ":" + fault.ownerId().orElseThrow()));
    }
    if (event == EscEvent.TAKE_OWNERSHIP || event == EscEvent.HANDOVER || event == EscEvent.REASSIGN
        || event == EscEvent.REPORT_AVAILABILITY) {
      details.put("handlerAAvailable", Boolean.toString(next.handlerAAvailable()));
    }
    AuditEntry audit = machine.auditOf(d, event, stream(fault.faultId()), event.eventName(), actor, at)
        .fromState(d.from().name()).putAllDetails(details).build();
    return Outcome.accepted(after, d.transitionId(), audit);
  }

  private ImmutableEscFault effect(ImmutableEscFault f, EscEvent event, Context c, Instant at) {
    EscEventData d = c.data();
    Ownership next = c.next();
    return switch (event) {
      case OPEN_FAULT -> f;
      case DECLARE -> f.withAmsFaultNo(amsFaultNo(c)).withProvinceDutyNotifiedAt(provinceDutyNotifiedAt(c))
          .withDeclaredAt(at);
      case TAKE_OWNERSHIP -> own(f, next, at);
      case HANDOVER -> own(f, next, at).withHandovers(f.handovers() + 1).withLastHandoverNote(d.handoverNote());
      case REASSIGN -> {
        ImmutableEscFault owned = own(f, next, at);
        yield switches(c) ? owned.withHandovers(f.handovers() + 1).withLastHandoverNote(d.handoverNote()) : owned;
      }
      case REPORT_AVAILABILITY -> f.withHandlerAAvailable(next.handlerAAvailable());
      case ESCALATE_EXTERNALLY -> f.withReportedToProvinceAt(reportedToProvinceAt(c))
          .withAmsDevTicketNo(amsDevTicketNo(c)).withReportedToDeveloperAt(reportedToDeveloperAt(c).orElse(at));
      case PROGRESS_ENTRY -> f.withProgressEntries(f.progressEntries() + 1).withLastProgressAt(at)
          .withLastConclusion(d.conclusion()).withLastSystemProblem(d.systemProblem());
      case MARK_REPAIRED -> f.withRepairedAt(at).withRecoveryCheck(d.recoveryCheck());
      case RELAPSE -> f.withRepairedAt(Optional.empty()).withRelapses(f.relapses() + 1).withLastRelapseAt(at);
      case FILE_POST_INCIDENT -> f.withDutyLogDeliveredAt(d.dutyLogDeliveredAt())
          .withFaultReportRef(d.faultReportRef()).withPostIncidentAt(at);
      case INTERVENE -> f.withInterventions(f.interventions() + 1).withLastInterventionNote(d.interventionNote());
      case CLOSE -> f.withWeeklySummaryRef(d.weeklySummaryRef()).withClosedAt(at);
    };
  }

  private static ImmutableEscFault own(ImmutableEscFault f, Ownership next, Instant at) {
    EscOwner owner = new EscOwner(next.handler(), next.id());
    // each step must keep B from owning while A is available (EscFault's check): go from A's state that allows both
    ImmutableEscFault owned = next.handlerAAvailable()
        ? f.withOwnership(owner).withHandlerAAvailable(true)
        : f.withHandlerAAvailable(false).withOwnership(owner);
    return f.ownership().filter(owner::equals).isPresent() ? owned : owned.withOwnerSince(at);
  }

  private void checkData(String faultId, EscEvent event, EscEventData data, Instant at) {
    checkNotNull(data, "data");
    Inputs.onlyRecorded(event.eventName(), data.presentFields(), recordedFields(event));
    Optional<String> factsId = data.facts().flatMap(FaultFacts::faultId);
    if (factsId.isPresent() && !factsId.get().equals(faultId)) {
      throw new InvalidInputException("data.facts.faultId", "facts of fault " + factsId.get() + " given for "
          + faultId);
    }
    if (data.assigneeId().filter(String::isBlank).isPresent()) {
      throw new InvalidInputException("data.assigneeId", "assigneeId must not be blank");
    }
    if (data.assigneeHandler().isPresent() && data.assigneeId().isEmpty()) {
      throw new InvalidInputException("data.assigneeHandler", "assigneeHandler says as which handler assigneeId "
          + "owns the fault: give assigneeId too");
    }
    notAfter(data.provinceDutyNotifiedAt(), at, "data.provinceDutyNotifiedAt");
    notAfter(data.reportedToProvinceAt(), at, "data.reportedToProvinceAt");
    notAfter(data.reportedToDeveloperAt(), at, "data.reportedToDeveloperAt");
    notAfter(data.dutyLogDeliveredAt(), at, "data.dutyLogDeliveredAt");
  }

  private static void notAfter(Optional<Instant> t, Instant at, String field) {
    if (t.isPresent() && t.get().isAfter(at)) {
      throw new InvalidInputException(field, field.substring(field.lastIndexOf('.') + 1) + " (" + t.get()
          + ") is after the event that records it at " + at);
    }
  }

  /** Returns the audit stream of a fault's lifecycle: {@code esc:<faultId>}. */
  public static String stream(String faultId) {
    return "esc:" + faultId;
  }
}
