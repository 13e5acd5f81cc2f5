package org.opsbook.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.machine.WorkflowStore;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutboxState;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.json.Codecs;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.workflow.DrainReport;
import org.opsbook.notify.workflow.SmsDispatcher;
import org.opsbook.notify.workflow.SmsMessage;
import org.opsbook.notify.workflow.SmsStep;
import org.opsbook.notify.workflow.SmsWorkflow;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverWorkflow;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.DataOpWorkflow;
import org.opsbook.rules.duty.FaultDutyService;
import org.opsbook.rules.duty.ObligationEngine;

/**
 * opsbook wired over one database as a host application wires it: storage ({@link OpsJdbc}, migrated on open), the
 * fault duties ({@link FaultDutyService}), the SMS review workflow and its outbox dispatcher, the data-operation and
 * cutover workflows persisted through {@link WorkflowStore}, the directory of people, the NOTIFY-REVIEW-03 briefing
 * record and a console SMS gateway. Shared by {@code ./opsbook demo} and {@code ./opsbook serve}. Thread-safe as the
 * library's services are; close it to release the connection pool.
 */
public final class OpsHost implements AutoCloseable {
  private final Database database;
  private final OpsJdbc jdbc;
  private final int migrationsApplied;
  private final ObligationEngine engine;
  private final People people;
  private final FaultDutyService faults;
  private final SmsWorkflow sms;
  private final SmsDispatcher dispatcher;
  private final Briefings briefings;
  private final WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> modifications;
  private final WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> extractions;
  private final WorkflowStore<CutoverTicket, CutoverEvent, CutoverEventData> cutovers;

  private OpsHost(Database database, OpsJdbc jdbc, int migrationsApplied, MessageGateway gateway, String owner) {
    this.database = database;
    this.jdbc = jdbc;
    this.migrationsApplied = migrationsApplied;
    this.engine = ObligationEngine.standard();
    this.people = People.demo();
    OpsParameters params = engine.parameters();
    WorkCalendar calendar = engine.calendar();
    this.faults = new FaultDutyService(jdbc.faults(), jdbc.obligations(), engine);
    this.sms = SmsWorkflow.builder().workflows(jdbc.workflows()).outbox(jdbc.outbox())
        .directory(people.directory()).build();
    this.dispatcher = SmsDispatcher.builder().outbox(jdbc.outbox()).gateway(gateway).workflows(jdbc.workflows())
        .directory(people.directory()).auditLog(jdbc.auditLog()).owner(owner).build();
    this.briefings = new Briefings(jdbc.auditLog());
    this.modifications = new WorkflowStore<>(jdbc.workflows(), DataOpWorkflow.modification(params),
        Codecs.dataOps());
    this.extractions = new WorkflowStore<>(jdbc.workflows(), DataOpWorkflow.extraction(params, calendar),
        Codecs.dataOps());
    this.cutovers = new WorkflowStore<>(jdbc.workflows(), new CutoverWorkflow(calendar, params),
        Codecs.cutovers());
  }

  /**
   * Opens the database, creating and migrating it when needed, and wires the library over it.
   *
   * @param gateway where released SMS go
   * @param owner this process's name as outbox lease owner and audit actor of deliveries
   */
  public static OpsHost open(Database database, MessageGateway gateway, String owner) {
    checkNotNull(gateway, "gateway");
    OpsJdbc jdbc = OpsJdbc.open(database.url(), 4);
    try {
      int applied = jdbc.migrate();
      return new OpsHost(database, jdbc, applied, gateway, owner);
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
  }

  /** Returns where the data is. */
  public Database database() {
    return database;
  }

  /** Returns how many schema migrations {@link #open} applied (all of them on first use, then none). */
  public int migrationsApplied() {
    return migrationsApplied;
  }

  /** Returns the storage. */
  public OpsJdbc jdbc() {
    return jdbc;
  }

  /** Returns the obligations engine (catalog §15 parameters, Monday–Friday in Asia/Shanghai). */
  public ObligationEngine engine() {
    return engine;
  }

  /** Returns the directory. */
  public People people() {
    return people;
  }

  /** Returns the fault duties over the stored histories and timers. */
  public FaultDutyService faults() {
    return faults;
  }

  /** Returns the SM-SMS workflow. */
  public SmsWorkflow sms() {
    return sms;
  }

  /** Returns the outbox dispatcher. */
  public SmsDispatcher dispatcher() {
    return dispatcher;
  }

  /** Returns the briefing record of NOTIFY-REVIEW-03. */
  public Briefings briefings() {
    return briefings;
  }

  /** Returns the stored SM-DATAOP-MOD tickets. */
  public WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> modifications() {
    return modifications;
  }

  /** Returns the stored SM-DATAOP-EXT tickets. */
  public WorkflowStore<DataOpTicket, DataOpEvent, DataOpEventData> extractions() {
    return extractions;
  }

  /** Returns the stored SM-CUTOVER cutovers. */
  public WorkflowStore<CutoverTicket, CutoverEvent, CutoverEventData> cutovers() {
    return cutovers;
  }

  /**
   * Releases an approved message through the 68284 desk and delivers it: {@link SmsWorkflow#release} with the
   * fault's current facts (class D follows the complaint level, NOTIFY-RCPT-04) and, for a notification, the recorded
   * briefing (NOTIFY-REVIEW-03); then one outbox round through the gateway; then the fault records the sending, which
   * discharges its NOTIFY-TRIG duty.
   *
   * @param sender who mass-sends (the 68284 desk)
   * @return the release step (a refusal changes nothing) and what the outbox round did
   * @throws InvalidInputException naming {@code key} when no such message is planned
   */
  public Released release(SmsKey key, Person sender, Instant now) {
    SmsMessage m = sms.find(key).orElseThrow(() -> new InvalidInputException("key", "no message " + key));
    FaultFacts facts = faults.load(key.faultId()).facts();
    Briefing briefing = key.type() == MessageType.NOTIFICATION ? briefings.of(key.faultId()) : Briefing.none();
    SmsStep step = sms.release(key, sender.toActor(), m.record().approvedText().orElse(null), briefing, facts, now);
    if (!step.accepted()) {
      return new Released(step, null, false);
    }
    DrainReport drain = dispatcher.drainOnce(now);
    Optional<OutboxMessage> out = jdbc.outbox().find(key.toString());
    boolean delivered = out.isPresent() && out.get().state() == OutboxState.SENT;
    if (delivered) {
      faults.record(key.faultId(), sentEvent(key.type()), now, sender.id());
    }
    return new Released(step, drain, delivered);
  }

  /** Returns the person of the 68284 desk who mass-sends. */
  public Person desk() {
    return people.holding(Role.DUTY_68284);
  }

  private static FaultEventType sentEvent(MessageType type) {
    return switch (type) {
      case NOTIFICATION -> FaultEventType.NOTIFICATION_SENT;
      case FOLLOW_UP -> FaultEventType.FOLLOW_UP_SENT;
      case RECOVERY -> FaultEventType.RECOVERY_SENT;
      case BUG_NOTICE -> throw new InvalidInputException("key", "the BUG notice is posted, not sent as an SMS");
    };
  }

  /**
   * The outcome of {@link #release}.
   *
   * @param step the SM-SMS massSend step
   * @param drain the outbox round, or null when the release was refused
   * @param delivered true when the gateway accepted the message
   */
  public record Released(SmsStep step, DrainReport drain, boolean delivered) {}

  /** Returns a clock-independent description for logs. */
  @Override
  public String toString() {
    return "OpsHost{" + database.describe() + "}";
  }

  @Override
  public void close() {
    jdbc.close();
  }
}
