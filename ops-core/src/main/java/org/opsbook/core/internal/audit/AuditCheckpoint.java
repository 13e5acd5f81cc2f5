package org.opsbook.core.internal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.core.InvalidInputException;

/**
 * The heads of every audit stream at one moment, sealed with the audit key ({@link AuditChain#checkpoint}). A host
 * takes one periodically ({@link org.opsbook.core.spi.AuditLog#checkpoint}), exports it ({@link #export()}) to
 * storage the database's administrators cannot write (a mail to the auditors, a write-once bucket), and later
 * verifies the log against it ({@link org.opsbook.core.spi.AuditLog#verifyAgainst}): a stream deleted or cut back
 * since, even with its head reset, is named.
 *
 * @param at when the checkpoint was taken
 * @param globalSequence the log's global sequence then
 * @param heads each stream's head then
 * @param seal HMAC-SHA256 of the above under the audit key
 */
public record AuditCheckpoint(Instant at, long globalSequence, Map<String, StreamHead> heads, String seal) {
  /** Copies the heads in stream order. */
  public AuditCheckpoint {
    heads = java.util.Collections.unmodifiableMap(new TreeMap<>(heads));
  }

  /**
   * One stream's head.
   *
   * @param sequence the last sealed record
   * @param hash its seal
   */
  public record StreamHead(long sequence, String hash) {}

  /** Returns the checkpoint as text, one line per stream, that {@link #parse} reads back. */
  public String export() {
    StringBuilder sb = new StringBuilder();
    sb.append("opsbook-audit-checkpoint 1\n").append("at ").append(at).append('\n')
        .append("global ").append(globalSequence).append('\n').append("seal ").append(seal).append('\n');
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
      Map<String, StreamHead> heads = new TreeMap<>();
      for (String line : lines.subList(4, lines.size())) {
        String[] p = value(line, "stream").split(" ", 3);
        heads.put(p[2], new StreamHead(Long.parseLong(p[0]), p[1]));
      }
      return new AuditCheckpoint(at, global, heads, seal);
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
