-- Each account's users and registered users counted in slots, one a
-- connection (schema.sql: account_user_counts and the tr_users_counts_*
-- triggers), instead of on the account's row, which every insert of a user
-- locked to its commit. The old triggers go, the slots are counted afresh
-- from the users, the account's columns go. Idempotent.
DROP TRIGGER IF EXISTS tr_users_count_insert;
DROP TRIGGER IF EXISTS tr_users_count_delete;
DROP TRIGGER IF EXISTS tr_users_registered_insert;
DROP TRIGGER IF EXISTS tr_users_registered_delete;
DROP TRIGGER IF EXISTS tr_users_registered_update;
DELETE FROM account_user_counts;
INSERT INTO account_user_counts (account_id, slot, users, registered)
SELECT account_id, 0, COUNT(*), SUM(registered) FROM users GROUP BY account_id;
ALTER TABLE accounts DROP COLUMN IF EXISTS user_count, DROP COLUMN IF EXISTS registered_count;
