package org.opsbook.core.internal.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;

/**
 * The sealed chain of the audit log. Each record is sealed with HMAC-SHA256 under a key the host supplies and the
 * database does not hold, over the previous record's seal, its position in its stream, its position in the log's
 * global sequence and a canonical form of its entry: someone who can write the tables (even with the append-only
 * triggers disabled) can delete or reorder records but cannot forge, rewrite or renumber one without the key, and
 * {@link #verify} names the first record that does not check out.
 *
 * <p>Heads and checkpoints are sealed with the same key: {@link #checkpoint} seals every stream's head and the
 * global sequence at a moment, for the host to export and keep elsewhere; {@link #verifyAgainst} later finds a
 * stream cut back or deleted since. Every {@link org.opsbook.core.spi.AuditLog} seals and verifies with these
 * functions, so a chain written by one can be verified by another holding the same key.
 *
 * <p>{@link #demo()} uses a published key: fit for demos and tests only, since anyone can recompute its seals.
 */
public final class AuditChain {
  /** The previous hash of the first record of a stream: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** The published key of {@link #demo()}: not a secret. */
  private static final byte[] DEMO_KEY =
      "opsbook demo audit key: published, for demos and tests only".getBytes(UTF_8);

  private static final AuditChain DEMO = new AuditChain(DEMO_KEY);

  private final HashFunction mac;

  private AuditChain(byte[] key) {
    this.mac = Hashing.hmacSha256(key.clone());
  }

  /**
   * Returns a chain sealed under {@code key}.
   *
   * @param key the host's secret, at least 32 bytes
   * @throws InvalidInputException for a shorter key
   */
  public static AuditChain withKey(byte[] key) {
    if (key == null || key.length < 32) {
      throw new InvalidInputException("auditKey", "an audit key needs at least 32 bytes");
    }
    return new AuditChain(key);
  }

  /** Returns the chain under the published demo key: for demos and tests only, never for an audit that matters. */
  public static AuditChain demo() {
    return DEMO;
  }

  /**
   * Seals {@code entry} as record {@code sequence} of its stream and {@code globalSequence} of the log, after a record
   * whose seal is {@code previousHash}.
   */
  public AuditRecord seal(AuditEntry entry, long sequence, long globalSequence, String previousHash) {
    return AuditRecord.builder()
        .entry(entry)
        .sequence(sequence)
        .globalSequence(globalSequence)
        .previousHash(previousHash)
        .hash(hash(entry, sequence, globalSequence, previousHash))
        .build();
  }

  /**
   * Computes the seal of a record from its parts.
   *
   * @return lower-case hex HMAC-SHA256
   */
  public String hash(AuditEntry entry, long sequence, long globalSequence, String previousHash) {
    return mac(canonical(entry, sequence, globalSequence, previousHash));
  }

  /** Seals a stream's head (what the log stores next to the records) so it cannot be set to made-up values. */
  public String sealHead(String stream, long sequence, String hash, long globalSequence) {
    StringBuilder sb = new StringBuilder("head;");
    field(sb, stream);
    field(sb, Long.toString(sequence));
    field(sb, hash);
    field(sb, Long.toString(globalSequence));
    return mac(sb.toString());
  }

  /**
   * Seals the log's global sequence counter.
   *
   * @param anchored the log holds no record from before V3 (no key, global sequence 0), so none may appear in it
   *     again: a record without a seal found later was inserted by someone without the key, and no re-anchoring or
   *     change of key may seal it. The seal says which, and cannot be turned into the other without the key.
   */
  public String sealGlobal(long globalSequence, boolean anchored) {
    return mac((anchored ? "global;anchored;" : "global;") + globalSequence);
  }

  /**
   * Returns true when {@code seal} is this key's seal of the global counter at {@code globalSequence}, anchored or
   * not, or nothing is sealed yet (0: an empty log, or only records from before V3).
   */
  public boolean sealsGlobal(long globalSequence, String seal) {
    return globalSequence == 0 || sealGlobal(globalSequence, true).equals(seal)
        || sealGlobal(globalSequence, false).equals(seal);
  }

  /**
   * Returns true when {@code seal} is this key's seal of an anchored log's global counter at {@code globalSequence}
   * ({@link #sealGlobal(long, boolean)}): records from before V3 are no longer accepted in it.
   */
  public boolean sealsAnchoredGlobal(long globalSequence, String seal) {
    return globalSequence > 0 && sealGlobal(globalSequence, true).equals(seal);
  }

  private String mac(String text) {
    return mac.hashString(text, UTF_8).toString();
  }

  /**
   * The canonical text that is sealed: every field in a fixed order, each length-prefixed so no two records share a
   * form.
   */
  static String canonical(AuditEntry e, long sequence, long globalSequence, String previousHash) {
    return canonical(e, sequence, Long.toString(globalSequence), previousHash);
  }

  /**
   * The canonical text of a record as the log formed it before records carried a global sequence (format V2: the
   * same fields without it), for re-anchoring such records under a key. Must stay byte-exact.
   */
  public static String legacyCanonical(AuditEntry e, long sequence, String previousHash) {
    return canonical(e, sequence, null, previousHash);
  }

  private static String canonical(AuditEntry e, long sequence, String globalSequence, String previousHash) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, previousHash);
    field(sb, Long.toString(sequence));
    if (globalSequence != null) {
      field(sb, globalSequence);
    }
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
    // sorted here: equal entries must hash equally whatever order their evidence map iterates in
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
   * Verifies the rows stored for a stream, in sequence order (rows sharing a sequence in any order): sequences run 1,
   * 2, 3 … without gaps, each record links to the previous seal and its own seal matches its contents under the key.
   * A row that does not check out where a sealed record does (a junk or forged row next to a genuine one) is named
   * too.
   *
   * @param stream the stream name, for the report
   * @param rows the rows as stored, ordered by sequence
   * @return the verification, naming the first broken record if any
   */
  public AuditVerification verify(String stream, List<AuditRecord> rows) {
    String previous = GENESIS;
    long expected = 1;
    long lastGlobal = 0;
    int i = 0;
    while (i < rows.size()) {
      List<AuditRecord> same = new ArrayList<>();
      long seq = rows.get(i).sequence();
      while (i < rows.size() && rows.get(i).sequence() == seq) {
        same.add(rows.get(i++));
      }
      for (AuditRecord r : same) {
        if (!r.stream().equals(stream)) {
          return AuditVerification.broken(stream, r.sequence(), "record belongs to stream " + r.stream());
        }
      }
      if (seq != expected) {
        return AuditVerification.broken(stream, expected,
            "expected sequence " + expected + " but found " + seq + " (deleted or renumbered)");
      }
      AuditRecord genuine = null;
      for (AuditRecord r : same) {
        if (r.previousHash().equals(previous) && r.globalSequence() > lastGlobal
            && hash(r.entry(), r.sequence(), r.globalSequence(), r.previousHash()).equals(r.hash())) {
          genuine = r;
        }
      }
      if (genuine == null) {
        AuditRecord r = same.get(0);
        String why = !r.previousHash().equals(previous)
            ? "previous seal does not match record " + (seq - 1) + " (a record was changed, deleted, inserted or"
                + " reordered)"
            : r.globalSequence() <= lastGlobal ? "global sequence runs backwards (records swapped or renumbered)"
            : "seal does not match contents under the audit key (changed or forged)";
        return AuditVerification.broken(stream, seq, why);
      }
      if (same.size() > 1) {
        return AuditVerification.broken(stream, seq, (same.size() - 1) + " row(s) at this sequence were not sealed"
            + " by the log (forged or junk)");
      }
      previous = genuine.hash();
      lastGlobal = genuine.globalSequence();
      expected++;
    }
    long count = expected - 1;
    return AuditVerification.ok(stream, count, Optional.of(previous).filter(h -> count > 0));
  }

  /**
   * Verifies a stream as {@link #verify(String, List)} does, and against its head as the log stored it: the head's
   * seal must check out, and the chain must end exactly at the head (a cut tail or a record appended around the log
   * is named).
   *
   * @param head the stored head, or empty when the log has no head for the stream
   */
  public AuditVerification verify(String stream, List<AuditRecord> rows, Optional<Head> head) {
    // the records first: the first one that does not check out under the key is the one to name
    AuditVerification v = verify(stream, rows);
    if (!v.intact()) {
      return v;
    }
    if (head.isEmpty()) {
      return rows.isEmpty() ? v : AuditVerification.broken(stream, 1, "the stream has records but no head in the"
          + " log's registry (head deleted)");
    }
    Head h = head.get();
    if (h.sequence() > 0 && !sealHead(stream, h.sequence(), h.hash(), h.globalSequence()).equals(h.seal())) {
      return AuditVerification.broken(stream, Math.max(1, Math.min(h.sequence(), v.recordCount() + 1)),
          "the stream's head does not match its seal (head changed)");
    }
    if (v.recordCount() < h.sequence()) {
      long missing = v.recordCount() + 1;
      return AuditVerification.broken(stream, missing, "record " + missing + " and after are missing (deleted); "
          + h.sequence() + " were sealed");
    }
    if (v.recordCount() > h.sequence()) {
      long extra = h.sequence() + 1;
      return AuditVerification.broken(stream, extra, "record " + extra + " lies beyond the head (" + h.sequence()
          + "): not appended by the log");
    }
    if (h.sequence() > 0 && !v.headHash().orElse("").equals(h.hash())) {
      return AuditVerification.broken(stream, h.sequence(), "the last record is not the one the head sealed");
    }
    return v;
  }

  /**
   * A stream's head as the log stores it.
   *
   * @param stream the stream
   * @param sequence the last sealed sequence
   * @param hash the last record's seal
   * @param globalSequence the last record's global sequence
   * @param seal {@link #sealHead} of the above
   */
  public record Head(String stream, long sequence, String hash, long globalSequence, String seal) {}

  /** Returns a sealed checkpoint of {@code heads} (a stream's name to its head) at {@code at}. */
  public AuditCheckpoint checkpoint(Instant at, long globalSequence, Map<String, Head> heads) {
    Map<String, AuditCheckpoint.StreamHead> sorted = new TreeMap<>();
    for (Head h : heads.values()) {
      sorted.put(h.stream(), new AuditCheckpoint.StreamHead(h.sequence(), h.hash()));
    }
    return new AuditCheckpoint(at, globalSequence, sorted, checkpointSeal(at, globalSequence, sorted));
  }

  /**
   * Returns a sealed delta of {@code previous}: the heads in {@code changed} (those appended to since {@code previous}
   * was taken), chained to {@code previous}'s seal.
   */
  public AuditCheckpoint checkpointAfter(AuditCheckpoint previous, Instant at, long globalSequence,
      Map<String, Head> changed) {
    Map<String, AuditCheckpoint.StreamHead> sorted = new TreeMap<>();
    for (Head h : changed.values()) {
      sorted.put(h.stream(), new AuditCheckpoint.StreamHead(h.sequence(), h.hash()));
    }
    Optional<String> after = Optional.of(previous.seal());
    return new AuditCheckpoint(at, globalSequence, sorted, checkpointSeal(at, globalSequence, sorted, after), after);
  }

  private String checkpointSeal(AuditCheckpoint cp) {
    return checkpointSeal(cp.at(), cp.globalSequence(), cp.heads(), cp.after());
  }

  private String checkpointSeal(Instant at, long globalSequence, Map<String, AuditCheckpoint.StreamHead> heads) {
    return checkpointSeal(at, globalSequence, heads, Optional.empty());
  }

  // a full checkpoint's seal is unchanged; a delta's starts with another tag and covers the seal it follows, so
  // neither passes for the other
  private String checkpointSeal(Instant at, long globalSequence, Map<String, AuditCheckpoint.StreamHead> heads,
      Optional<String> after) {
    StringBuilder sb = new StringBuilder(after.isPresent() ? "checkpoint-delta;" : "checkpoint;");
    after.ifPresent(a -> field(sb, a));
    field(sb, at.toString());
    field(sb, Long.toString(globalSequence));
    for (Map.Entry<String, AuditCheckpoint.StreamHead> e : new TreeMap<>(heads).entrySet()) {
      field(sb, e.getKey());
      field(sb, Long.toString(e.getValue().sequence()));
      field(sb, e.getValue().hash());
    }
    return mac(sb.toString());
  }

  /**
   * Verifies the log as it is now against a checkpoint taken earlier: the checkpoint's own seal, and for every stream
   * it names, that the stream still holds the sealed record at the checkpoint's sequence and verifies up to its head.
   * A stream deleted or cut back since is named with the first record missing.
   *
   * @param reader the stream's stored rows by sequence, and its head
   * @return one verification per stream of the checkpoint, broken ones first
   */
  public List<AuditVerification> verifyAgainst(AuditCheckpoint checkpoint,
      Function<String, Map.Entry<List<AuditRecord>, Optional<Head>>> reader) {
    List<AuditVerification> broken = new ArrayList<>();
    if (!checkpointSeal(checkpoint).equals(checkpoint.seal())) {
      broken.add(AuditVerification.broken("(checkpoint)", 1, "the checkpoint's seal does not match (forged or"
          + " altered, or sealed under another key)"));
      return broken;
    }
    Map<String, Map.Entry<AuditCheckpoint.StreamHead, Instant>> heads = new LinkedHashMap<>();
    checkpoint.heads().forEach((s, h) -> heads.put(s, Map.entry(h, checkpoint.at())));
    return verifyHeads(heads, List.of(), reader);
  }

  /**
   * Verifies the log against a chain of checkpoints, oldest first ({@code AuditLog#verifyAgainst(List)}): the first
   * full, each delta chained to the one just before it, every seal intact; then every stream against the last head
   * the chain sealed for it. A stream whose sealed sequence went back from one checkpoint to a later one is named.
   *
   * @param reader the stream's stored rows by sequence, and its head
   * @return one verification per stream the chain names, broken ones first
   */
  public List<AuditVerification> verifyChain(List<AuditCheckpoint> chain,
      Function<String, Map.Entry<List<AuditRecord>, Optional<Head>>> reader) {
    List<AuditVerification> broken = new ArrayList<>();
    if (chain.isEmpty()) {
      broken.add(AuditVerification.broken("(checkpoint)", 1, "the chain of checkpoints is empty"));
      return broken;
    }
    Map<String, Map.Entry<AuditCheckpoint.StreamHead, Instant>> heads = new TreeMap<>();
    Map<String, AuditVerification> wentBack = new TreeMap<>();
    AuditCheckpoint before = null;
    for (int i = 0; i < chain.size(); i++) {
      AuditCheckpoint cp = chain.get(i);
      if (!checkpointSeal(cp).equals(cp.seal())) {
        broken.add(AuditVerification.broken("(checkpoint)", i + 1, "checkpoint " + (i + 1) + " of the chain ("
            + cp.at() + "): its seal does not match (forged or altered, or sealed under another key)"));
        return broken;
      }
      if (cp.isDelta() && (before == null || !cp.after().get().equals(before.seal()))) {
        broken.add(AuditVerification.broken("(checkpoint)", i + 1, "checkpoint " + (i + 1) + " of the chain ("
            + cp.at() + ") is a delta that does not follow " + (before == null ? "a full checkpoint"
            : "checkpoint " + i + " (" + before.at() + ")") + ": a checkpoint between them is missing, or they"
            + " are out of order"));
        return broken;
      }
      if (before != null && cp.globalSequence() < before.globalSequence()) {
        broken.add(AuditVerification.broken("(checkpoint)", i + 1, "checkpoint " + (i + 1) + " of the chain ("
            + cp.at() + ") seals global sequence " + cp.globalSequence() + ", below the "
            + before.globalSequence() + " of the one before"));
        return broken;
      }
      for (Map.Entry<String, AuditCheckpoint.StreamHead> e : cp.heads().entrySet()) {
        Map.Entry<AuditCheckpoint.StreamHead, Instant> was = heads.get(e.getKey());
        if (was != null && e.getValue().sequence() < was.getKey().sequence() && !wentBack.containsKey(e.getKey())) {
          long missing = e.getValue().sequence() + 1;
          wentBack.put(e.getKey(), AuditVerification.broken(e.getKey(), missing, "the checkpoint of "
              + was.getValue() + " sealed " + was.getKey().sequence() + " records, the later one of " + cp.at()
              + " only " + e.getValue().sequence() + ": the stream was cut back between them"));
        }
        if (was == null || e.getValue().sequence() >= was.getKey().sequence()) {
          heads.put(e.getKey(), Map.entry(e.getValue(), cp.at()));
        }
      }
      before = cp;
    }
    return verifyHeads(heads, new ArrayList<>(wentBack.values()), reader);
  }

  private List<AuditVerification> verifyHeads(Map<String, Map.Entry<AuditCheckpoint.StreamHead, Instant>> heads,
      List<AuditVerification> alreadyBroken, Function<String, Map.Entry<List<AuditRecord>, Optional<Head>>> reader) {
    List<AuditVerification> broken = new ArrayList<>(alreadyBroken);
    Set<String> named = new java.util.HashSet<>();
    alreadyBroken.forEach(v -> named.add(v.stream()));
    List<AuditVerification> intact = new ArrayList<>();
    for (Map.Entry<String, Map.Entry<AuditCheckpoint.StreamHead, Instant>> e : heads.entrySet()) {
      String stream = e.getKey();
      if (named.contains(stream)) {
        continue;
      }
      AuditCheckpoint.StreamHead then = e.getValue().getKey();
      Instant sealedAt = e.getValue().getValue();
      Map.Entry<List<AuditRecord>, Optional<Head>> now = reader.apply(stream);
      AuditVerification v = verify(stream, now.getKey(), now.getValue());
      if (v.intact() && v.recordCount() < then.sequence()) {
        long missing = v.recordCount() + 1;
        v = AuditVerification.broken(stream, missing, (v.recordCount() == 0 ? "the stream is gone" : "record "
            + missing + " and after are gone") + ": the checkpoint of " + sealedAt + " sealed "
            + then.sequence() + " records");
      } else if (v.intact() && then.sequence() > 0) {
        AuditRecord r = now.getKey().stream().filter(x -> x.sequence() == then.sequence()).findFirst().orElseThrow();
        if (!r.hash().equals(then.hash())) {
          v = AuditVerification.broken(stream, then.sequence(), "record differs from the one the checkpoint of "
              + sealedAt + " sealed");
        }
      }
      (v.intact() ? intact : broken).add(v);
    }
    broken.addAll(intact);
    return broken;
  }
}
