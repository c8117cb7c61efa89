-- System Inventory's Platforms (guide §2.17.1): the filters read one index
-- range per kind of platform that matches (schema.sql: inventory_platforms.kind,
-- inventory_platform_kinds, kept by triggers from now on and filled here for
-- the platforms reported before). Idempotent.
ALTER TABLE inventory_platforms
  ADD COLUMN IF NOT EXISTS kind VARCHAR(620) CHARACTER SET ascii
    AS (CONCAT(platform_type, '/', system_family, '/', license_type, '/', app_types)) STORED AFTER reported_at,
  ADD KEY IF NOT EXISTS ix_platforms_kind (partner_id, kind, host, id, account_id, license_type, swa_expiry);
CREATE TABLE IF NOT EXISTS inventory_platform_kinds (
  partner_id     CHAR(36) NOT NULL,
  kind           VARCHAR(620) CHARACTER SET ascii NOT NULL,
  platform_type  VARCHAR(32) CHARACTER SET ascii NOT NULL,
  system_family  VARCHAR(32) CHARACTER SET ascii NOT NULL,
  license_type   ENUM('unlicensed','subscription','perpetual') NOT NULL,
  app_types      VARCHAR(512) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (partner_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER IF NOT EXISTS tr_inventory_platforms_kinds AFTER INSERT ON inventory_platforms FOR EACH ROW
  INSERT IGNORE INTO inventory_platform_kinds (partner_id, kind, platform_type, system_family, license_type, app_types)
  VALUES (NEW.partner_id, NEW.kind, NEW.platform_type, NEW.system_family, NEW.license_type, NEW.app_types);
CREATE TRIGGER IF NOT EXISTS tr_inventory_platforms_kinds_update AFTER UPDATE ON inventory_platforms FOR EACH ROW
  INSERT IGNORE INTO inventory_platform_kinds (partner_id, kind, platform_type, system_family, license_type, app_types)
  VALUES (NEW.partner_id, NEW.kind, NEW.platform_type, NEW.system_family, NEW.license_type, NEW.app_types);
INSERT IGNORE INTO inventory_platform_kinds (partner_id, kind, platform_type, system_family, license_type, app_types)
SELECT DISTINCT partner_id, kind, platform_type, system_family, license_type, app_types FROM inventory_platforms;
