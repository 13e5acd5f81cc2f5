-- The hourly audit checkpoint seals only the heads appended to since the previous checkpoint (a delta chained to its
-- seal): "WHERE gseq > ?" on ops_audit_head reads them through this index instead of scanning every stream's head.
CREATE INDEX ops_audit_head_gseq_idx ON ops_audit_head (gseq);
COMMENT ON INDEX ops_audit_head_gseq_idx IS 'the delta checkpoint (gseq > ?)';
-- The outbox heartbeat's owner index, like the obligation's in V7: PostgreSQL indexes NULLs, so the index of V5 took
-- an entry for every unleased message. The heartbeat's "owner = ?" implies "owner IS NOT NULL"; the partial index
-- serves it as before and holds only the leased messages.
DROP INDEX ops_outbox_owner_idx;
CREATE INDEX ops_outbox_owner_idx ON ops_outbox (owner) WHERE owner IS NOT NULL;
COMMENT ON INDEX ops_outbox_owner_idx IS 'the outbox heartbeat (owner = ?): leased rows only';
