package org.opsbook.core.internal.scheduling;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.internal.Failures;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.core.spi.ObligationRepository;

/**
 * Fires due obligations from an {@link ObligationRepository}: claims them in batches under a fenced lease (owner and
 * generation), hands each to the {@link ObligationHandler}, and records the firings in groups of ten. A heartbeat
 * renews the claims this engine has in hand (the one being fired, and the fired ones whose group is not recorded yet)
 * one by one under their generation, never by owner name: a claim an earlier process of the same name left behind
 * lapses, and the rest of a batch that a slow handler holds up lapses too, for another engine to take. Before each
 * firing a claim older than the heartbeat interval by the clock (or with a negative age: the clock was set back) is
 * renewed under its generation, and one that lapsed or was taken over is skipped. An engine that dies
 * loses its lease and another engine re-claims the work once it lapses. A handler may ask for its obligation to
 * fire again later ({@link ObligationHandler#fireAndRepeat}): it is given back under the same key
 * ({@link ObligationRepository#repeat}), not fired. A handler that throws, even an
 * {@link Error}, has its firing retried after the back-off; a failure of the loop itself goes to the error listener
 * and the loop goes on.
 *
 * <p>What a handler may see twice, and when: the same {@link ObligationKey} is handed to a handler a second time
 * only (1) when the completion of its firing was not committed: the engine crashed after the handler returned, or
 * the store failed at the completion (at most the last ten firings of that engine: completions are committed in
 * groups of ten), or (2) when the whole engine process stalled for longer than the lease (a {@code SIGSTOP}, a
 * stop-the-world pause), or could not renew it for that long (the store unreachable), after its last lease check and
 * before the handler returned. A handler must therefore make its effect idempotent on the key; the outbox does, by
 * idempotency key.
 *
 * <p>When a poll fills its batch the engine polls again at once; otherwise it sleeps until the repository's
 * {@link ObligationRepository#nextDueAt()}, at most {@code maxPollInterval} (work scheduled by another process is
 * seen within that bound) and at least {@code minPollInterval} (an idle or contended engine does not hammer the
 * database). {@link #wakeUp()} cuts a sleep short when this process schedules something due soon.
 *
 * <pre>{@code
 * ObligationScheduler engine = ObligationScheduler.builder(repository, (key, o) -> outbox.enqueue(...))
 *     .owner("host-1").clock(clock).build();
 * engine.start(Thread.ofPlatform().daemon().factory());   // or engine.pollOnce(now) under a fake clock
 * ...
 * engine.close();
 * }</pre>
 *
 * <p>Thread-safe. Reads time only from its clock.
 */
public final class ObligationScheduler implements AutoCloseable {
  private final ObligationRepository repository;
  private final ObligationHandler handler;
  private final String owner;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final Duration heartbeatInterval;
  private final Duration minPollInterval;
  private final Duration maxPollInterval;
  private final IntFunction<Duration> retryBackoff;
  private final Consumer<Throwable> errorListener;

  private final Object monitor = new Object();
  private boolean running;
  private boolean stopping;
  private boolean wakeRequested;
  /** The claims in hand: being fired, or fired and not yet recorded. Guarded by {@link #monitor}. */
  private final List<ClaimedObligation> held = new ArrayList<>();
  private Thread pollThread;
  private Thread heartbeatThread;

  private ObligationScheduler(Builder b) {
    this.repository = b.repository;
    this.handler = b.handler;
    this.owner = b.owner;
    this.clock = b.clock;
    this.batchSize = b.batchSize;
    this.lease = b.lease;
    this.heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : b.lease.dividedBy(3);
    this.minPollInterval = b.minPollInterval;
    this.maxPollInterval = b.maxPollInterval;
    this.retryBackoff = b.retryBackoff;
    this.errorListener = b.errorListener;
    checkArgument(heartbeatInterval.compareTo(lease) < 0, "heartbeatInterval must be < lease: %s", heartbeatInterval);
    checkArgument(minPollInterval.compareTo(maxPollInterval) <= 0,
        "minPollInterval must be <= maxPollInterval: %s > %s", minPollInterval, maxPollInterval);
  }

  /** Returns a builder for an engine over {@code repository} that fires through {@code handler}. */
  public static Builder builder(ObligationRepository repository, ObligationHandler handler) {
    return new Builder(repository, handler);
  }

  /** Returns the name this engine claims under. */
  public String owner() {
    return owner;
  }

  /**
   * Claims one batch due at {@code now}, fires it and records the outcome. Handler failures are recorded as retries;
   * storage failures propagate.
   *
   * @return what the poll did
   */
  public PollResult pollOnce(Instant now) {
    Instant confirmed = clock.instant();
    List<ClaimedObligation> batch = repository.claimDue(now, batchSize, owner, lease);
    if (batch.isEmpty()) {
      return PollResult.EMPTY;
    }
    try {
      return fire(batch, confirmed);
    } finally {
      release(batch);
    }
  }

  /** Takes {@code claim} in hand: the heartbeat renews it until it is {@linkplain #release released}. */
  private void hold(ClaimedObligation claim) {
    synchronized (monitor) {
      held.add(claim);
    }
  }

  /**
   * Lets go of {@code claims}: recorded, given back, or lost. A claim is known by its key and generation, not by its
   * lease's end, which a renewal before its firing moved.
   */
  private void release(List<ClaimedObligation> claims) {
    synchronized (monitor) {
      held.removeIf(h -> claims.stream().anyMatch(c -> c.generation() == h.generation()
          && c.scheduled().key().equals(h.scheduled().key())));
    }
  }

  /**
   * Fires each claim of a batch and records the firings in groups of {@link #COMPLETION_GROUP} (a crash repeats at
   * most that many).
   * Before a firing, a claim older than the heartbeat interval by this engine's clock (which a process pause advances
   * too), or apparently younger than zero (the clock was set back), is renewed under its generation; a claim that
   * lapsed or was taken over is skipped, never fired.
   */
  private PollResult fire(List<ClaimedObligation> batch, Instant confirmed) {
    int fired = 0;
    int failed = 0;
    int lost = 0;
    List<ClaimedObligation> done = new ArrayList<>(COMPLETION_GROUP);
    for (ClaimedObligation claim : batch) {
      ClaimedObligation c = claim;
      Instant t = clock.instant();
      Duration elapsed = Duration.between(confirmed, t);
      if (elapsed.isNegative() || elapsed.compareTo(heartbeatInterval) >= 0) {
        Optional<ClaimedObligation> renewed = repository.renew(c, t, lease);
        if (renewed.isEmpty()) {
          lost++;
          continue;
        }
        c = renewed.get();
      }
      ObligationKey key = c.scheduled().key();
      hold(c);
      Optional<ScheduledObligation> again;
      try {
        again = handler.fireAndRepeat(key, c.scheduled());
      } catch (Exception | Error e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        Instant retryAt = clock.instant().plus(retryBackoff.apply(c.scheduled().attempts() + 1));
        String error = Failures.describe(e);
        boolean recorded = repository.fail(c, error, retryAt);
        release(List.of(c));
        if (recorded) {
          failed++;
        } else {
          lost++;
        }
        continue;
      }
      if (again.isPresent()) {
        // a recurring duty still undone: it waits for the next interval of its series, its key not fired
        boolean waits = repository.repeat(c, again.get());
        release(List.of(c));
        if (waits) {
          fired++;
        } else {
          lost++;
        }
        continue;
      }
      done.add(c);
      if (done.size() >= COMPLETION_GROUP) {
        int n = record(done);
        fired += n;
        lost += done.size() - n;
        done.clear();
      }
    }
    int n = record(done);
    fired += n;
    lost += done.size() - n;
    return new PollResult(batch.size(), fired, failed, lost);
  }

  /** Records a group of firings in one commit and lets go of them; returns how many were still this engine's. */
  private int record(List<ClaimedObligation> done) {
    if (done.isEmpty()) {
      return 0;
    }
    int n = repository.completeAll(done, clock.instant()).size();
    release(done);
    return n;
  }

  /** Firings completed in one commit: a crash repeats at most this many, and a batch costs a tenth of the commits. */
  static final int COMPLETION_GROUP = 10;

  /**
   * Starts the poll loop and the heartbeat on two threads from {@code threads}.
   *
   * @throws IllegalStateException when already started
   */
  public void start(ThreadFactory threads) {
    synchronized (monitor) {
      checkState(!running, "engine %s is already running", owner);
      running = true;
      stopping = false;
      pollThread = threads.newThread(this::pollLoop);
      heartbeatThread = threads.newThread(this::heartbeatLoop);
    }
    pollThread.start();
    heartbeatThread.start();
  }

  /** Cuts the current idle sleep short, e.g. after scheduling an obligation that is due now. */
  public void wakeUp() {
    synchronized (monitor) {
      wakeRequested = true;
      monitor.notifyAll();
    }
  }

  /** Returns true while the poll loop runs. */
  public boolean isRunning() {
    synchronized (monitor) {
      return running;
    }
  }

  /**
   * Stops polling, lets the batch in progress finish and record its outcome, and waits up to {@code timeout} for the
   * threads to end.
   *
   * @return true when both threads ended in time
   */
  public boolean stop(Duration timeout) throws InterruptedException {
    Thread poll;
    Thread heart;
    synchronized (monitor) {
      if (!running) {
        return true;
      }
      stopping = true;
      monitor.notifyAll();
      poll = pollThread;
      heart = heartbeatThread;
    }
    long ms = Math.max(1, timeout.toMillis());
    poll.join(ms);
    heart.join(ms);
    boolean ended = !poll.isAlive() && !heart.isAlive();
    if (ended) {
      synchronized (monitor) {
        running = false;
      }
    }
    return ended;
  }

  /** Stops the engine, waiting up to twice the lease for the batch in progress. */
  @Override
  public void close() throws InterruptedException {
    stop(lease.multipliedBy(2));
  }

  private void pollLoop() {
    while (!isStopping()) {
      Duration sleep;
      try {
        PollResult r = pollOnce(clock.instant());
        if (r.claimed() >= batchSize) {
          continue;
        }
        sleep = idleSleep(clock.instant(), r.claimed() > 0);
      } catch (RuntimeException | Error e) {
        report(e);
        sleep = maxPollInterval;
      }
      if (!sleepFor(sleep)) {
        return;
      }
    }
  }

  /** How long to sleep after a poll that did not fill its batch. */
  Duration idleSleep(Instant now, boolean claimedSome) {
    if (claimedSome) {
      // what was due is done; poll again soon for what became due meanwhile
      return minPollInterval;
    }
    Optional<Instant> next = repository.nextDueAt();
    if (next.isEmpty()) {
      return maxPollInterval;
    }
    Duration until = Duration.between(now, next.get());
    if (until.compareTo(minPollInterval) < 0) {
      return minPollInterval;
    }
    return until.compareTo(maxPollInterval) > 0 ? maxPollInterval : until;
  }

  /**
   * Renews each claim in hand under its generation ({@link ObligationRepository#renew}), not every lease of the
   * owner name: a restarted process of the same name never keeps its predecessor's claims alive, and the claims of a
   * batch not started yet lapse for another engine to take.
   */
  private void heartbeatLoop() {
    while (sleepFor(heartbeatInterval)) {
      List<ClaimedObligation> inHand;
      synchronized (monitor) {
        inHand = List.copyOf(held);
      }
      for (ClaimedObligation c : inHand) {
        try {
          repository.renew(c, clock.instant(), lease);
        } catch (RuntimeException | Error e) {
          report(e);
        }
      }
    }
  }

  /** Hands a failure of the loops to the error listener; one that the listener throws is logged, never lost. */
  private void report(Throwable e) {
    try {
      errorListener.accept(e);
    } catch (RuntimeException | Error listenerFailed) {
      logError(e);
    }
  }

  private boolean isStopping() {
    synchronized (monitor) {
      return stopping;
    }
  }

  /**
   * Sleeps up to {@code d} unless woken or stopped; returns false when the engine is stopping. The wait is measured
   * by the JVM's monitor, not the clock, so a fake clock never stalls the loop.
   */
  private boolean sleepFor(Duration d) {
    synchronized (monitor) {
      if (stopping) {
        return false;
      }
      if (wakeRequested) {
        wakeRequested = false;
        return true;
      }
      try {
        monitor.wait(Math.max(1, d.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
        return false;
      }
      wakeRequested = false;
      return !stopping;
    }
  }

  /** Builds {@link ObligationScheduler}s. */
  public static final class Builder {
    private final ObligationRepository repository;
    private final ObligationHandler handler;
    private String owner = defaultOwner();
    private Clock clock = Clock.systemUTC();
    private int batchSize = 100;
    private Duration lease = Duration.ofSeconds(30);
    private Duration heartbeatInterval;
    private Duration minPollInterval = Duration.ofMillis(50);
    private Duration maxPollInterval = Duration.ofMillis(500);
    private IntFunction<Duration> retryBackoff = ObligationScheduler::defaultBackoff;
    private Consumer<Throwable> errorListener = ObligationScheduler::logError;

    private Builder(ObligationRepository repository, ObligationHandler handler) {
      this.repository = checkNotNull(repository, "repository");
      this.handler = checkNotNull(handler, "handler");
    }

    /**
     * The name this engine claims under; unique per running instance. By default {@code opsbook-<pid>-<random>},
     * unique per instance even when several run in one process.
     */
    public Builder owner(String owner) {
      checkArgument(!owner.isBlank(), "owner must not be blank");
      this.owner = owner;
      return this;
    }

    /** The clock; the system clock in UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** How many obligations one claim takes; 100 by default. */
    public Builder batchSize(int batchSize) {
      checkArgument(batchSize > 0, "batchSize must be > 0: %s", batchSize);
      this.batchSize = batchSize;
      return this;
    }

    /** How long a claim holds its obligations without a heartbeat; 30 s by default. */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /** How often the lease of a batch in progress is extended; a third of the lease by default. */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = positive(heartbeatInterval, "heartbeatInterval");
      return this;
    }

    /** The shortest sleep between polls that found less than a batch; 50 ms by default. */
    public Builder minPollInterval(Duration minPollInterval) {
      checkArgument(!minPollInterval.isNegative(), "minPollInterval must be >= 0: %s", minPollInterval);
      this.minPollInterval = minPollInterval;
      return this;
    }

    /** The longest idle sleep, which bounds the latency of work scheduled elsewhere; 500 ms by default. */
    public Builder maxPollInterval(Duration maxPollInterval) {
      this.maxPollInterval = positive(maxPollInterval, "maxPollInterval");
      return this;
    }

    /** Returns {@code d}, refused as "{@code name} must be > 0" unless it is longer than zero. */
    private static Duration positive(Duration d, String name) {
      checkArgument(!d.isNegative() && !d.isZero(), "%s must be > 0: %s", name, d);
      return d;
    }

    /** The delay before retrying after the n-th failed attempt; 10 s doubling up to 10 min by default. */
    public Builder retryBackoff(IntFunction<Duration> retryBackoff) {
      this.retryBackoff = checkNotNull(retryBackoff, "retryBackoff");
      return this;
    }

    /**
     * Receives storage failures of the background loop (the loop keeps going); by default they are logged as
     * warnings through {@link System.Logger} ({@code org.opsbook.core.scheduling}), phone numbers masked.
     */
    public Builder errorListener(Consumer<Throwable> errorListener) {
      this.errorListener = checkNotNull(errorListener, "errorListener");
      return this;
    }

    /** Builds the engine (not started). */
    public ObligationScheduler build() {
      return new ObligationScheduler(this);
    }
  }

  /** Returns an owner name unique to this instance: process ID and a random suffix. */
  static String defaultOwner() {
    return "opsbook-" + ProcessHandle.current().pid() + "-"
        + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  private static final System.Logger LOG = System.getLogger("org.opsbook.core.scheduling");

  /** Logs a background failure, masked: an outage is never silent. */
  static void logError(Throwable e) {
    LOG.log(System.Logger.Level.WARNING, "obligation engine: storage failure, will retry: " + Failures.describe(e));
  }

  /** 10 s, 20 s, 40 s … capped at 10 minutes. */
  static Duration defaultBackoff(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 6);
    Duration d = Duration.ofSeconds(10L << shift);
    Duration cap = Duration.ofMinutes(10);
    return d.compareTo(cap) > 0 ? cap : d;
  }
}
