package org.opsbook.core.spi;

import java.time.Instant;
import java.util.List;
import org.opsbook.core.internal.audit.AuditCheckpoint;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.AuditVerification;

/**
 * The append-only audit log: one record per transition or decision, sealed with HMAC-SHA256 under a key the host
 * holds and the database does not ({@link org.opsbook.core.internal.audit.AuditChain}), chained per stream and numbered in one
 * global sequence over all streams. Records are never changed or deleted; {@link #verify} names the first one that
 * was, compared with the stream's sealed head (a cut tail, a record forged around the log, a junk row); {@link
 * #verifyAll} also finds a stream deleted with its head (a gap in the global sequence); {@link #checkpoint} seals the
 * heads for the host to export, and {@link #verifyAgainst} finds whatever was cut back since. A junk row never stops
 * appends. Each entry is sealed as {@link org.opsbook.core.internal.PersonalData#forStorage} returns it (sampled
 * phone numbers masked, DATAOP-EXT-06). Implementations are thread-safe; appends to one stream are serialised.
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

  /** Returns the names of all streams in the log's registry, sorted. */
  List<String> streams();

  /** Verifies the chain of {@code stream} as stored against its sealed head, naming the first broken record. */
  AuditVerification verify(String stream);

  /**
   * Verifies every stream (those in the registry and any other that has records) and the global sequence: a gap in
   * it (a stream deleted with its head, a cut tail) is reported under the stream name {@code (global)}, at the first
   * missing global sequence number.
   *
   * @return one verification per stream, broken ones first
   */
  List<AuditVerification> verifyAll();

  /** Seals the heads of every stream and the global sequence as they are now, for the host to export. */
  AuditCheckpoint checkpoint(Instant at);

  /**
   * Verifies the log against a checkpoint taken earlier (its seal, and every stream it names still holding what it
   * sealed).
   *
   * @return one verification per stream of the checkpoint, broken ones first
   */
  List<AuditVerification> verifyAgainst(AuditCheckpoint checkpoint);
}
