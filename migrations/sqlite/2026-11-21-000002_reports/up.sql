-- The police single points of contact a reporter may consent to. Filled by the register (admin).
CREATE TABLE spocs (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    email TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT 1,
    created_on TEXT NOT NULL,
    retired_on TEXT
);

-- One row per report. Plaintext columns are only what the case queue needs; everything the
-- reporter wrote is in `content`, sealed under the report's own data key (in report_keys).
CREATE TABLE reports (
    id TEXT PRIMARY KEY NOT NULL,
    receipt_hash TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    region TEXT NOT NULL,
    status TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    consent_level TEXT NOT NULL,
    consent_spoc_id TEXT REFERENCES spocs (id),
    relayed_by TEXT,
    content BLOB NOT NULL
);
CREATE INDEX reports_queue ON reports (status, submitted_on);

-- The report's data key, wrapped under the report-data key. Deleting this row is withdrawal:
-- without it `content` and every message can never be decrypted again (crypto-shredding).
CREATE TABLE report_keys (
    report_id TEXT PRIMARY KEY NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL
);

-- The reporter's contact details, apart from the report and under a different derived key.
CREATE TABLE report_contacts (
    report_id TEXT PRIMARY KEY NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key_id TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    content BLOB NOT NULL
);

-- Messages between reporter and caseworkers, sealed under the report's data key. Ordered by a
-- per-report sequence number: no timestamps, only the day.
CREATE TABLE report_messages (
    id TEXT PRIMARY KEY NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    sender TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (report_id, seq)
);

-- Every consent the reporter has given, in order; the current one is also on `reports`.
CREATE TABLE consent_history (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    spoc_id TEXT,
    statement_version TEXT,
    given_on TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
);
