-- The dispatcher's sweep mark: every SM-SMS message released before it is known to be in the outbox. A dispatcher's
-- first round after a start reads only the messages changed since it instead of every message ever released. One
-- row, advanced by a conditional UPDATE that never moves it back; NULL until a sweep has completed.
CREATE TABLE ops_outbox_sweep (
  id          INTEGER NOT NULL PRIMARY KEY,
  swept_up_to TIMESTAMPTZ,
  CONSTRAINT ops_outbox_sweep_one_row CHECK (id = 1)
);
INSERT INTO ops_outbox_sweep (id, swept_up_to) VALUES (1, NULL);
COMMENT ON TABLE ops_outbox_sweep IS 'the SM-SMS re-enqueue sweep mark (one row, never moves back)';
