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
  -- the account's number of users, kept by the triggers after the users table
  user_count           INT NOT NULL DEFAULT 0,
  created_at           DATETIME NOT NULL,
  updated_at           DATETIME NOT NULL,
  CONSTRAINT fk_accounts_partner FOREIGN KEY (partner_id) REFERENCES accounts (id),
  -- the Accounts list: one partner's accounts by status, sorted by any column
  KEY ix_accounts_list_name (partner_id, status, name),
  KEY ix_accounts_list_country (partner_id, status, country),
  KEY ix_accounts_list_city (partner_id, status, city),
  KEY ix_accounts_list_created (partner_id, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The header's account search (guide §1.3) finds a customer account by any
-- word of its name: one row per word, holding the name from that word on
-- ("Northwind Traders" is found as "Northwind Traders" and "Traders"), so a
-- prefix search of one partner's rows is a range of the primary key. Words
-- are separated by anything that is not a letter or a digit. The triggers
-- below keep it whoever writes the accounts (migrations/001 fills it for
-- accounts made before it); deleting an account cascades.
CREATE TABLE IF NOT EXISTS account_name_words (
  partner_id  CHAR(36) NOT NULL,
  words       VARCHAR(255) NOT NULL,
  account_id  CHAR(36) NOT NULL,
  PRIMARY KEY (partner_id, words, account_id),
  -- an account's own rows: renaming, and a search's earliest match per account
  KEY ix_account_name_words_account (account_id, words),
  CONSTRAINT fk_account_name_words_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS tr_accounts_words_insert AFTER INSERT ON accounts FOR EACH ROW
  INSERT IGNORE INTO account_name_words (partner_id, words, account_id)
  WITH RECURSIVE tails (words) AS (
    SELECT REGEXP_REPLACE(NEW.name, '^[^\\p{L}\\p{N}]+', '')
    UNION ALL
    SELECT REGEXP_REPLACE(words, '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+', '') FROM tails
    WHERE words REGEXP '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]')
  SELECT NEW.partner_id, words, NEW.id FROM tails WHERE NEW.kind = 'customer' AND words <> '';
-- Every change of user_count updates the account too: only a new name
-- rewrites its words.
CREATE TRIGGER IF NOT EXISTS tr_accounts_words_update AFTER UPDATE ON accounts FOR EACH ROW
  IF CAST(NEW.name AS BINARY) <> CAST(OLD.name AS BINARY) THEN
    DELETE FROM account_name_words WHERE account_id = NEW.id;
    INSERT IGNORE INTO account_name_words (partner_id, words, account_id)
    WITH RECURSIVE tails (words) AS (
      SELECT REGEXP_REPLACE(NEW.name, '^[^\\p{L}\\p{N}]+', '')
      UNION ALL
      SELECT REGEXP_REPLACE(words, '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+', '') FROM tails
      WHERE words REGEXP '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]')
    SELECT NEW.partner_id, words, NEW.id FROM tails WHERE NEW.kind = 'customer' AND words <> '';
  END IF;

CREATE TABLE IF NOT EXISTS account_support_contacts (
  account_id  CHAR(36) NOT NULL,
  position    SMALLINT NOT NULL,
  email       VARCHAR(255) NOT NULL,
  PRIMARY KEY (account_id, position),
  CONSTRAINT fk_contacts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Custom roles (guide §2.14): a partner's restriction of the built-in Partner
-- or Administrator role. grants is lib/perm.c's text form of the matrix.
CREATE TABLE IF NOT EXISTS roles (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id       CHAR(36) NOT NULL,
  name             VARCHAR(100) NOT NULL,
  description      VARCHAR(500) NOT NULL DEFAULT '',
  base             ENUM('partner','admin') NOT NULL,
  grants           VARCHAR(400) NOT NULL,
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  updated_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  CONSTRAINT fk_roles_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE,
  -- the Roles list: one partner's roles by name
  UNIQUE KEY ux_roles_partner_name (partner_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The accounts a custom role is assigned to: their users may be given it.
CREATE TABLE IF NOT EXISTS role_accounts (
  role_id     BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  PRIMARY KEY (role_id, account_id),
  -- the roles offered on one account's Edit User page
  KEY ix_role_accounts_account (account_id, role_id),
  CONSTRAINT fk_role_accounts_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
  CONSTRAINT fk_role_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
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
  -- a custom role restricting the built-in one (NULL: the built-in role as is)
  custom_role_id   BIGINT UNSIGNED NULL,
  registered       TINYINT(1) NOT NULL DEFAULT 0,
  password_hash    VARCHAR(128) NULL,
  source           VARCHAR(32) NOT NULL DEFAULT 'Accounts app',
  -- what integrations report about the user (PBX links, MiCloud, IoT, SMS);
  -- the Users list's filters (guide §2.4 Filter Users) read them
  pbx_user          TINYINT(1) NOT NULL DEFAULT 0,
  micloud_connected TINYINT(1) NOT NULL DEFAULT 0,
  iot_connected     TINYINT(1) NOT NULL DEFAULT 0,
  active            TINYINT(1) NOT NULL DEFAULT 1,
  sms_number        VARCHAR(16) NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  updated_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  -- For the Users list's search (cgi-bin/users.c), which matches the start
  -- of display_name, first_name, last_name, email or extension: what the
  -- first name and email match beyond display_name. first_name_extra is
  -- first_name unless display_name begins with it, byte for byte. email_lead
  -- is the length, at most 7, of display_name's first word when the email
  -- begins with that word in the same letters (case aside), else 0: a search
  -- text no longer than email_lead starts the email only if it starts
  -- display_name too, and the other way round.
  first_name_extra VARCHAR(100) AS (IF(CAST(LEFT(display_name, CHAR_LENGTH(first_name)) AS BINARY)
                     = CAST(first_name AS BINARY), '', first_name)) STORED,
  email_lead       TINYINT UNSIGNED AS (IF(
                     CAST(LOWER(LEFT(email, LEAST(CHAR_LENGTH(SUBSTRING_INDEX(display_name, ' ', 1)), 7))) AS BINARY)
                     = CAST(LOWER(LEFT(display_name, LEAST(CHAR_LENGTH(SUBSTRING_INDEX(display_name, ' ', 1)), 7))) AS BINARY),
                     LEAST(CHAR_LENGTH(SUBSTRING_INDEX(display_name, ' ', 1)), 7), 0)) STORED,
  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  UNIQUE KEY ux_users_account_email (account_id, email),
  -- the Users list: sort and prefix search within one account (display_name
  -- in ix_users_updated and ix_users_role serves searches in those orders)
  KEY ix_users_name (account_id, display_name, id),
  KEY ix_users_first_extra (account_id, first_name_extra),
  KEY ix_users_last (account_id, last_name),
  KEY ix_users_email_lead (account_id, email_lead, email),
  KEY ix_users_name_lead (account_id, email_lead, display_name),
  KEY ix_users_ext (account_id, extension),
  KEY ix_users_updated (account_id, updated_at, id, display_name),
  KEY ix_users_role (account_id, role, display_name),
  -- the filters: one index each, continuing in the NAME order
  KEY ix_users_registered (account_id, registered, display_name, id),
  KEY ix_users_pbx (account_id, pbx_user, display_name, id),
  KEY ix_users_micloud (account_id, micloud_connected, display_name, id),
  KEY ix_users_iot (account_id, iot_connected, display_name, id),
  KEY ix_users_active (account_id, active, display_name, id),
  KEY ix_users_sms (account_id, sms_number, id),
  -- sign-in looks a user up by email across accounts
  KEY ix_users_email (email),
  -- who holds a custom role (Delete Role refuses while anyone does)
  CONSTRAINT fk_users_custom_role FOREIGN KEY (custom_role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- accounts.user_count, the Users list's total, stays exact whoever adds or
-- removes users (screens, imports, jobs, syncd, plain SQL). The insert
-- trigger runs before the row's foreign key check share-locks the account,
-- so concurrent inserts queue on the account row instead of deadlocking on
-- it. Users never move between accounts, and are never upserted (an
-- INSERT ... ON DUPLICATE KEY UPDATE would count its row). Deleting an
-- account cascades to its users without the trigger: the count goes with it.
-- With binary logging on, creating triggers takes SUPER or
-- log_bin_trust_function_creators = 1 for `console migrate`.
CREATE TRIGGER IF NOT EXISTS tr_users_count_insert BEFORE INSERT ON users FOR EACH ROW
  UPDATE accounts SET user_count = user_count + 1 WHERE id = NEW.account_id;
CREATE TRIGGER IF NOT EXISTS tr_users_count_delete AFTER DELETE ON users FOR EACH ROW
  UPDATE accounts SET user_count = user_count - 1 WHERE id = OLD.account_id;

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

-- Failed sign-ins per email, per client address and per email and address
-- together (lib/throttle.h), over a window; only hashes of the keys.
CREATE TABLE IF NOT EXISTS login_failures (
  scope            ENUM('email','addr','pair') NOT NULL,
  key_hash         CHAR(64) NOT NULL,
  failures         INT NOT NULL,
  window_start     DATETIME NOT NULL,
  last_failure_at  DATETIME NULL,
  PRIMARY KEY (scope, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Forgot your password?" requests per email and per client address over an
-- hour (lib/throttle.h); only hashes of the keys.
CREATE TABLE IF NOT EXISTS reset_requests (
  scope         ENUM('email','addr') NOT NULL,
  key_hash      CHAR(64) NOT NULL,
  requests      INT NOT NULL,
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

-- Account managers (guide §2.15): the customer accounts each partner user
-- restricted to assigned accounts may reach.
CREATE TABLE IF NOT EXISTS account_manager_accounts (
  user_id     BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  PRIMARY KEY (user_id, account_id),
  -- "who manages this account" (TOTAL ACCOUNT MANAGERS)
  KEY ix_manager_accounts_account (account_id, user_id),
  CONSTRAINT fk_manager_accounts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_manager_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Long work for syncd (ARCHITECTURE §7): bulk welcome emails, password
-- resets and deletions, and the Account Managers bulk actions. syncd claims a job with SELECT ... FOR UPDATE SKIP
-- LOCKED and holds it by its lease; a job whose lease expired is taken over.
CREATE TABLE IF NOT EXISTS jobs (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  kind             ENUM('welcome','reset','delete','convert','upgrade','assign','unassign') NOT NULL,
  state            ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  total            INT NOT NULL DEFAULT 0,
  processed        INT NOT NULL DEFAULT 0,
  skipped          INT NOT NULL DEFAULT 0,
  created_by       BIGINT UNSIGNED NULL,
  created_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  created_by_email VARCHAR(255) NOT NULL DEFAULT '',
  attempts         INT NOT NULL DEFAULT 0,
  run_after        DATETIME NOT NULL,
  lease_owner      VARCHAR(96) NULL,
  lease_until      DATETIME NULL,
  last_error       VARCHAR(512) NOT NULL DEFAULT '',
  -- the page the job was started from: its page's Close goes back there
  return_to        VARCHAR(2048) CHARACTER SET ascii NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  finished_at      DATETIME NULL,
  -- claiming: due jobs by state
  KEY ix_jobs_claim (state, run_after),
  KEY ix_jobs_account (account_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The customer accounts an assign or unassign job gives to, or takes from,
-- each of its account managers (its items).
CREATE TABLE IF NOT EXISTS job_accounts (
  job_id      BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  PRIMARY KEY (job_id, account_id),
  CONSTRAINT fk_job_accounts_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The users a job applies to, and what happened to each. No foreign key to
-- users: a deleted user's line stays in the job's summary.
CREATE TABLE IF NOT EXISTS job_items (
  job_id      BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  outcome     ENUM('pending','done','skipped','failed') NOT NULL DEFAULT 'pending',
  reason      VARCHAR(32) NOT NULL DEFAULT '',
  PRIMARY KEY (job_id, user_id),
  KEY ix_job_items_outcome (job_id, outcome, user_id),
  CONSTRAINT fk_job_items_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail to send. A row is written in the transaction that causes the mail;
-- syncd renders and sends it (the link's token is minted then, so no usable
-- token is ever stored), retrying with backoff.
CREATE TABLE IF NOT EXISTS mail_outbox (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  user_id          BIGINT UNSIGNED NOT NULL,
  job_id           BIGINT UNSIGNED NULL,
  kind             ENUM('welcome','reset') NOT NULL,
  to_addr          VARCHAR(255) NOT NULL,
  state            ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME NOT NULL,
  lease_owner      VARCHAR(96) NULL,
  lease_until      DATETIME NULL,
  last_error       VARCHAR(512) NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  sent_at          DATETIME NULL,
  KEY ix_outbox_due (state, next_attempt_at),
  KEY ix_outbox_job (job_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Welcome (sign-up) and password reset tokens: only the hash is stored.
-- Using one uses every token of that user and purpose.
CREATE TABLE IF NOT EXISTS user_tokens (
  token_hash  CHAR(64) NOT NULL PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  purpose     ENUM('welcome','reset') NOT NULL,
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  used_at     DATETIME NULL,
  KEY ix_tokens_user (user_id, purpose),
  CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The bell (guide §1.3): what happened to the jobs a user started.
CREATE TABLE IF NOT EXISTS notifications (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  job_id      BIGINT UNSIGNED NULL,
  seen        TINYINT(1) NOT NULL DEFAULT 0,
  created_at  DATETIME NOT NULL,
  KEY ix_notifications_user (user_id, id),
  KEY ix_notifications_unseen (user_id, seen),
  CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bulk import of users (guide §2.8): an uploaded spreadsheet kept as a batch,
-- so its preview survives reloads and can be left and resumed; Cancel
-- deletes it. added_count is what the last Upload added.
CREATE TABLE IF NOT EXISTS import_batches (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id   CHAR(36) NOT NULL,
  created_by   BIGINT UNSIGNED NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  added_count  INT NOT NULL DEFAULT 0,
  -- the spreadsheet row number of the last row, so Add Row numbers never repeat
  last_line    INT NOT NULL DEFAULT 0,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  -- the Import Users panel offers the account's unfinished imports, newest first
  KEY ix_import_batches_account (account_id, created_at),
  CONSTRAINT fk_import_batches_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One spreadsheet row: pending in the preview until Upload adds it
-- (state 'added', user_id set). errors holds lib/import.h's IMPORT_ERR_* bits;
-- role is the key of role_text, NULL when role_text names no role.
CREATE TABLE IF NOT EXISTS import_rows (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  batch_id    BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  line        INT NOT NULL,
  first_name  VARCHAR(255) NOT NULL DEFAULT '',
  last_name   VARCHAR(255) NOT NULL DEFAULT '',
  name        VARCHAR(255) NOT NULL DEFAULT '',
  email       VARCHAR(255) NOT NULL DEFAULT '',
  role_text   VARCHAR(255) NOT NULL DEFAULT '',
  role        ENUM('account_admin','user') NULL,
  errors      INT UNSIGNED NOT NULL DEFAULT 0,
  state       ENUM('pending','adding','added') NOT NULL DEFAULT 'pending',
  user_id     BIGINT UNSIGNED NULL,
  -- the preview: a batch's pending rows in spreadsheet order
  KEY ix_import_rows_preview (batch_id, state, line, id),
  -- its rows with errors (the count, the "only errors" filter)
  KEY ix_import_rows_errors (batch_id, state, errors),
  -- duplicates within the batch, and the one check against the account's users
  KEY ix_import_rows_email (batch_id, email),
  CONSTRAINT fk_import_rows_batch FOREIGN KEY (batch_id) REFERENCES import_batches (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Machine credentials of the /api/v1 front (ARCHITECTURE §7a): a random
-- 256-bit bearer token of which only the SHA-256 is kept, owned by a partner
-- (scope: the partner and its customer accounts) or bound to one account, and
-- of a kind that bounds the routes it may call (lib/credentials.h).
CREATE TABLE IF NOT EXISTS machine_credentials (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash      CHAR(64) NOT NULL,
  kind            VARCHAR(32) NOT NULL,
  partner_id      CHAR(36) NOT NULL,
  -- NULL: every account of the partner; else that account only
  account_id      CHAR(36) NULL,
  -- a registered application's credential (Developer page); NULL otherwise
  application_id  BIGINT UNSIGNED NULL,
  label           VARCHAR(255) NOT NULL DEFAULT '',
  created_by_name VARCHAR(255) NOT NULL DEFAULT '',
  created_at      DATETIME NOT NULL,
  last_used_at    DATETIME NULL,
  expires_at      DATETIME NULL,
  revoked_at      DATETIME NULL,
  UNIQUE KEY ux_credentials_hash (token_hash),
  -- a partner's credentials, newest first
  KEY ix_credentials_partner (partner_id, id),
  CONSTRAINT fk_credentials_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- SCIM 2.0 provisioning (guide §3.2.6; ch3 §8) ----

-- Azure AD Sync set up on a customer account: Generate keys issues the SCIM
-- bearer credential (machine_credentials, kind scim, bound to the account;
-- only its hash is kept) and revokes the one before.
CREATE TABLE IF NOT EXISTS azure_ad_sync (
  account_id         CHAR(36) NOT NULL PRIMARY KEY,
  credential_id      BIGINT UNSIGNED NULL,
  generated_at       DATETIME NULL,
  generated_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  created_at         DATETIME NOT NULL,
  CONSTRAINT fk_azure_ad_sync_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The Provisioning activity panel: what the account's SCIM clients did,
-- counted per hour (one upsert per write), and their last errors.
CREATE TABLE IF NOT EXISTS scim_activity (
  account_id   CHAR(36) NOT NULL,
  hour         DATETIME NOT NULL,
  created      INT NOT NULL DEFAULT 0,
  updated      INT NOT NULL DEFAULT 0,
  deactivated  INT NOT NULL DEFAULT 0,
  deleted      INT NOT NULL DEFAULT 0,
  failed       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, hour),
  CONSTRAINT fk_scim_activity_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS scim_errors (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  at          DATETIME NOT NULL,
  method      VARCHAR(8) NOT NULL,
  path        VARCHAR(255) NOT NULL,
  status      SMALLINT NOT NULL,
  scim_type   VARCHAR(24) NOT NULL DEFAULT '',
  detail      VARCHAR(512) NOT NULL DEFAULT '',
  -- an account's latest errors (only the last 20 are kept)
  KEY ix_scim_errors_account (account_id, id),
  CONSTRAINT fk_scim_errors_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user a SCIM client owns (source-owned fields, guide §2.4): provisioned
-- through the account's SCIM server (source_id NULL) or pulled from one of
-- its SCIM sources, or a console user adopted by either (adopted: removal
-- from a source then lets it go instead of deleting it). doc is the User
-- document as provisioned, without id and meta, so a GET returns it;
-- fingerprint is a hash of it, so a pull of an unchanged user writes
-- nothing. user_name is unique in the account (SCIM userName is not
-- case-exact); external_id is case-exact: the client's id of the user.
CREATE TABLE IF NOT EXISTS scim_users (
  user_id      BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  account_id   CHAR(36) NOT NULL,
  source_id    BIGINT UNSIGNED NULL,
  user_name    VARCHAR(255) NOT NULL,
  external_id  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  adopted      TINYINT(1) NOT NULL DEFAULT 0,
  fingerprint  CHAR(16) NOT NULL DEFAULT '',
  doc          JSON NOT NULL,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  -- filter userName eq "…" (Entra's lookup) and uniqueness
  UNIQUE KEY ux_scim_users_name (account_id, user_name),
  -- filter externalId eq "…"
  KEY ix_scim_users_external (account_id, external_id),
  -- a source's users, by the source's id (the pull's diff)
  UNIQUE KEY ux_scim_users_source (source_id, external_id),
  CONSTRAINT fk_scim_users_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every email address and phone number (E.164) of the SCIM-owned users,
-- beyond the users table's email and mobile: the lookups of filters on
-- emails and phoneNumbers, the account's uniqueness rule (guide §3.2.6:
-- email, mobile, phone, extension) and the Phone Number Conflict Search.
CREATE TABLE IF NOT EXISTS scim_user_values (
  account_id  CHAR(36) NOT NULL,
  kind        ENUM('email','phone') NOT NULL,
  value       VARCHAR(255) NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (account_id, kind, value, user_id),
  KEY ix_scim_user_values_user (user_id),
  CONSTRAINT fk_scim_user_values_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Groups of an account's users, provisioned by SCIM (ch3 §8: a user's
-- groups show on the user page and filter the Users list). doc holds the
-- rest of the Group document as provisioned, members aside; version counts
-- every change, members included (the ETag).
CREATE TABLE IF NOT EXISTS user_groups (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id    CHAR(36) NOT NULL,
  display_name  VARCHAR(255) NOT NULL,
  external_id   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  source        VARCHAR(32) NOT NULL DEFAULT 'SCIM',
  doc           JSON NOT NULL,
  member_count  INT NOT NULL DEFAULT 0,
  version       BIGINT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL,
  -- the account's groups by name (the Users filter, displayName eq "…")
  KEY ix_user_groups_name (account_id, display_name, id),
  -- a list of them, page by page
  KEY ix_user_groups_account (account_id, id),
  KEY ix_user_groups_external (account_id, external_id),
  CONSTRAINT fk_user_groups_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS user_group_members (
  group_id    BIGINT UNSIGNED NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  PRIMARY KEY (group_id, user_id),
  -- a user's groups (the user page, the groups attribute of a User)
  KEY ix_user_group_members_user (user_id, group_id),
  CONSTRAINT fk_user_group_members_group FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_group_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SCIM sources an account pulls users from (ch3 §8.5, beyond the guide):
-- syncd claims a due source like a job (lease_owner, lease_until; SKIP
-- LOCKED), lists its Users page by page, and applies the difference. The
-- bearer token is sealed (secret_seal) and never shown again.
CREATE TABLE IF NOT EXISTS scim_sources (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id        CHAR(36) NOT NULL,
  name              VARCHAR(100) NOT NULL,
  base_url          VARCHAR(1024) NOT NULL,
  token_sealed      VARCHAR(1024) NOT NULL,
  filter            VARCHAR(1024) NOT NULL DEFAULT '',
  interval_minutes  INT NOT NULL DEFAULT 60,
  due_at            DATETIME NOT NULL,
  lease_owner       VARCHAR(96) NULL,
  lease_until       DATETIME NULL,
  failures          INT NOT NULL DEFAULT 0,
  last_attempt_at   DATETIME NULL,
  last_success_at   DATETIME NULL,
  last_error        VARCHAR(512) NOT NULL DEFAULT '',
  -- the last pull: {fetched, added, changed, removed, skipped, writes, seconds}
  last_result       JSON NULL,
  created_by_name   VARCHAR(255) NOT NULL DEFAULT '',
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  KEY ix_scim_sources_account (account_id, id),
  -- the scheduler: due sources
  KEY ix_scim_sources_due (due_at),
  CONSTRAINT fk_scim_sources_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
