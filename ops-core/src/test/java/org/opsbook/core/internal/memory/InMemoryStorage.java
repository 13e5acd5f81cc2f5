package org.opsbook.core.internal.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.spi.contract.StorageFixture;

/** The in-memory implementations under the port contract suites; tampering goes through the log's back door. */
final class InMemoryStorage implements StorageFixture {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryFaultRepository faults = new InMemoryFaultRepository(audit);
  private final InMemoryObligationRepository obligations = new InMemoryObligationRepository();
  private final InMemoryWorkflowRepository workflows = new InMemoryWorkflowRepository(audit);
  private final InMemoryMessageOutbox outbox = new InMemoryMessageOutbox();

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public FaultRepository faults() {
    return faults;
  }

  @Override
  public ObligationRepository obligations() {
    return obligations;
  }

  @Override
  public WorkflowRepository workflows() {
    return workflows;
  }

  @Override
  public MessageOutbox outbox() {
    return outbox;
  }

  @Override
  public void changeAuditAction(String stream, long sequence, String action) {
    rewrite(stream, out -> {
      AuditRecord r = out.get((int) sequence - 1);
      AuditEntry e = r.entry();
      AuditEntry forged = AuditEntry.builder().stream(e.stream()).at(e.at()).actorId(e.actorId()).action(action)
          .fromState(e.fromState()).toState(e.toState()).addAllRuleIds(e.ruleIds()).putAllDetails(e.details())
          .build();
      out.set((int) sequence - 1, AuditRecord.builder().entry(forged).sequence(r.sequence())
          .previousHash(r.previousHash()).hash(r.hash()).build());
    });
  }

  @Override
  public void deleteAuditRecord(String stream, long sequence) {
    rewrite(stream, out -> out.remove((int) sequence - 1));
  }

  @Override
  public void swapAuditRecords(String stream, long a, long b) {
    rewrite(stream, out -> {
      AuditRecord ra = out.get((int) a - 1);
      AuditRecord rb = out.get((int) b - 1);
      out.set((int) a - 1, renumber(rb, a));
      out.set((int) b - 1, renumber(ra, b));
    });
  }

  /** Edits a copy of the stream's records in place and puts it where they were, through the back door. */
  private void rewrite(String stream, Consumer<List<AuditRecord>> edit) {
    audit.tamper(stream, records -> {
      List<AuditRecord> out = new ArrayList<>(records);
      edit.accept(out);
      return out;
    });
  }

  private static AuditRecord renumber(AuditRecord r, long sequence) {
    return AuditRecord.builder().entry(r.entry()).sequence(sequence).previousHash(r.previousHash()).hash(r.hash())
        .build();
  }
}
