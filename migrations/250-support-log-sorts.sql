-- Support Logs (guide §2.10): every column of the list sorts, each sort
-- walking an index in its order (ties by DATE & TIME, then id); the
-- entries carry product and state so that the filters test them there.
-- Idempotent.
CREATE INDEX IF NOT EXISTS ix_support_logs_product_state ON support_logs (account_id, product, state, created_at, id);
CREATE INDEX IF NOT EXISTS ix_support_logs_reporter ON support_logs (account_id, reporter_email, created_at, id, product, state);
CREATE INDEX IF NOT EXISTS ix_support_logs_title ON support_logs (account_id, title, created_at, id, product, state);
