-- Flat costs as history grows: the queries a running room repeats read indexes that hold no more than they need,
-- however many faults, messages and tickets a year left behind.
-- A fault's SMS (SmsWorkflow.messagesOf) by ID prefix, e.g. 'F-1/%': varchar_pattern_ops serves LIKE 'prefix%'
-- whatever the database's collation.
CREATE INDEX ops_workflow_prefix_idx ON ops_workflow (machine, id varchar_pattern_ops);
-- The weekly report's faults active since a day (is_open UNION updated_at >= ?).
CREATE INDEX ops_fault_updated_idx ON ops_fault (updated_at);
-- The outbox heartbeat (owner = ?): a sent message has no owner, so this index holds only the messages in flight.
CREATE INDEX ops_outbox_owner_idx ON ops_outbox (owner);
-- The obligation heartbeat (owner = ?), so it reads only the leases of its owner.
CREATE INDEX ops_obligation_owner_idx ON ops_obligation (owner);
