-- The language a user chose with the footer's picker (NULL: none chosen,
-- so the account's Default Language applies). Their pages and their mail
-- are in it. Idempotent.
ALTER TABLE users ADD COLUMN IF NOT EXISTS language VARCHAR(16) NULL;
