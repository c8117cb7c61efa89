-- A SCIM source's pull asks only for the users modified since the newest
-- meta.lastModified it has seen, and lists them all at least daily
-- (ch3 §8.5). Idempotent.
ALTER TABLE scim_sources ADD COLUMN IF NOT EXISTS watermark VARCHAR(64) NULL AFTER last_result;
ALTER TABLE scim_sources ADD COLUMN IF NOT EXISTS listed_all_at DATETIME NULL AFTER watermark;
