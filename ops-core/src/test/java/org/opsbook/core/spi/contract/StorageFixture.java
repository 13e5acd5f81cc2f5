package org.opsbook.core.spi.contract;

import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;

/**
 * One empty store with every storage port over it, as a backend under contract test provides it. The repositories
 * seal their audit entries into {@link #audit()}. The tamper methods change stored audit records the way someone
 * with direct storage access would (for a database: a superuser bypassing the append-only trigger).
 */
public interface StorageFixture extends AutoCloseable {
  /** The audit log. */
  AuditLog audit();

  /** The fault repository, sealing into {@link #audit()}. */
  FaultRepository faults();

  /** The obligation repository. */
  ObligationRepository obligations();

  /** The workflow repository, sealing into {@link #audit()}. */
  WorkflowRepository workflows();

  /** The message outbox. */
  MessageOutbox outbox();

  /** Changes the action of a stored audit record, leaving its hashes as they were. */
  void changeAuditAction(String stream, long sequence, String action);

  /** Deletes a stored audit record. */
  void deleteAuditRecord(String stream, long sequence);

  /** Swaps the positions (sequence numbers) of two stored audit records. */
  void swapAuditRecords(String stream, long a, long b);

  @Override
  default void close() throws Exception {}
}
