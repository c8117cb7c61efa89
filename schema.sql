-- Switchboard schema: creates a fresh database. Changes after the first
-- release go in migrations/NNN-name.sql; `console migrate` applies both.
-- InnoDB, utf8mb4, UTC times. Every tenant table carries account_id.

CREATE TABLE IF NOT EXISTS schema_migrations (
  name        VARCHAR(190) NOT NULL PRIMARY KEY,
  applied_at  DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A partner account (partner_id NULL) or a customer account of one partner.
CREATE TABLE IF NOT EXISTS accounts (
  id                   CHAR(36) NOT NULL PRIMARY KEY,
  partner_id           CHAR(36) NULL,
  kind                 ENUM('partner','customer') NOT NULL,
  name                 VARCHAR(255) NOT NULL,
  country              VARCHAR(2) NOT NULL DEFAULT '',
  province             VARCHAR(255) NOT NULL DEFAULT '',
  address              VARCHAR(255) NOT NULL DEFAULT '',
  city                 VARCHAR(255) NOT NULL DEFAULT '',
  postal_code          VARCHAR(32) NOT NULL DEFAULT '',
  default_language     VARCHAR(8) NOT NULL DEFAULT 'en',
  business_type        VARCHAR(64) NOT NULL DEFAULT '',
  sap_customer_number  VARCHAR(64) NOT NULL DEFAULT '',
  pbx_type             VARCHAR(64) NOT NULL DEFAULT '',
  status               ENUM('active','deactivated') NOT NULL DEFAULT 'active',
  created_at           DATETIME NOT NULL,
  updated_at           DATETIME NOT NULL,
  CONSTRAINT fk_accounts_partner FOREIGN KEY (partner_id) REFERENCES accounts (id),
  -- the Accounts list: one partner's accounts by status, sorted by any column
  KEY ix_accounts_list_name (partner_id, status, name),
  KEY ix_accounts_list_country (partner_id, status, country),
  KEY ix_accounts_list_city (partner_id, status, city),
  KEY ix_accounts_list_created (partner_id, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS account_support_contacts (
  account_id  CHAR(36) NOT NULL,
  position    SMALLINT NOT NULL,
  email       VARCHAR(255) NOT NULL,
  PRIMARY KEY (account_id, position),
  CONSTRAINT fk_contacts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  first_name       VARCHAR(100) NOT NULL DEFAULT '',
  last_name        VARCHAR(100) NOT NULL DEFAULT '',
  name             VARCHAR(200) NOT NULL DEFAULT '',
  -- what the NAME column shows: name, else first and last name (kept by the app)
  display_name     VARCHAR(255) NOT NULL,
  email            VARCHAR(255) NOT NULL,
  mobile           VARCHAR(16) NOT NULL DEFAULT '',
  extension        VARCHAR(32) NOT NULL DEFAULT '',
  role             ENUM('partner_admin','account_manager','account_admin','user') NOT NULL DEFAULT 'user',
  registered       TINYINT(1) NOT NULL DEFAULT 0,
  password_hash    VARCHAR(128) NULL,
  source           VARCHAR(32) NOT NULL DEFAULT 'Accounts app',
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  updated_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  UNIQUE KEY ux_users_account_email (account_id, email),
  -- the Users list: sort and prefix search within one account
  KEY ix_users_name (account_id, display_name, id),
  KEY ix_users_first (account_id, first_name),
  KEY ix_users_last (account_id, last_name),
  KEY ix_users_ext (account_id, extension),
  KEY ix_users_updated (account_id, updated_at, id),
  KEY ix_users_role (account_id, role, display_name),
  -- sign-in looks a user up by email across accounts
  KEY ix_users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Products a user holds licences for (filled by orders and integrations).
CREATE TABLE IF NOT EXISTS user_licenses (
  account_id  CHAR(36) NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  product     VARCHAR(100) NOT NULL,
  PRIMARY KEY (user_id, product),
  KEY ix_licenses_account (account_id, product),
  CONSTRAINT fk_licenses_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only a hash of the session id is stored; the id itself lives in the cookie.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash       CHAR(64) NOT NULL PRIMARY KEY,
  user_id       BIGINT UNSIGNED NOT NULL,
  csrf_token    CHAR(64) NOT NULL,
  created_at    DATETIME NOT NULL,
  last_seen_at  DATETIME NOT NULL,
  client_addr   VARCHAR(64) NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_seen (last_seen_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins per email and per client address, for throttling.
CREATE TABLE IF NOT EXISTS login_failures (
  scope         ENUM('email','addr') NOT NULL,
  key_hash      CHAR(64) NOT NULL,
  failures      INT NOT NULL,
  window_start  DATETIME NOT NULL,
  PRIMARY KEY (scope, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The Event History. No foreign keys: events outlive what they describe.
CREATE TABLE IF NOT EXISTS events (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id     CHAR(36) NOT NULL,
  actor_user_id  BIGINT UNSIGNED NULL,
  actor_name     VARCHAR(255) NOT NULL,
  actor_email    VARCHAR(255) NOT NULL DEFAULT '',
  action         VARCHAR(64) NOT NULL,
  asset_type     VARCHAR(32) NOT NULL,
  asset_id       VARCHAR(64) NOT NULL,
  asset_name     VARCHAR(255) NOT NULL DEFAULT '',
  details        JSON NOT NULL,
  created_at     DATETIME(6) NOT NULL,
  KEY ix_events_account (account_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- syncd's liveness, shown to operators and used by tests.
CREATE TABLE IF NOT EXISTS daemon_heartbeats (
  host        VARCHAR(255) NOT NULL,
  pid         INT NOT NULL,
  started_at  DATETIME NOT NULL,
  seen_at     DATETIME NOT NULL,
  PRIMARY KEY (host, pid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
