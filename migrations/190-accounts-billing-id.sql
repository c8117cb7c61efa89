-- A partner's billing account in the ordering system (ch2 §3.7): the orders
-- it publishes name it (lib/orders.h). Idempotent.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS billing_id VARCHAR(64) NULL AFTER registered_count;
ALTER TABLE accounts ADD UNIQUE KEY IF NOT EXISTS ux_accounts_billing (billing_id);
