package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.internal.machine.TimeOrder;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.engine.Bugs;
import org.opsbook.engine.Faults;
import org.opsbook.engine.Messages;
import org.opsbook.engine.Tickets;
import org.opsbook.engine.Workflows;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.internal.workflow.SmsDispatcher;
import org.opsbook.notify.internal.workflow.SmsWorkflow;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.bug.BugDuties;
import org.opsbook.rules.internal.bug.BugWorkflow;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.internal.cutover.CutoverWorkflow;
import org.opsbook.json.internal.CutoverCodec;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;
import org.opsbook.json.internal.DataOpCodec;
import org.opsbook.rules.internal.fault.FaultDutyService;
import org.opsbook.rules.internal.fault.ObligationEngine;
import org.opsbook.json.internal.BugJson;
import org.opsbook.json.internal.TicketJson;
import org.opsbook.rules.internal.ticket.TicketDuties;
import org.opsbook.rules.internal.ticket.TicketWorkflow;

/**
 * The engine's wiring: every service of the rules and notify modules built once over the storage ports, with the
 * directory, the clock, the calendar and the parameters the host chose. {@link org.opsbook.engine.OpsEngine} delegates
 * here. Thread-safe.
 */
public final class Engine {
  private final Ports ports;
  private final Settings settings;
  private final Actors actors;
  private final FaultDesk faults;
  private final MessageDesk messages;
  private final Workflows<DataOpTicket, DataOpEvent, DataOpEventData> modifications;
  private final Workflows<DataOpTicket, DataOpEvent, DataOpEventData> extractions;
  private final Workflows<CutoverTicket, CutoverEvent, CutoverEventData> cutovers;
  private final BugDesk bugs;
  private final TicketDesk tickets;
  private final Loops loops;

  /** Wires the engine over {@code ports} as {@code settings} say. */
  public Engine(Ports ports, Settings settings) {
    this.ports = checkNotNull(ports, "ports");
    this.settings = checkNotNull(settings, "settings");
    this.actors = new Actors(settings.directory(), settings.staffKinds());
    ObligationEngine rules = new ObligationEngine(settings.parameters(), settings.calendar());
    var clock = settings.clock();
    var params = settings.parameters();
    var calendar = settings.calendar();
    this.faults = new FaultDesk(new FaultDutyService(ports.faults(), ports.obligations(), rules,
        TimeOrder.DEFAULT_SKEW), ports.faults(),
        new BriefingLog(ports.auditLog()), actors, clock);
    SmsWorkflow sms = SmsWorkflow.builder().workflows(ports.workflows()).outbox(ports.outbox())
        .directory(settings.directory()).config(NotifyConfig.defaults()).clock(clock).build();
    this.messages = new MessageDesk(sms, faults, ports.workflows(), ports.auditLog(), actors, clock, ports.outbox(),
        this::dispatcher);
    // the people a data operation's step names (a form's approver, the developer, the city monitor) are the
    // directory's, not what the caller says of them
    this.modifications = new StoredFamily<>(new WorkflowStore<>(ports.workflows(),
        DataOpWorkflow.modification(params), DataOpCodec.instance(), clock), actors, clock,
        data -> data.withPeopleFrom(actors::actor), t -> DataOpTicket.draft(t.id(), t.op()),
        "DataOpTicket.draft(id, op)");
    this.extractions = new StoredFamily<>(new WorkflowStore<>(ports.workflows(),
        DataOpWorkflow.extraction(params, calendar), DataOpCodec.instance(), clock), actors, clock,
        data -> data.withPeopleFrom(actors::actor), t -> DataOpTicket.draft(t.id(), t.op()),
        "DataOpTicket.draft(id, op)");
    this.cutovers = new StoredFamily<>(new WorkflowStore<>(ports.workflows(), new CutoverWorkflow(calendar, params),
        CutoverCodec.instance(), clock), actors, clock, data -> data.withPeopleFrom(actors::actor),
        t -> CutoverTicket.draft(t.id(), t.facts()), "CutoverTicket.draft(id, facts)");
    this.bugs = new BugDesk(new WorkflowStore<>(ports.workflows(), new BugWorkflow(params), new BugJson(), clock),
        ports.obligations(), actors, clock, (bug, now) -> BugDuties.of(bug, now, params, calendar.zone()),
        (duty, now) -> BugDuties.repeatsAt(duty, now, calendar.zone()));
    this.tickets = new TicketDesk(new WorkflowStore<>(ports.workflows(),
        new TicketWorkflow(settings.roster(), calendar.zone()), new TicketJson(), clock), ports.obligations(), actors,
        clock, (ticket, now) -> TicketDuties.of(ticket, now, params, calendar),
        (duty, now) -> TicketDuties.repeatsAt(duty, now, params, calendar), new TicketDesk.LinkedFlows(
            faultId -> faultLink(faults.load(faultId)),
            bugId -> bugs.find(bugId).map(b -> b.state() == BugState.RESOLVED || b.state() == BugState.CLOSED),
            dataOpId -> modifications.find(dataOpId).map(d -> d.state() == DataOpState.CLOSED)));
    this.loops = new Loops(this, settings);
  }

  /**
   * A fault a ticket links to: empty when never opened, else whether it is resolved, repaired or closed
   * (SM-TICKET-T15).
   */
  private static Optional<Boolean> faultLink(FaultTracker fault) {
    return fault.version() == 0 ? Optional.empty()
        : Optional.of(fault.repairedAt().isPresent() || fault.isClosed());
  }

  /** The outbox loop's dispatcher, which the loops build after the desks. */
  private SmsDispatcher dispatcher() {
    return loops.dispatcher();
  }

  /** Returns the storage ports. */
  public Ports ports() {
    return ports;
  }

  /** Returns the settings. */
  public Settings settings() {
    return settings;
  }

  Actors actors() {
    return actors;
  }

  FaultDesk faultDesk() {
    return faults;
  }

  MessageDesk messageDesk() {
    return messages;
  }

  /** Returns the faults. */
  public Faults faults() {
    return faults;
  }

  /** Returns the SMS workflow. */
  public Messages messages() {
    return messages;
  }

  /** Returns SM-DATAOP-MOD. */
  public Workflows<DataOpTicket, DataOpEvent, DataOpEventData> modifications() {
    return modifications;
  }

  /** Returns SM-DATAOP-EXT. */
  public Workflows<DataOpTicket, DataOpEvent, DataOpEventData> extractions() {
    return extractions;
  }

  /** Returns SM-CUTOVER. */
  public Workflows<CutoverTicket, CutoverEvent, CutoverEventData> cutovers() {
    return cutovers;
  }

  /** Returns SM-BUG. */
  public Bugs bugs() {
    return bugs;
  }

  /** Returns SM-TICKET. */
  public Tickets tickets() {
    return tickets;
  }

  /**
   * Puts back the duty timers of open faults, live BUGs and live complaint tickets that a process which died between
   * storing a step and scheduling its duties left missing. A subject that fails keeps no other waiting; the first
   * failure is thrown at the end.
   */
  void restoreTimers() {
    Loops.eachApart(List.<Runnable>of(
        () -> Loops.eachApart(ports.faults().openFaults(), f -> faults.restoreTimers(f.faultId())),
        bugs::restoreTimers, tickets::restoreTimers), Runnable::run);
  }

  /**
   * Returns true unless the subject of the due timer {@code key} (a fault, {@code bug:<id>} or {@code ticket:<id>})
   * says, by its stored history, that it no longer owes the duty. A step that ends a duty cancels its timer in a
   * second write, which a process that died in between never made; the engine asks this before it reminds anyone, so
   * that such a timer fires into nothing instead of a reminder of a duty already ended.
   */
  boolean owes(ObligationKey key) {
    for (DutyFamily<?, ?, ?> family : List.<DutyFamily<?, ?, ?>>of(bugs, tickets)) {
      Optional<Boolean> owes = family.owes(key);
      if (owes.isPresent()) {
        return owes.get();
      }
    }
    return faults.owes(key);
  }

  /**
   * Returns when the recurring duty {@code duty}, undone at {@code now}, falls due again: the next interval of its
   * series, by the family that owes it; empty for a one-off duty or a series without an interval.
   */
  Optional<Instant> repeatsAt(Obligation duty, Instant now) {
    for (DutyFamily<?, ?, ?> family : List.<DutyFamily<?, ?, ?>>of(bugs, tickets)) {
      if (family.holds(duty.key())) {
        return family.repeatsAt(duty, now);
      }
    }
    return faults.repeatsAt(duty, now);
  }

  /** Returns the audit checkpoints the engine kept in the audit log (its default sink), oldest first. */
  public java.util.List<org.opsbook.core.spi.AuditLog.AuditCheckpoint> checkpoints() {
    return Checkpoints.kept(ports.auditLog());
  }

  /** Runs the due work at the clock's time; returns {duties reminded, messages sent, checkpoints taken}. */
  public int[] runDueWork() {
    return loops.runDueWork(settings.clock().instant());
  }

  /** Returns when the next duty timer falls due. */
  public Optional<Instant> nextDueAt() {
    return loops.nextDueAt();
  }

  /** Starts the loops. */
  public void start() {
    Defaults.warnIfCalendarEnds(settings.calendar(), settings.clock().instant());
    loops.start();
  }

  /** Returns true while the loops run. */
  public boolean isRunning() {
    return loops.isRunning();
  }

  /** Stops the loops and waits for the work in flight; the engine may start again. */
  public boolean stop() throws InterruptedException {
    return loops.stop();
  }

  /** Stops the loops, waits for the work in flight, and releases the pool the engine opened. */
  public boolean close() throws InterruptedException {
    try {
      return loops.stop();
    } finally {
      ports.onClose().run();
    }
  }
}
