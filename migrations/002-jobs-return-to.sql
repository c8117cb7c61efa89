-- A job remembers the page it was started from, for its page's Close
-- (guide §2.15.1).
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS return_to VARCHAR(2048) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER last_error;
