-- A fault's lifecycle steps (SM-ESC) are events of its own history: what each step recorded.
ALTER TABLE ops_fault_event ADD COLUMN step_data CHARACTER VARYING;
