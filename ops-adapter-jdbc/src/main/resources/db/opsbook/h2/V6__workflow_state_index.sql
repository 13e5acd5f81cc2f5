-- Flat reads of the live work: the tickets and messages of a machine in the states not yet finished
-- (WorkflowRepository.listInStates), however many finished ones a year left behind.
CREATE INDEX ops_workflow_state_idx ON ops_workflow (machine, state);
