package org.opsbook.engine;

import org.opsbook.core.spi.AuditLog.AuditCheckpoint;

/**
 * SPI: where the engine exports the checkpoints of the audit heads it takes every
 * {@link OpsEngine.Builder#checkpointInterval(java.time.Duration) checkpoint interval}. A checkpoint is sealed with the audit key;
 * kept somewhere the database's administrators cannot write (a mail to the auditors, a write-once bucket), it lets the
 * host later find a stream cut back or deleted even with its head reset
 * ({@code engine.auditLog().verifyAgainst(AuditCheckpoint.parse(text))}). The default, no sink given, keeps each
 * checkpoint in the audit log itself ({@link OpsEngine#checkpoints()}): sealed and chained, but in the same database.
 */
@FunctionalInterface
public interface CheckpointSink {
  /**
   * Exports one checkpoint, e.g. its {@link AuditCheckpoint#export()} text. Called from a loop's thread (or the thread
   * of {@link OpsEngine#runDueWork()}); an exception is reported to the {@link StorageErrorListener} as the loop
   * {@code "checkpoints"} and the checkpoint is taken again at the next round.
   */
  void export(AuditCheckpoint checkpoint);
}
