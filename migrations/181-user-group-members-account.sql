-- The Users list's Group filter (ch3 §8: a user's SCIM groups filter the
-- list): a group's members counted and read within the account, in the
-- order lib/user_list.c walks them. Idempotent.
CREATE INDEX IF NOT EXISTS ix_user_group_members_account ON user_group_members (account_id, group_id, user_id);
