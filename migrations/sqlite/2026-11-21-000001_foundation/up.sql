-- Fingerprints (never the keys) of the master keys this database has been used with, so a
-- service started with the wrong key file refuses to run instead of writing unreadable data.
CREATE TABLE master_keys (
    key_id TEXT PRIMARY KEY NOT NULL,
    added_on TEXT NOT NULL
);
