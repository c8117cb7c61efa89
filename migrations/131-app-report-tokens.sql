-- An app's short-lived token acts as one user (POST /api/v1/app-token) and
-- goes with that user; expired ones are purged by syncd.
ALTER TABLE machine_credentials ADD COLUMN IF NOT EXISTS user_id BIGINT UNSIGNED NULL AFTER application_id;
ALTER TABLE machine_credentials ADD KEY IF NOT EXISTS ix_credentials_expiry (expires_at);
ALTER TABLE machine_credentials ADD CONSTRAINT fk_credentials_user
  FOREIGN KEY IF NOT EXISTS (user_id) REFERENCES users (id) ON DELETE CASCADE;
