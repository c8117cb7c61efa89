-- The header's account search (guide §1.3): the words of the names of the
-- customer accounts made before account_name_words (schema.sql), whose
-- triggers keep it from then on. Idempotent: a row already there is kept.
INSERT IGNORE INTO account_name_words (partner_id, words, account_id)
WITH RECURSIVE tails (account_id, partner_id, words) AS (
  SELECT id, partner_id, REGEXP_REPLACE(name, '^[^\\p{L}\\p{N}]+', '') FROM accounts WHERE kind = 'customer'
  UNION ALL
  SELECT account_id, partner_id, REGEXP_REPLACE(words, '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+', '') FROM tails
  WHERE words REGEXP '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]')
SELECT partner_id, words, account_id FROM tails WHERE words <> '';
