-- The version of a partner's orders (lib/orders_list.c's page anchors):
-- every trigger that keeps the counts moves it on. Idempotent.
ALTER TABLE partner_order_counts ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
DROP TRIGGER IF EXISTS tr_orders_count_insert;
DROP TRIGGER IF EXISTS tr_orders_count_update;
DROP TRIGGER IF EXISTS tr_orders_count_delete;
DROP TRIGGER IF EXISTS tr_accounts_orders_unassigned;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_insert AFTER INSERT ON orders FOR EACH ROW
  INSERT INTO partner_order_counts (partner_id, orders, unassigned, version) VALUES (NEW.partner_id, 1, NEW.assigned_account_id IS NULL, 1)
  ON DUPLICATE KEY UPDATE orders = orders + 1, unassigned = unassigned + (NEW.assigned_account_id IS NULL), version = version + 1;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_update AFTER UPDATE ON orders FOR EACH ROW
  UPDATE partner_order_counts SET unassigned = unassigned + (NEW.assigned_account_id IS NULL) - (OLD.assigned_account_id IS NULL),
    version = version + 1
  WHERE partner_id = NEW.partner_id;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_delete AFTER DELETE ON orders FOR EACH ROW
  UPDATE partner_order_counts SET orders = orders - 1, unassigned = unassigned - (OLD.assigned_account_id IS NULL), version = version + 1
  WHERE partner_id = OLD.partner_id;
CREATE TRIGGER IF NOT EXISTS tr_accounts_orders_unassigned BEFORE DELETE ON accounts FOR EACH ROW
  UPDATE partner_order_counts SET unassigned = unassigned +
    (SELECT COUNT(*) FROM orders WHERE partner_id = OLD.partner_id AND assigned_account_id = OLD.id), version = version + 1
  WHERE partner_id = OLD.partner_id;
