-- A SCIM source's last error kept as a message key and its arguments, so
-- that each reader sees it in their language (lib/stored_message.h). A row
-- written before keeps its English words until its next pull. Idempotent.
ALTER TABLE scim_sources ADD COLUMN IF NOT EXISTS last_error_key VARCHAR(40) NULL AFTER last_error;
ALTER TABLE scim_sources ADD COLUMN IF NOT EXISTS last_error_args TEXT NULL AFTER last_error_key;

-- Sources that failed before: the errors that are words alone take their
-- key; one with details (a status, a count) keeps its English words.
UPDATE scim_sources SET last_error_key = CASE last_error
    WHEN 'a page larger than the limit' THEN 'page_too_large'
    WHEN 'the source''s answer is not a SCIM ListResponse' THEN 'not_list_response'
    WHEN 'a user of the source has no id' THEN 'user_without_id'
    WHEN 'the source listed more users than its totalResults' THEN 'more_than_total'
    WHEN 'the source''s token cannot be opened (Crypto.Key changed?)' THEN 'token_unreadable'
    WHEN 'the database is unavailable' THEN 'database_unavailable'
    WHEN 'the lease was lost part-way; the next pull goes on' THEN 'lease_lost'
  END, last_error_args = '[]'
  WHERE last_error_key IS NULL AND last_error <> '';
UPDATE scim_sources SET last_error_args = NULL WHERE last_error_key IS NULL;
