-- Fenced leases (issue 11): every claim of an obligation or an outbox message takes the next lease generation;
-- completing, failing, renewing and marking succeed only for the current owner and generation. A message is marked
-- SENDING (committed) before the gateway is called; one left SENDING after its lease lapsed is in doubt.
ALTER TABLE ops_obligation ADD COLUMN lease_gen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ops_outbox ADD COLUMN lease_gen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ops_outbox DROP CONSTRAINT ops_outbox_state_check;
ALTER TABLE ops_outbox ADD CONSTRAINT ops_outbox_state_check CHECK (state IN ('PENDING', 'SENDING', 'SENT'));
CREATE INDEX ops_outbox_sending_idx ON ops_outbox (state, lease_until);
