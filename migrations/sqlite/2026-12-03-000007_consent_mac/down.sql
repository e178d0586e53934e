ALTER TABLE consent_history DROP COLUMN mac;
