package org.opsbook.core.internal.memory;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.opsbook.core.internal.audit.AuditChain;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/** An {@link AuditLog} in memory, sealed under the demo key unless given one. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
  private final AuditChain chain;
  private final Map<String, List<AuditRecord>> streams = new TreeMap<>();
  /** Each stream's sealed head: what a tamperer of the records does not see. */
  private final Map<String, AuditChain.Head> heads = new HashMap<>();
  private long global;

  /** Creates a log sealed under the published demo key ({@link AuditChain#demo()}). */
  public InMemoryAuditLog() {
    this(AuditChain.demo());
  }

  /** Creates a log sealed with {@code chain}'s key. */
  public InMemoryAuditLog(AuditChain chain) {
    this.chain = chain;
  }

  @Override
  public synchronized AuditRecord append(AuditEntry entry) {
    List<AuditRecord> records = streams.computeIfAbsent(entry.stream(), s -> new ArrayList<>());
    AuditChain.Head head = heads.get(entry.stream());
    long seq = head == null ? 1 : head.sequence() + 1;
    String previous = head == null ? AuditChain.GENESIS : head.hash();
    AuditRecord record = chain.seal(PersonalData.forStorage(entry), seq, ++global, previous);
    records.add(record);
    heads.put(entry.stream(), new AuditChain.Head(entry.stream(), seq, record.hash(), global,
        chain.sealHead(entry.stream(), seq, record.hash(), global)));
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
    for (List<AuditRecord> records : streams.values()) {
      for (AuditRecord r : records) {
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
    return ImmutableList.copyOf(new TreeSet<>(heads.keySet()));
  }

  private List<AuditRecord> ordered(String stream) {
    List<AuditRecord> rows = new ArrayList<>(streams.getOrDefault(stream, List.of()));
    rows.sort(Comparator.comparingLong(AuditRecord::sequence));
    return rows;
  }

  @Override
  public synchronized AuditVerification verify(String stream) {
    return chain.verify(stream, ordered(stream), Optional.ofNullable(heads.get(stream)));
  }

  @Override
  public synchronized List<AuditVerification> verifyAll() {
    List<AuditVerification> broken = new ArrayList<>();
    List<AuditVerification> intact = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(heads.keySet());
    names.addAll(streams.keySet());
    TreeSet<Long> globals = new TreeSet<>();
    for (String s : names) {
      AuditVerification v = verify(s);
      (v.intact() ? intact : broken).add(v);
      streams.getOrDefault(s, List.of()).forEach(r -> globals.add(r.globalSequence()));
    }
    for (long g = 1; g <= global; g++) {
      if (!globals.contains(g)) {
        broken.add(AuditVerification.broken("(global)", g, "global sequence " + g + " is missing (a record deleted,"
            + " a tail cut or a stream deleted with its head)"));
        break;
      }
    }
    broken.addAll(intact);
    return broken;
  }

  @Override
  public synchronized AuditCheckpoint checkpoint(Instant at) {
    return chain.checkpoint(at, global, heads);
  }

  @Override
  public synchronized List<AuditVerification> verifyAgainst(AuditCheckpoint checkpoint) {
    return chain.verifyAgainst(checkpoint, this::stored);
  }

  /** A stream's records in sequence order and its head, as stored (called under this log's lock). */
  private Map.Entry<List<AuditRecord>, Optional<AuditChain.Head>> stored(String stream) {
    return new AbstractMap.SimpleEntry<>(ordered(stream), Optional.ofNullable(heads.get(stream)));
  }

  @Override
  public synchronized AuditCheckpoint checkpointAfter(AuditCheckpoint previous, Instant at) {
    Map<String, AuditChain.Head> changed = new HashMap<>();
    heads.forEach((s, h) -> {
      if (h.globalSequence() > previous.globalSequence()) {
        changed.put(s, h);
      }
    });
    return chain.checkpointAfter(previous, at, global, changed);
  }

  @Override
  public synchronized List<AuditVerification> verifyAgainst(List<AuditCheckpoint> checkpoints) {
    return chain.verifyChain(checkpoints, this::stored);
  }

  /**
   * Rewrites the stored records of a stream, bypassing the append-only rule as someone with direct storage access
   * would. For tamper-detection tests only.
   */
  public synchronized void tamper(String stream, UnaryOperator<List<AuditRecord>> edit) {
    streams.put(stream, new ArrayList<>(edit.apply(new ArrayList<>(streams.getOrDefault(stream, List.of())))));
  }
}
