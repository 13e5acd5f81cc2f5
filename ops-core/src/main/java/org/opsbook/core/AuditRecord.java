package org.opsbook.core;

import org.immutables.value.Value;

/**
 * An entry sealed into its stream's hash chain: it carries its sequence number (from 1, gap-free per stream), the
 * previous record's hash and its own SHA-256 hash over both (see {@link AuditChain}). Changing, deleting or
 * reordering any record breaks the chain at that record.
 */
@Value.Immutable
public abstract class AuditRecord {
  /** The entry that was recorded. */
  public abstract AuditEntry entry();

  /** The position in the stream, from 1. */
  public abstract long sequence();

  /** The hash of the previous record, or {@link AuditChain#GENESIS} for the first. */
  public abstract String previousHash();

  /** The SHA-256 hash (lower-case hex) of this record, chained to {@link #previousHash()}. */
  public abstract String hash();

  /** Returns the stream of the entry. */
  public String stream() {
    return entry().stream();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuditRecord} values; use {@link AuditChain#seal} rather than building by hand. */
  public static final class Builder extends ImmutableAuditRecord.Builder {}
}
