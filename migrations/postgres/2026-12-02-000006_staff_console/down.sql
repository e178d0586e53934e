ALTER TABLE sessions DROP COLUMN last_seen_at;
ALTER TABLE staff DROP COLUMN must_change_password;
