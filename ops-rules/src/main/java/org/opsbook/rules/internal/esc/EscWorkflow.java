package org.opsbook.rules.internal.esc;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opsbook.rules.internal.Inputs.blank;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
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
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.Decision;
import org.opsbook.core.internal.machine.GuardCheck;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.core.internal.machine.Transition;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.esc.EscEvent;
import org.opsbook.rules.esc.EscEventData;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.EscState;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.internal.Inputs;

/**
 * SM-ESC (rules-catalog §7.3), the lifecycle of a fault from detection to closing, as a declared state machine:
 * roles, and guards that each name their rule — the AMS declaration of a self-discovered fault (ESC-HANDLE-08),
 * ownership by A and by B only while A is away (ESC-HANDLE-01/03), the A↔B handover note (ESC-HANDLE-04), the
 * province report and AMS dispatch before handling with the developer (ESC-HANDLE-02), conclusive progress entries
 * (FAULT-GEN-09, ESC-REQ-12) of handling type 其它 once a working day has passed (FAULT-GEN-08), the duty-log content
 * and fault report of an L1/L2 fault (ESC-REQ-10/11), its place in the week's major-fault summary (REPORT-FMT-01),
 * and the monitor's interventions (ESC-HANDLE-05).
 *
 * <p>The lifecycle is part of the fault's own history: {@link #decide} checks a step against the fault as its
 * tracker folded it (its lifecycle, current facts and peak level) and returns either every failed guard or the data
 * the step records — with the owner it leaves resolved, so that folding it again needs no roles — and the start of
 * its audit entry; {@link #opened} and {@link #effect} are what the fold applies. Stateless and thread-safe.
 */
public final class EscWorkflow {
  /** The machine's name. */
  public static final String MACHINE_ID = "SM-ESC";

  /** FAULT-GEN-08: the ITC handling type of the daily entries, 「处理类型选“其它”」. */
  public static final String HANDLING_TYPE_OTHER = "其它";

  private static final Set<EscState> HANDLING = EnumSet.of(EscState.HANDLING_SELF,
      EscState.HANDLING_WITH_DEVELOPER);
  private static final Set<EscState> OWNED = EnumSet.of(EscState.HANDLING_SELF, EscState.HANDLING_WITH_DEVELOPER,
      EscState.RECOVERED, EscState.POST_INCIDENT);
  private static final Set<EscState> OPEN = EnumSet.of(EscState.DETECTED, EscState.DECLARED,
      EscState.HANDLING_SELF, EscState.HANDLING_WITH_DEVELOPER, EscState.RECOVERED, EscState.POST_INCIDENT);
  private static final StateMachine<EscState, EscEvent, Context> MACHINE = build();
  private static final Map<EscEvent, Set<String>> RECORDED = recorded();

  /**
   * What the guards look at: the lifecycle before the event, the event's data and time, the fault's facts and peak
   * level with the event's facts folded in, the ownership the event would leave and the working-day calendar.
   */
  record Context(EscFault fault, EscEventData data, Instant at, Level peak, Ownership next, FaultFacts facts,
      WorkCalendar calendar) {}

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
   * A decided step: refused with every failed guard, or accepted with the data to record and the audit entry's start.
   *
   * @param transitionId the transition that decided
   * @param violations every failed guard; empty when accepted
   * @param recorded what the step records, the resolved owner included; null when refused
   * @param audit the audit entry's start (stream, action, states, the transition's and guards' rules, details);
   *     null when refused
   */
  public record Decided(RuleId transitionId, List<Violation> violations, EscEventData recorded,
      AuditEntry.Builder audit) {
    /** Returns true when every guard passed. */
    public boolean isAccepted() {
      return violations.isEmpty();
    }
  }

  private EscWorkflow() {}

  /** Returns the declared transition table. */
  public static StateMachine<EscState, EscEvent, ?> table() {
    return MACHINE;
  }

  /** Returns the transition table as Markdown: ID, from → to, event, roles, guards' rule IDs, what it records. */
  public static String describe() {
    return MACHINE.describe();
  }

  /** Returns the rule IDs that guard {@code event} in {@code state}, or none when the event is not allowed there. */
  public static SortedSet<RuleId> guardRules(EscState state, EscEvent event) {
    return MACHINE.guardRules(state, event);
  }

  /** Returns the data fields {@code event} records (the only ones it accepts), {@code facts} included. */
  public static Set<String> recordedFields(EscEvent event) {
    return RECORDED.get(checkNotNull(event, "event"));
  }

  private static Map<EscEvent, Set<String>> recorded() {
    Map<EscEvent, Set<String>> r = new EnumMap<>(EscEvent.class);
    for (Transition<EscState, EscEvent, Context> t : MACHINE.transitions()) {
      r.computeIfAbsent(t.event(), e -> new HashSet<>(Set.of("facts"))).addAll(t.records());
    }
    r.replaceAll((e, s) -> ImmutableSet.copyOf(s));
    return Map.copyOf(r);
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
        .guard("ESC-HANDLE-01", "assigneeId", EscWorkflow::assigneeRoleFailure)
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
          .guard("ESC-HANDLE-01", "assigneeId", EscWorkflow::assigneeRoleFailure)
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
          .guard("ESC-HANDLE-01", "assigneeId", EscWorkflow::assigneeRoleFailure)
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

  /**
   * ESC-HANDLE-01: someone else made owner, by the monitor or in a handover, is owner as the handler they are: the
   * assignee as the directory knows them ({@link EscEventData#assignee()}) holds the role of A or B the step makes
   * them owner as. Without it the monitor could give the fault as A to a B, who would own it while A is available
   * (ESC-HANDLE-03), or to someone who handles no escalated faults at all. Unchecked where the assignee's roles are
   * not known: the stateless decision API is given no directory.
   */
  private static String assigneeRoleFailure(Context c, Actor a) {
    Ownership next = c.next();
    if (next.handler() == null || next.id() == null || next.id().equals(a.id())) {
      return null;
    }
    return c.data().assignee().filter(p -> p.id().equals(next.id()))
        .filter(p -> !p.roles().contains(next.handler().role()))
        .map(p -> next.id() + " is not " + next.handler() + " (" + next.handler().role() + "): the fault is owned "
            + "by 升级投诉处理员 A or B as the one they are (负责跟进处理升级业务故障处理)")
        .orElse(null);
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
    Instant oneWorkingDay = c.calendar().addWorkingDays(c.fault().detectedAt(), 1);
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
      v = Optional.ofNullable(c.facts()).flatMap(fromFacts);
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


  // ------------------------------------------------------------------------------------------ deciding

  /**
   * Decides a step of the lifecycle.
   *
   * @param faultId the fault
   * @param fault the lifecycle before the step; null before the opening (only {@link EscEvent#OPEN_FAULT} is allowed)
   * @param event the step
   * @param actor who takes it
   * @param data what it records
   * @param at when
   * @param facts the fault's facts, the step's own folded in
   * @param peak the fault's peak level, the step's facts folded in (FAULT-CLASS-DEF-07)
   * @param calendar the working-day calendar (FAULT-GEN-08)
   * @throws InvalidInputException naming {@code data.<field>}: a field the event does not record, facts of another
   *     fault, a reported time after {@code at}, a blank assignee or a handler without an assignee
   */
  public static Decided decide(String faultId, EscFault fault, EscEvent event, Actor actor, EscEventData data,
      Instant at, FaultFacts facts, Level peak, WorkCalendar calendar) {
    checkNotNull(event, "event");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    checkData(faultId, event, data, at);
    boolean opening = fault == null;
    EscState from = opening ? EscState.NEW : fault.state();
    if (MACHINE.find(from, event) == null) {
      Decision<EscState> none = MACHINE.decide(from, event, actor, null);
      return new Decided(none.transitionId(), none.violations(), null, null);
    }
    EscFault before = opening ? draft(faultId, data, actor, at, peak) : fault;
    Ownership next = next(before, event, actor, data);
    Context ctx = new Context(before, data, at, peak, next, facts, calendar);
    Decision<EscState> d = MACHINE.decide(opening ? EscState.NEW : before.state(), event, actor, ctx);
    if (!d.isAllowed()) {
      return new Decided(d.transitionId(), d.violations(), null, null);
    }
    boolean owning = event == EscEvent.TAKE_OWNERSHIP || event == EscEvent.HANDOVER || event == EscEvent.REASSIGN;
    boolean declaring = event == EscEvent.DECLARE;
    boolean escalating = event == EscEvent.ESCALATE_EXTERNALLY;
    EscEventData recorded = EscEventData.builder()
        .linkedTicketId(data.linkedTicketId())
        .amsFaultNo(declaring ? amsFaultNo(ctx) : data.amsFaultNo())
        .provinceDutyNotifiedAt(declaring ? provinceDutyNotifiedAt(ctx) : data.provinceDutyNotifiedAt())
        .assigneeId(owning ? Optional.ofNullable(next.id()) : data.assigneeId())
        .assigneeHandler(owning ? Optional.ofNullable(next.handler()) : data.assigneeHandler())
        .handlerAAvailable(owning || event == EscEvent.REPORT_AVAILABILITY
            ? Optional.of(next.handlerAAvailable()) : data.handlerAAvailable())
        .handoverNote(data.handoverNote())
        .reportedToProvinceAt(escalating ? reportedToProvinceAt(ctx) : data.reportedToProvinceAt())
        .amsDevTicketNo(escalating ? amsDevTicketNo(ctx) : data.amsDevTicketNo())
        .reportedToDeveloperAt(escalating ? Optional.of(reportedToDeveloperAt(ctx).orElse(at))
            : data.reportedToDeveloperAt())
        .conclusion(data.conclusion())
        .systemProblem(data.systemProblem())
        .channel(data.channel())
        .handlingType(data.handlingType())
        .recoveryCheck(data.recoveryCheck())
        .reason(data.reason())
        .dutyLogDeliveredAt(data.dutyLogDeliveredAt())
        .faultReportRef(data.faultReportRef())
        .interventionNote(data.interventionNote())
        .weeklySummaryRef(data.weeklySummaryRef())
        .build();
    SortedMap<String, String> details = new TreeMap<>(data.details());
    details.put("peakLevel", peak.name());
    if (opening) {
      details.put("detectedAt", before.detectedAt().toString());
      before.faultStartTime().ifPresent(t -> details.put("faultStartTime", t.toString()));
      before.intakeChannel().ifPresent(c -> details.put("intakeChannel", c.name()));
      details.put("selfDiscovered", Boolean.toString(before.selfDiscovered()));
    }
    if (owning) {
      details.put("owner", next.handler() + ":" + next.id());
      before.owner().ifPresent(h -> details.put("previousOwner", h + ":" + before.ownerId().orElseThrow()));
    }
    if (owning || event == EscEvent.REPORT_AVAILABILITY) {
      details.put("handlerAAvailable", Boolean.toString(next.handlerAAvailable()));
    }
    AuditEntry.Builder audit = MACHINE.auditOf(d, event, stream(faultId), event.eventName(), actor, at)
        .putAllDetails(details);
    if (!opening) {
      audit.fromState(d.from().name());
    }
    return new Decided(d.transitionId(), List.of(), recorded, audit);
  }

  /** The lifecycle opening would create: in DETECTED, with what the facts say. */
  private static EscFault draft(String faultId, EscEventData data, Actor actor, Instant at, Level peak) {
    FaultFacts facts = data.facts().orElse(FaultFacts.empty());
    notAfter(facts.detectedAt(), at, "data.facts.detectedAt");
    for (Map.Entry<String, Optional<Instant>> t : Map.of("provinceDutyNotifiedAt", facts.provinceDutyNotifiedAt(),
        "reportedToProvinceAt", facts.reportedToProvinceAt(), "reportedToDeveloperAt",
        facts.reportedToDeveloperAt()).entrySet()) {
      notAfter(t.getValue(), at, "data.facts." + t.getKey());
    }
    return opened(faultId, facts, data.linkedTicketId(), actor.id(), at, peak);
  }

  // ------------------------------------------------------------------------------------------ folding

  /**
   * Returns the lifecycle of a fault opened at {@code at} (SM-ESC-T01): in DETECTED, with what its facts say —
   * detection (the opening when they do not say), start, intake channel, whether it was self-discovered, the
   * references already known — the linked ticket and the peak level.
   */
  public static EscFault opened(String faultId, FaultFacts facts, Optional<String> linkedTicketId, String openedBy,
      Instant at, Level peak) {
    return EscFault.builder().faultId(faultId).state(EscState.DETECTED).openedAt(at).openedBy(openedBy)
        .detectedAt(facts.detectedAt().orElse(at)).faultStartTime(facts.faultStartTime())
        .intakeChannel(facts.intakeChannel()).selfDiscovered(facts.selfDiscovered())
        .linkedTicketId(linkedTicketId).peakLevel(peak).amsFaultNo(facts.amsFaultNo())
        .provinceDutyNotifiedAt(facts.provinceDutyNotifiedAt()).reportedToProvinceAt(facts.reportedToProvinceAt())
        .amsDevTicketNo(facts.amsDevTicketNo()).reportedToDeveloperAt(facts.reportedToDeveloperAt()).build();
  }

  /**
   * Returns the lifecycle after a step of the history: a decided step's recorded data (its owner resolved), or the
   * repair, relapse or closing a host reported without the lifecycle (then {@code recorded} is empty). The state
   * follows the declared table; a reported repair recovers from any open state, a reported relapse returns to the
   * handling (or to where the fault stood before it had an owner).
   */
  public static EscFault effect(EscFault before, FaultEventType type, EscEventData recorded, Instant at,
      Level peak) {
    EscEvent event = EscEvent.of(type).orElseThrow(() -> new IllegalArgumentException(type + " is no step"));
    return before.after(event, recorded, at, target(before, event), peak);
  }

  /** The state {@code event} leaves {@code f} in. */
  private static EscState target(EscFault f, EscEvent event) {
    switch (event) {
      case MARK_REPAIRED:
        return EscState.RECOVERED;
      case RELAPSE:
        if (f.ownership().isEmpty()) {
          return f.declaredAt().isPresent() ? EscState.DECLARED : EscState.DETECTED;
        }
        return f.amsDevTicketNo().isPresent() ? EscState.HANDLING_WITH_DEVELOPER : EscState.HANDLING_SELF;
      case CLOSE:
        return EscState.CLOSED;
      default:
        Transition<EscState, EscEvent, Context> t = MACHINE.find(f.state(), event);
        return t == null || t.to() == null ? f.state() : t.to();
    }
  }

  private static void checkData(String faultId, EscEvent event, EscEventData data, Instant at) {
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

  /** Returns the audit stream of a fault, its duties and its lifecycle: {@code fault:<faultId>}. */
  public static String stream(String faultId) {
    return "fault:" + faultId;
  }
}
