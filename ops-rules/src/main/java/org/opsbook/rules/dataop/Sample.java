package org.opsbook.rules.dataop;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;

/**
 * A number the reviewer sampled (DATAOP-EXT-06 「抽查至少3个号码,符合数据提取的条件」; DATAOP-MOD-15 for batch
 * modifications), stored only masked ({@link Masking#phone}), with the reviewer's attestation that it meets the
 * extraction criteria. Listing a number in a passed review attests that it meets them; a reviewer who found one
 * that does not records it with {@code meetsCriteria == false}, which refuses the pass.
 *
 * @param maskedNumber the number as stored, masked
 * @param meetsCriteria the reviewer's attestation
 */
public record Sample(String maskedNumber, boolean meetsCriteria) {
  /** Validates the parts. */
  public Sample {
    checkNotNull(maskedNumber, "maskedNumber");
  }

  /**
   * Records a sampled number, masking it at once so the clear number is never kept.
   *
   * @param clearNumber the number as the reviewer read it
   * @param meetsCriteria whether it meets the criteria
   * @throws InvalidInputException when the number is blank
   */
  public static Sample of(String clearNumber, boolean meetsCriteria) {
    if (clearNumber == null || clearNumber.isBlank()) {
      throw new InvalidInputException("sampledNumbers", "a sampled number must not be blank");
    }
    return new Sample(Masking.phone(clearNumber.strip()), meetsCriteria);
  }

  /** Records a sampled number attested to meet the criteria. */
  public static Sample of(String clearNumber) {
    return of(clearNumber, true);
  }
}
