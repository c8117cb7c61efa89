-- The words of the names of customer accounts made before account_name_words
-- existed (schema.sql; its triggers keep it from then on). Idempotent.
INSERT IGNORE INTO account_name_words (partner_id, status, words, account_id)
SELECT a.partner_id, a.status, SUBSTRING(a.name, s.seq), a.id
FROM accounts a JOIN seq_1_to_255 s ON s.seq <= CHAR_LENGTH(a.name)
WHERE a.partner_id IS NOT NULL
  AND (s.seq = 1 OR (SUBSTRING(a.name, s.seq, 1) REGEXP '[\\p{L}\\p{N}]'
                     AND NOT SUBSTRING(a.name, s.seq - 1, 1) REGEXP '[\\p{L}\\p{N}]'));
