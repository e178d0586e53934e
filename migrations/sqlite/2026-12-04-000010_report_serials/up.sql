-- A report's key, contact and consents are found by the report's serial number, an internal
-- counter, instead of its random id. With the random id as their key every new report wrote a
-- page somewhere in the middle of each of their indexes; by serial it appends to the last one
-- (docs/performance.md). The serial never leaves the database: the ids that do stay random,
-- and the database already held insertion order in its row numbers. `report_id` stays in each
-- row (the same value, unindexed) so what is read back is unchanged.
ALTER TABLE reports ADD COLUMN serial INTEGER NOT NULL DEFAULT 0;
UPDATE reports SET serial = rowid;
CREATE UNIQUE INDEX reports_serial ON reports (serial);

CREATE TABLE report_keys_by_serial (
    report_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    report_serial INTEGER PRIMARY KEY NOT NULL REFERENCES reports (serial) ON DELETE CASCADE
);
INSERT INTO report_keys_by_serial (report_id, key_id, wrapped_key, report_serial)
    SELECT k.report_id, k.key_id, k.wrapped_key, r.serial
    FROM report_keys k JOIN reports r ON r.id = k.report_id;
DROP TABLE report_keys;
ALTER TABLE report_keys_by_serial RENAME TO report_keys;

CREATE TABLE report_contacts_by_serial (
    report_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    content BLOB NOT NULL,
    report_serial INTEGER PRIMARY KEY NOT NULL REFERENCES reports (serial) ON DELETE CASCADE
);
INSERT INTO report_contacts_by_serial (report_id, key_id, wrapped_key, content, report_serial)
    SELECT c.report_id, c.key_id, c.wrapped_key, c.content, r.serial
    FROM report_contacts c JOIN reports r ON r.id = c.report_id;
DROP TABLE report_contacts;
ALTER TABLE report_contacts_by_serial RENAME TO report_contacts;

CREATE TABLE consent_history_by_serial (
    report_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    spoc_id TEXT,
    statement_version TEXT,
    given_on TEXT NOT NULL,
    mac TEXT,
    report_serial INTEGER NOT NULL REFERENCES reports (serial) ON DELETE CASCADE,
    PRIMARY KEY (report_serial, seq)
);
INSERT INTO consent_history_by_serial
    (report_id, seq, level, spoc_id, statement_version, given_on, mac, report_serial)
    SELECT h.report_id, h.seq, h.level, h.spoc_id, h.statement_version, h.given_on, h.mac, r.serial
    FROM consent_history h JOIN reports r ON r.id = h.report_id;
DROP TABLE consent_history;
ALTER TABLE consent_history_by_serial RENAME TO consent_history;
