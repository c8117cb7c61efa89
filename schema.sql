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
  -- a partner's billing account in the ordering system (ch2 §3.7): the orders
  -- it publishes name it; NULL for customers and partners without one
  billing_id           VARCHAR(64) NULL,
  -- a Prime Partner (guide §2.7): no Subscriptions panel; 0 for customers
  prime_partner        TINYINT(1) NOT NULL DEFAULT 0,
  created_at           DATETIME NOT NULL,
  updated_at           DATETIME NOT NULL,
  CONSTRAINT fk_accounts_partner FOREIGN KEY (partner_id) REFERENCES accounts (id),
  -- the Accounts list: one partner's accounts by status, sorted by any column
  KEY ix_accounts_list_name (partner_id, status, name),
  KEY ix_accounts_list_country (partner_id, status, country),
  KEY ix_accounts_list_city (partner_id, status, city),
  KEY ix_accounts_list_created (partner_id, status, created_at),
  UNIQUE KEY ux_accounts_billing (billing_id)
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
-- Any change of the account runs it: only a new name
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
  -- the language the user chose (NULL: the account's default_language)
  language         VARCHAR(16) NULL,
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

-- Each account's users and registered users (the gateway portal's
-- Registered Users, seed 001; ch2 §10.2), exact whoever adds, removes or
-- registers them (screens, imports, jobs, syncd, plain SQL): the sum of the
-- account's slots. A write adds to the slot of its connection, so
-- concurrent writers of one account hold different rows to their commit
-- instead of queueing on one (a single counter on the account's row
-- serialised every insert of users into the account). A slot may go below
-- zero; the sum may not. The triggers run after the row's foreign key check
-- has share-locked the account, the order a delete that locks the account
-- first (lib/users.h) takes too. Users never move between accounts and are
-- never upserted (an INSERT ... ON DUPLICATE KEY UPDATE would count its
-- row); deleting an account cascades to its users without the triggers,
-- and to its slots. With binary logging on, creating triggers takes SUPER
-- or log_bin_trust_function_creators = 1 for `console migrate`.
CREATE TABLE IF NOT EXISTS account_user_counts (
  account_id  CHAR(36) NOT NULL,
  slot        TINYINT UNSIGNED NOT NULL,
  users       INT NOT NULL DEFAULT 0,
  registered  INT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, slot),
  CONSTRAINT fk_user_counts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER IF NOT EXISTS tr_users_counts_insert AFTER INSERT ON users FOR EACH ROW
  INSERT INTO account_user_counts (account_id, slot, users, registered)
  VALUES (NEW.account_id, CONNECTION_ID() % 16, 1, NEW.registered)
  ON DUPLICATE KEY UPDATE users = users + 1, registered = registered + NEW.registered;
CREATE TRIGGER IF NOT EXISTS tr_users_counts_delete AFTER DELETE ON users FOR EACH ROW
  INSERT INTO account_user_counts (account_id, slot, users, registered)
  VALUES (OLD.account_id, CONNECTION_ID() % 16, -1, -OLD.registered)
  ON DUPLICATE KEY UPDATE users = users - 1, registered = registered - OLD.registered;
CREATE TRIGGER IF NOT EXISTS tr_users_counts_update AFTER UPDATE ON users FOR EACH ROW
  IF NEW.registered <> OLD.registered THEN
    INSERT INTO account_user_counts (account_id, slot, registered)
    VALUES (NEW.account_id, CONNECTION_ID() % 16, NEW.registered - OLD.registered)
    ON DUPLICATE KEY UPDATE registered = registered + NEW.registered - OLD.registered;
  END IF;

-- The Users list's search (guide §2.4 Search Users) finds a user by any
-- word of their name and by any part of their email address or extension a
-- person would type: every suffix of those texts that starts a word (after
-- a space, '.', '@', '-', '_', '+', ',', an apostrophe or a bracket) is a
-- term, so "smith", "example.com" and "bulk.user@ex" each start one. A
-- search reads the range of terms that start with what was typed. The
-- triggers below keep the terms with every write of users, whoever writes
-- (screens, imports, jobs, syncd, plain SQL), in the same transaction;
-- deleting a user deletes its terms (the foreign key). display_name and
-- lead (the term's first three characters) let a search sorted by name
-- read its matches in that order.
CREATE TABLE IF NOT EXISTS user_search_terms (
  account_id    CHAR(36) NOT NULL,
  term          VARCHAR(255) NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  display_name  VARCHAR(255) NOT NULL,
  lead          VARCHAR(3) AS (LEFT(term, 3)) STORED,
  PRIMARY KEY (account_id, term, user_id),
  -- does this user match (a walk along a sort index tests each user)
  KEY ix_user_search_terms_user (user_id, term),
  -- the matches of a search of three characters or more, in NAME order
  KEY ix_user_search_terms_lead (account_id, lead, display_name, user_id),
  CONSTRAINT fk_user_search_terms_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each user's terms, computed from the row: its searched texts joined by
-- line breaks (which no field holds), cut at every word start.
CREATE OR REPLACE VIEW user_search_terms_source AS
  SELECT u.account_id, u.id AS user_id, u.display_name,
         LEFT(SUBSTRING_INDEX(SUBSTRING(CONCAT_WS('\n', u.display_name, u.first_name, u.last_name, u.email, u.extension),
                                        w.seq), '\n', 1), 255) AS term
  FROM users u JOIN seq_1_to_1000 w
  WHERE w.seq <= CHAR_LENGTH(CONCAT_WS('\n', u.display_name, u.first_name, u.last_name, u.email, u.extension))
    AND LOCATE(SUBSTRING(CONCAT_WS('\n', u.display_name, u.first_name, u.last_name, u.email, u.extension), w.seq, 1),
               ' .@-_+,()''\n') = 0
    AND (w.seq = 1 OR LOCATE(SUBSTRING(CONCAT_WS('\n', u.display_name, u.first_name, u.last_name, u.email, u.extension),
                                       w.seq - 1, 1), ' .@-_+,()''\n') > 0);

CREATE TRIGGER IF NOT EXISTS tr_users_terms_insert AFTER INSERT ON users FOR EACH ROW
  INSERT IGNORE INTO user_search_terms (account_id, term, user_id, display_name)
  SELECT account_id, term, user_id, display_name FROM user_search_terms_source WHERE user_id = NEW.id;
-- An update that changes a searched text replaces the user's terms.
CREATE TRIGGER IF NOT EXISTS tr_users_terms_forget AFTER UPDATE ON users FOR EACH ROW
  DELETE FROM user_search_terms WHERE user_id = NEW.id
    AND NOT (BINARY OLD.display_name <=> BINARY NEW.display_name AND BINARY OLD.first_name <=> BINARY NEW.first_name
             AND BINARY OLD.last_name <=> BINARY NEW.last_name AND BINARY OLD.email <=> BINARY NEW.email
             AND BINARY OLD.extension <=> BINARY NEW.extension);
CREATE TRIGGER IF NOT EXISTS tr_users_terms_learn AFTER UPDATE ON users FOR EACH ROW FOLLOWS tr_users_terms_forget
  INSERT IGNORE INTO user_search_terms (account_id, term, user_id, display_name)
  SELECT account_id, term, user_id, display_name FROM user_search_terms_source WHERE user_id = NEW.id
    AND NOT (BINARY OLD.display_name <=> BINARY NEW.display_name AND BINARY OLD.first_name <=> BINARY NEW.first_name
             AND BINARY OLD.last_name <=> BINARY NEW.last_name AND BINARY OLD.email <=> BINARY NEW.email
             AND BINARY OLD.extension <=> BINARY NEW.extension);

-- Products a user holds licences for (filled by orders and integrations).
CREATE TABLE IF NOT EXISTS user_licenses (
  account_id  CHAR(36) NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  product     VARCHAR(100) NOT NULL,
  PRIMARY KEY (user_id, product),
  KEY ix_licenses_account (account_id, product),
  CONSTRAINT fk_licenses_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user's Mitel One licence tier and features (guide §3.1.4.1): beside the
-- user's 'Mitel One' row of user_licenses, which it needs (lib/mitel_one.h).
CREATE TABLE IF NOT EXISTS user_mitel_one (
  user_id     BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  tier        VARCHAR(16) NOT NULL,
  chat        TINYINT(1) NOT NULL DEFAULT 1,
  miteam      TINYINT(1) NOT NULL DEFAULT 1,
  telephony   TINYINT(1) NOT NULL DEFAULT 1,
  updated_at  DATETIME NOT NULL,
  -- the pools: how many of the account's users hold each tier
  KEY ix_mitel_one_tier (account_id, tier),
  CONSTRAINT fk_mitel_one_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How many of an account's users hold each Mitel One tier: the tiers' pools
-- read this by primary key (lib/mitel_one.c), kept by the triggers below with
-- every write of user_mitel_one; deleting a user removes its row by the
-- foreign key, which fires no trigger, so the user's delete trigger counts
-- it out first (after the licences' one, below).
CREATE TABLE IF NOT EXISTS account_mitel_one_tiers (
  account_id  CHAR(36) NOT NULL,
  tier        VARCHAR(16) NOT NULL,
  holders     INT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, tier),
  CONSTRAINT fk_mitel_one_tiers_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER IF NOT EXISTS tr_mitel_one_count_insert AFTER INSERT ON user_mitel_one FOR EACH ROW
  INSERT INTO account_mitel_one_tiers (account_id, tier, holders) VALUES (NEW.account_id, NEW.tier, 1)
  ON DUPLICATE KEY UPDATE holders = holders + 1;
CREATE TRIGGER IF NOT EXISTS tr_mitel_one_count_delete AFTER DELETE ON user_mitel_one FOR EACH ROW
  UPDATE account_mitel_one_tiers SET holders = holders - 1 WHERE account_id = OLD.account_id AND tier = OLD.tier;
CREATE TRIGGER IF NOT EXISTS tr_mitel_one_count_update_out AFTER UPDATE ON user_mitel_one FOR EACH ROW
  UPDATE account_mitel_one_tiers SET holders = holders - 1 WHERE account_id = OLD.account_id AND tier = OLD.tier;
CREATE TRIGGER IF NOT EXISTS tr_mitel_one_count_update_in AFTER UPDATE ON user_mitel_one FOR EACH ROW
  FOLLOWS tr_mitel_one_count_update_out
  INSERT INTO account_mitel_one_tiers (account_id, tier, holders) VALUES (NEW.account_id, NEW.tier, 1)
  ON DUPLICATE KEY UPDATE holders = holders + 1;

-- The products an account's users hold licences for, and how many hold
-- each: the Users list's Product filter menu and its choice of plan read
-- this by primary key instead of collapsing user_licenses, whose plan for
-- that depended on the table's statistics. Kept by the triggers below
-- with every write of licences; deleting a user removes its licences by
-- the foreign key, which fires no trigger, so the user's own delete
-- trigger counts them out first.
CREATE TABLE IF NOT EXISTS account_products (
  account_id  CHAR(36) NOT NULL,
  product     VARCHAR(100) NOT NULL,
  holders     INT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, product),
  CONSTRAINT fk_account_products_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS tr_licenses_count_insert AFTER INSERT ON user_licenses FOR EACH ROW
  INSERT INTO account_products (account_id, product, holders) VALUES (NEW.account_id, NEW.product, 1)
  ON DUPLICATE KEY UPDATE holders = holders + 1;
CREATE TRIGGER IF NOT EXISTS tr_licenses_count_delete AFTER DELETE ON user_licenses FOR EACH ROW
  UPDATE account_products SET holders = holders - 1 WHERE account_id = OLD.account_id AND product = OLD.product;
CREATE TRIGGER IF NOT EXISTS tr_licenses_count_update_out AFTER UPDATE ON user_licenses FOR EACH ROW
  UPDATE account_products SET holders = holders - 1 WHERE account_id = OLD.account_id AND product = OLD.product;
CREATE TRIGGER IF NOT EXISTS tr_licenses_count_update_in AFTER UPDATE ON user_licenses FOR EACH ROW
  FOLLOWS tr_licenses_count_update_out
  INSERT INTO account_products (account_id, product, holders) VALUES (NEW.account_id, NEW.product, 1)
  ON DUPLICATE KEY UPDATE holders = holders + 1;
CREATE TRIGGER IF NOT EXISTS tr_users_licenses_count_delete BEFORE DELETE ON users FOR EACH ROW
  UPDATE account_products p JOIN user_licenses l ON l.account_id = p.account_id AND l.product = p.product
  SET p.holders = p.holders - 1 WHERE l.user_id = OLD.id;
CREATE TRIGGER IF NOT EXISTS tr_users_mitel_one_count_delete BEFORE DELETE ON users FOR EACH ROW
  FOLLOWS tr_users_licenses_count_delete
  UPDATE account_mitel_one_tiers t JOIN user_mitel_one m ON m.account_id = t.account_id AND m.tier = t.tier
  SET t.holders = t.holders - 1 WHERE m.user_id = OLD.id;

-- Only a hash of the session id is stored; the id itself lives in the cookie.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash       CHAR(64) NOT NULL PRIMARY KEY,
  user_id       BIGINT UNSIGNED NOT NULL,
  csrf_token    CHAR(64) NOT NULL,
  created_at    DATETIME NOT NULL,
  last_seen_at  DATETIME NOT NULL,
  client_addr   VARCHAR(64) NOT NULL DEFAULT '',
  -- signed in through the partner identity provider (migrations/170): no
  -- password of ours to change (guide §1.3)
  via_idp       TINYINT(1) NOT NULL DEFAULT 0,
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

-- The Event History (guide §2.16). No foreign keys: events outlive what
-- they describe. action is the console's dotted action (user.update);
-- event_type, asset_type and act are the guide's EVENT TYPE, ASSET and
-- ACTION keys (lib/events_vocab.h), and kind joins them for the indexes.
-- actor_ref is the ACTOR ID: the acting user's id, or system, solution:...,
-- scim:..., daemon:... for the actors that are not users; actor_name stays
-- as written, and the list shows Unknown when actor_user_id is gone.
-- details holds the CORE DETAILS.
CREATE TABLE IF NOT EXISTS events (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id          CHAR(36) NOT NULL,
  actor_user_id       BIGINT UNSIGNED NULL,
  actor_name          VARCHAR(255) NOT NULL,
  actor_email         VARCHAR(255) NOT NULL DEFAULT '',
  actor_ref           VARCHAR(64) NOT NULL DEFAULT '',
  action              VARCHAR(64) NOT NULL,
  event_type          VARCHAR(24) NOT NULL DEFAULT 'admin',
  asset_type          VARCHAR(32) NOT NULL,
  act                 VARCHAR(40) NOT NULL DEFAULT '',
  kind                VARCHAR(100) AS (CONCAT(event_type, '/', asset_type, '/', act)) STORED,
  asset_id            VARCHAR(64) NOT NULL,
  asset_name          VARCHAR(255) NOT NULL DEFAULT '',
  properties_changed  JSON NOT NULL DEFAULT '[]',
  details             JSON NOT NULL,
  extra_details       JSON NOT NULL DEFAULT '{}',
  log_tags            JSON NOT NULL DEFAULT '[]',
  created_at          DATETIME(6) NOT NULL,
  -- Every Event History query reads one account in EVENT DATE order
  -- (lib/events.c): the newest first without filters; one range per kind
  -- for the Asset, Action and Event Type filters; the actor's own range
  -- for Actor ID, per kind with the others. kind rides along where a
  -- range is walked and tested.
  KEY ix_events_time (account_id, created_at, id, kind),
  KEY ix_events_kind (account_id, kind, created_at, id),
  KEY ix_events_actor (account_id, actor_ref, created_at, id, kind),
  KEY ix_events_actor_kind (account_id, actor_ref, kind, created_at, id),
  -- retention removes the oldest events first (syncd)
  KEY ix_events_created (created_at)
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
-- resets and deletions, the Account Managers bulk actions, large imports.
-- syncd claims a job with SELECT ... FOR UPDATE SKIP LOCKED and holds it by
-- its lease; a job whose lease expired is taken over. kind is lib/jobs.c's
-- key (text, so a new kind needs no schema change).
CREATE TABLE IF NOT EXISTS jobs (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  kind             VARCHAR(32) NOT NULL,
  state            ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  -- what a job works on when its items are not users: an import batch
  subject_id       BIGINT UNSIGNED NULL,
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

-- What a bulk Mitel One job (Manage → Bulk User Settings → Mitel One, guide
-- §3.1.4.1) does to each of its users: the tier ('' leave unchanged, 'none'
-- unassign all) and each feature (-1 leave unchanged, 0 disable, 1 enable).
CREATE TABLE IF NOT EXISTS job_mitel_one (
  job_id     BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  tier       VARCHAR(16) NOT NULL DEFAULT '',
  chat       TINYINT NOT NULL DEFAULT -1,
  miteam     TINYINT NOT NULL DEFAULT -1,
  telephony  TINYINT NOT NULL DEFAULT -1,
  CONSTRAINT fk_job_mitel_one_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
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
  -- the user a welcome or reset mail is for; NULL for mail to support
  -- contacts (kind support_*, about support_log_id)
  user_id          BIGINT UNSIGNED NULL,
  job_id           BIGINT UNSIGNED NULL,
  kind             VARCHAR(32) NOT NULL,
  to_addr          VARCHAR(255) NOT NULL,
  support_log_id   BIGINT UNSIGNED NULL,
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
  -- a notification that is no job's end (migrations/110): its topic and subject
  topic       VARCHAR(32) NULL,
  subject     VARCHAR(255) NOT NULL DEFAULT '',
  -- why, as a message key and its arguments (a PBX sync's error; migrations/240)
  detail_key  VARCHAR(40) NULL,
  detail_args TEXT NULL,
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
  -- an app's token for one user (kind app-report, POST /api/v1/app-token):
  -- it acts as that user, and goes with them
  user_id         BIGINT UNSIGNED NULL,
  label           VARCHAR(255) NOT NULL DEFAULT '',
  created_by_name VARCHAR(255) NOT NULL DEFAULT '',
  created_at      DATETIME NOT NULL,
  last_used_at    DATETIME NULL,
  expires_at      DATETIME NULL,
  revoked_at      DATETIME NULL,
  UNIQUE KEY ux_credentials_hash (token_hash),
  -- a partner's credentials, newest first
  KEY ix_credentials_partner (partner_id, id),
  -- expired short-lived tokens are purged
  KEY ix_credentials_expiry (expires_at),
  -- a registered application's tokens, to revoke them (migrations/140)
  KEY ix_credentials_application (application_id, account_id),
  CONSTRAINT fk_credentials_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE,
  CONSTRAINT fk_credentials_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Support logs (guide §2.10) ----

-- An issue a user of a customer account reported from a CloudLink app,
-- posted by the app through POST /api/v1/support-logs: the account and the
-- reporter come from the app's token. uid is the app's own id of the report
-- when it sent one (posting the same report again stores nothing new), else
-- one of ours; it names the exported files. While a log is Open its support
-- contacts are reminded every SupportLogs.ReminderHours (next_reminder_at,
-- NULL once it is Reported or Resolved).
CREATE TABLE IF NOT EXISTS support_logs (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id        CHAR(36) NOT NULL,
  uid               CHAR(36) CHARACTER SET ascii NOT NULL,
  -- no foreign key: a log outlives its reporter, like an event
  user_id           BIGINT UNSIGNED NOT NULL,
  reporter_email    VARCHAR(255) NOT NULL,
  product           VARCHAR(100) NOT NULL,
  platform          ENUM('web','android','ios','desktop') NOT NULL,
  title             VARCHAR(255) NOT NULL,
  topic             VARCHAR(100) NOT NULL DEFAULT '',
  description       TEXT NOT NULL,
  log_level         VARCHAR(16) NOT NULL DEFAULT '',
  state             ENUM('open','reported','resolved') NOT NULL DEFAULT 'open',
  notes             TEXT NOT NULL,
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  updated_by        BIGINT UNSIGNED NULL,
  updated_by_name   VARCHAR(255) NOT NULL DEFAULT '',
  last_reminder_at  DATETIME NULL,
  next_reminder_at  DATETIME NULL,
  UNIQUE KEY ux_support_logs_uid (account_id, uid),
  -- the list (lib/support_logs.c), newest first: all logs, by state, by
  -- product (and state); narrow, so that skipping to a later page reads
  -- few index pages. The same indexes sort by PRODUCT NAME and STATE, and
  -- two more by REPORTER and LOG TITLE, each sort's ties in date order;
  -- product and state ride along for the filters.
  KEY ix_support_logs_created (account_id, created_at),
  KEY ix_support_logs_state (account_id, state, created_at),
  KEY ix_support_logs_product (account_id, product, created_at, id, state),
  KEY ix_support_logs_product_state (account_id, product, state, created_at, id),
  KEY ix_support_logs_reporter (account_id, reporter_email, created_at, id, product, state),
  KEY ix_support_logs_title (account_id, title, created_at, id, product, state),
  -- syncd's reminders: the logs due
  KEY ix_support_logs_reminder (next_reminder_at),
  CONSTRAINT fk_support_logs_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A log's Report Details tabs (user, device, signal, error) as the app sent
-- them (guide §2.10: the tabs per product).
CREATE TABLE IF NOT EXISTS support_log_tabs (
  log_id      BIGINT UNSIGNED NOT NULL,
  tab         ENUM('user','device','signal','error') NOT NULL,
  account_id  CHAR(36) NOT NULL,
  body        JSON NOT NULL,
  PRIMARY KEY (log_id, tab),
  CONSTRAINT fk_support_log_tabs_log FOREIGN KEY (log_id) REFERENCES support_logs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A log's files: its log text, SIP logs and attachments, with the type their
-- bytes showed. The bytes are in support_log_file_parts, 1 MB a row, so no
-- request ever holds more than one part of a file: the console and syncd
-- keep no files of their own (the hosts are stateless).
CREATE TABLE IF NOT EXISTS support_log_files (
  log_id      BIGINT UNSIGNED NOT NULL,
  seq         SMALLINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  role        ENUM('log','sip','attachment') NOT NULL,
  name        VARCHAR(255) NOT NULL,
  mime        VARCHAR(64) CHARACTER SET ascii NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      CHAR(64) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (log_id, seq),
  CONSTRAINT fk_support_log_files_log FOREIGN KEY (log_id) REFERENCES support_logs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS support_log_file_parts (
  log_id      BIGINT UNSIGNED NOT NULL,
  seq         SMALLINT UNSIGNED NOT NULL,
  part        SMALLINT UNSIGNED NOT NULL,
  account_id  CHAR(36) NOT NULL,
  data        MEDIUMBLOB NOT NULL,
  PRIMARY KEY (log_id, seq, part),
  CONSTRAINT fk_support_log_file_parts_file FOREIGN KEY (log_id, seq) REFERENCES support_log_files (log_id, seq) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The list's search (guide §2.10: by LOG TITLE) finds a log by any word of
-- its title: one row per word, holding the title from that word on ("Calls
-- drop after a minute" is found as "Calls drop...", "drop after...", ...),
-- so a search is a prefix range of one account's rows, like the header's
-- account search (account_name_words). Words are separated by anything
-- that is not a letter or a digit. Each row also holds its log's product
-- and state, so the filters narrow a search without reading the logs.
-- Written by the triggers below (a title never changes; the state and
-- product follow the log's); deleting a log cascades.
CREATE TABLE IF NOT EXISTS support_log_title_words (
  account_id  CHAR(36) NOT NULL,
  words       VARCHAR(255) NOT NULL,
  log_id      BIGINT UNSIGNED NOT NULL,
  product     VARCHAR(100) NOT NULL,
  state       ENUM('open','reported','resolved') NOT NULL,
  PRIMARY KEY (account_id, words, log_id),
  -- does this log's title have a word starting so (the search walking the list)
  KEY ix_support_log_title_words_log (log_id, words),
  CONSTRAINT fk_support_log_title_words_log FOREIGN KEY (log_id) REFERENCES support_logs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS tr_support_logs_words AFTER INSERT ON support_logs FOR EACH ROW
  INSERT IGNORE INTO support_log_title_words (account_id, words, log_id, product, state)
  WITH RECURSIVE tails (words) AS (
    SELECT REGEXP_REPLACE(NEW.title, '^[^\\p{L}\\p{N}]+', '')
    UNION ALL
    SELECT REGEXP_REPLACE(words, '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+', '') FROM tails
    WHERE words REGEXP '^[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]')
  SELECT NEW.account_id, words, NEW.id, NEW.product, NEW.state FROM tails WHERE words <> '';
CREATE TRIGGER IF NOT EXISTS tr_support_logs_words_update AFTER UPDATE ON support_logs FOR EACH ROW
  IF NEW.state <> OLD.state OR CAST(NEW.product AS BINARY) <> CAST(OLD.product AS BINARY) THEN
    UPDATE support_log_title_words SET state = NEW.state, product = NEW.product WHERE log_id = NEW.id;
  END IF;

-- The list without counting logs (ARCHITECTURE §12): logs per account, day
-- (UTC), product and state. Their sums are the list's totals; walking the
-- days finds the day a later page starts on, so a page skips no more than
-- one day's logs; and the Product filter offers the products of the past
-- 60 days. Kept by the triggers below whoever writes support_logs; an
-- account's rows go with it.
CREATE TABLE IF NOT EXISTS support_log_counts (
  account_id  CHAR(36) NOT NULL,
  day         DATE NOT NULL,
  product     VARCHAR(100) NOT NULL,
  state       ENUM('open','reported','resolved') NOT NULL,
  logs        INT NOT NULL,
  PRIMARY KEY (account_id, day, product, state),
  CONSTRAINT fk_support_log_counts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS tr_support_logs_count_insert AFTER INSERT ON support_logs FOR EACH ROW
  INSERT INTO support_log_counts (account_id, day, product, state, logs)
  VALUES (NEW.account_id, DATE(NEW.created_at), NEW.product, NEW.state, 1)
  ON DUPLICATE KEY UPDATE logs = logs + 1;
CREATE TRIGGER IF NOT EXISTS tr_support_logs_count_update AFTER UPDATE ON support_logs FOR EACH ROW
  IF NEW.state <> OLD.state OR CAST(NEW.product AS BINARY) <> CAST(OLD.product AS BINARY)
     OR DATE(NEW.created_at) <> DATE(OLD.created_at) THEN
    UPDATE support_log_counts SET logs = logs - 1
      WHERE account_id = OLD.account_id AND day = DATE(OLD.created_at) AND product = OLD.product AND state = OLD.state;
    INSERT INTO support_log_counts (account_id, day, product, state, logs)
    VALUES (NEW.account_id, DATE(NEW.created_at), NEW.product, NEW.state, 1)
    ON DUPLICATE KEY UPDATE logs = logs + 1;
  END IF;
CREATE TRIGGER IF NOT EXISTS tr_support_logs_count_delete AFTER DELETE ON support_logs FOR EACH ROW
  UPDATE support_log_counts SET logs = logs - 1
    WHERE account_id = OLD.account_id AND day = DATE(OLD.created_at) AND product = OLD.product AND state = OLD.state;

-- ---- CloudLink Gateway onboarding and PBX links (guide §3.1.1) ----

-- A claim: the code a gateway shows on its local page, typed by the
-- account's administrator in Add Gateway. Only its SHA-256 is kept; it lives
-- 15 minutes and binds at most one gateway (used_at).
CREATE TABLE IF NOT EXISTS gateway_claims (
  code_hash   CHAR(64) NOT NULL PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  created_by_name VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  used_at     DATETIME NULL,
  gateway_id  BIGINT UNSIGNED NULL,
  -- an account's pending claim (typing a new code replaces it)
  KEY ix_gateway_claims_account (account_id, used_at),
  CONSTRAINT fk_gateway_claims_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A claimed gateway appliance (physical or virtual, standalone or an SMBC
-- blade): one per account. It signs in with its own machine credential
-- (kind gateway, bound to the account) and reports what it is; syncd reaches
-- the PBX through its relay, presenting the relay key (sealed, secret_seal).
CREATE TABLE IF NOT EXISTS gateways (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id         CHAR(36) NOT NULL,
  credential_id      BIGINT UNSIGNED NULL,
  serial             VARCHAR(64) NOT NULL DEFAULT '',
  kind               ENUM('physical','virtual') NOT NULL DEFAULT 'physical',
  platform           ENUM('standalone','smbc') NOT NULL DEFAULT 'standalone',
  version            VARCHAR(32) NOT NULL DEFAULT '',
  available_version  VARCHAR(32) NOT NULL DEFAULT '',
  ip_address         VARCHAR(64) NOT NULL DEFAULT '',
  relay_url          VARCHAR(255) NOT NULL DEFAULT '',
  relay_key_sealed   VARCHAR(255) NOT NULL DEFAULT '',
  update_schedule    VARCHAR(64) NOT NULL DEFAULT '',
  call_trace         ENUM('off','running') NOT NULL DEFAULT 'off',
  -- the latest lines of its log and of its call trace, as it reported them
  logs               MEDIUMTEXT NULL,
  trace_text         MEDIUMTEXT NULL,
  -- the PBX an SMBC blade reports it is embedded with (JSON), else NULL
  pbx_report         JSON NULL,
  claimed_at         DATETIME NOT NULL,
  last_seen_at       DATETIME NULL,
  UNIQUE KEY ux_gateways_account (account_id),
  CONSTRAINT fk_gateways_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the console asks of a gateway (guide §2.11): handed out with its
-- config on its next poll, answered with its next status report.
CREATE TABLE IF NOT EXISTS gateway_commands (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  gateway_id       BIGINT UNSIGNED NOT NULL,
  kind             ENUM('update_schedule','update_now','reboot','call_trace_start','call_trace_stop','factory_reset') NOT NULL,
  payload          JSON NOT NULL,
  state            ENUM('queued','sent','done','failed') NOT NULL DEFAULT 'queued',
  result           VARCHAR(512) NOT NULL DEFAULT '',
  created_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  sent_at          DATETIME NULL,
  done_at          DATETIME NULL,
  -- a gateway's open commands, oldest first
  KEY ix_gateway_commands_open (gateway_id, state, id),
  KEY ix_gateway_commands_account (account_id, id),
  CONSTRAINT fk_gateway_commands_gateway FOREIGN KEY (gateway_id) REFERENCES gateways (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where an account is in onboarding its gateway (the status line, guide
-- §3.1.1 "Status Messages"): lib/gateways.h names the steps.
CREATE TABLE IF NOT EXISTS gateway_onboarding (
  account_id   CHAR(36) NOT NULL PRIMARY KEY,
  step         ENUM('no_gateway','configure_gateway','add_pbx','sync_pbx','connect_pbx','deployment','complete') NOT NULL DEFAULT 'no_gateway',
  gateway_id   BIGINT UNSIGNED NULL,
  site         JSON NULL,
  eth          JSON NULL,
  pbx_link_id  BIGINT UNSIGNED NULL,
  last_error   VARCHAR(512) NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  -- the partner dashboard: accounts by step
  KEY ix_gateway_onboarding_step (step, account_id),
  CONSTRAINT fk_gateway_onboarding_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A PBX linked to an account through its gateway (Configure PBX). The
-- passwords are sealed (secret_seal) and never shown again. syncd claims a
-- due link like a job (lease_owner, lease_until; SKIP LOCKED) and keeps its
-- status here: the Connect tab, the Overview and the status line read it.
CREATE TABLE IF NOT EXISTS pbx_links (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id           CHAR(36) NOT NULL,
  gateway_id           BIGINT UNSIGNED NULL,
  pbx_type             VARCHAR(16) NOT NULL,
  name                 VARCHAR(255) NOT NULL,
  host                 VARCHAR(255) NOT NULL,
  port                 INT NOT NULL,
  username             VARCHAR(255) NOT NULL,
  secret_sealed        VARCHAR(1024) NOT NULL,
  mbg_host             VARCHAR(255) NOT NULL DEFAULT '',
  mbg_secret_sealed    VARCHAR(1024) NOT NULL DEFAULT '',
  micollab_host        VARCHAR(255) NOT NULL DEFAULT '',
  micollab_secret_sealed VARCHAR(1024) NOT NULL DEFAULT '',
  sync_minutes         INT NOT NULL DEFAULT 20,
  -- scheduling: NULL until Connect; a sync is due from due_at on
  due_at               DATETIME NULL,
  sync_requested       TINYINT(1) NOT NULL DEFAULT 0,
  lease_owner          VARCHAR(96) NULL,
  lease_until          DATETIME NULL,
  -- status
  connected            TINYINT(1) NOT NULL DEFAULT 0,
  failing              TINYINT(1) NOT NULL DEFAULT 0,
  failures             INT NOT NULL DEFAULT 0,
  syncs                INT NOT NULL DEFAULT 0,
  last_attempt_at      DATETIME NULL,
  last_success_at      DATETIME NULL,
  last_error           VARCHAR(512) NOT NULL DEFAULT '',
  -- the same as a message key and its arguments (lib/stored_message.h, migrations/240):
  -- each reader sees the error in their language
  last_error_key       VARCHAR(40) NULL,
  last_error_args      TEXT NULL,
  users_count          INT NOT NULL DEFAULT 0,
  dids_count           INT NOT NULL DEFAULT 0,
  no_email_count       INT NOT NULL DEFAULT 0,
  dup_email_count      INT NOT NULL DEFAULT 0,
  pbx_version          VARCHAR(64) NOT NULL DEFAULT '',
  etag                 VARCHAR(128) NOT NULL DEFAULT '',
  -- the last sync's outcome: {added, changed, removed, unlinked, writes, seconds, ...}
  last_result          JSON NULL,
  created_at           DATETIME NOT NULL,
  updated_at           DATETIME NOT NULL,
  KEY ix_pbx_links_account (account_id, id),
  -- the scheduler: due links
  KEY ix_pbx_links_due (due_at),
  CONSTRAINT fk_pbx_links_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The PBX profile of each user of a linked PBX, keyed by the PBX's stable
-- id (never by email). user_id is the console user it gives a login to:
-- NULL while its email is missing or not unique (email_state), so it is
-- listed instead. fingerprint is a hash of the PBX-owned fields: an
-- unchanged user costs no write.
CREATE TABLE IF NOT EXISTS pbx_users (
  link_id      BIGINT UNSIGNED NOT NULL,
  pbx_id       VARCHAR(64) NOT NULL,
  account_id   CHAR(36) NOT NULL,
  user_id      BIGINT UNSIGNED NULL,
  first_name   VARCHAR(100) NOT NULL DEFAULT '',
  last_name    VARCHAR(100) NOT NULL DEFAULT '',
  email        VARCHAR(255) NOT NULL DEFAULT '',
  extensions   VARCHAR(255) NOT NULL DEFAULT '',
  department   VARCHAR(100) NOT NULL DEFAULT '',
  location     VARCHAR(100) NOT NULL DEFAULT '',
  -- the MiVoice Business service category the console last wrote for the
  -- user (guide §3.1.2.1 Complete setup); '' for no service assigned
  service_category VARCHAR(64) NOT NULL DEFAULT '',
  email_state  ENUM('ok','missing','duplicate') NOT NULL DEFAULT 'ok',
  fingerprint  CHAR(16) NOT NULL,
  updated_at   DATETIME NOT NULL,
  PRIMARY KEY (link_id, pbx_id),
  -- the irregularity lists
  KEY ix_pbx_users_email_state (link_id, email_state, last_name),
  -- a console user's PBX profile (read-only fields, delete)
  KEY ix_pbx_users_user (user_id),
  CONSTRAINT fk_pbx_users_link FOREIGN KEY (link_id) REFERENCES pbx_links (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The DIDs (DDI numbers) of a linked PBX.
CREATE TABLE IF NOT EXISTS pbx_dids (
  link_id     BIGINT UNSIGNED NOT NULL,
  number      VARCHAR(32) NOT NULL,
  account_id  CHAR(36) NOT NULL,
  target      VARCHAR(64) NOT NULL DEFAULT '',
  PRIMARY KEY (link_id, number),
  CONSTRAINT fk_pbx_dids_link FOREIGN KEY (link_id) REFERENCES pbx_links (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Galera cluster (ARCHITECTURE §10) ----

-- Commit marks: with several database nodes every transaction of db_tx
-- writes one, so that a COMMIT whose node died before answering can be told
-- committed or not on another node (lib/core/db.c). The id starts with the
-- time in hex; marks older than a day are deleted by syncd.
CREATE TABLE IF NOT EXISTS tx_commits (
  id  CHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Event History and System Inventory (guide §2.16, §2.17) ----

-- The kinds of event (event_type/asset_type/act) each account has: the
-- candidates of the Event History's smart filters, and the ranges a filter
-- of Asset, Action or Event Type reads (lib/events.c). The trigger
-- tr_events_kinds keeps it whoever writes events: it is created by
-- migrations/120-event-history.sql, after that migration gave an older
-- events table its kind. Retention leaves kinds behind, so readers check
-- each still has events.
CREATE TABLE IF NOT EXISTS event_kinds_seen (
  account_id  CHAR(36) NOT NULL,
  kind        VARCHAR(100) NOT NULL,
  event_type  VARCHAR(24) NOT NULL,
  asset_type  VARCHAR(32) NOT NULL,
  act         VARCHAR(40) NOT NULL,
  PRIMARY KEY (account_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user's columns of a table (Show/hide columns, guide §2.16, §2.17.1):
-- the column keys in order, a hidden one prefixed with '-'.
CREATE TABLE IF NOT EXISTS user_table_prefs (
  user_id     BIGINT UNSIGNED NOT NULL,
  table_key   VARCHAR(32) NOT NULL,
  columns     VARCHAR(1024) NOT NULL,
  updated_at  DATETIME NOT NULL,
  PRIMARY KEY (user_id, table_key),
  CONSTRAINT fk_table_prefs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Export of every event a filter matches, when too many for one response:
-- an export_events job that syncd runs in batches, each batch one chunk of
-- the CSV file, the cursor saying where the next batch starts. The chunks
-- are downloaded in order, one at a time; syncd removes exports a day old.
CREATE TABLE IF NOT EXISTS event_exports (
  job_id      BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  filter      JSON NOT NULL,
  ascending   TINYINT(1) NOT NULL DEFAULT 0,
  cursor_at   VARCHAR(32) NOT NULL DEFAULT '',
  cursor_id   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  chunks      INT NOT NULL DEFAULT 0,
  bytes       BIGINT UNSIGNED NOT NULL DEFAULT 0,
  created_at  DATETIME NOT NULL,
  KEY ix_event_exports_created (created_at),
  CONSTRAINT fk_event_exports_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS event_export_chunks (
  job_id  BIGINT UNSIGNED NOT NULL,
  seq     INT NOT NULL,
  data    MEDIUMBLOB NOT NULL,
  PRIMARY KEY (job_id, seq),
  CONSTRAINT fk_event_export_chunks FOREIGN KEY (job_id) REFERENCES event_exports (job_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Linking a CloudLink Daemon to an account (ch2 §9.5): a single-use code an
-- administrator makes in the console, valid for minutes, kept only hashed.
CREATE TABLE IF NOT EXISTS inventory_link_codes (
  code_hash        CHAR(64) NOT NULL PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  created_by       BIGINT UNSIGNED NULL,
  created_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  created_by_email VARCHAR(255) NOT NULL DEFAULT '',
  created_at       DATETIME NOT NULL,
  expires_at       DATETIME NOT NULL,
  used_at          DATETIME NULL,
  daemon_id        BIGINT UNSIGNED NULL,
  KEY ix_link_codes_account (account_id, created_at),
  CONSTRAINT fk_link_codes_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A linked daemon: its inventory-daemon credential, the platform it runs on,
-- how often it reports and when it last did.
CREATE TABLE IF NOT EXISTS inventory_daemons (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       CHAR(36) NOT NULL,
  partner_id       CHAR(36) NOT NULL,
  credential_id    BIGINT UNSIGNED NOT NULL,
  host             VARCHAR(255) NOT NULL,
  platform_uid     VARCHAR(128) NOT NULL,
  linked_at        DATETIME NOT NULL,
  linked_by_name   VARCHAR(255) NOT NULL DEFAULT '',
  report_interval  INT NOT NULL DEFAULT 3600,
  last_report_at   DATETIME NULL,
  unlinked_at      DATETIME NULL,
  UNIQUE KEY ux_daemons_credential (credential_id),
  KEY ix_daemons_account (account_id, id),
  CONSTRAINT fk_daemons_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Platforms as their daemons last reported them (guide §2.17.1). Kept in
-- HOST order per partner (the primary key); the partner view walks
-- ix_platforms_walk with its filters, the customer view ix_platforms_account. SWA
-- STATUS is derived when read (lib/inventory_swa.h). A platform that stops
-- reporting stays, shown as stale.
CREATE TABLE IF NOT EXISTS inventory_platforms (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  partner_id       CHAR(36) NOT NULL,
  account_id       CHAR(36) NOT NULL,
  daemon_id        BIGINT UNSIGNED NOT NULL,
  platform_uid     VARCHAR(128) NOT NULL,
  host             VARCHAR(255) NOT NULL,
  platform_type    VARCHAR(32) CHARACTER SET ascii NOT NULL,
  platform_name    VARCHAR(255) NOT NULL DEFAULT '',
  system_family    VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT '',
  version          VARCHAR(64) NOT NULL DEFAULT '',
  licence_id       VARCHAR(64) NOT NULL DEFAULT '',
  license_type     ENUM('unlicensed','subscription','perpetual') NOT NULL DEFAULT 'unlicensed',
  swa_expiry       DATE NULL,
  -- its applications' types, sorted, comma-separated (APPLICATION TYPES)
  app_types        VARCHAR(512) CHARACTER SET ascii NOT NULL DEFAULT '',
  -- the tunnel Launch opens (guide §3.1.2 Tunnels), '' when it has none
  launch_tunnel    VARCHAR(32) NOT NULL DEFAULT '',
  launch_state     ENUM('none','started','stopped') NOT NULL DEFAULT 'none',
  report_interval  INT NOT NULL DEFAULT 3600,
  first_seen_at    DATETIME NOT NULL,
  reported_at      DATETIME NOT NULL,
  -- what the Platform Type, System Family, License Type and Application
  -- Type filters read, joined: a partner has few kinds of platform
  kind             VARCHAR(620) CHARACTER SET ascii
                   AS (CONCAT(platform_type, '/', system_family, '/', license_type, '/', app_types)) STORED,
  PRIMARY KEY (partner_id, host, id),
  UNIQUE KEY ux_platforms_id (id),
  UNIQUE KEY ux_platforms_uid (account_id, platform_uid),
  KEY ix_platforms_account (account_id, host, id),
  -- the partner view's walk in HOST order, the filters' columns read from
  -- the index alone (the keys are ascii to keep its entries short)
  KEY ix_platforms_walk (partner_id, host, id, platform_type, system_family, license_type, swa_expiry, app_types),
  -- the partner view with those filters: one range in HOST order per kind
  -- that matches (inventory_platform_kinds), SWA Status and the account
  -- manager's accounts tested on the entries
  KEY ix_platforms_kind (partner_id, kind, host, id, account_id, license_type, swa_expiry),
  -- the search: a prefix of the platform name, licence or platform id
  KEY ix_platforms_name (partner_id, platform_name),
  KEY ix_platforms_licence (partner_id, licence_id),
  KEY ix_platforms_uid (partner_id, platform_uid),
  CONSTRAINT fk_platforms_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One application on a platform (guide §2.17.2), in NAME (host) order per
-- partner, like the platforms.
CREATE TABLE IF NOT EXISTS inventory_applications (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  platform_id      BIGINT UNSIGNED NOT NULL,
  partner_id       CHAR(36) NOT NULL,
  account_id       CHAR(36) NOT NULL,
  host             VARCHAR(255) NOT NULL,
  app_type         VARCHAR(64) NOT NULL,
  app_name         VARCHAR(255) NOT NULL DEFAULT '',
  version          VARCHAR(64) NOT NULL DEFAULT '',
  tunnels          JSON NOT NULL DEFAULT '[]',
  launch_tunnel    VARCHAR(32) NOT NULL DEFAULT '',
  launch_state     ENUM('none','started','stopped') NOT NULL DEFAULT 'none',
  PRIMARY KEY (partner_id, host, app_type, id),
  UNIQUE KEY ux_applications_id (id),
  UNIQUE KEY ux_applications_platform (platform_id, app_type, app_name),
  KEY ix_applications_account (account_id, host, app_type, id),
  -- the Application Type filter in NAME order
  KEY ix_applications_type (partner_id, app_type, host, id),
  -- the search: a prefix of the application's name
  KEY ix_applications_name (partner_id, app_name),
  CONSTRAINT fk_applications_platform FOREIGN KEY (platform_id) REFERENCES inventory_platforms (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The filters' options (guide §2.17.1): which accounts of a partner have
-- platforms (app_type '') and the application types each has, kept by the
-- triggers below whoever writes the inventory; an account's rows go with it.
CREATE TABLE IF NOT EXISTS inventory_options (
  partner_id  CHAR(36) NOT NULL,
  account_id  CHAR(36) NOT NULL,
  app_type    VARCHAR(64) NOT NULL,
  PRIMARY KEY (partner_id, account_id, app_type),
  KEY ix_inventory_options_account (account_id, app_type),
  CONSTRAINT fk_inventory_options_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The kinds of platform each partner has (inventory_platforms.kind): the
-- ranges the filters read (lib/inventory.c). Kept by the triggers
-- tr_inventory_platforms_kinds* whoever writes the inventory: they are
-- created by migrations/251-platform-kinds.sql, after that migration gave
-- an older inventory_platforms table its kind. A kind no platform has any
-- more stays, an empty range.
CREATE TABLE IF NOT EXISTS inventory_platform_kinds (
  partner_id     CHAR(36) NOT NULL,
  kind           VARCHAR(620) CHARACTER SET ascii NOT NULL,
  platform_type  VARCHAR(32) CHARACTER SET ascii NOT NULL,
  system_family  VARCHAR(32) CHARACTER SET ascii NOT NULL,
  license_type   ENUM('unlicensed','subscription','perpetual') NOT NULL,
  app_types      VARCHAR(512) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (partner_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS tr_inventory_platforms_options AFTER INSERT ON inventory_platforms FOR EACH ROW
  INSERT IGNORE INTO inventory_options (partner_id, account_id, app_type) VALUES (NEW.partner_id, NEW.account_id, '');
CREATE TRIGGER IF NOT EXISTS tr_inventory_applications_options AFTER INSERT ON inventory_applications FOR EACH ROW
  INSERT IGNORE INTO inventory_options (partner_id, account_id, app_type) VALUES (NEW.partner_id, NEW.account_id, NEW.app_type);

-- Launch (guide §2.17.1): a single-use URL per click, valid a minute, kept
-- only hashed; the daemon's tunnel asks /api/v1/launch/verify before it
-- serves. app_type '' is the platform's own console.
CREATE TABLE IF NOT EXISTS inventory_launches (
  token_hash   CHAR(64) NOT NULL PRIMARY KEY,
  platform_id  BIGINT UNSIGNED NOT NULL,
  daemon_id    BIGINT UNSIGNED NOT NULL,
  account_id   CHAR(36) NOT NULL,
  app_type     VARCHAR(64) NOT NULL DEFAULT '',
  user_id      BIGINT UNSIGNED NULL,
  user_name    VARCHAR(255) NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL,
  expires_at   DATETIME NOT NULL,
  used_at      DATETIME NULL,
  KEY ix_launches_expires (expires_at),
  CONSTRAINT fk_launches_platform FOREIGN KEY (platform_id) REFERENCES inventory_platforms (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Integrations, privileges and account policy (guide §2.3, §2.12, §3.1) ----

-- The integrations added to a customer account, one row per kind of
-- lib/integrations.c's table (Chat, always present, has none). state:
-- incomplete (added, setup not finished), added (toggle off), enabled,
-- removing (a removal job runs), error. status_level/status_text: what a
-- driver last reported (syncd writes them; a page load never asks a peer).
CREATE TABLE IF NOT EXISTS account_integrations (
  account_id        CHAR(36) NOT NULL,
  kind              VARCHAR(32) NOT NULL,
  state             ENUM('incomplete','added','enabled','removing','error') NOT NULL,
  status_level      ENUM('','ok','warn','error','incomplete') NOT NULL DEFAULT '',
  status_text       VARCHAR(512) NOT NULL DEFAULT '',
  config            JSON NULL,
  -- a secret the integration presents to its vendor, sealed (lib/core/crypto.h)
  secret            TEXT NULL,
  last_verified_at  DATETIME NULL,
  added_at          DATETIME NOT NULL,
  added_by_name     VARCHAR(255) NOT NULL DEFAULT '',
  updated_at        DATETIME NOT NULL,
  PRIMARY KEY (account_id, kind),
  CONSTRAINT fk_integrations_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A privilege set by hand (guide §3.1 "Privileges Associated with
-- Integration"): on or off whatever the integrations say; auto (or no row)
-- follows the enabled integrations that imply it.
CREATE TABLE IF NOT EXISTS account_privileges (
  account_id    CHAR(36) NOT NULL,
  privilege     ENUM('delegated_authentication','guest_access') NOT NULL,
  manual_state  ENUM('auto','on','off') NOT NULL DEFAULT 'auto',
  updated_at    DATETIME NOT NULL,
  PRIMARY KEY (account_id, privilege),
  CONSTRAINT fk_privileges_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The account's settings the apps obey (the policy API): Call Services'
-- Bandwidth Optimization (off by default) and Chat Service Settings' Allow
-- editing and deleting of messages (on by default). No row: the defaults.
CREATE TABLE IF NOT EXISTS account_policy (
  account_id              CHAR(36) NOT NULL PRIMARY KEY,
  bandwidth_optimization  TINYINT(1) NOT NULL DEFAULT 0,
  chat_allow_edit_delete  TINYINT(1) NOT NULL DEFAULT 1,
  -- MiTeam Meetings' Optional Waiting Room (guide §3.1.5.2)
  miteam_waiting_room     TINYINT(1) NOT NULL DEFAULT 0,
  -- Mitel One Settings' Allow users to change their avatar (guide §3.1.4), on until cleared
  mitel_one_avatar_change TINYINT(1) NOT NULL DEFAULT 1,
  updated_at              DATETIME NOT NULL,
  CONSTRAINT fk_policy_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Subscriptions assigned to a customer account (guide §2.7): one row per
-- product line of an order assigned to it (lib/subscriptions.h). The
-- warning of guide §2.3 compares their products with the integrations.
CREATE TABLE IF NOT EXISTS subscriptions (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id           CHAR(36) NOT NULL,
  partner_id           CHAR(36) NOT NULL,
  subscription_number  VARCHAR(64) NOT NULL,
  product              VARCHAR(100) NOT NULL,
  plan                 VARCHAR(100) NOT NULL DEFAULT '',
  plan_code            VARCHAR(64) NOT NULL DEFAULT '',
  quantity             INT NOT NULL,
  start_date           DATE NOT NULL,
  -- NULL: perpetual
  expiry_date          DATE NULL,
  -- what brought it (an order's number), for the orders feature
  source_ref           VARCHAR(64) NOT NULL DEFAULT '',
  created_at           DATETIME NOT NULL,
  -- one line of one subscription once per account
  UNIQUE KEY ux_subscriptions_line (account_id, subscription_number, product, plan_code),
  -- the account's subscriptions by product (the panel, the warning)
  KEY ix_subscriptions_account (account_id, product, expiry_date),
  CONSTRAINT fk_subscriptions_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Orders a partner bought (guide §2.6; ch2 §3.7), published by the ordering
-- system through PUT /api/v1/orders/{orderNumber} (lib/orders.h): one row per
-- (partner, order number), replaced whole by a later revision. The status
-- chips are derived when the list is read, never stored.
CREATE TABLE IF NOT EXISTS orders (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id           CHAR(36) NOT NULL,
  order_number         VARCHAR(64) NOT NULL,
  sap_order_number     VARCHAR(64) NOT NULL DEFAULT '',
  reseller_po          VARCHAR(100) NOT NULL DEFAULT '',
  customer_po          VARCHAR(100) NOT NULL DEFAULT '',
  end_customer_sap     VARCHAR(64) NOT NULL DEFAULT '',
  tracking_id          VARCHAR(64) NOT NULL DEFAULT '',
  start_date           DATE NULL,
  term_months          INT NULL,
  -- NULL: perpetual
  expiry_date          DATE NULL,
  -- the list's order: SUBSCRIPTION EXPIRY ascending, perpetual last
  expiry_key           DATE AS (IFNULL(expiry_date, '9999-12-31')) PERSISTENT,
  activated            TINYINT(1) NOT NULL DEFAULT 1,
  licenses             INT NOT NULL DEFAULT 0,
  revision             BIGINT NOT NULL DEFAULT 0,
  assigned_account_id  CHAR(36) NULL,
  assigned_at          DATETIME NULL,
  assigned_by_name     VARCHAR(255) NOT NULL DEFAULT '',
  received_at          DATETIME NOT NULL,
  updated_at           DATETIME NOT NULL,
  UNIQUE KEY ux_orders_number (partner_id, order_number),
  -- All and Expiring in SUBSCRIPTION EXPIRY order; Unassigned (assigned_account_id IS NULL) likewise
  KEY ix_orders_expiry (partner_id, expiry_key, id),
  KEY ix_orders_assigned (partner_id, assigned_account_id, expiry_key, id),
  -- the search's prefixes (guide §2.6: SAP order, POs, tracking number)
  KEY ix_orders_sap (partner_id, sap_order_number),
  KEY ix_orders_reseller_po (partner_id, reseller_po),
  KEY ix_orders_customer_po (partner_id, customer_po),
  KEY ix_orders_tracking (partner_id, tracking_id),
  CONSTRAINT fk_orders_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE,
  CONSTRAINT fk_orders_account FOREIGN KEY (assigned_account_id) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A partner's orders and unassigned orders, for the counts of Billing →
-- Orders' title (All, Unassigned) without counting the table: kept by the
-- triggers below with every write of orders. Deleting a customer account
-- unassigns its orders by the foreign key, which fires no trigger, so the
-- account's delete trigger counts them back first.
CREATE TABLE IF NOT EXISTS partner_order_counts (
  partner_id  CHAR(36) NOT NULL PRIMARY KEY,
  orders      INT NOT NULL DEFAULT 0,
  unassigned  INT NOT NULL DEFAULT 0,
  -- moves on with every write of the partner's orders: the list's page
  -- anchors (lib/orders_list.c) are good while it stays
  version     BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_order_counts_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_insert AFTER INSERT ON orders FOR EACH ROW
  INSERT INTO partner_order_counts (partner_id, orders, unassigned, version) VALUES (NEW.partner_id, 1, NEW.assigned_account_id IS NULL, 1)
  ON DUPLICATE KEY UPDATE orders = orders + 1, unassigned = unassigned + (NEW.assigned_account_id IS NULL), version = version + 1;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_update AFTER UPDATE ON orders FOR EACH ROW
  UPDATE partner_order_counts SET unassigned = unassigned + (NEW.assigned_account_id IS NULL) - (OLD.assigned_account_id IS NULL),
    version = version + 1
  WHERE partner_id = NEW.partner_id;
CREATE TRIGGER IF NOT EXISTS tr_orders_count_delete AFTER DELETE ON orders FOR EACH ROW
  UPDATE partner_order_counts SET orders = orders - 1, unassigned = unassigned - (OLD.assigned_account_id IS NULL), version = version + 1
  WHERE partner_id = OLD.partner_id;
CREATE TRIGGER IF NOT EXISTS tr_accounts_orders_unassigned BEFORE DELETE ON accounts FOR EACH ROW
  UPDATE partner_order_counts SET unassigned = unassigned +
    (SELECT COUNT(*) FROM orders WHERE partner_id = OLD.partner_id AND assigned_account_id = OLD.id), version = version + 1
  WHERE partner_id = OLD.partner_id;

-- A partner's order file feed (ch2 §3.7): a folder or the URL of an index
-- its ordering system leaves order files in (JSON or CSV), polled by syncd
-- (syncd/order_feeds.c) every Orders.FeedPollMinutes, claimed like a job
-- (lease_owner, lease_until; SKIP LOCKED). checked_at: the last pass's end.
CREATE TABLE IF NOT EXISTS order_feeds (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id       CHAR(36) NOT NULL,
  source           VARCHAR(1000) NOT NULL,
  due_at           DATETIME NOT NULL,
  lease_owner      VARCHAR(96) NULL,
  lease_until      DATETIME NULL,
  checked_at       DATETIME(6) NULL,
  last_error       VARCHAR(1000) NOT NULL DEFAULT '',
  UNIQUE KEY ux_order_feeds_partner (partner_id),
  KEY ix_order_feeds_due (due_at),
  CONSTRAINT fk_order_feeds_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each file a feed took, by its identity (name, size, SHA-256): written in
-- the transaction that applies the file, so a file applies exactly once
-- whichever syncd takes it; a rejected file (a bad file or row: nothing of
-- it written) is kept too, so it is reported once, until it changes.
CREATE TABLE IF NOT EXISTS order_feed_files (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id   CHAR(36) NOT NULL,
  name         VARCHAR(255) NOT NULL,
  size         BIGINT NOT NULL,
  sha256       CHAR(64) NOT NULL,
  outcome      ENUM('applied','rejected') NOT NULL,
  -- orders the file created or changed (same or older revisions change nothing)
  orders       INT NOT NULL DEFAULT 0,
  error        VARCHAR(1000) NOT NULL DEFAULT '',
  taken_at     DATETIME NOT NULL,
  UNIQUE KEY ux_order_feed_files (partner_id, name, size, sha256),
  CONSTRAINT fk_order_feed_files_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An order's product lines (Subscription details, Number of licenses).
CREATE TABLE IF NOT EXISTS order_lines (
  order_id      BIGINT UNSIGNED NOT NULL,
  line_no       INT NOT NULL,
  product       VARCHAR(100) NOT NULL,
  plan          VARCHAR(100) NOT NULL DEFAULT '',
  plan_code     VARCHAR(64) NOT NULL DEFAULT '',
  plan_details  VARCHAR(500) NOT NULL DEFAULT '',
  quantity      INT NOT NULL,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An order's tracking events (See additional tracking details).
CREATE TABLE IF NOT EXISTS order_tracking (
  order_id  BIGINT UNSIGNED NOT NULL,
  seq       INT NOT NULL,
  at        DATETIME NOT NULL,
  stage     VARCHAR(100) NOT NULL,
  detail    VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (order_id, seq),
  CONSTRAINT fk_order_tracking_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Applications a partner registered on the Developer page (guide §2.14.11):
-- a public client id and a secret of which only the SHA-256 is kept; they
-- obtain OAuth 2.0 access tokens (machine_credentials of kind oauth-access)
-- for the customer accounts they are assigned to.
CREATE TABLE IF NOT EXISTS applications (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id         CHAR(36) NOT NULL,
  client_id          CHAR(36) NOT NULL,
  secret_hash        CHAR(64) NOT NULL,
  name               VARCHAR(100) NOT NULL,
  description        VARCHAR(500) NOT NULL DEFAULT '',
  -- one absolute URI per line
  redirect_uris      TEXT NOT NULL,
  secret_created_at  DATETIME NOT NULL,
  created_at         DATETIME NOT NULL,
  updated_at         DATETIME NOT NULL,
  created_by_name    VARCHAR(255) NOT NULL DEFAULT '',
  UNIQUE KEY ux_applications_client (client_id),
  -- the Developer page: one partner's applications by name
  UNIQUE KEY ux_applications_partner_name (partner_id, name),
  CONSTRAINT fk_applications_partner FOREIGN KEY (partner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The customer accounts an application may obtain tokens for.
CREATE TABLE IF NOT EXISTS application_accounts (
  application_id    BIGINT UNSIGNED NOT NULL,
  account_id        CHAR(36) NOT NULL,
  assigned_at       DATETIME NOT NULL,
  assigned_by_name  VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, account_id),
  KEY ix_application_accounts_account (account_id, application_id),
  CONSTRAINT fk_application_accounts_app FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
  CONSTRAINT fk_application_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
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
  -- the Users list's Group filter: a group's members within the account
  -- (lib/user_list.c reads every list from an index starting with account_id)
  KEY ix_user_group_members_account (account_id, group_id, user_id),
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
  -- the same as a key under scim.errors and its arguments (lib/stored_message.h):
  -- each reader sees it in their language; NULL for a row written before
  last_error_key    VARCHAR(40) NULL,
  last_error_args   TEXT NULL,
  -- the last pull: {fetched, added, changed, removed, skipped, writes, seconds}
  last_result       JSON NULL,
  -- the newest meta.lastModified the source has listed (its own clock):
  -- the next pull asks only for users modified since (NULL: list them all)
  watermark         VARCHAR(64) NULL,
  -- when every user was last listed (a full listing at least daily)
  listed_all_at     DATETIME NULL,
  created_by_name   VARCHAR(255) NOT NULL DEFAULT '',
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  KEY ix_scim_sources_account (account_id, id),
  -- the scheduler: due sources
  KEY ix_scim_sources_due (due_at),
  CONSTRAINT fk_scim_sources_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Single sign-on (guide §1.2, §3.2.2; ch3 §6) ----

-- A customer account's SAML identity provider, as the Single Sign-On
-- dialog sets it. certificates holds the PEM blocks one after the other;
-- cert_expires_at is the earliest of their ends (the status line warns
-- before it). With a row here the account's users sign in through the
-- identity provider (lib/saml_store.h says who may still use a password).
CREATE TABLE IF NOT EXISTS sso_configs (
  account_id         CHAR(36) NOT NULL PRIMARY KEY,
  idp_name           VARCHAR(255) NOT NULL,
  idp_entity_id      VARCHAR(1024) NOT NULL,
  sign_in_url        VARCHAR(1024) NOT NULL,
  certificates       MEDIUMTEXT NOT NULL,
  cert_expires_at    DATETIME NOT NULL,
  mitel_credentials  TINYINT(1) NOT NULL DEFAULT 0,
  created_at         DATETIME NOT NULL,
  updated_at         DATETIME NOT NULL,
  updated_by_name    VARCHAR(255) NOT NULL DEFAULT '',
  CONSTRAINT fk_sso_configs_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The AuthnRequests we sent: a Response must name one in InResponseTo, for
-- the same provider (a customer account's id, or 'partner'), once, before
-- it expires. Workers share nothing else, so this is where any of them
-- finds what another one sent. Only the SHA-256 of the request ID is kept.
CREATE TABLE IF NOT EXISTS saml_requests (
  id_hash     CHAR(64) NOT NULL PRIMARY KEY,
  provider    VARCHAR(36) NOT NULL,
  expires_at  DATETIME NOT NULL,
  -- housekeeping: the expired ones
  KEY ix_saml_requests_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Assertions accepted, kept until they could no longer be accepted anyway:
-- the same assertion is never accepted twice, by any worker (replay
-- cache). id_hash is the SHA-256 of the issuer, a line break and the ID.
CREATE TABLE IF NOT EXISTS saml_assertions (
  id_hash     CHAR(64) NOT NULL PRIMARY KEY,
  expires_at  DATETIME NOT NULL,
  KEY ix_saml_assertions_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The partner identity provider (guide §1.2): the partner account made for
-- each organisation it names at its first sign-in (org_key: the
-- organisation's id, or its name, as the provider sends it) ...
CREATE TABLE IF NOT EXISTS partner_idp_accounts (
  org_key     VARCHAR(255) NOT NULL PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  created_at  DATETIME NOT NULL,
  UNIQUE KEY ux_partner_idp_accounts_account (account_id),
  CONSTRAINT fk_partner_idp_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ... and the partner user each of its people (subject: their NameID)
-- signs in as.
CREATE TABLE IF NOT EXISTS partner_idp_users (
  subject     VARCHAR(255) NOT NULL PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY ix_partner_idp_users_user (user_id),
  CONSTRAINT fk_partner_idp_users_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- MiVoice Business user extension ranges (guide §3.1.2 Numbers): the safe
-- blocks of directory numbers new phone services take their next free DN
-- from. Kept by the console (the PBX has no such list); DNs are digit
-- strings, and ranges of one length never overlap.
CREATE TABLE IF NOT EXISTS mivb_ranges (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id  CHAR(36) NOT NULL,
  start_dn    VARCHAR(10) NOT NULL,
  end_dn      VARCHAR(10) NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY ix_mivb_ranges_account (account_id, start_dn),
  CONSTRAINT fk_mivb_ranges_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- User Templates (guide §3.1.3.2; User Management > User Templates): what a
-- user gets with a product, per account. mivb holds the MiVoice Business
-- block (category, group, location, department, phone type and set, keys:
-- lib/user_templates.h), NULL when the template has no MiVoice Business.
CREATE TABLE IF NOT EXISTS user_templates (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id   CHAR(36) NOT NULL,
  name         VARCHAR(100) NOT NULL,
  description  VARCHAR(500) NOT NULL DEFAULT '',
  mivb         JSON NULL,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  UNIQUE KEY ux_user_templates_name (account_id, name),
  CONSTRAINT fk_user_templates_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The items of a Sync MiVoice Business to MiCollab job (guide §3.1.2 Tools):
-- the PBX's ring groups (PRG, MDUG) by the PBX's id, done one by one.
CREATE TABLE IF NOT EXISTS mivb_sync_items (
  job_id      BIGINT UNSIGNED NOT NULL,
  seq         INT NOT NULL,
  item_id     VARCHAR(64) NOT NULL,
  name        VARCHAR(128) NOT NULL DEFAULT '',
  outcome     ENUM('pending','done','failed') NOT NULL DEFAULT 'pending',
  PRIMARY KEY (job_id, seq),
  KEY ix_mivb_sync_items_outcome (job_id, outcome, seq),
  CONSTRAINT fk_mivb_sync_items_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
