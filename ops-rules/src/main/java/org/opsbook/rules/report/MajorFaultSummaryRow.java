package org.opsbook.rules.report;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Masking;

/**
 * One fault in the weekly major-fault summary (REPORT-FMT-01, 每周重大故障汇总). The 序号 is given when the table is
 * rendered. Its {@code toString()} masks the follow-up person's name and any phone number in the texts.
 */
@Value.Immutable
public abstract class MajorFaultSummaryRow {
  /** 故障现象. */
  public abstract String phenomenon();

  /** 影响范围. */
  public abstract String scope();

  /** 发生时间: faultStartTime. */
  public abstract Instant faultStartTime();

  /** 故障恢复时间: repairedAt; empty while the fault is open. */
  public abstract Optional<Instant> repairedAt();

  /** 受影响号码恢复时间: when the affected numbers were restored (e.g. after a data fix), if they were (OQ-14). */
  public abstract Optional<Instant> affectedNumbersRestoredAt();

  /** 处理情况. */
  public abstract String handling();

  /** 改进建议. */
  @Value.Default
  public String improvement() {
    return "";
  }

  /** 故障跟进人 (personal data). */
  public abstract String followUpPerson();

  @Override
  public String toString() {
    return "MajorFaultSummaryRow{phenomenon=" + Masking.phonesIn(phenomenon()) + ", faultStartTime="
        + faultStartTime() + ", repairedAt=" + repairedAt().map(Instant::toString).orElse("-")
        + ", followUpPerson=" + Masking.name(followUpPerson()) + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MajorFaultSummaryRow} values. */
  public static final class Builder extends ImmutableMajorFaultSummaryRow.Builder {}
}
