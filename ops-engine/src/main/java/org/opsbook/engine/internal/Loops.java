package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.internal.scheduling.ObligationHandler;
import org.opsbook.core.internal.scheduling.ObligationScheduler;
import org.opsbook.core.internal.scheduling.PollResult;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.internal.workflow.SmsDispatcher;

/**
 * The engine's two loops: the duty timers ({@link ObligationScheduler}, each due duty handed to the
 * {@link DutyReminder}) and the SMS outbox ({@link SmsDispatcher}), after which each message the gateway accepted is
 * recorded in its fault's history. They run on their own threads after {@link #start()}, or one round at a time from
 * {@link #runDueWork(Instant)} under a simulated clock. Thread-safe.
 */
final class Loops {
  /** How many rounds of timers one {@link #runDueWork} call takes at most. */
  private static final int MAX_ROUNDS = 1000;
  /**
   * How often the outbox round looks after what a process that died between two writes left undone: sendings no
   * fault's history records, duties no timer holds.
   */
  private static final Duration LOOK_AFTER = Duration.ofMinutes(1);

  private final ObligationScheduler scheduler;
  private final SmsDispatcher dispatcher;
  private final Engine engine;
  private final Clock clock;
  private final StorageErrorListener errors;
  private final ThreadFactory threads;
  private final ScheduledExecutorService injected;
  private final Duration outboxInterval;
  private final Duration stopTimeout;
  private final Checkpoints checkpoints;
  private final Object deliverLock = new Object();
  /** Keys the gateway accepted whose sending the fault's history does not record yet. */
  private final Set<String> sentNotRecorded = ConcurrentHashMap.newKeySet();
  /** How many due timers fired into nothing: their subject's history no longer owed the duty. */
  private final AtomicInteger firedIntoNothing = new AtomicInteger();
  /** When the outbox round last looked after what a dead process left undone; null before the first round. */
  private Instant lookedAfterAt;

  private ScheduledExecutorService outboxExecutor;
  private ScheduledFuture<?> outboxTask;

  Loops(Engine engine, Settings s) {
    this.engine = checkNotNull(engine, "engine");
    this.clock = s.clock();
    this.errors = s.errors();
    this.threads = s.threads();
    this.injected = s.executor();
    this.outboxInterval = s.outboxInterval();
    this.stopTimeout = s.stopTimeout();
    this.checkpoints = new Checkpoints(engine.ports().auditLog(), s.checkpointSink() != null ? s.checkpointSink()
        : Checkpoints.inAuditLog(engine.ports().auditLog(), s.owner()), s.checkpointInterval(), clock.instant());
    DutyReminder reminder = s.reminder();
    Actors actors = engine.actors();
    this.scheduler = ObligationScheduler.builder(engine.ports().obligations(), new ObligationHandler() {
      @Override
      public void fire(ObligationKey key, ScheduledObligation scheduled) throws Exception {
        fireAndRepeat(key, scheduled);
      }

      /**
       * Reminds the people who owe the duty; a recurring one waits for the next interval of its series, to be
       * reminded again while it stays undone (each reminder of it with the due time of its interval).
       */
      @Override
      public Optional<ScheduledObligation> fireAndRepeat(ObligationKey key, ScheduledObligation scheduled)
          throws Exception {
        // a timer that a dead process left pending after its duty ended fires into nothing
        if (!fromHistory(() -> engine.owes(key))) {
          firedIntoNothing.incrementAndGet();
          return Optional.empty();
        }
        Obligation duty = scheduled.obligation();
        reminder.remind(duty, actors.owing(duty));
        return fromHistory(() -> engine.repeatsAt(duty, clock.instant())).map(next -> ScheduledObligation.builder().obligation(Obligation.builder()
            .ruleId(duty.ruleId()).subjectId(duty.subjectId()).actor(duty.actor()).action(duty.action())
            .target(duty.target()).channel(duty.channel()).recurring(true).sequence(duty.sequence())
            .triggeredAt(duty.dueAt()).dueAt(next).build()).dueAt(next).build());
      }
    }).owner(s.owner()).clock(clock).errorListener(e -> errors.onError("duties", e)).build();
    MessageGateway gateway = s.gateway();
    MessageGateway recording = new MessageGateway() {
      @Override
      public SendReceipt send(OutgoingMessage m) {
        SendReceipt r = gateway.send(m);
        sentNotRecorded.add(m.idempotencyKey());
        return r;
      }

      // the dispatcher resends a send in doubt only to a gateway that says it deduplicates
      @Override
      public boolean deduplicates() {
        return gateway.deduplicates();
      }
    };
    this.dispatcher = SmsDispatcher.builder().outbox(engine.ports().outbox()).workflows(engine.ports().workflows())
        .directory(actors.directory()).auditLog(engine.ports().auditLog()).gateway(recording).owner(s.owner())
        .build();
  }

  /**
   * Reads a firing timer's subject from its stored history. A failure to read it is a storage error: the listener
   * hears of it (the timer is retried after the back-off, which alone would keep an outage silent).
   */
  private <T> T fromHistory(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      errors.onError("duties", e);
      throw e;
    }
  }

  /**
   * One round at {@code now}: one outbox round first (a sending recorded in the fault's history discharges its duty
   * before that duty's timer could fire), then every due duty reminded, then the audit checkpoint if one is due.
   */
  int[] runDueWork(Instant now) {
    int sent = deliver(now);
    int ended = firedIntoNothing.get();
    int duties = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      PollResult r = scheduler.pollOnce(now);
      duties += r.fired();
      if (r.claimed() == 0) {
        break;
      }
    }
    int taken = checkpoints.runDue(now);
    return new int[] {duties - (firedIntoNothing.get() - ended), sent, taken};
  }

  /**
   * One outbox round, then the sending recorded in each fault's history; returns how many were sent. At the first
   * round and once a minute, the round also looks after what a process that died between two writes left undone
   * (whichever engine over the database looks first): SMS the gateway accepted for an open fault whose history does
   * not record them, recorded at the time the gateway accepted them; and duties of open faults, live BUGs and live
   * complaint tickets that no timer holds, put back on the timers. What fails there reaches the storage-error listener
   * and is looked at again a minute later; a subject that cannot be read keeps neither the others nor the outbox
   * waiting.
   */
  int deliver(Instant now) {
    synchronized (deliverLock) {
      int sent = dispatcher.drainOnce(now).sent();
      if (lookedAfterAt == null || !now.isBefore(lookedAfterAt.plus(LOOK_AFTER))) {
        lookedAfterAt = now;
        lookAfter();
      }
      eachApart(List.copyOf(sentNotRecorded), key -> recordSending(key, now));
      return sent;
    }
  }

  private void lookAfter() {
    try {
      eachApart(engine.ports().faults().openFaults(), f -> sentNotRecorded.addAll(unrecordedSendings(f.faultId())));
    } catch (RuntimeException e) {
      errors.onError("outbox", e);
    }
    try {
      engine.restoreTimers();
    } catch (RuntimeException e) {
      errors.onError("duties", e);
    }
  }

  /**
   * Runs {@code action} on each item; one that throws does not keep the others waiting. The first failure is thrown
   * at the end, the others suppressed in it.
   */
  static <T> void eachApart(Iterable<T> items, Consumer<T> action) {
    RuntimeException first = null;
    for (T item : items) {
      try {
        action.accept(item);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Records the sending of {@code key} on its fault once the outbox says it is sent; then forgets the key. */
  private void recordSending(String key, Instant now) {
    if (engine.messageDesk().recordSent(SmsKey.parse(key), scheduler.owner(), now)) {
      sentNotRecorded.remove(key);
    }
  }

  /** The SMS the gateway accepted for the open fault {@code faultId} that its history does not record. */
  private List<String> unrecordedSendings(String faultId) {
    List<String> sent = new ArrayList<>();
    for (OutboxMessage m : engine.ports().outbox().list(Optional.of(faultId))) {
      if (m.state() == OutboxState.SENT && MessageDesk.sentEvent(m.key()).isPresent()) {
        sent.add(m.key());
      }
    }
    if (sent.isEmpty()) {
      return sent;
    }
    Set<String> recorded = new HashSet<>();
    for (FaultEvent e : engine.ports().faults().events(faultId)) {
      e.note().ifPresent(recorded::add);
    }
    sent.removeIf(recorded::contains);
    return sent;
  }

  /** Returns the outbox loop's dispatcher. */
  SmsDispatcher dispatcher() {
    return dispatcher;
  }

  Optional<Instant> nextDueAt() {
    return engine.ports().obligations().nextDueAt();
  }

  synchronized void start() {
    checkState(outboxTask == null, "the engine is already running");
    scheduler.start(threads);
    outboxExecutor = injected != null ? injected : Executors.newSingleThreadScheduledExecutor(threads);
    outboxTask = outboxExecutor.scheduleWithFixedDelay(() -> {
      try {
        deliver(clock.instant());
      } catch (RuntimeException e) {
        errors.onError("outbox", e);
      }
      try {
        checkpoints.runDue(clock.instant());
      } catch (RuntimeException e) {
        errors.onError("checkpoints", e);
      }
    }, 0, outboxInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized boolean isRunning() {
    return outboxTask != null;
  }

  /** Stops both loops and waits for the work in flight; returns true when every thread ended in time. */
  synchronized boolean stop() throws InterruptedException {
    if (outboxTask == null) {
      return true;
    }
    boolean ended = scheduler.stop(stopTimeout);
    outboxTask.cancel(false);
    outboxTask = null;
    if (outboxExecutor != injected) {
      outboxExecutor.shutdown();
      ended &= outboxExecutor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      synchronized (deliverLock) {
        // a round in progress on the host's executor has finished once this lock is ours
      }
    }
    outboxExecutor = null;
    return ended;
  }
}
