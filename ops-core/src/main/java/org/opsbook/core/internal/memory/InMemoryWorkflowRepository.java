package org.opsbook.core.internal.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.ConcurrentUpdateException;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.internal.storage.StorageArguments;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;

/** A {@link WorkflowRepository} in memory, sealing audit entries into the given log. Thread-safe. */
public final class InMemoryWorkflowRepository implements WorkflowRepository {
  private final AuditLog auditLog;
  private final Map<String, WorkflowInstance> instances = new HashMap<>();
  private final Map<String, List<TransitionRecord>> histories = new HashMap<>();

  /** Creates a repository that seals audit entries into {@code auditLog}. */
  public InMemoryWorkflowRepository(AuditLog auditLog) {
    this.auditLog = checkNotNull(auditLog, "auditLog");
  }

  @Override
  public synchronized void create(WorkflowInstance instance, List<AuditEntry> audit) {
    StorageArguments.checkWorkflowCreate(instance);
    if (instances.containsKey(instance.id())) {
      throw new ConcurrentUpdateException(instance.id(), 0, instances.get(instance.id()).version());
    }
    auditLog.appendAll(audit);
    instances.put(instance.id(), instance);
    histories.put(instance.id(), new ArrayList<>());
  }

  @Override
  public synchronized WorkflowInstance transition(String instanceId, long expectedVersion,
      TransitionRecord transition, String newDataJson, List<AuditEntry> audit) {
    StorageArguments.checkTransition(instanceId, expectedVersion, transition);
    WorkflowInstance current = instances.get(instanceId);
    if (current == null) {
      throw new ConcurrentUpdateException(instanceId, expectedVersion, -1);
    }
    if (current.version() != expectedVersion) {
      throw new ConcurrentUpdateException(instanceId, expectedVersion, current.version());
    }
    StorageArguments.checkTransitionFrom(transition, current.state());
    auditLog.appendAll(audit);
    WorkflowInstance next = WorkflowInstance.builder()
        .id(instanceId)
        .machine(current.machine())
        .state(transition.toState())
        .version(expectedVersion + 1)
        .dataJson(newDataJson)
        .createdAt(current.createdAt())
        .updatedAt(transition.at())
        .build();
    instances.put(instanceId, next);
    histories.get(instanceId).add(transition);
    return next;
  }

  @Override
  public synchronized Optional<WorkflowInstance> find(String instanceId) {
    return Optional.ofNullable(instances.get(instanceId));
  }

  @Override
  public synchronized List<TransitionRecord> history(String instanceId) {
    return ImmutableList.copyOf(histories.getOrDefault(instanceId, List.of()));
  }

  @Override
  public synchronized List<WorkflowInstance> list(String machine) {
    List<WorkflowInstance> out = new ArrayList<>();
    for (WorkflowInstance i : instances.values()) {
      if (i.machine().equals(machine)) {
        out.add(i);
      }
    }
    out.sort(Comparator.comparing(WorkflowInstance::updatedAt).reversed().thenComparing(WorkflowInstance::id));
    return out;
  }
}
