package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.opsbook.core.ActorKind;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.engine.CheckpointSink;
import org.opsbook.engine.DutyReminder;
import org.opsbook.engine.StorageErrorListener;
import org.opsbook.rules.ticket.DutyRoster;

/**
 * What a host configured on the engine's builder, defaults applied.
 *
 * @param executor the host's executor for the outbox loop, or null for one the engine owns
 * @param checkpointInterval how often the audit heads are checkpointed; zero for never
 * @param checkpointSink where checkpoints go, or null to keep them in the audit log
 * @param roster who holds the day's billing-declaration and data-modification duty (complaint tickets)
 */
public record Settings(Directory directory, MessageGateway gateway, DutyReminder reminder, WorkCalendar calendar,
    Clock clock, OpsParameters parameters, Function<Person, ActorKind> staffKinds, StorageErrorListener errors,
    ThreadFactory threads, ScheduledExecutorService executor, String owner, Duration outboxInterval,
    Duration stopTimeout, Duration checkpointInterval, CheckpointSink checkpointSink, DutyRoster roster) {
  /** Checks the components. */
  public Settings {
    checkNotNull(directory, "directory");
    checkNotNull(gateway, "gateway");
    checkNotNull(reminder, "reminder");
    checkNotNull(calendar, "calendar");
    checkNotNull(clock, "clock");
    checkNotNull(parameters, "parameters");
    checkNotNull(staffKinds, "staffKinds");
    checkNotNull(errors, "errors");
    checkNotNull(threads, "threads");
    checkNotNull(roster, "roster");
    checkNotNull(owner, "owner");
    checkArgument(!owner.isBlank(), "owner must not be blank");
    checkArgument(outboxInterval.compareTo(Duration.ZERO) > 0, "outboxInterval must be > 0: %s", outboxInterval);
    checkArgument(stopTimeout.compareTo(Duration.ZERO) > 0, "stopTimeout must be > 0: %s", stopTimeout);
    checkArgument(!checkpointInterval.isNegative(), "checkpointInterval must be >= 0: %s", checkpointInterval);
  }
}
