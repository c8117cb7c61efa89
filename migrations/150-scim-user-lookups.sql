-- SCIM provisioning (guide §3.2.6): a mobile number must be unique in its
-- account, and filters on phoneNumbers look users up by it. Idempotent.
CREATE INDEX IF NOT EXISTS ix_users_mobile ON users (account_id, mobile);
-- The SCIM server lists an account's users page by page in id order.
CREATE INDEX IF NOT EXISTS ix_users_account_id ON users (account_id, id);
