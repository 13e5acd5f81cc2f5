package org.opsbook.core.memory;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.opsbook.core.AuditChain;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.AuditVerification;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/** An {@link AuditLog} in memory. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
  private final Map<String, List<AuditRecord>> streams = new TreeMap<>();
  /** How many records each stream was given: the head a tamperer does not see. */
  private final Map<String, Long> sealed = new HashMap<>();

  @Override
  public synchronized AuditRecord append(AuditEntry entry) {
    List<AuditRecord> chain = streams.computeIfAbsent(entry.stream(), s -> new ArrayList<>());
    String previous = chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).hash();
    AuditRecord record = AuditChain.seal(PersonalData.forStorage(entry), chain.size() + 1L, previous);
    chain.add(record);
    sealed.merge(entry.stream(), 1L, Long::sum);
    return record;
  }

  @Override
  public synchronized List<AuditRecord> appendAll(List<AuditEntry> entries) {
    List<AuditRecord> out = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      out.add(append(e));
    }
    return out;
  }

  @Override
  public synchronized List<AuditRecord> read(String stream) {
    return ImmutableList.copyOf(streams.getOrDefault(stream, List.of()));
  }

  @Override
  public synchronized List<AuditRecord> readPeriod(Instant from, Instant to) {
    List<AuditRecord> out = new ArrayList<>();
    for (List<AuditRecord> chain : streams.values()) {
      for (AuditRecord r : chain) {
        Instant at = r.entry().at();
        if (!at.isBefore(from) && at.isBefore(to)) {
          out.add(r);
        }
      }
    }
    out.sort(Comparator.comparing(AuditRecord::stream).thenComparingLong(AuditRecord::sequence));
    return out;
  }

  @Override
  public synchronized List<String> streams() {
    return ImmutableList.copyOf(streams.keySet());
  }

  @Override
  public synchronized AuditVerification verify(String stream) {
    return AuditChain.verify(stream, streams.getOrDefault(stream, List.of()), sealed.getOrDefault(stream, 0L));
  }

  /**
   * Rewrites the stored chain of a stream, bypassing the append-only rule as someone with direct storage access
   * would. For tamper-detection tests only.
   */
  public synchronized void tamper(String stream, UnaryOperator<List<AuditRecord>> edit) {
    streams.put(stream, new ArrayList<>(edit.apply(new ArrayList<>(streams.getOrDefault(stream, List.of())))));
  }
}
