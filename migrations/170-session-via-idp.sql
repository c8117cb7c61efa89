-- A session signed in through the partner identity provider (guide §1.2,
-- §1.3): no password of ours to change. Idempotent.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS via_idp TINYINT(1) NOT NULL DEFAULT 0;
