-- The job that removes the CloudLink Gateway integration (ch3 §2.6).
ALTER TABLE jobs MODIFY COLUMN kind ENUM('welcome','reset','delete','convert','upgrade','assign','unassign','gateway_reset') NOT NULL;
