-- Single Sign-On and Azure AD Sync set up before they were integrations of
-- the panel (lib/integrations.c) show there as set up. Idempotent.
INSERT IGNORE INTO account_integrations (account_id, kind, state, added_at, updated_at)
  SELECT account_id, 'sso', 'enabled', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM sso_configs;
INSERT IGNORE INTO account_integrations (account_id, kind, state, added_at, updated_at)
  SELECT account_id, 'azure_ad_sync', 'enabled', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM azure_ad_sync
  WHERE credential_id IS NOT NULL;
