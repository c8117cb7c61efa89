-- The products menu's counts (schema.sql: account_products) for the
-- licences that existed before the table and its triggers. Idempotent.
INSERT INTO account_products (account_id, product, holders)
  SELECT account_id, product, COUNT(*) FROM user_licenses GROUP BY account_id, product
  ON DUPLICATE KEY UPDATE holders = VALUES(holders);
