package org.opsbook.core.internal.memory;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/** An {@link ObligationRepository} in memory. Thread-safe. */
public final class InMemoryObligationRepository implements ObligationRepository {
  private static final Comparator<ScheduledObligation> DUE_ORDER =
      Comparator.comparing(ScheduledObligation::dueAt).thenComparing(o -> o.key().toString());

  private final Map<ObligationKey, ScheduledObligation> pending = new HashMap<>();
  private final Map<ObligationKey, Lease> leases = new HashMap<>();
  private final Set<ObligationKey> finished = new HashSet<>();
  private final Set<ObligationKey> fired = new HashSet<>();
  private final Map<ObligationKey, Long> generations = new HashMap<>();

  private record Lease(String owner, Instant until, long generation) {}

  @Override
  public synchronized boolean schedule(ScheduledObligation obligation) {
    ObligationKey key = obligation.key();
    if (finished.contains(key)) {
      return false;
    }
    pending.put(key, obligation);
    return true;
  }

  @Override
  public synchronized int scheduleAll(Collection<ScheduledObligation> obligations) {
    int n = 0;
    for (ScheduledObligation o : obligations) {
      if (schedule(o)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized boolean cancel(ObligationKey key) {
    if (pending.remove(key) == null) {
      return false;
    }
    leases.remove(key);
    finished.add(key);
    return true;
  }

  @Override
  public synchronized int cancelSubject(String subjectId) {
    List<ObligationKey> keys = new ArrayList<>();
    for (ObligationKey k : pending.keySet()) {
      if (k.subjectId().equals(subjectId)) {
        keys.add(k);
      }
    }
    for (ObligationKey k : keys) {
      cancel(k);
    }
    return keys.size();
  }

  @Override
  public synchronized List<ClaimedObligation> claimDue(Instant now, int limit, String owner, Duration lease) {
    checkArgument(limit > 0, "limit must be > 0: %s", limit);
    List<ScheduledObligation> due = new ArrayList<>();
    for (ScheduledObligation o : pending.values()) {
      if (!claimableAt(o).isAfter(now)) {
        due.add(o);
      }
    }
    due.sort(Comparator.comparing(this::claimableAt).thenComparing(o -> o.key().toString()));
    List<ClaimedObligation> claimed = new ArrayList<>(Math.min(limit, due.size()));
    Instant until = now.plus(lease);
    for (ScheduledObligation o : due.subList(0, Math.min(limit, due.size()))) {
      long generation = generations.merge(o.key(), 1L, Long::sum);
      leases.put(o.key(), new Lease(owner, until, generation));
      claimed.add(new ClaimedObligation(o, owner, until, generation));
    }
    return claimed;
  }

  /** When {@code o} may be claimed: its due time, or the end of its lease if that is later. */
  private Instant claimableAt(ScheduledObligation o) {
    Lease l = leases.get(o.key());
    return l == null || l.until().isBefore(o.dueAt()) ? o.dueAt() : l.until();
  }

  @Override
  public synchronized int heartbeat(String owner, Instant now, Duration lease) {
    int n = 0;
    for (Map.Entry<ObligationKey, Lease> e : leases.entrySet()) {
      Lease l = e.getValue();
      if (l.owner().equals(owner) && l.until().isAfter(now)) {
        e.setValue(new Lease(owner, now.plus(lease), l.generation()));
        n++;
      }
    }
    return n;
  }

  private boolean holds(ClaimedObligation claim) {
    ObligationKey key = claim.scheduled().key();
    Lease l = leases.get(key);
    return l != null && l.owner().equals(claim.owner()) && l.generation() == claim.generation()
        && pending.containsKey(key);
  }

  @Override
  public synchronized Optional<ClaimedObligation> renew(ClaimedObligation claim, Instant now, Duration lease) {
    ObligationKey key = claim.scheduled().key();
    if (!holds(claim) || !leases.get(key).until().isAfter(now)) {
      return Optional.empty();
    }
    Instant until = now.plus(lease);
    leases.put(key, new Lease(claim.owner(), until, claim.generation()));
    return Optional.of(new ClaimedObligation(claim.scheduled(), claim.owner(), until, claim.generation()));
  }

  @Override
  public synchronized boolean complete(ClaimedObligation claim, Instant firedAt) {
    ObligationKey key = claim.scheduled().key();
    if (!holds(claim)) {
      return false;
    }
    pending.remove(key);
    leases.remove(key);
    finished.add(key);
    fired.add(key);
    return true;
  }

  @Override
  public synchronized boolean fail(ClaimedObligation claim, String error, Instant retryAt) {
    ObligationKey key = claim.scheduled().key();
    if (!holds(claim)) {
      return false;
    }
    ScheduledObligation o = pending.get(key);
    pending.put(key, ScheduledObligation.builder().obligation(o.obligation()).dueAt(retryAt)
        .attempts(o.attempts() + 1).lastError(error).build());
    leases.remove(key);
    return true;
  }

  @Override
  public synchronized boolean repeat(ClaimedObligation claim, ScheduledObligation next) {
    ObligationRepository.checkRepeat(claim, next);
    if (!holds(claim)) {
      return false;
    }
    pending.put(next.key(), ScheduledObligation.builder().obligation(next.obligation()).dueAt(next.dueAt()).build());
    leases.remove(next.key());
    return true;
  }

  @Override
  public synchronized Optional<ScheduledObligation> find(ObligationKey key) {
    return Optional.ofNullable(pending.get(key));
  }

  @Override
  public synchronized boolean hasFired(ObligationKey key) {
    return fired.contains(key);
  }

  @Override
  public synchronized List<ScheduledObligation> pending(String subjectId) {
    List<ScheduledObligation> out = new ArrayList<>();
    for (ScheduledObligation o : pending.values()) {
      if (o.key().subjectId().equals(subjectId)) {
        out.add(o);
      }
    }
    out.sort(DUE_ORDER);
    return out;
  }

  @Override
  public synchronized Optional<Instant> nextDueAt() {
    return pending.values().stream().map(this::claimableAt).min(Comparator.naturalOrder());
  }
}
