-- Outreach organisations that relay reports. API keys are stored only as keyed hashes.
CREATE TABLE orgs (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    active BOOLEAN NOT NULL DEFAULT 1,
    created_on TEXT NOT NULL,
    revoked_on TEXT
);

-- What was sent to police, when, to whom, at which level: the exact content, sealed under the
-- report's data key. One per report.
CREATE TABLE disclosures (
    id TEXT PRIMARY KEY NOT NULL,
    report_id TEXT NOT NULL UNIQUE REFERENCES reports (id) ON DELETE CASCADE,
    spoc_id TEXT NOT NULL REFERENCES spocs (id),
    level TEXT NOT NULL,
    disclosed_on TEXT NOT NULL,
    content BLOB NOT NULL
);
