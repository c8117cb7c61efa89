-- The gateway portal's Registered Users (seed 001; ch2 §10.2): a counter
-- kept by the triggers of schema.sql (tr_users_registered_*), counted once
-- here for the users that registered before it. Idempotent.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS registered_count INT NOT NULL DEFAULT 0;
UPDATE accounts a SET registered_count = (SELECT COUNT(*) FROM users u WHERE u.account_id = a.id AND u.registered = 1);
