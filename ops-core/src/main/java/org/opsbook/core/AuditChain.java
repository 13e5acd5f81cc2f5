package org.opsbook.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.Hashing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash chain of the audit log: each record's hash is SHA-256 over the previous record's hash and a canonical
 * form of the record. Every implementation of {@link org.opsbook.core.spi.AuditLog} seals and verifies with these
 * functions, so a chain written by one can be verified by another.
 */
public final class AuditChain {
  /** The previous hash of the first record of a stream: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * Seals {@code entry} as record {@code sequence} after a record whose hash is {@code previousHash}.
   *
   * @param entry the entry
   * @param sequence its position in the stream, from 1
   * @param previousHash the previous record's hash, {@link #GENESIS} for the first
   * @return the sealed record
   */
  public static AuditRecord seal(AuditEntry entry, long sequence, String previousHash) {
    return AuditRecord.builder()
        .entry(entry)
        .sequence(sequence)
        .previousHash(previousHash)
        .hash(hash(entry, sequence, previousHash))
        .build();
  }

  /**
   * Computes the hash of a record from its parts.
   *
   * @return lower-case hex SHA-256
   */
  public static String hash(AuditEntry entry, long sequence, String previousHash) {
    return Hashing.sha256().hashString(canonical(entry, sequence, previousHash), UTF_8).toString();
  }

  /**
   * The canonical text that is hashed: every field in a fixed order, each length-prefixed so no two records share a
   * form.
   */
  static String canonical(AuditEntry e, long sequence, String previousHash) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, previousHash);
    field(sb, Long.toString(sequence));
    field(sb, e.stream());
    field(sb, e.at().toString());
    field(sb, e.actorId());
    field(sb, e.action());
    field(sb, e.fromState().orElse(""));
    field(sb, e.toState().orElse(""));
    field(sb, Integer.toString(e.ruleIds().size()));
    for (RuleId id : e.ruleIds()) {
      field(sb, id.value());
    }
    field(sb, Integer.toString(e.details().size()));
    // sorted here: equal entries must hash equally whatever order their evidence map iterates in (a map built in
    // insertion order and the same map read back from storage are equal)
    for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet()) {
      field(sb, d.getKey());
      field(sb, d.getValue());
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String value) {
    sb.append(value.length()).append(':').append(value).append(';');
  }

  /**
   * Verifies a stream read in sequence order: sequences run 1, 2, 3 … without gaps, each record links to the previous
   * hash, and each hash matches its contents.
   *
   * @param stream the stream name, for the report
   * @param records the records as stored, in the order storage returned them (by sequence)
   * @return the verification, naming the first broken record if any
   */
  public static AuditVerification verify(String stream, List<AuditRecord> records) {
    String previous = GENESIS;
    long expected = 1;
    for (AuditRecord r : records) {
      if (!r.stream().equals(stream)) {
        return AuditVerification.broken(stream, r.sequence(), "record belongs to stream " + r.stream());
      }
      if (r.sequence() != expected) {
        return AuditVerification.broken(stream, expected,
            "expected sequence " + expected + " but found " + r.sequence() + " (deleted or reordered)");
      }
      if (!r.previousHash().equals(previous)) {
        return AuditVerification.broken(stream, r.sequence(), "previous hash does not match record "
            + (r.sequence() - 1) + " (a record was changed, deleted or reordered)");
      }
      String recomputed = hash(r.entry(), r.sequence(), r.previousHash());
      if (!recomputed.equals(r.hash())) {
        return AuditVerification.broken(stream, r.sequence(), "hash does not match contents (record changed)");
      }
      previous = r.hash();
      expected++;
    }
    return AuditVerification.ok(stream, records.size(), Optional.of(previous).filter(h -> !records.isEmpty()));
  }

  /**
   * Verifies a stream as {@link #verify(String, List)} does, and also that none of its last records are missing: the
   * log remembers how many records it sealed ({@code sealedCount}), so deleting the tail is named too.
   *
   * @param sealedCount how many records the log sealed into the stream
   */
  public static AuditVerification verify(String stream, List<AuditRecord> records, long sealedCount) {
    AuditVerification v = verify(stream, records);
    if (v.intact() && records.size() < sealedCount) {
      long missing = records.size() + 1L;
      return AuditVerification.broken(stream, missing, "record " + missing + " and after are missing (deleted); "
          + sealedCount + " were sealed");
    }
    return v;
  }
}
