package org.opsbook.rules.internal.queue;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.opsbook.core.OpsParameters;
import org.opsbook.rules.duty.FaultTracker;
import org.opsbook.rules.internal.classify.ImpliedFacts;

/**
 * The handling priority of a work queue (FAULT-GEN-02, ESC-HANDLE-06, ESC-REQ-01): escalated faults first
 * (「升级故障值班人员在接到升级故障投诉时应当优先处理」), then by level, L2 before L1 before a general fault, then by the
 * customers affected, most first (「应正确估计故障的影响面,决定故障的处理优先级别」), then the earlier detected, then by ID so
 * the order is total. Stateless.
 *
 * <pre>{@code
 * List<QueueItem> queue = WorkQueue.sorted(trackers.stream()
 *     .map(t -> WorkQueue.item(t, parameters)).toList());
 * }</pre>
 */
public final class WorkQueue {
  /** The priority order: the first item is handled first. Consistent with equals of {@link QueueItem}. */
  public static final Comparator<QueueItem> PRIORITY = Comparator
      .comparing(QueueItem::escalated, Comparator.reverseOrder())
      .thenComparing(QueueItem::level, Comparator.reverseOrder())
      .thenComparing(QueueItem::affectedCustomers, Comparator.reverseOrder())
      .thenComparing(QueueItem::detectedAt)
      .thenComparing(QueueItem::faultId);

  private WorkQueue() {}

  /**
   * Returns the queue item of a fault as the obligations engine tracks it: escalated when its peak level is L1 or L2,
   * its current level, its affected customers under {@code p} (§2.1, A-42), detected at its {@code detectedAt}, else
   * its opening.
   *
   * @throws IllegalArgumentException when the fault has not been opened
   */
  public static QueueItem item(FaultTracker fault, OpsParameters p) {
    checkNotNull(fault, "fault");
    checkNotNull(p, "p");
    checkArgument(fault.openedAt().isPresent(), "fault %s has not been opened", fault.faultId());
    Instant detected = fault.facts().detectedAt().orElse(fault.openedAt().get());
    return new QueueItem(fault.faultId(), fault.peakLevel().isEscalated(), fault.currentLevel(),
        ImpliedFacts.affectedCustomers(fault.facts(), p), detected);
  }

  /** Returns {@code items} in {@link #PRIORITY} order, as a new list. */
  public static List<QueueItem> sorted(Collection<QueueItem> items) {
    List<QueueItem> out = new ArrayList<>(checkNotNull(items, "items"));
    out.sort(PRIORITY);
    return out;
  }
}
