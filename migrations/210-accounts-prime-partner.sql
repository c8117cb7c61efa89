-- A Prime Partner (guide §2.7): its customers have no Subscriptions panel.
-- Idempotent.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS prime_partner TINYINT(1) NOT NULL DEFAULT 0 AFTER billing_id;
