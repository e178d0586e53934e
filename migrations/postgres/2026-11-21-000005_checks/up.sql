-- Perpetrator identifiers of published alerts, as keyed blind indexes (HMAC-SHA256 of the
-- normalised value): a check can find an exact match, but the table names no number, address,
-- vehicle or handle. Rows are written when an alert is published and deleted when its report is
-- withdrawn.
CREATE TABLE identifier_index (
    id TEXT PRIMARY KEY NOT NULL,
    hash TEXT NOT NULL,
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    report_id TEXT,
    category TEXT NOT NULL,
    region TEXT NOT NULL,
    published_on TEXT NOT NULL
);
CREATE INDEX identifier_index_hash ON identifier_index (hash);
CREATE INDEX identifier_index_report ON identifier_index (report_id);
