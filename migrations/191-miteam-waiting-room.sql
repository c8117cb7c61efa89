-- MiTeam Meetings' Optional Waiting Room (guide §3.1.5.2), an account
-- setting the apps read with the rest of the account's policy. Idempotent.
ALTER TABLE account_policy ADD COLUMN IF NOT EXISTS miteam_waiting_room TINYINT(1) NOT NULL DEFAULT 0 AFTER chat_allow_edit_delete;
