-- Job kinds are lib/jobs.c's keys, kept as text so that a new kind needs no
-- schema change; a job over something other than users names it (an import
-- batch, for a large import's Upload).
ALTER TABLE jobs MODIFY COLUMN kind VARCHAR(32) NOT NULL;
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS subject_id BIGINT UNSIGNED NULL AFTER state;
