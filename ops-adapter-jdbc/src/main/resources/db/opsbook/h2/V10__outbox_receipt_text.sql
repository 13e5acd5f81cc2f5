-- A gateway's receipt is whatever ID its SMS platform gives, of any length, and a person's note when they confirm a
-- send in doubt. In a bounded column a long one failed the write that records the message sent, after the platform
-- had taken it, and left the send in doubt; a note was cut short. Both are now kept whole.
ALTER TABLE ops_outbox ALTER COLUMN receipt SET DATA TYPE CHARACTER VARYING;
