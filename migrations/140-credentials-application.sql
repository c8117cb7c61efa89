-- A registered application's access tokens are revoked together (a new
-- secret, the application deleted) or per account (unassigned).
CREATE INDEX IF NOT EXISTS ix_credentials_application ON machine_credentials (application_id, account_id);
