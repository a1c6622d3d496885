-- Bytes of a task's stored results, recorded when it completes, so storage use is a sum over rows
-- rather than a walk over the files (which object storage cannot do cheaply). Tasks completed
-- before this migration count their inputs only until they are processed again.
ALTER TABLE ${prefix}tasks ADD COLUMN result_bytes BIGINT;
