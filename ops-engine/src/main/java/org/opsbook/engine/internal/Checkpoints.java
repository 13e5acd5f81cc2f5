package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.engine.CheckpointSink;

/**
 * The engine's schedule of audit checkpoints: every interval of the engine's clock, a sealed checkpoint handed to the
 * host's {@link CheckpointSink}, by default appended to the audit log's own stream {@value #STREAM}. The first after
 * the engine starts seals the heads of every audit stream ({@link AuditLog#checkpoint}); each later one is a delta of
 * the last one exported ({@link AuditLog#checkpointAfter}): only the streams appended to since, chained to its seal,
 * so an hourly checkpoint costs the hour's appends and not a year of streams. The exported chain verifies like the
 * full checkpoints ({@link AuditLog#verifyAgainst(List)}). A failed export is retried at the next round, as a delta
 * of the same last exported checkpoint. Thread-safe.
 */
final class Checkpoints {
  /** The audit stream the default sink keeps checkpoints in. */
  static final String STREAM = "audit:checkpoints";
  /** The evidence key holding a checkpoint's exported text. */
  private static final String DETAIL = "checkpoint";

  private final AuditLog log;
  private final CheckpointSink sink;
  private final Duration interval;
  private Instant nextAt;
  /** The last checkpoint exported; null until the first (full) one. */
  private AuditCheckpoint last;

  /**
   * Schedules the first checkpoint one interval after {@code start}.
   *
   * @param interval the interval; zero takes none
   */
  Checkpoints(AuditLog log, CheckpointSink sink, Duration interval, Instant start) {
    this.log = checkNotNull(log, "log");
    this.sink = checkNotNull(sink, "sink");
    this.interval = checkNotNull(interval, "interval");
    this.nextAt = start.plus(interval);
  }

  /** Takes and exports a checkpoint when one is due at {@code now}; returns how many were taken (0 or 1). */
  synchronized int runDue(Instant now) {
    if (interval.isZero() || now.isBefore(nextAt)) {
      return 0;
    }
    AuditCheckpoint cp = last == null ? log.checkpoint(now) : log.checkpointAfter(last, now);
    sink.export(cp);
    last = cp;
    nextAt = now.plus(interval);
    return 1;
  }

  /** The default sink: each checkpoint appended to the audit log's stream {@value #STREAM} by {@code owner}. */
  static CheckpointSink inAuditLog(AuditLog log, String owner) {
    return cp -> log.append(AuditEntry.builder().stream(STREAM).at(cp.at()).actorId(owner).action("checkpoint")
        .putDetail(DETAIL, cp.export()).build());
  }

  /** Returns the checkpoints the default sink kept, oldest first. */
  static List<AuditCheckpoint> kept(AuditLog log) {
    return log.read(STREAM).stream().map(AuditRecord::entry).filter(e -> e.details().containsKey(DETAIL))
        .map(e -> AuditCheckpoint.parse(e.details().get(DETAIL))).toList();
  }
}
