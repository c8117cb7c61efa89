-- Mail to an account's support contacts about a support log (guide §2.9,
-- §2.10): the outbox takes kinds beyond welcome and reset, mail that is for
-- no user, and the log it is about.
ALTER TABLE mail_outbox MODIFY COLUMN kind VARCHAR(32) NOT NULL;
ALTER TABLE mail_outbox MODIFY COLUMN user_id BIGINT UNSIGNED NULL;
ALTER TABLE mail_outbox ADD COLUMN IF NOT EXISTS support_log_id BIGINT UNSIGNED NULL AFTER to_addr;
