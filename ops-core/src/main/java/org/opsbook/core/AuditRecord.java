package org.opsbook.core;

import org.immutables.value.Value;
import org.opsbook.core.internal.audit.AuditChain;

/**
 * An entry sealed into its stream's hash chain: it carries its sequence number (from 1, gap-free per stream), the
 * position in the log's global sequence, the previous record's seal and its own HMAC-SHA256 seal over all of them
 * (see {@code AuditChain}). Changing, deleting or
 * reordering any record breaks the chain at that record.
 */
@Value.Immutable
public abstract class AuditRecord {
  /** The entry that was recorded. */
  public abstract AuditEntry entry();

  /** The position in the stream, from 1. */
  public abstract long sequence();

  /** The position in the log's global sequence (over all streams), from 1, gap-free. */
  @Value.Default
  public long globalSequence() {
    return 0;
  }

  /** The hash of the previous record, or {@code AuditChain#GENESIS} for the first. */
  public abstract String previousHash();

  /** The seal (HMAC-SHA256 under the audit key, lower-case hex) of this record, chained to {@link #previousHash()}. */
  public abstract String hash();

  /** Returns the stream of the entry. */
  public String stream() {
    return entry().stream();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuditRecord} values; use {@code AuditChain#seal} rather than building by hand. */
  public static final class Builder extends ImmutableAuditRecord.Builder {}
}
