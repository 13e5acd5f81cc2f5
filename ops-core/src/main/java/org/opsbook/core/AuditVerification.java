package org.opsbook.core;

import java.util.Optional;

/**
 * The result of verifying one audit stream.
 *
 * @param stream the stream verified
 * @param intact true when the whole chain verified
 * @param recordCount how many records were checked (up to the first broken one)
 * @param firstBrokenSequence the sequence number of the first broken record, when not intact
 * @param problem what is wrong with it, when not intact
 * @param headHash the hash of the last record of an intact, non-empty chain
 */
public record AuditVerification(String stream, boolean intact, long recordCount,
    Optional<Long> firstBrokenSequence, Optional<String> problem, Optional<String> headHash) {

  /** Returns an intact verification of {@code count} records. */
  public static AuditVerification ok(String stream, long count, Optional<String> headHash) {
    return new AuditVerification(stream, true, count, Optional.empty(), Optional.empty(), headHash);
  }

  /** Returns a verification broken at {@code sequence}. */
  public static AuditVerification broken(String stream, long sequence, String problem) {
    return new AuditVerification(stream, false, Math.max(0, sequence - 1), Optional.of(sequence),
        Optional.of(problem), Optional.empty());
  }
}
