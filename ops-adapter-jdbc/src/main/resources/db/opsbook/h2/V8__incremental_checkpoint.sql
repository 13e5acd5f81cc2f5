-- The hourly audit checkpoint seals only the heads appended to since the previous checkpoint (a delta chained to its
-- seal): "WHERE gseq > ?" on ops_audit_head reads them through this index instead of scanning every stream's head.
CREATE INDEX ops_audit_head_gseq_idx ON ops_audit_head (gseq);
