package org.opsbook.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.engine.internal.Defaults;
import org.opsbook.engine.internal.Engine;
import org.opsbook.engine.internal.Ports;
import org.opsbook.engine.internal.Settings;
import org.opsbook.engine.internal.Storage;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.rules.cutover.CutoverEvent;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.ticket.DutyRoster;

/**
 * API: the operations manual as one engine a host embeds, in the spirit of db-scheduler's {@code Scheduler}. Build it
 * once over a database (migrated on build) or the storage ports, with the host's directory of people, SMS gateway and
 * duty reminder; reach the faults, the SMS workflow, the data operations, the cutovers, the BUGs and the complaint
 * tickets through it; and {@link #start()} it: the duty timers and the SMS outbox then run on its own threads until
 * {@link #close()}.
 *
 * <pre>{@code
 * try (OpsEngine engine = OpsEngine.builder().dataSource(dataSource).auditKey(keyStore.opsbookAuditKey())
 *     .directory(people).gateway(sms).reminder((duty, owing) -> pager.page(owing, duty.action())).build()) {
 *   engine.start();
 *   engine.faults().open("F-1", facts, "zhangsan");
 *   ...
 * }
 * }</pre>
 *
 * <p>Under a simulated clock a host leaves the threads off and steps the loops itself with {@link #runDueWork()}.
 * Every acting person is named by ID and resolved in the directory. Thread-safe.
 */
public final class OpsEngine implements AutoCloseable {
  private final Engine engine;

  private OpsEngine(Engine engine) {
    this.engine = engine;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the faults: facts, events, lifecycle, duties and the briefing before a notification. */
  public Faults faults() {
    return engine.faults();
  }

  /** Returns the SMS workflow: plan, draft, submit, approve, reject, release. */
  public Messages messages() {
    return engine.messages();
  }

  /** Returns the data modifications (SM-DATAOP-MOD). */
  public Workflows<DataOpTicket, DataOpEvent, DataOpEventData> modifications() {
    return engine.modifications();
  }

  /** Returns the data extractions (SM-DATAOP-EXT). */
  public Workflows<DataOpTicket, DataOpEvent, DataOpEventData> extractions() {
    return engine.extractions();
  }

  /** Returns the cutovers (SM-CUTOVER). */
  public Workflows<CutoverTicket, CutoverEvent, CutoverEventData> cutovers() {
    return engine.cutovers();
  }

  /** Returns the BUGs (SM-BUG) and their duties. */
  public Bugs bugs() {
    return engine.bugs();
  }

  /** Returns the complaint tickets (SM-TICKET) and their duties. */
  public Tickets tickets() {
    return engine.tickets();
  }

  /** Returns the audit log every step writes to (read it, verify its chains). */
  public AuditLog auditLog() {
    return engine.ports().auditLog();
  }

  /**
   * Returns the checkpoints of the audit heads the engine kept in the audit log (what it takes every {@link
   * Builder#checkpointInterval} when no {@link Builder#checkpointSink} was given), oldest first: after each start a
   * full checkpoint, then deltas chained to it. A host verifies the log against them all with {@code
   * auditLog().verifyAgainst(checkpoints)} (or against one full checkpoint alone): a stream cut back or deleted since
   * is named with its first missing record, and a checkpoint dropped from the chain or forged is reported.
   */
  public List<AuditCheckpoint> checkpoints() {
    return engine.checkpoints();
  }

  /**
   * Reads which key the audit log's seal verifies under now, from its sealed global counter (one row): {@code
   * THIS_KEY} while the engine may append ({@code NONE} before the first record). {@code DEMO_KEY} or {@code
   * OTHER_KEY} say the log was re-keyed since the engine was built, by {@link OpsJdbc#rekeyAudit} under a key this
   * engine does not hold: it refuses every write until it is rebuilt with that key. A host's health check reports
   * it. Empty for an engine built from the host's {@link Builder#ports}.
   *
   * @throws org.opsbook.core.StorageException when the database cannot be read
   */
  public Optional<OpsJdbc.AuditSeal> auditSeal() {
    return engine.ports().seal().get();
  }

  /**
   * Returns true when the engine seals its audit log with the published demo key ({@link Builder#demoAuditKey}, or an
   * in-memory database given no key): anyone who can write the log's tables could forge records. False when it seals
   * under the host's {@link Builder#auditKey}, or runs on the host's own ports.
   */
  public boolean sealsWithDemoKey() {
    return engine.ports().demoKey();
  }

  /** Returns the directory of people. */
  public Directory directory() {
    return engine.settings().directory();
  }

  /** Returns the parameters. */
  public OpsParameters parameters() {
    return engine.settings().parameters();
  }

  /** Returns the working-day calendar. */
  public WorkCalendar calendar() {
    return engine.settings().calendar();
  }

  /** Returns the clock every step reads its time from. */
  public Clock clock() {
    return engine.settings().clock();
  }

  /** Returns how many schema migrations building the engine applied (0 when built from ports). */
  public int migrationsApplied() {
    return engine.ports().migrationsApplied();
  }

  /**
   * Starts the duty timers and the SMS outbox on the engine's threads.
   *
   * @throws IllegalStateException when already started
   */
  public void start() {
    engine.start();
  }

  /**
   * Stops the duty timers and the SMS outbox and waits for the round in progress, up to the
   * {@linkplain Builder#stopTimeout stop timeout}; the storage stays open and {@link #start()} may start them again.
   * What a context's stop and start do (the Spring starter's lifecycle); {@link #close()} ends the engine.
   *
   * @return true when the loops ended in time; false when a round (a send, a reminder) was still in progress
   */
  public boolean stop() {
    try {
      return engine.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns true between {@link #start()} and {@link #stop()} or {@link #close()}. */
  public boolean isRunning() {
    return engine.isRunning();
  }

  /**
   * Does the work due at the clock's time, on the caller's thread: sends what the outbox holds and records each
   * sending in its fault's history, then reminds every due duty, then takes the audit checkpoint if one is due. For
   * hosts on a simulated clock; storage errors propagate.
   *
   * @return what was done
   */
  public DueWork runDueWork() {
    checkState(!engine.isRunning(), "the engine's own threads run the loops; runDueWork is for a stopped engine");
    int[] done = engine.runDueWork();
    return new DueWork(done[0], done[1], done[2]);
  }

  /** Returns when the next duty timer falls due, if any is pending. */
  public Optional<Instant> nextDueAt() {
    return engine.nextDueAt();
  }

  /**
   * Stops the loops, waits for the round in progress, and closes the pool the engine opened ({@link
   * Builder#database}); a host's own {@code DataSource} stays open.
   */
  @Override
  public void close() {
    try {
      engine.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What {@link #runDueWork()} did.
   *
   * @param dutiesReminded due duties handed to the reminder
   * @param messagesSent SMS the gateway accepted
   * @param checkpointsTaken audit checkpoints taken and exported (0 or 1)
   */
  public record DueWork(int dutiesReminded, int messagesSent, int checkpointsTaken) {}

  /** Builds an {@link OpsEngine}; not thread-safe. */
  public static final class Builder {
    /** The most characters an instance's {@link #owner(String) owner} name may have. */
    public static final int MAX_OWNER_LENGTH = 100;

    private DataSource dataSource;
    private byte[] auditKey;
    private boolean demoAuditKey;
    private String url;
    private int poolSize = 4;
    private Ports ports;
    private Directory directory;
    private MessageGateway gateway;
    private DutyReminder reminder;
    private WorkCalendar calendar = StandardWorkCalendar.weekdays();
    private Clock clock = Clock.systemUTC();
    private OpsParameters parameters = OpsParameters.defaults();
    private Function<Person, ActorKind> staffKinds = p -> ActorKind.CITY_STAFF;
    private StorageErrorListener errors;
    private ThreadFactory threads = Defaults.daemonThreads();
    private ScheduledExecutorService executor;
    private String owner = Defaults.uniqueOwner();
    private Duration outboxInterval = Duration.ofSeconds(1);
    private Duration stopTimeout = Duration.ofSeconds(30);
    private Duration checkpointInterval = Duration.ofHours(1);
    private CheckpointSink checkpointSink;
    private DutyRoster roster = (duty, date) -> Optional.empty();

    private Builder() {}

    /** Runs on the host's {@code DataSource} (PostgreSQL or H2), migrating its schema; the host closes its pool. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = checkNotNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Runs on a pool of {@code poolSize} the engine opens on {@code jdbcUrl} and closes with itself: H2's own pool for
     * an H2 URL, HikariCP for any other ({@code com.zaxxer:HikariCP} on the class path; {@link #build()} names it when
     * missing).
     *
     * @throws IllegalArgumentException naming {@code poolSize} when it is below 1
     */
    public Builder database(String jdbcUrl, int poolSize) {
      checkArgument(poolSize > 0, "poolSize must be > 0: %s", poolSize);
      this.url = checkNotNull(jdbcUrl, "jdbcUrl");
      this.poolSize = poolSize;
      return this;
    }

    /**
     * Seals the audit log of the engine's database ({@link #dataSource}, {@link #database}) under {@code key}, the
     * host's secret kept outside the database (a key store, an environment secret), with HMAC-SHA256: someone who can
     * write the tables cannot forge, rewrite or cut a record without it. Required for a database that outlives the
     * process (PostgreSQL, an H2 file); an in-memory H2 database is sealed with the published demo key unless given
     * one. Every engine over one database needs the same key. Host {@link #ports} carry their own audit log.
     *
     * @param key at least 32 bytes, copied
     * @throws IllegalArgumentException naming {@code auditKey} when it is shorter
     */
    public Builder auditKey(byte[] key) {
      checkArgument(checkNotNull(key, "auditKey").length >= 32, "auditKey needs at least 32 bytes, not %s",
          key.length);
      this.auditKey = key.clone();
      return this;
    }

    /**
     * Seals the audit log of the engine's database with the published demo key, with which anyone who can write its
     * tables can forge records: for demos and tests on a database that outlives the process, which {@link #build()}
     * otherwise refuses without an {@link #auditKey}. The engine logs a warning when it is built so.
     */
    public Builder demoAuditKey() {
      this.demoAuditKey = true;
      return this;
    }

    /** Runs on the host's own storage ports instead of a database. */
    public Builder ports(FaultRepository faults, ObligationRepository obligations, WorkflowRepository workflows,
        MessageOutbox outbox, AuditLog auditLog) {
      this.ports = new Ports(faults, obligations, workflows, outbox, auditLog);
      return this;
    }

    /** Sets the directory of people: roles, recipient classes, phones (required). */
    public Builder directory(Directory directory) {
      this.directory = checkNotNull(directory, "directory");
      return this;
    }

    /** Sets the SMS platform (required). */
    public Builder gateway(MessageGateway gateway) {
      this.gateway = checkNotNull(gateway, "gateway");
      return this;
    }

    /** Sets how a due duty reaches a person (default: logged through SLF4J at INFO, the directory's names masked). */
    public Builder reminder(DutyReminder reminder) {
      this.reminder = checkNotNull(reminder, "reminder");
      return this;
    }

    /** Sets the working-day calendar (default: Monday to Friday in Asia/Shanghai). */
    public Builder calendar(WorkCalendar calendar) {
      this.calendar = checkNotNull(calendar, "calendar");
      return this;
    }

    /** Sets the clock (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** Sets the parameters (default: catalog §15). */
    public Builder parameters(OpsParameters parameters) {
      this.parameters = checkNotNull(parameters, "parameters");
      return this;
    }

    /**
     * Sets the staff kind of each person of the directory (default: everyone is city staff): the data-operation rules
     * tell developers on site or remote from branch staff. It is the directory's knowledge, never a caller's claim.
     */
    public Builder staffKinds(Function<Person, ActorKind> staffKinds) {
      this.staffKinds = checkNotNull(staffKinds, "staffKinds");
      return this;
    }

    /**
     * Sets who hears of the loops' storage errors (default: logged through SLF4J at WARN, phone numbers and the
     * directory's names masked).
     */
    public Builder storageErrors(StorageErrorListener listener) {
      this.errors = checkNotNull(listener, "listener");
      return this;
    }

    /** Sets where the loops' threads come from (default: daemon threads {@code opsbook-engine-N}). */
    public Builder threads(ThreadFactory threads) {
      this.threads = checkNotNull(threads, "threads");
      return this;
    }

    /** Runs the outbox loop on the host's executor, which the engine then neither creates nor shuts down. */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = checkNotNull(executor, "executor");
      return this;
    }

    /**
     * Sets this instance's name as lease owner and actor of deliveries (default: unique per instance), at most
     * {@value #MAX_OWNER_LENGTH} characters.
     *
     * @throws IllegalArgumentException naming {@code owner} when it is blank or longer
     */
    public Builder owner(String owner) {
      checkArgument(!checkNotNull(owner, "owner").isBlank(), "owner must not be blank");
      // leases and deliveries record it in columns of bounded width; refused here rather than by the loops' writes
      checkArgument(owner.length() <= MAX_OWNER_LENGTH, "owner has at most %s characters, not %s", MAX_OWNER_LENGTH,
          owner.length());
      this.owner = owner;
      return this;
    }

    /**
     * Sets the pause between outbox rounds (default: 1 s).
     *
     * @throws IllegalArgumentException naming {@code outboxInterval} when it is shorter than a millisecond (the loop
     *     is scheduled in whole milliseconds)
     */
    public Builder outboxInterval(Duration interval) {
      checkArgument(checkNotNull(interval, "interval").toMillis() >= 1, "outboxInterval must be at least 1 ms: %s",
          interval);
      this.outboxInterval = interval;
      return this;
    }

    /**
     * Sets how long {@link OpsEngine#close()} waits for the work in flight (default: 30 s).
     *
     * @throws IllegalArgumentException naming {@code stopTimeout} when it is negative
     */
    public Builder stopTimeout(Duration timeout) {
      checkArgument(!checkNotNull(timeout, "timeout").isNegative(), "stopTimeout must not be negative: %s", timeout);
      this.stopTimeout = timeout;
      return this;
    }

    /**
     * Sets how often, by the engine's clock, the heads of every audit stream are checkpointed and exported (default: 1
     * hour; zero for never). The first checkpoint falls one interval after the engine is built.
     *
     * @throws IllegalArgumentException naming {@code checkpointInterval} when it is negative (which would take a
     *     checkpoint at every round)
     */
    public Builder checkpointInterval(Duration interval) {
      checkArgument(!checkNotNull(interval, "interval").isNegative(), "checkpointInterval must not be negative: %s",
          interval);
      this.checkpointInterval = interval;
      return this;
    }

    /** Sets where the audit checkpoints go (default: kept in the audit log, {@link OpsEngine#checkpoints()}). */
    public Builder checkpointSink(CheckpointSink sink) {
      this.checkpointSink = checkNotNull(sink, "sink");
      return this;
    }

    /**
     * Sets who holds the day's billing-declaration and data-modification duty, to whom a complaint ticket is handed
     * (TICKET-13, TICKET-14; default: no one, so such a hand-off is refused naming the rule).
     */
    public Builder dutyRoster(DutyRoster roster) {
      this.roster = checkNotNull(roster, "roster");
      return this;
    }

    /**
     * Builds the engine, migrating the database when built from one.
     *
     * @throws IllegalStateException when no storage, directory or gateway was given, or more than one storage; naming
     *     {@code auditKey} when a database that outlives the process was given without an {@link #auditKey} (or
     *     {@link #demoAuditKey}); or naming HikariCP when a {@link #database} URL other than H2's needs it and the
     *     class path lacks it
     * @throws org.opsbook.core.InvalidInputException naming {@code phone} when the directory lists one mobile number
     *     under two IDs (one person, one ID: the separation of duties compares IDs)
     * @throws org.opsbook.core.StorageException when the database cannot be opened or migrated
     */
    public OpsEngine build() {
      int storages = (dataSource != null ? 1 : 0) + (url != null ? 1 : 0) + (ports != null ? 1 : 0);
      checkState(storages == 1, "give exactly one of dataSource, database or ports");
      checkState(auditKey == null || !demoAuditKey, "give at most one of auditKey and demoAuditKey");
      checkState(ports == null || (auditKey == null && !demoAuditKey),
          "auditKey and demoAuditKey seal a database's audit log; host ports carry their own");
      checkState(directory != null, "a directory is required");
      checkState(gateway != null, "a gateway is required");
      Supplier<Masking.Names> names = Defaults.liveNames(directory, Defaults.checkedNames(directory),
          System::nanoTime, Duration.ofMinutes(1));
      Settings settings = new Settings(directory, gateway,
          reminder != null ? reminder : Defaults.loggingReminder(names), calendar, clock, parameters, staffKinds,
          errors != null ? errors : Defaults.loggingErrors(names), threads, executor, owner, outboxInterval,
          stopTimeout, checkpointInterval, checkpointSink, roster);
      Storage.Seal seal = new Storage.Seal(auditKey, demoAuditKey);
      Ports p = ports != null ? ports
          : dataSource != null ? Storage.over(dataSource, seal) : Storage.open(url, poolSize, seal);
      try {
        return new OpsEngine(new Engine(p, settings));
      } catch (RuntimeException e) {
        p.onClose().run();
        throw e;
      }
    }
  }
}
