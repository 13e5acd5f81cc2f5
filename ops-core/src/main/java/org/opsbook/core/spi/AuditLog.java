package org.opsbook.core.spi;

import java.time.Instant;
import java.util.List;
import org.opsbook.core.spi.AuditLog.AuditCheckpoint;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.core.InvalidInputException;
import java.util.Optional;

/**
 * The append-only audit log: one record per transition or decision, sealed with HMAC-SHA256 under a key the host
 * holds and the database does not ({@code org.opsbook.core.internal.audit.AuditChain}), chained per stream and numbered in one
 * global sequence over all streams. Records are never changed or deleted; {@link #verify} names the first one that
 * was, compared with the stream's sealed head (a cut tail, a record forged around the log, a junk row); {@link
 * #verifyAll} also finds a stream deleted with its head (a gap in the global sequence); {@link #checkpoint} seals the
 * heads for the host to export, and {@link #verifyAgainst} finds whatever was cut back since. A junk row never stops
 * appends. Each entry is sealed as {@code org.opsbook.core.internal.PersonalData#forStorage} returns it (sampled
 * phone numbers masked, DATAOP-EXT-06). Implementations are thread-safe; appends to one stream are serialised.
 */
public interface AuditLog {
  /** Seals {@code entry} as the next record of its stream and stores it. */
  AuditRecord append(AuditEntry entry);

  /** Seals and stores {@code entries} in order, atomically. */
  List<AuditRecord> appendAll(List<AuditEntry> entries);

  /** Returns the records of {@code stream} in sequence order; empty for an unknown stream. */
  List<AuditRecord> read(String stream);

  /** Returns every record whose entry happened in {@code [from, to)}, ordered by stream then sequence. */
  List<AuditRecord> readPeriod(Instant from, Instant to);

  /** Returns the names of all streams in the log's registry, sorted. */
  List<String> streams();

  /** Verifies the chain of {@code stream} as stored against its sealed head, naming the first broken record. */
  AuditVerification verify(String stream);

  /**
   * Verifies every stream (those in the registry and any other that has records) and the global sequence: a gap in
   * it (a stream deleted with its head, a cut tail) is reported under the stream name {@code (global)}, at the first
   * missing global sequence number.
   *
   * @return one verification per stream, broken ones first
   */
  List<AuditVerification> verifyAll();

  /** Seals the heads of every stream and the global sequence as they are now, for the host to export. */
  AuditCheckpoint checkpoint(Instant at);

  /**
   * Seals, as a delta of {@code previous}, only the heads of the streams appended to since {@code previous} was
   * taken (a head whose global sequence is above {@code previous.globalSequence()}), chained to {@code previous}'s
   * seal. Its cost follows the appends since {@code previous}, not the history. A full checkpoint followed by its
   * deltas, each chained to the one before, covers every stream: {@link #verifyAgainst(List)} verifies the log
   * against such a chain as against a full checkpoint taken with the last delta. The default takes a full checkpoint,
   * which a chain also accepts.
   *
   * @param previous the checkpoint (full or delta) this one follows, as exported
   */
  default AuditCheckpoint checkpointAfter(AuditCheckpoint previous, Instant at) {
    return checkpoint(at);
  }

  /**
   * Verifies the log against a checkpoint taken earlier (its seal, and every stream it names still holding what it
   * sealed).
   *
   * @return one verification per stream of the checkpoint, broken ones first
   */
  List<AuditVerification> verifyAgainst(AuditCheckpoint checkpoint);

  /**
   * Verifies the log against a chain of checkpoints, oldest first: a full checkpoint, then any mix of full ones and
   * deltas ({@link #checkpointAfter}), each delta chained to the checkpoint just before it. Every seal and every link
   * is checked: a checkpoint dropped from the chain, forged or reordered is reported under {@code (checkpoint)} at its
   * position (1-based). Each stream is then verified against the last head the chain sealed for it; a stream whose
   * head went back between two checkpoints (cut back and appended to again) is named, as is one deleted or cut back
   * since.
   *
   * @return one verification per stream the chain names, broken ones first
   */
  List<AuditVerification> verifyAgainst(List<AuditCheckpoint> chain);

  /**
   * The heads of every audit stream at one moment, sealed with the audit key ({@code AuditChain#checkpoint}). A host
   * takes one periodically ({@link org.opsbook.core.spi.AuditLog#checkpoint}), exports it ({@link #export()}) to
   * storage the database's administrators cannot write (a mail to the auditors, a write-once bucket), and later
   * verifies the log against it ({@link org.opsbook.core.spi.AuditLog#verifyAgainst}): a stream deleted or cut back
   * since, even with its head reset, is named.
   *
   * @param at when the checkpoint was taken
   * @param globalSequence the log's global sequence then
   * @param heads each stream's head then
   * @param seal HMAC-SHA256 of the above under the audit key
   * @param after for a delta ({@link org.opsbook.core.spi.AuditLog#checkpointAfter}), the seal of the checkpoint it
   *     follows, which its own seal covers; its heads are then only the streams appended to since that one; empty
   *     for a full checkpoint
   */
  public record AuditCheckpoint(Instant at, long globalSequence, Map<String, StreamHead> heads, String seal,
      Optional<String> after) {
    /** Copies the heads in stream order. */
    public AuditCheckpoint {
      heads = java.util.Collections.unmodifiableMap(new TreeMap<>(heads));
      after = java.util.Objects.requireNonNull(after, "after");
    }

    /** A full checkpoint: every stream's head. */
    public AuditCheckpoint(Instant at, long globalSequence, Map<String, StreamHead> heads, String seal) {
      this(at, globalSequence, heads, seal, Optional.empty());
    }

    /** True for a delta: only the heads changed since the checkpoint whose seal is {@link #after}. */
    public boolean isDelta() {
      return after.isPresent();
    }

    /**
     * One stream's head.
     *
     * @param sequence the last sealed record
     * @param hash its seal
     */
    public record StreamHead(long sequence, String hash) {}

    /**
     * Returns the checkpoint as text, one line per stream, that {@link #parse} reads back; a delta has a line
     * {@code after <seal>} before its streams.
     */
    public String export() {
      StringBuilder sb = new StringBuilder();
      sb.append("opsbook-audit-checkpoint 1\n").append("at ").append(at).append('\n')
          .append("global ").append(globalSequence).append('\n').append("seal ").append(seal).append('\n');
      after.ifPresent(a -> sb.append("after ").append(a).append('\n'));
      for (Map.Entry<String, StreamHead> e : heads.entrySet()) {
        sb.append("stream ").append(e.getValue().sequence()).append(' ').append(e.getValue().hash()).append(' ')
            .append(e.getKey()).append('\n');
      }
      return sb.toString();
    }

    /**
     * Reads an exported checkpoint.
     *
     * @throws InvalidInputException when the text is not one
     */
    public static AuditCheckpoint parse(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n")));
      if (lines.size() < 4 || !lines.get(0).equals("opsbook-audit-checkpoint 1")) {
        throw new InvalidInputException("checkpoint", "not an opsbook audit checkpoint");
      }
      try {
        Instant at = Instant.parse(value(lines.get(1), "at"));
        long global = Long.parseLong(value(lines.get(2), "global"));
        String seal = value(lines.get(3), "seal");
        Optional<String> after = Optional.empty();
        int first = 4;
        if (lines.size() > 4 && lines.get(4).startsWith("after ")) {
          after = Optional.of(value(lines.get(4), "after"));
          first = 5;
        }
        Map<String, StreamHead> heads = new TreeMap<>();
        for (String line : lines.subList(first, lines.size())) {
          String[] p = value(line, "stream").split(" ", 3);
          heads.put(p[2], new StreamHead(Long.parseLong(p[0]), p[1]));
        }
        return new AuditCheckpoint(at, global, heads, seal, after);
      } catch (RuntimeException e) {
        throw new InvalidInputException("checkpoint", "malformed audit checkpoint: " + e.getMessage());
      }
    }

    private static String value(String line, String name) {
      if (!line.startsWith(name + " ")) {
        throw new IllegalArgumentException("expected '" + name + "' in: " + line);
      }
      return line.substring(name.length() + 1);
    }
  }

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
}
