-- Event History (guide §2.16): the fields the guide shows, added to the
-- events written before them, and the indexes of the screen's filters
-- (schema.sql describes them). Idempotent: every step checks first.
ALTER TABLE events
  ADD COLUMN IF NOT EXISTS actor_ref VARCHAR(64) NOT NULL DEFAULT '' AFTER actor_email,
  ADD COLUMN IF NOT EXISTS event_type VARCHAR(24) NOT NULL DEFAULT 'admin' AFTER action,
  ADD COLUMN IF NOT EXISTS act VARCHAR(40) NOT NULL DEFAULT '' AFTER asset_type,
  ADD COLUMN IF NOT EXISTS kind VARCHAR(100) AS (CONCAT(event_type, '/', asset_type, '/', act)) STORED AFTER act,
  ADD COLUMN IF NOT EXISTS properties_changed JSON NOT NULL DEFAULT '[]' AFTER asset_name,
  ADD COLUMN IF NOT EXISTS extra_details JSON NOT NULL DEFAULT '{}' AFTER details,
  ADD COLUMN IF NOT EXISTS log_tags JSON NOT NULL DEFAULT '[]' AFTER extra_details,
  DROP INDEX IF EXISTS ix_events_account,
  ADD KEY IF NOT EXISTS ix_events_time (account_id, created_at, id, kind),
  ADD KEY IF NOT EXISTS ix_events_kind (account_id, kind, created_at, id),
  ADD KEY IF NOT EXISTS ix_events_actor (account_id, actor_ref, created_at, id, kind),
  ADD KEY IF NOT EXISTS ix_events_actor_kind (account_id, actor_ref, kind, created_at, id),
  ADD KEY IF NOT EXISTS ix_events_created (created_at);

-- What lib/audit.c now writes with every event, for the older ones: the
-- guide's EVENT TYPE, ASSET and ACTION from the dotted action and the asset
-- type (lib/events_vocab.c event_vocab_of), the ACTOR ID,
-- the properties whose {"from", "to"} the details hold, the action as a log
-- tag and the asset in the extra details.
UPDATE events SET
  event_type = IF(SUBSTRING_INDEX(action, '.', 1) IN ('pbx_user', 'pbx_user_profile', 'phone', 'did', 'dn_range', 'group',
                  'group_membership', 'templated_services'), 'mivb', 'admin'),
  asset_type = IF(SUBSTRING_INDEX(action, '.', 1) IN ('pbx_user', 'pbx_user_profile'), 'pbx_user_profile',
                  TRIM(BOTH '_' FROM LOWER(REGEXP_REPLACE(asset_type, '[^A-Za-z0-9]+', '_')))),
  act = IF(SUBSTRING_INDEX(action, '.', -1) = 'update', 'edit', SUBSTRING_INDEX(action, '.', -1)),
  actor_ref = IF(actor_user_id IS NULL, 'system', CAST(actor_user_id AS CHAR)),
  properties_changed = COALESCE((SELECT JSON_ARRAYAGG(k.name) FROM JSON_TABLE(JSON_KEYS(details), '$[*]'
      COLUMNS (name VARCHAR(64) PATH '$')) k
    WHERE JSON_CONTAINS_PATH(details, 'one', CONCAT('$."', k.name, '".to'))), '[]'),
  extra_details = JSON_OBJECT('assetId', asset_id, 'assetName', asset_name),
  log_tags = JSON_ARRAY(action)
WHERE act = '';

-- The kinds each account has (schema.sql: event_kinds_seen): kept from now
-- on by this trigger, whoever writes events, and filled for the events
-- written before it.
CREATE TRIGGER IF NOT EXISTS tr_events_kinds AFTER INSERT ON events FOR EACH ROW
  INSERT IGNORE INTO event_kinds_seen (account_id, kind, event_type, asset_type, act)
  VALUES (NEW.account_id, NEW.kind, NEW.event_type, NEW.asset_type, NEW.act);
INSERT IGNORE INTO event_kinds_seen (account_id, kind, event_type, asset_type, act)
SELECT DISTINCT account_id, kind, event_type, asset_type, act FROM events;
