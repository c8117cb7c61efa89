-- A PBX user's MiVoice Business service category as the console last wrote
-- it (guide §3.1.2.1: Products and licenses, Complete setup), for the user's
-- MiVoice Business Service row. Idempotent.
ALTER TABLE pbx_users ADD COLUMN IF NOT EXISTS service_category VARCHAR(64) NOT NULL DEFAULT '' AFTER location;
