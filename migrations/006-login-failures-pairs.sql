-- Sign-in throttling counts email and address pairs, and when each key last
-- failed (lib/throttle.h). Idempotent.
ALTER TABLE login_failures
  MODIFY COLUMN scope ENUM('email','addr','pair') NOT NULL,
  ADD COLUMN IF NOT EXISTS last_failure_at DATETIME NULL;
