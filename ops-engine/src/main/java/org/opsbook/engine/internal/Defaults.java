package org.opsbook.engine.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.StorageErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's defaults: logging listeners, daemon threads, an owner name unique to this instance. */
public final class Defaults {
  private static final Logger LOG = LoggerFactory.getLogger("org.opsbook.engine");

  private Defaults() {}

  /** Logs each storage error at WARN, every message in its cause chain with phone numbers masked. */
  public static StorageErrorListener loggingErrors() {
    return (loop, error) -> LOG.warn("opsbook {} loop: {}", loop, masked(error));
  }

  /** Logs each due duty at INFO with the people who owe it, names masked. */
  public static DutyReminder loggingReminder() {
    return (duty, people) -> LOG.info("due {} {} {} -> {}: {} (owed by {})", duty.ruleId(), duty.subjectId(),
        duty.actor(), duty.target(), duty.action(), names(people));
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
    StringBuilder b = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName()).append(": ")
          .append(Masking.phonesIn(String.valueOf(t.getMessage())));
    }
    return b.toString();
  }

  private static String names(List<Person> people) {
    return people.isEmpty() ? "nobody in the directory"
        : String.join(", ", people.stream().map(p -> Masking.name(p.name())).toList());
  }
}
