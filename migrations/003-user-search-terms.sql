-- The Users list's search terms (schema.sql: user_search_terms) for the
-- users that existed before the table and its triggers. Idempotent.
INSERT IGNORE INTO user_search_terms (account_id, term, user_id, display_name)
  SELECT account_id, term, user_id, display_name FROM user_search_terms_source;
