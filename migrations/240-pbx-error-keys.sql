-- A PBX sync's error kept as a message key and its arguments, so that each
-- reader sees it in their language (lib/pbx_error.h): on the link, and on
-- the notification that it started failing (one written before says only
-- which link, in the reader's language already). Idempotent.
ALTER TABLE pbx_links ADD COLUMN IF NOT EXISTS last_error_key VARCHAR(40) NULL AFTER last_error;
ALTER TABLE pbx_links ADD COLUMN IF NOT EXISTS last_error_args TEXT NULL AFTER last_error_key;
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS detail_key VARCHAR(40) NULL AFTER subject;
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS detail_args TEXT NULL AFTER detail_key;

-- Links that failed before: the errors that are words alone take their key;
-- one with details (a host, a status) keeps its English words until its next
-- sync, which writes a key. A link that is not failing has nothing to say.
UPDATE pbx_links SET last_error_key = CASE last_error
    WHEN 'gateway unreachable' THEN 'gateway_unreachable'
    WHEN 'gateway unreachable: the gateway has not reported its relay' THEN 'no_relay'
    WHEN 'gateway unreachable: it refused our relay key' THEN 'relay_key_refused'
    WHEN 'gateway unreachable: it is restarting' THEN 'gateway_restarting'
    WHEN 'the PBX refused the CloudLink system username or password' THEN 'login_refused'
    WHEN 'the PBX''s data changed while it was being read' THEN 'data_changed'
    WHEN 'the PBX''s login answer has no usable token' THEN 'no_token'
    WHEN 'the PBX sent a user without a usable id' THEN 'user_without_id'
    WHEN 'another syncd took the link over' THEN 'taken_over'
    WHEN 'the PBX could not be read' THEN 'unreadable'
    WHEN 'the stored PBX credentials cannot be opened (was Crypto.Key changed?)' THEN 'credentials_unreadable'
    WHEN 'unknown PBX type' THEN 'unknown_type'
    WHEN 'the PBX sent an inconsistent snapshot (one user id twice)' THEN 'inconsistent_snapshot'
  END, last_error_args = '[]'
  WHERE last_error_key IS NULL AND last_error <> '';
UPDATE pbx_links SET last_error_args = NULL WHERE last_error_key IS NULL;

