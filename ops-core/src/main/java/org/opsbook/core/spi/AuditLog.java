package org.opsbook.core.spi;

import java.time.Instant;
import java.util.List;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.AuditVerification;

/**
 * The append-only audit log: one record per transition or decision, chained per stream with SHA-256
 * ({@link org.opsbook.core.AuditChain}). Records are never changed or deleted; {@link #verify} finds the first one
 * that was, including a deleted tail (the log remembers how many records each stream was given). Each entry is
 * sealed as {@link org.opsbook.core.internal.PersonalData#forStorage} returns it (sampled phone numbers masked,
 * DATAOP-EXT-06). Implementations are thread-safe; appends to one stream are serialised.
 */
public interface AuditLog {
  /** Seals {@code entry} as the next record of its stream and stores it. */
  AuditRecord append(AuditEntry entry);

  /** Seals and stores {@code entries} in order, atomically. */
  List<AuditRecord> appendAll(List<AuditEntry> entries);

  /** Returns the records of {@code stream} in sequence order; empty for an unknown stream. */
  List<AuditRecord> read(String stream);

  /** Returns every record whose entry happened in {@code [from, to)}, ordered by stream then sequence. */
  List<AuditRecord> readPeriod(Instant from, Instant to);

  /** Returns the names of all streams, sorted. */
  List<String> streams();

  /** Verifies the chain of {@code stream} as stored, naming the first broken record. */
  AuditVerification verify(String stream);
}
