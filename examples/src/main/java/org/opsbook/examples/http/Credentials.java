package org.opsbook.examples.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Who may sign in with a password: a BCrypt hash per person ID (the people file's {@code passwordHash}), or one-time
 * passwords generated at start, each good for one sign-in. Passwords are never kept, only their hashes. Thread-safe.
 */
public final class Credentials {
  /** The BCrypt cost of {@link #hash}: 2^12 rounds, about a quarter of a second per check on a server core. */
  public static final int COST = 12;
  /** BCrypt reads at most 72 bytes of a password; longer ones are refused rather than silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  /** Checked against when the ID is unknown and the hashes are at {@link #COST}. */
  private static final String DECOY = BCrypt.hashpw("decoy", BCrypt.gensalt(COST));

  private final Map<String, String> hashes;
  private final boolean oneTime;
  /**
   * Checked against when the ID is unknown, at the cost most of the hashes have, so that an unknown ID costs as long as
   * a known one with a wrong password and the time of an answer does not say who may sign in.
   */
  private final String decoy;

  private Credentials(Map<String, String> hashes, boolean oneTime) {
    this.hashes = new ConcurrentHashMap<>(hashes);
    this.oneTime = oneTime;
    int cost = usualCost(hashes.values());
    this.decoy = cost == COST ? DECOY : BCrypt.hashpw("decoy", BCrypt.gensalt(cost));
  }

  /** The cost most of {@code hashes} have ({@link #COST} when there are none). */
  private static int usualCost(Iterable<String> hashes) {
    Map<Integer, Integer> counts = new java.util.TreeMap<>();
    for (String h : hashes) {
      counts.merge(costOf(h), 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(COST);
  }

  /** The cost of a BCrypt hash, {@code 12} of {@code $2a$12$…}. */
  static int costOf(String hash) {
    return Integer.parseInt(hash.substring(4, 6));
  }

  /** The cost of the hash an unknown ID is checked against. */
  int decoyCost() {
    return costOf(decoy);
  }

  /**
   * Returns credentials from BCrypt hashes ({@code $2a$}, {@code $2b$} or {@code $2y$}) keyed by canonical person ID.
   *
   * @throws IllegalArgumentException naming the person whose hash is not a BCrypt hash
   */
  public static Credentials hashed(Map<String, String> hashesById) {
    for (Map.Entry<String, String> e : hashesById.entrySet()) {
      checkArgument(isBcrypt(e.getValue()), "%s: passwordHash is not a BCrypt hash (make one with "
          + "./opsbook hash-password)", e.getKey());
    }
    return new Credentials(hashesById, false);
  }

  /**
   * Generates a one-time password for each ID; the map returned holds them in the order given (print them once).
   * Each is good for one sign-in while this object lives.
   */
  public static OneTime oneTime(Iterable<String> ids) {
    Map<String, String> passwords = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String id : ids) {
      String p = randomPassword();
      passwords.put(id, p);
      // a random 60-bit password needs no slow hash to resist guessing; cost 10 keeps the start quick
      hashes.put(id, BCrypt.hashpw(p, BCrypt.gensalt(10)));
    }
    return new OneTime(new Credentials(hashes, true), passwords);
  }

  /** One-time credentials and the passwords to print. */
  public record OneTime(Credentials credentials, Map<String, String> passwords) {}

  /** Returns the BCrypt hash of {@code password} at {@link #COST}. */
  public static String hash(String password) {
    checkNotNull(password, "password");
    checkArgument(!password.isEmpty(), "the password is empty");
    checkArgument(password.getBytes(UTF_8).length <= MAX_PASSWORD_BYTES,
        "the password is longer than %s bytes, which BCrypt would silently cut", MAX_PASSWORD_BYTES);
    return BCrypt.hashpw(password, BCrypt.gensalt(COST));
  }

  /** Returns true for a hash in BCrypt's modular crypt format. */
  public static boolean isBcrypt(String hash) {
    return hash != null && hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  }

  /**
   * Returns true when {@code password} is this person's; a one-time password is used up by it.
   *
   * @param id the canonical person ID
   */
  public boolean verify(String id, String password) {
    if (password == null || password.isEmpty() || password.getBytes(UTF_8).length > MAX_PASSWORD_BYTES) {
      return false;
    }
    String hash = hashes.get(id);
    if (hash == null) {
      BCrypt.checkpw(password, decoy);
      return false;
    }
    if (!BCrypt.checkpw(password, hash)) {
      return false;
    }
    return !oneTime || hashes.remove(id, hash);
  }

  private static String randomPassword() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i == 4 || i == 8) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
