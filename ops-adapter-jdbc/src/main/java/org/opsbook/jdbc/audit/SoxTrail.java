package org.opsbook.jdbc.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.RuleId;

/**
 * One operation's audit trail in a SOX export: every record in order, when each step of the chain last happened,
 * which steps are missing, which are out of order (DATAOP-MOD-18), and whether the stored chain verifies.
 *
 * @param stream the audit stream, e.g. {@code dataop:DM-42}
 * @param kind a modification or an extraction, which decides the steps required
 * @param verification the hash-chain verification of the stream as stored
 * @param entries the records in sequence order
 * @param stepTimes when each step last happened (a rework repeats 技术审批 and 执行)
 * @param missingSteps the steps with no record, in chain order
 * @param orderViolations each step that happened before the step it must follow, naming DATAOP-MOD-18, each
 *     breach of separation of duties between the people of the trail (DATAOP-MOD-14, DATAOP-MOD-12, DATAOP-EXT-05),
 *     compared by canonical person ID, and each rule a step recorded as broken as it happened (an extraction run
 *     into the peak hours, DATAOP-EXT-04)
 */
public record SoxTrail(String stream, Kind kind, AuditVerification verification, List<Entry> entries,
    Map<SoxStep, Instant> stepTimes, List<SoxStep> missingSteps, List<String> orderViolations) {

  /** Copies the collections. */
  public SoxTrail {
    entries = List.copyOf(entries);
    stepTimes = Map.copyOf(stepTimes);
    missingSteps = List.copyOf(missingSteps);
    orderViolations = List.copyOf(orderViolations);
  }

  /** Which data operation a trail records. */
  public enum Kind {
    /** A back-end data modification (SM-DATAOP-MOD): all four steps. */
    MODIFICATION,
    /**
     * A back-end data extraction (SM-DATAOP-EXT): all four steps too, its 业务审批 being 数据分析室's request
     * (「所有数据管理操作」, DATAOP-MOD-18).
     */
    EXTRACTION;

    /** Returns true when this kind of operation must record {@code step}: every data operation records all four. */
    public boolean requires(SoxStep step) {
      return true;
    }
  }

  /** Returns true when the chain verifies and every step is present and in order. */
  public boolean compliant() {
    return verification.intact() && missingSteps.isEmpty() && orderViolations.isEmpty();
  }

  /**
   * One audit record as exported.
   *
   * @param sequence its position in the stream
   * @param at when it happened
   * @param actorId who did it (masked as an ID unless exported with the right)
   * @param action the event or decision
   * @param fromState the state before, for a transition
   * @param toState the state after
   * @param step the SOX step it records, if any
   * @param ruleIds the rules behind it
   * @param details the evidence, masked unless exported with the right
   * @param previousHash the previous record's hash
   * @param hash this record's hash
   */
  public record Entry(long sequence, Instant at, String actorId, String action, Optional<String> fromState,
      Optional<String> toState, Optional<SoxStep> step, List<RuleId> ruleIds, Map<String, String> details,
      String previousHash, String hash) {
    /** Copies the collections. */
    public Entry {
      ruleIds = List.copyOf(ruleIds);
      details = Map.copyOf(details);
    }
  }
}
