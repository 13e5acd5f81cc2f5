-- On PostgreSQL, V7 makes the obligation heartbeat's owner index partial (leased rows only), so scheduling a timer
-- does not write to it. H2 has no partial indexes and keeps the index of V5; this version keeps both schemas at the
-- same number.
COMMENT ON INDEX ops_obligation_owner_idx IS 'the obligation heartbeat (owner = ?)';
