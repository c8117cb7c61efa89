-- Order file feeds (ch2 §3.7) and the files they took. Idempotent.
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
