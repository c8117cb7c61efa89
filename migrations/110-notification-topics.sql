-- Notifications that are no job's end (a PBX link that starts failing or
-- recovers): a topic and the name of what they are about. job_id stays NULL.
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS topic VARCHAR(32) NULL AFTER job_id;
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS subject VARCHAR(255) NOT NULL DEFAULT '' AFTER topic;
