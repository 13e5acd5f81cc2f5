package org.opsbook.core.internal.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.internal.storage.StorageArguments;

/** A {@link FaultRepository} in memory, sealing audit entries into the given log. Thread-safe. */
public final class InMemoryFaultRepository implements FaultRepository {
  private final AuditLog auditLog;
  private final Map<String, List<FaultEvent>> events = new HashMap<>();
  private final Map<String, FaultSummary> summaries = new HashMap<>();

  /** Creates a repository that seals audit entries into {@code auditLog}. */
  public InMemoryFaultRepository(AuditLog auditLog) {
    this.auditLog = checkNotNull(auditLog, "auditLog");
  }

  @Override
  public void append(String faultId, long expectedVersion, List<FaultEvent> newEvents, FaultSummary summary,
      List<AuditEntry> audit) {
    StorageArguments.checkFaultAppend(faultId, expectedVersion, newEvents, summary);
    synchronized (this) {
      List<FaultEvent> history = events.getOrDefault(faultId, List.of());
      if (history.size() != expectedVersion) {
        throw new ConcurrentUpdateException(faultId, expectedVersion, history.size());
      }
      auditLog.appendAll(audit);
      List<FaultEvent> updated = new ArrayList<>(history);
      updated.addAll(newEvents);
      events.put(faultId, updated);
      summaries.put(faultId, summary);
    }
  }

  @Override
  public synchronized List<FaultEvent> events(String faultId) {
    return ImmutableList.copyOf(events.getOrDefault(faultId, List.of()));
  }

  @Override
  public synchronized Optional<FaultSummary> summary(String faultId) {
    return Optional.ofNullable(summaries.get(faultId));
  }

  @Override
  public synchronized List<FaultSummary> openFaults() {
    List<FaultSummary> open = new ArrayList<>();
    for (FaultSummary s : summaries.values()) {
      if (s.open()) {
        open.add(s);
      }
    }
    open.sort(Comparator.comparing(FaultSummary::updatedAt).reversed().thenComparing(FaultSummary::faultId));
    return open;
  }

  @Override
  public synchronized List<FaultSummary> faultsActiveSince(Instant since) {
    List<FaultSummary> out = new ArrayList<>();
    for (FaultSummary s : summaries.values()) {
      if (s.open() || !s.updatedAt().isBefore(since)) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(FaultSummary::updatedAt).reversed().thenComparing(FaultSummary::faultId));
    return out;
  }
}
