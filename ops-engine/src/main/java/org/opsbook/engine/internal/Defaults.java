package org.opsbook.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.StorageErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's defaults: logging listeners, daemon threads, an owner name unique to this instance. */
public final class Defaults {
  private static final Logger LOG = LoggerFactory.getLogger("org.opsbook.engine");

  private Defaults() {}

  /**
   * Logs each storage error at WARN, every message in its cause chain with phone numbers and the directory's names
   * masked.
   */
  public static StorageErrorListener loggingErrors(Supplier<Masking.Names> names) {
    return (loop, error) -> {
      if (LOG.isWarnEnabled()) {
        LOG.warn("opsbook {} loop: {}", loop, masked(error, names.get()));
      }
    };
  }

  /** How many days ahead of the clock the end of the calendar's holidays is warned of at the engine's start. */
  public static final int CALENDAR_WARNING_DAYS = 60;

  /**
   * Returns the warning the engine logs at its start when the calendar's holidays end less than
   * {@link #CALENDAR_WARNING_DAYS} days after {@code now}, or have ended (TIME-02): deadlines counted across a statutory
   * holiday after {@link WorkCalendar#knownThrough()} come too early. Empty when they reach further, or the calendar
   * does not say.
   */
  public static Optional<String> calendarEnding(WorkCalendar calendar, Instant now) {
    LocalDate today = calendar.dateOf(now);
    return calendar.knownThrough().filter(last -> last.isBefore(today.plusDays(CALENDAR_WARNING_DAYS)))
        .map(last -> "opsbook: the working-day calendar holds the statutory holidays and make-up days through " + last
            + (last.isBefore(today) ? ", which has passed"
                : ", " + ChronoUnit.DAYS.between(today, last) + " days ahead")
            + "; days after it count Monday to Friday alone, so a deadline counted across a holiday there comes too "
            + "early (TIME-02). Load the holidays that follow it.");
  }

  /** Logs {@link #calendarEnding} at WARN, if there is one. */
  public static void warnIfCalendarEnds(WorkCalendar calendar, Instant now) {
    calendarEnding(calendar, now).ifPresent(LOG::warn);
  }

  /** Logs each due duty at INFO with the people who owe it, phone numbers and the directory's names masked. */
  public static DutyReminder loggingReminder(Supplier<Masking.Names> names) {
    return (duty, people) -> {
      if (LOG.isInfoEnabled()) {
        LOG.info(names.get().mask("due " + duty.ruleId() + " " + duty.subjectId() + " " + duty.actor() + " -> "
            + duty.target() + ": " + duty.action() + " (owed by " + names(people) + ")"));
      }
    };
  }

  /**
   * Checks the directory, one person, one ID (no ID, and no mobile number, under two entries), and returns the masking
   * of every name it holds. An {@link InMemoryDirectory} was checked when built and holds its masking; a host's own
   * directory is read once, every person with a role or a recipient class, and checked as
   * {@link InMemoryDirectory#of} checks its people.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code phone} for a mobile number under two IDs
   */
  public static Masking.Names checkedNames(Directory directory) {
    return (directory instanceof InMemoryDirectory d ? d : InMemoryDirectory.of(directory.people())).masking();
  }

  /**
   * Returns the names the engine's logs mask, starting from {@code atBuild} ({@link #checkedNames}). An
   * {@link InMemoryDirectory}'s are fixed, as it is. A host's directory may list new people while the host runs, so its
   * names are read again ({@link Directory#people()}) when {@code every} has passed by {@code nanoTime} since the last
   * reading; a reading that fails keeps the last good one, so a log line never fails for the directory.
   */
  public static Supplier<Masking.Names> liveNames(Directory directory, Masking.Names atBuild, LongSupplier nanoTime,
      Duration every) {
    if (directory instanceof InMemoryDirectory) {
      return () -> atBuild;
    }
    AtomicReference<Masking.Names> names = new AtomicReference<>(atBuild);
    AtomicLong readAt = new AtomicLong(nanoTime.getAsLong());
    long interval = every.toNanos();
    return () -> {
      long now = nanoTime.getAsLong();
      long last = readAt.get();
      // one caller an interval reads the directory; the others go on with the names they have
      if (now - last >= interval && readAt.compareAndSet(last, now)) {
        try {
          names.set(Masking.names(directory.people().stream().map(Person::name).toList()));
        } catch (RuntimeException e) {
          // the last good reading stays; the directory's failure is the host's to see elsewhere
        }
      }
      return names.get();
    };
  }

  /** Returns daemon threads named {@code opsbook-engine-N}. */
  public static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "opsbook-engine-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Returns an owner name unique to this instance: {@code opsbook-<random>}. */
  public static String uniqueOwner() {
    return "opsbook-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String masked(Throwable error) {
    return masked(error, Masking.names(List.of()));
  }

  static String masked(Throwable error, Masking.Names names) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName()).append(": ")
          .append(names.mask(String.valueOf(t.getMessage())));
    }
    return b.toString();
  }

  private static String names(List<Person> people) {
    return people.isEmpty() ? "nobody in the directory"
        : String.join(", ", people.stream().map(p -> Masking.name(p.name())).toList());
  }
}
