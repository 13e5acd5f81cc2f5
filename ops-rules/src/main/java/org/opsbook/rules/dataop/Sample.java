package org.opsbook.rules.dataop;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.RuleId;

/**
 * A number the reviewer sampled (DATAOP-EXT-06 「抽查至少3个号码,符合数据提取的条件」; DATAOP-MOD-15 for batch
 * modifications), with the reviewer's attestation that it meets the extraction criteria. Listing a number in a passed
 * review attests that it meets them; a reviewer who found one that does not records it with
 * {@code meetsCriteria == false}, which refuses the pass.
 *
 * <p>The clear number is never kept. A sample holds two forms of it: the masked form ({@link Masking#phone}) to show,
 * and a keyed digest (HMAC-SHA256) to compare. Distinct numbers are distinct samples even when they mask alike
 * ({@code 13800138000}, {@code 13811118000} and {@code 13822228000} all show as {@code 138****8000}), and one number
 * written two ways ({@code 138 0013 8000}, full-width digits, {@code +86}) is one sample. The key is drawn from a
 * {@link SecureRandom} once per process and never stored or logged, so a stored digest cannot be reversed by hashing
 * every possible phone number; samples are compared where they are made, within one review.
 *
 * @param maskedNumber the number as shown, masked
 * @param digest the keyed digest of the number's digits (hex), the identity samples are compared by
 * @param meetsCriteria the reviewer's attestation
 */
public record Sample(String maskedNumber, String digest, boolean meetsCriteria) {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] KEY = newKey();

  /** Validates the parts. */
  public Sample {
    checkNotNull(maskedNumber, "maskedNumber");
    checkNotNull(digest, "digest");
  }

  /**
   * A sample stored before digests were kept: it can only be told apart by its mask, as it was then.
   *
   * @param maskedNumber the number as stored, masked
   * @param meetsCriteria the reviewer's attestation
   */
  public Sample(String maskedNumber, boolean meetsCriteria) {
    this(maskedNumber, "mask:" + maskedNumber, meetsCriteria);
  }

  /**
   * Records a sampled number: masks it and digests it at once, so the clear number is never kept.
   *
   * @param clearNumber the number as the reviewer read it
   * @param meetsCriteria whether it meets the criteria
   * @throws InvalidInputException naming {@code sampledNumbers} when the number holds no digit
   */
  public static Sample of(String clearNumber, boolean meetsCriteria) {
    String digits = digits(clearNumber);
    return new Sample(Masking.phone(clearNumber.strip()), digest(digits), meetsCriteria);
  }

  /** Records a sampled number attested to meet the criteria. */
  public static Sample of(String clearNumber) {
    return of(clearNumber, true);
  }

  /** Returns true when this sample and {@code other} are the same number (by digest, never by mask). */
  public boolean sameNumber(Sample other) {
    return digest.equals(other.digest);
  }

  /** The digits of a number, one form for every way of writing it; a leading 86 country code is dropped. */
  static String digits(String clearNumber) {
    if (clearNumber == null || clearNumber.isBlank()) {
      throw new InvalidInputException("sampledNumbers", "a sampled number must not be blank",
          RuleId.of("DATAOP-EXT-06"));
    }
    String n = Normalizer.normalize(clearNumber, Normalizer.Form.NFKC);
    StringBuilder d = new StringBuilder();
    n.codePoints().filter(cp -> cp >= '0' && cp <= '9').forEach(d::appendCodePoint);
    if (d.length() == 0) {
      throw new InvalidInputException("sampledNumbers", "a sampled number holds digits",
          RuleId.of("DATAOP-EXT-06"));
    }
    if (d.length() == 13 && d.charAt(0) == '8' && d.charAt(1) == '6' && d.charAt(2) == '1') {
      d.delete(0, 2);
    }
    return d.toString();
  }

  private static String digest(String digits) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(KEY, ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    }
  }

  private static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** The digest stays out of logs: it is shown masked like the number. */
  @Override
  public String toString() {
    return "Sample[" + maskedNumber + (meetsCriteria ? "" : ", fails the criteria") + "]";
  }
}
