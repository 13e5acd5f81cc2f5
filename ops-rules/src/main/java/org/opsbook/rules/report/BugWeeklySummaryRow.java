package org.opsbook.rules.report;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Masking;

/**
 * One BUG in the weekly BUG summary (REPORT-FMT-02, BUG单每周情况汇总表格). Its {@code toString()} masks the
 * submitter's name and any phone number in the description.
 */
@Value.Immutable
public abstract class BugWeeklySummaryRow {
  /** 时间: when the BUG was raised. */
  public abstract Instant raisedAt();

  /** BUG单号. */
  public abstract String bugId();

  /** 提交人 (personal data). */
  public abstract String submittedBy();

  /** 问题描述. */
  public abstract String description();

  /** AMS单号. */
  public abstract Optional<String> amsBugTicketNo();

  /** CMCP协作单号. */
  public abstract Optional<String> cmcpCollabTicketNo();

  /** 转支持维护室的单号. */
  public abstract Optional<String> supportRoomTicketNo();

  /** 是否已上载. */
  public abstract boolean uploaded();

  /** 预计上载时间. */
  public abstract Optional<Instant> uploadEta();

  /** 程序修复前的处理方法: the workaround (BUG-12). */
  public abstract Optional<String> workaround();

  @Override
  public String toString() {
    return "BugWeeklySummaryRow{bugId=" + bugId() + ", raisedAt=" + raisedAt() + ", submittedBy="
        + Masking.name(submittedBy()) + ", description=" + Masking.phonesIn(description()) + ", uploaded="
        + uploaded() + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BugWeeklySummaryRow} values. */
  public static final class Builder extends ImmutableBugWeeklySummaryRow.Builder {}
}
