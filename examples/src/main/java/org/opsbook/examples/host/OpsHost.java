package org.opsbook.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.core.time.MutableClock;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.OpsEngine;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.jdbc.OpsJdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example applications' host: the {@link OpsEngine} over one database with the demo's directory of people, a
 * console SMS gateway and the host's duty reminder, on a clock the host sets (the demo's simulated day, or the
 * dashboard's "later of the wall clock and the data"). Shared by {@code ./opsbook demo} and {@code ./opsbook serve}.
 * Close it to stop the engine and release its connection pool.
 */
public final class OpsHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("org.opsbook.examples");

  private final Database database;
  private final People people;
  private final MutableClock clock;
  private final OpsEngine engine;

  private OpsHost(Database database, People people, MutableClock clock, OpsEngine engine) {
    this.database = database;
    this.people = people;
    this.clock = clock;
    this.engine = engine;
  }

  /**
   * Opens the database, creating and migrating it when needed, and builds the engine over it.
   *
   * @param gateway where released SMS go
   * @param reminder how a due duty reaches its person
   * @param owner this process's name as outbox lease owner and audit actor of deliveries
   * @param clock the clock the engine reads, which the host sets
   */
  public static OpsHost open(Database database, MessageGateway gateway, DutyReminder reminder, String owner,
      MutableClock clock) {
    return open(database, People.demo(), StandardWorkCalendar.weekdays(), gateway, reminder, owner, clock);
  }

  /**
   * Opens the database with a directory of people and a working-day calendar of the host's.
   *
   * @param people who is in the directory (the demo's, or a people file's)
   * @param calendar the working days (TIME-02)
   */
  public static OpsHost open(Database database, People people, WorkCalendar calendar, MessageGateway gateway,
      DutyReminder reminder, String owner, MutableClock clock) {
    return open(database, people, calendar, gateway, reminder, null, owner, clock);
  }

  /**
   * Opens the database as above, telling {@code storageErrors} of the engine loops' storage errors.
   *
   * @param storageErrors who hears of the loops' storage errors; null for the engine's logging default
   */
  public static OpsHost open(Database database, People people, WorkCalendar calendar, MessageGateway gateway,
      DutyReminder reminder, StorageErrorListener storageErrors, String owner, MutableClock clock) {
    checkNotNull(database, "database");
    checkNotNull(people, "people");
    OpsEngine.Builder b = OpsEngine.builder().database(database.url(), 4).directory(people.directory())
        .calendar(checkNotNull(calendar, "calendar")).staffKinds(People::kindOf).gateway(gateway).reminder(reminder)
        .owner(owner).clock(clock);
    if (storageErrors != null) {
      b.storageErrors(storageErrors);
    }
    if (database.makeFolder() && LOG.isWarnEnabled()) {
      LOG.warn("the data folder {} may be entered by others than its owner: its database holds people's names and"
          + " mobile numbers, and its lock file lets whoever reads it join the database; chmod 700 it",
          database.dataFolder());
    }
    Optional<byte[]> key = database.auditKey(System.getenv());
    key.filter(k -> database.embedded()).ifPresent(k -> resealFromDemoKey(database, k));
    key.ifPresentOrElse(b::auditKey, b::demoAuditKey);
    OpsEngine engine = b.build();
    database.restrictFiles();
    return new OpsHost(database, people, clock, engine);
  }

  /**
   * Re-seals, once, an embedded database written before the host kept a key of its own (under the published demo key)
   * under its key; the engine refuses such a log under another key. Done while no engine of this host runs on it.
   */
  private static void resealFromDemoKey(Database database, byte[] key) {
    if (!database.written()) {
      return; // a new database: the engine makes it, sealed under the key from the start
    }
    try (OpsJdbc jdbc = OpsJdbc.open(database.url(), 2)) {
      OpsJdbc keyed = jdbc.withAuditKey(key);
      if (keyed.auditSeal() == OpsJdbc.AuditSeal.DEMO_KEY) {
        List<AuditLog.AuditVerification> result = keyed.rekeyAuditFromDemoKey();
        if (result.stream().anyMatch(v -> !v.intact())) {
          throw new IllegalStateException("the audit log in " + database.describe() + " does not verify under the"
              + " demo key it was sealed under, so it was not re-sealed: " + result.get(0));
        }
        LOG.info("re-sealed the audit log in {} under its own key ({} streams)", database.describe(), result.size());
      }
    }
  }

  /** Moves the engine's clock to {@code t} when that is later than its time; never back. */
  public void advanceClockTo(Instant t) {
    synchronized (clock) {
      if (t.isAfter(clock.instant())) {
        clock.set(t);
      }
    }
  }

  /** Returns where the data is. */
  public Database database() {
    return database;
  }

  /** Returns the engine. */
  public OpsEngine engine() {
    return engine;
  }

  /** Returns the directory. */
  public People people() {
    return people;
  }

  /** Returns the clock the engine reads. */
  public MutableClock clock() {
    return clock;
  }

  /** Returns the person of the 68284 desk who mass-sends. */
  public Person desk() {
    return people.holding(Role.DUTY_68284);
  }

  /** Returns a clock-independent description for logs. */
  @Override
  public String toString() {
    return "OpsHost{" + database.describe() + "}";
  }

  @Override
  public void close() {
    engine.close();
  }
}
