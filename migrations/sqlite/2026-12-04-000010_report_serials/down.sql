CREATE TABLE report_keys_by_id (
    report_id TEXT PRIMARY KEY NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL
);
INSERT INTO report_keys_by_id (report_id, key_id, wrapped_key)
    SELECT report_id, key_id, wrapped_key FROM report_keys;
DROP TABLE report_keys;
ALTER TABLE report_keys_by_id RENAME TO report_keys;

CREATE TABLE report_contacts_by_id (
    report_id TEXT PRIMARY KEY NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    content BLOB NOT NULL
);
INSERT INTO report_contacts_by_id (report_id, key_id, wrapped_key, content)
    SELECT report_id, key_id, wrapped_key, content FROM report_contacts;
DROP TABLE report_contacts;
ALTER TABLE report_contacts_by_id RENAME TO report_contacts;

CREATE TABLE consent_history_by_id (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    spoc_id TEXT,
    statement_version TEXT,
    given_on TEXT NOT NULL,
    mac TEXT,
    PRIMARY KEY (report_id, seq)
);
INSERT INTO consent_history_by_id
    (report_id, seq, level, spoc_id, statement_version, given_on, mac)
    SELECT report_id, seq, level, spoc_id, statement_version, given_on, mac FROM consent_history;
DROP TABLE consent_history;
ALTER TABLE consent_history_by_id RENAME TO consent_history;

DROP INDEX reports_serial;
ALTER TABLE reports DROP COLUMN serial;
