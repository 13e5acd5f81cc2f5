-- Scheduling a timer no longer writes to the obligation heartbeat's owner index. PostgreSQL indexes NULLs, so the
-- index of V5 took one entry per new, unleased row: one of the four index insertions every scheduled timer paid.
-- Only leased rows have an owner, and the heartbeat's "owner = ?" implies "owner IS NOT NULL", so a partial index
-- serves it as before and holds only the leases in flight.
DROP INDEX ops_obligation_owner_idx;
CREATE INDEX ops_obligation_owner_idx ON ops_obligation (owner) WHERE owner IS NOT NULL;
COMMENT ON INDEX ops_obligation_owner_idx IS 'the obligation heartbeat (owner = ?): leased rows only';
