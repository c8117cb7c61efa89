-- Mitel One Settings' Allow users to change their avatar (guide §3.1.4), an
-- account setting the apps read with the rest of the account's policy; on
-- for every account until cleared. Idempotent.
ALTER TABLE account_policy ADD COLUMN IF NOT EXISTS mitel_one_avatar_change TINYINT(1) NOT NULL DEFAULT 1 AFTER miteam_waiting_room;
