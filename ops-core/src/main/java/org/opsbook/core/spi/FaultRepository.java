package org.opsbook.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultSummary;

/**
 * Storage of faults: each fault's ordered history of events (its facts over time) and a summary for listing.
 * Thread-safe.
 */
public interface FaultRepository {
  /**
   * Appends {@code events} to the fault's history, replaces its summary and seals {@code audit}, atomically.
   *
   * @param faultId the fault; created by the first append
   * @param expectedVersion the number of events the writer saw (0 for a new fault)
   * @param events the new events, numbered {@code expectedVersion + 1} onwards; not empty
   * @param summary the summary after the events; its version is {@code expectedVersion + events.size()}
   * @param audit audit entries to seal in the same step
   * @throws org.opsbook.core.ConcurrentUpdateException when the stored version is not {@code expectedVersion}
   */
  void append(String faultId, long expectedVersion, List<FaultEvent> events, FaultSummary summary,
      List<AuditEntry> audit);

  /** Returns the fault's events in order; empty for an unknown fault. */
  List<FaultEvent> events(String faultId);

  /** Returns the fault's summary, if the fault exists. */
  Optional<FaultSummary> summary(String faultId);

  /** Returns the summaries of open faults, most recently updated first. */
  List<FaultSummary> openFaults();

  /**
   * Returns the summaries of the faults that are open or whose last event is at or after {@code since}, open or
   * closed, most recently updated first: the faults whose duties may have fallen due since then (the duty ledger).
   */
  List<FaultSummary> faultsActiveSince(Instant since);
}
